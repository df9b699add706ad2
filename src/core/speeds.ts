/**
 * Travel speeds for the travel-time model, per kind of link. Legal limits are facts (TT31,
 * NQ172); the speeds a trip averages on this region's links (traffic, towns, slopes, stops)
 * are not published, so every default is an assumption, labelled as one with a note, and the
 * user can change it (a speeds file, or the panel).
 */

/** The kinds of link a corridor can be, and the leg that reaches the network. */
export const SPEED_CLASSES = [
  'expressway',
  'national_road',
  'ho_chi_minh_road',
  'coastal_road',
  'railway',
  'high_speed_railway',
  'access',
] as const;
export type SpeedClass = (typeof SPEED_CLASSES)[number];

export interface SpeedDefault {
  kmh: number;
  /** A source key (data/SOURCES.md), or `assumption`. */
  source: string;
  note_en: string;
  note_vi: string;
}

/** The default speeds, km/h, each with where it comes from. */
export const DEFAULT_SPEEDS: Readonly<Record<SpeedClass, SpeedDefault>> = {
  expressway: {
    kmh: 90,
    source: 'assumption',
    note_en: 'Assumption: an average below the 120 km/h limit TT31 allows on expressways (limits are posted per section).',
    note_vi: 'Giả định: tốc độ trung bình thấp hơn giới hạn 120 km/h của TT31 trên cao tốc (giới hạn cắm biển theo đoạn).',
  },
  national_road: {
    kmh: 50,
    source: 'assumption',
    note_en: 'Assumption: an average below the 80–90 km/h TT31 allows outside towns (50–60 km/h inside them).',
    note_vi: 'Giả định: tốc độ trung bình thấp hơn 80–90 km/h TT31 cho phép ngoài khu dân cư (50–60 km/h trong khu dân cư).',
  },
  ho_chi_minh_road: {
    kmh: 45,
    source: 'assumption',
    note_en: 'Assumption: a mountain road, slower than the national road average.',
    note_vi: 'Giả định: đường miền núi, chậm hơn tốc độ trung bình của quốc lộ.',
  },
  coastal_road: {
    kmh: 45,
    source: 'assumption',
    note_en: 'Assumption: partly built, through coastal towns.',
    note_vi: 'Giả định: mới xây dựng một phần, qua các thị trấn ven biển.',
  },
  railway: {
    kmh: 55,
    source: 'assumption',
    note_en:
      'Assumption: the metre-gauge through trains average about 55 km/h, stops included (Hà Nội–Sài Gòn, about 1,726 km in 30–33 h).',
    note_vi:
      'Giả định: tàu Thống Nhất khổ 1 m chạy trung bình khoảng 55 km/h kể cả dừng đỗ (Hà Nội–Sài Gòn khoảng 1.726 km trong 30–33 giờ).',
  },
  high_speed_railway: {
    kmh: 250,
    source: 'assumption',
    note_en: 'Assumption: an average with stops, below the 350 km/h design speed of NQ172.',
    note_vi: 'Giả định: tốc độ trung bình kể cả dừng đỗ, thấp hơn tốc độ thiết kế 350 km/h theo NQ172.',
  },
  access: {
    kmh: 30,
    source: 'assumption',
    note_en: 'Assumption: the way from a place to the network, along local roads.',
    note_vi: 'Giả định: quãng đường từ một nơi ra mạng lưới, theo đường địa phương.',
  },
};

/** The straight leg to the network is this many times longer along real roads (an assumption). */
export const DEFAULT_DETOUR = 1.3;

/** Minutes to change between road and rail at a station, waiting included (an assumption). */
export const DEFAULT_BOARD_MINUTES = 15;

/** How far a station may lie from its railway to be on it, km. */
export const STATION_KM = 5;

/** Which kinds of link a trip may use: roads only (the default), or roads and railways (boarded at stations). */
export const MODES = ['road', 'road_rail'] as const;
export type Mode = (typeof MODES)[number];

/** The railway classes (boarded only at stations). */
export const RAIL_CLASSES: readonly SpeedClass[] = ['railway', 'high_speed_railway'];

/** The corridor layer's properties the speed depends on. */
export interface CorridorKindProps {
  id: string;
  mode: string;
  axis: string;
}

/** The speed class of a corridor: by its mode, and for roads by which road it is. */
export function speedClassOf(c: CorridorKindProps): SpeedClass {
  if (c.mode === 'expressway') return 'expressway';
  if (c.mode === 'high_speed_railway') return 'high_speed_railway';
  if (c.mode === 'railway') return 'railway';
  if (c.id === 'duong-ho-chi-minh') return 'ho_chi_minh_road';
  if (c.axis === 'coastal') return 'coastal_road';
  return 'national_road';
}

/** Which classes a trip may use: roads by default (the railways need stations, which the data does not fix yet). */
export const ROAD_CLASSES: readonly SpeedClass[] = ['expressway', 'national_road', 'ho_chi_minh_road', 'coastal_road'];

/** The classes a mode allows. */
export const classesOf = (mode: Mode): readonly SpeedClass[] => (mode === 'road_rail' ? [...ROAD_CLASSES, ...RAIL_CLASSES] : ROAD_CLASSES);

/** Speeds as given by the user: only known classes, each a finite speed in [1, 400] km/h (as scenario files take them). */
export function checkSpeeds(raw: unknown): { ok: true; speeds: Partial<Record<SpeedClass, number>> } | { ok: false; key: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, key: '' };
  const out: Partial<Record<SpeedClass, number>> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!(SPEED_CLASSES as readonly string[]).includes(k)) return { ok: false, key: k };
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 400) return { ok: false, key: k };
    out[k as SpeedClass] = v;
  }
  return { ok: true, speeds: out };
}
