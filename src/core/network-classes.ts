/**
 * The classes of a user's own road network (an OpenStreetMap extract or a roads layer) and
 * their default speeds. The two classes the bundled corridors also have take the corridors'
 * speeds from `speeds.ts` (motorway = expressway, trunk = national road); the finer classes
 * get speeds of their own. Legal limits are facts (TT38, Circular 38/2024/TT-BGTVT, which replaced TT31 from 1 January 2025); the speeds a trip averages on these
 * roads are not published, so every default is an assumption, labelled as one with a note, as
 * in `speeds.ts`. A way's own `maxspeed` (or a layer's speed field) wins over its class's speed.
 */
import { DEFAULT_SPEEDS, type SpeedDefault } from './speeds.ts';

/** The classes a user's network can hold, fastest first (links of every class are one class). */
export const NET_CLASSES = [
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'tertiary',
  'unclassified',
  'residential',
  'service',
  'link',
  'ferry',
] as const;
export type NetClass = (typeof NET_CLASSES)[number];

/** The class's index in NET_CLASSES (what a network file stores per edge). */
export const netClassIndex = (c: NetClass): number => NET_CLASSES.indexOf(c);

/** OpenStreetMap `highway` values driven, and their class (`service` only when asked for). */
export const OSM_HIGHWAY_CLASS: Readonly<Record<string, NetClass>> = {
  motorway: 'motorway',
  trunk: 'trunk',
  primary: 'primary',
  secondary: 'secondary',
  tertiary: 'tertiary',
  unclassified: 'unclassified',
  residential: 'residential',
  living_street: 'residential',
  road: 'unclassified',
  service: 'service',
  motorway_link: 'link',
  trunk_link: 'link',
  primary_link: 'link',
  secondary_link: 'link',
  tertiary_link: 'link',
};

/** The default speed of each class, km/h, with where it comes from (every one an assumption). */
export const NET_SPEEDS: Readonly<Record<NetClass, SpeedDefault>> = {
  motorway: { ...DEFAULT_SPEEDS.expressway },
  trunk: { ...DEFAULT_SPEEDS.national_road },
  primary: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 45,
    source: 'assumption',
    note_en: 'Assumption: a main provincial road, a little slower than the national road average.',
    note_vi: 'Giả định: đường tỉnh chính, chậm hơn một chút so với tốc độ trung bình của quốc lộ.',
  },
  secondary: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 40,
    source: 'assumption',
    note_en: 'Assumption: a secondary road through villages, below the 80 km/h TT38 allows on two-way roads outside built-up areas.',
    note_vi: 'Giả định: đường cấp hai qua làng xã, thấp hơn 80 km/h TT38 cho phép trên đường hai chiều ngoài khu đông dân cư.',
  },
  tertiary: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 35,
    source: 'assumption',
    note_en: 'Assumption: a district road, narrow and shared with motorbikes.',
    note_vi: 'Giả định: đường huyện, hẹp và đi chung với xe máy.',
  },
  unclassified: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 30,
    source: 'assumption',
    note_en: 'Assumption: a minor road, at the speed the bundled model gives the way onto the network.',
    note_vi: 'Giả định: đường nhỏ, bằng tốc độ mô hình gốc dùng cho quãng ra mạng lưới.',
  },
  residential: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 25,
    source: 'assumption',
    note_en: 'Assumption: a street in a town or village, at or below the 50–60 km/h TT38 allows in built-up areas.',
    note_vi: 'Giả định: đường phố, ngõ trong khu dân cư, không quá 50–60 km/h TT38 cho phép trong khu đông dân cư.',
  },
  service: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 15,
    source: 'assumption',
    note_en: 'Assumption: an access or yard road (used only when the network is built with service roads).',
    note_vi: 'Giả định: đường nội bộ, đường vào (chỉ dùng khi mạng lưới được dựng cùng đường nội bộ).',
  },
  link: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 40,
    source: 'assumption',
    note_en: 'Assumption: a ramp or slip road between two roads.',
    note_vi: 'Giả định: nhánh nối, đường dẫn giữa hai tuyến.',
  },
  ferry: {
    kind: 'assumption',
    limit_kmh: null,
    kmh: 10,
    source: 'assumption',
    note_en: 'Assumption: a ferry crossing without a stated duration, waiting included.',
    note_vi: 'Giả định: phà không ghi thời gian chạy, kể cả thời gian chờ.',
  },
};

/** Classes a place may join anywhere along (a motorway and a ferry only at their nodes, by their links and landings). */
export const NET_JOINABLE: ReadonlySet<NetClass> = new Set(NET_CLASSES.filter((c) => c !== 'motorway' && c !== 'ferry'));

/**
 * Reads an OpenStreetMap `maxspeed` value as km/h: `60`, `60 km/h`, `40 mph` (converted),
 * the lowest of `60;80`; null for `none`, `signals`, `walk`, zone codes and anything unread.
 * @example readMaxspeed('30 mph') // 48.28
 */
export function readMaxspeed(text: string | undefined): number | null {
  if (!text) return null;
  let best: number | null = null;
  for (const part of text.split(';')) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph|knots)?\s*$/i.exec(part);
    if (!m) continue;
    const unit = (m[2] ?? 'km/h').toLowerCase();
    const v = Number(m[1]) * (unit === 'mph' ? 1.609344 : unit === 'knots' ? 1.852 : 1);
    if (v >= 1 && v <= 300 && (best === null || v < best)) best = Math.round(v * 100) / 100;
  }
  return best;
}

/**
 * Reads an OpenStreetMap `duration` (ISO 8601 `PT1H30M`, or `HH:MM`, `HH:MM:SS`, `MM`) as minutes; null when unread.
 * @example readDuration('01:15') // 75
 */
export function readDuration(text: string | undefined): number | null {
  if (!text) return null;
  const iso = /^P(?:T)?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(text.trim());
  if (iso && (iso[1] || iso[2] || iso[3])) return Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0) + Number(iso[3] ?? 0) / 60;
  const hm = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(text.trim());
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]) + Number(hm[3] ?? 0) / 60;
  const m = /^(\d+(?:\.\d+)?)$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** Which way a line may be driven: both ways, only along its drawing, or only against it. */
export type Oneway = 'both' | 'forward' | 'backward';

/**
 * Reads a one-way value, OpenStreetMap's (`yes`, `-1`, `no`) or a layer's in Vietnamese or
 * English (`có`, `một chiều`, `1`, `true`; `ngược`, `reverse`; `không`, `hai chiều`, `0`, `false`,
 * empty); undefined when the value is not one of these.
 * @example readOneway('một chiều') // 'forward'
 */
export function readOneway(value: unknown): Oneway | undefined {
  if (value === null || value === undefined) return 'both';
  if (typeof value === 'boolean') return value ? 'forward' : 'both';
  const s = String(value).trim().toLowerCase().normalize('NFC');
  if (['', 'no', 'false', '0', 'không', 'khong', 'hai chiều', 'hai chieu', '2 chiều', '2', 'n'].includes(s)) return 'both';
  if (['yes', 'true', '1', 'có', 'co', 'một chiều', 'mot chieu', '1 chiều', 'y', 'x'].includes(s)) return 'forward';
  if (['-1', 'reverse', 'backward', 'ngược', 'nguoc', 'ngược chiều'].includes(s)) return 'backward';
  return undefined;
}
