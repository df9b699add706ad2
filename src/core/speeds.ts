/**
 * Travel speeds for the travel-time model, per kind of link. Legal limits are facts (Circular
 * 38/2024/TT-BGTVT, in force 1 January 2025, which replaced Circular 31/2019; limits posted per
 * expressway section; NQ172 for the high-speed railway); the speed a trip averages on a link
 * (towns, slopes, stops) is calibrated against published trip times where they exist
 * (`npx ntcc network check`, data/reference-trips.json) and is otherwise an assumption. Each
 * default says which it is (`kind`) and where it comes from; the user can change any of them.
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

/** What a speed is: a legal limit, a value calibrated against published trip times, or an assumption. */
export type SpeedKind = 'legal_limit' | 'calibrated' | 'assumption';

export interface SpeedDefault {
  kmh: number;
  kind: SpeedKind;
  /** Source keys (data/SOURCES.md), or `assumption`. */
  source: string;
  /** The legal limit of this kind of link, km/h, where one applies (cars up to 28 seats), with its source. */
  limit_kmh: number | null;
  note_en: string;
  note_vi: string;
}

/** The default speeds, km/h, each with what it is and where it comes from. */
export const DEFAULT_SPEEDS: Readonly<Record<SpeedClass, SpeedDefault>> = {
  expressway: {
    kmh: 80,
    kind: 'calibrated',
    source: 'SGGP-VHPT; TT38',
    limit_kmh: 120,
    note_en:
      'Calibrated: Vĩnh Hảo – Phan Thiết, 100.8 km end to end in about 1 h 15 min (80 km/h, its operating speed). TT38 allows at most 120 km/h on expressways; the sections here post 80–90 (four lanes) or 80–100 (two lanes).',
    note_vi:
      'Hiệu chỉnh: Vĩnh Hảo – Phan Thiết 100,8 km đi hết khoảng 1 giờ 15 phút (80 km/h, tốc độ khai thác). TT38 cho phép tối đa 120 km/h trên cao tốc; các đoạn trong vùng cắm biển 80–90 (bốn làn) hoặc 80–100 (hai làn).',
  },
  national_road: {
    kmh: 50,
    kind: 'calibrated',
    source: 'LP-DONGHOI; WIKIVOYAGE-QNG; TT38',
    limit_kmh: 90,
    note_en:
      'Calibrated: buses on QL1 before the expressway (Đồng Hới – Vinh 197 km in 4 h, Đồng Hới – Đông Hà 95 km in 2 h, Quảng Ngãi – Đà Nẵng 130 km in 3 h) average 43–49 km/h. TT38 limits: 90 (divided) or 80 km/h outside built-up areas, 60 or 50 inside them.',
    note_vi:
      'Hiệu chỉnh: xe khách trên QL1 trước khi có cao tốc (Đồng Hới – Vinh 197 km 4 giờ, Đồng Hới – Đông Hà 95 km 2 giờ, Quảng Ngãi – Đà Nẵng 130 km 3 giờ) chạy trung bình 43–49 km/h. Giới hạn TT38: 90 (đường đôi) hoặc 80 km/h ngoài khu đông dân cư, 60 hoặc 50 trong khu đông dân cư.',
  },
  ho_chi_minh_road: {
    kmh: 45,
    kind: 'assumption',
    source: 'assumption; TT38',
    limit_kmh: 80,
    note_en:
      'Assumption: a two-lane mountain road, slower than the national road average (TT38: 80 km/h on two-way roads outside built-up areas); no published trip time at hand.',
    note_vi:
      'Giả định: đường miền núi hai làn, chậm hơn quốc lộ (TT38: 80 km/h trên đường hai chiều ngoài khu đông dân cư); chưa có thời gian chuyến đi công bố.',
  },
  coastal_road: {
    kmh: 45,
    kind: 'assumption',
    source: 'assumption; TT38',
    limit_kmh: 80,
    note_en:
      'Assumption: partly built, through coastal towns (TT38: 80 km/h on two-way roads outside built-up areas); no published trip time at hand.',
    note_vi:
      'Giả định: mới xây dựng một phần, qua các thị trấn ven biển (TT38: 80 km/h trên đường hai chiều ngoài khu đông dân cư); chưa có thời gian chuyến đi công bố.',
  },
  railway: {
    kmh: 48,
    kind: 'calibrated',
    source: 'WIKI-NSR; LP-DONGHOI; KTXD-2021; DCS-2022; BKH-2023',
    limit_kmh: null,
    note_en:
      'Calibrated on the published train times of the network check outside the Huế – Đà Nẵng stretch (which has its own speed): the fastest Reunification trains in Lonely Planet, the May 2021 timetable of six trains (slowed then by works on the line), the summer 2022 trains SE17 and SE19, and the 2023 summer trains SE42/SE43 Nha Trang – Đà Nẵng. Only 47.5–48.3 km/h brings all of them but one within 0.8–1.25; the fastest train to Huế in Lonely Planet (2½ h for 166 km, 66 km/h) fits no speed the others allow. The line is metre gauge, single track.',
    note_vi:
      'Hiệu chỉnh theo các thời gian chạy tàu công bố trong bảng kiểm tra mạng lưới, ngoài đoạn Huế – Đà Nẵng (có tốc độ riêng): tàu Thống Nhất nhanh nhất theo Lonely Planet, biểu đồ tháng 5/2021 của sáu đoàn tàu (khi đó chậm hơn do thi công), tàu SE17 và SE19 hè 2022, tàu SE42/SE43 Nha Trang – Đà Nẵng hè 2023. Chỉ 47,5–48,3 km/h đưa tất cả trừ một chuyến vào 0,8–1,25; chuyến nhanh nhất đi Huế theo Lonely Planet (166 km trong 2,5 giờ, 66 km/h) không hợp với tốc độ nào các chuyến khác cho phép. Đường khổ 1 m, đường đơn.',
  },
  high_speed_railway: {
    kmh: 250,
    kind: 'assumption',
    source: 'assumption; NQ172',
    limit_kmh: 350,
    note_en: 'Assumption: an average with stops, below the 350 km/h design speed of NQ172, which aims at basic completion in 2035.',
    note_vi:
      'Giả định: tốc độ trung bình kể cả dừng đỗ, thấp hơn tốc độ thiết kế 350 km/h theo NQ172 (phấn đấu cơ bản hoàn thành năm 2035).',
  },
  access: {
    kmh: 30,
    kind: 'assumption',
    source: 'assumption',
    limit_kmh: null,
    note_en: 'Assumption: the way from a place to the network, along local roads (no published figure).',
    note_vi: 'Giả định: quãng đường từ một nơi ra mạng lưới, theo đường địa phương (không có số liệu công bố).',
  },
};

/** A stretch of a line that runs at its own calibrated speed (between two points on it, its stations). */
export interface SectionSpeed {
  /** The corridor's id. */
  line: string;
  from: readonly [number, number];
  to: readonly [number, number];
  /** Its speed at the class's default speed, km/h; a changed class speed (or a sensitivity run) scales it alike. */
  kmh: number;
  kind: SpeedKind;
  source: string;
  name_en: string;
  name_vi: string;
  note_en: string;
  note_vi: string;
}

/** The stretches calibrated on their own. */
export const SECTION_SPEEDS: readonly SectionSpeed[] = [
  {
    line: 'duong-sat-bac-nam',
    from: [107.5955, 16.4619],
    to: [108.2092, 16.0716],
    kmh: 28,
    kind: 'calibrated',
    source: 'DCS-2022; VNA-2023; CAND-HAIVAN',
    name_en: 'North–South railway, Huế – Đà Nẵng (over the Hải Vân pass)',
    name_vi: 'Đường sắt Bắc – Nam, Huế – Đà Nẵng (qua đèo Hải Vân)',
    note_en:
      'Calibrated: the 103 km between the two stations take 168 and 262 min by the summer 2022 trains SE19 and SE17 and 3½ to 4 h by the railway’s own account (2023): 28 km/h on average, against 48 on the rest of the line. The line climbs the pass on steep grades and tight curves through six tunnels, single track, with twelve stations.',
    note_vi:
      'Hiệu chỉnh: 103 km giữa hai ga mất 168 và 262 phút với tàu SE19 và SE17 hè 2022, và 3,5 đến 4 giờ theo ngành đường sắt (2023): trung bình 28 km/h, so với 48 trên phần còn lại của tuyến. Đường lên đèo dốc, nhiều đường cong bán kính nhỏ, qua sáu hầm, đường đơn, mười hai ga.',
  },
];

/** The straight leg to the network is this many times longer along real roads (an assumption: no published figure). */
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

/** Which classes a trip may use by default: roads (`--modes road_rail` adds the railways, boarded at the bundled stations). */
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
