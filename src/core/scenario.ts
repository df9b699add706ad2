/**
 * A planning scenario: the map's horizon plus edits a planner makes to it. A corridor can be
 * added (drawn, with its mode, status, speed and names), removed or slowed; a seaport, an
 * airport or a border gate can be added; and the speeds of the travel-time model can be
 * changed. Every analysis runs on the scenario as it runs on the data, so two runs (with and
 * without, or at two horizons) can be compared. Files are GeoJSON (src/data/scenario.ts).
 */
import type { SpeedClass } from './speeds.ts';
import type { Status } from './layers.ts';

/** The kinds of corridor a scenario can add: each is a speed class of the travel-time model. */
export const SCENARIO_MODES = [
  'expressway',
  'national_road',
  'ho_chi_minh_road',
  'coastal_road',
  'railway',
  'high_speed_railway',
] as const satisfies readonly SpeedClass[];
export type ScenarioMode = (typeof SCENARIO_MODES)[number];

/**
 * The kinds of point a scenario can add: a station is where a railway is boarded; listed
 * interchanges are where expressways are entered (without any, at their vertices).
 */
export const SCENARIO_POINTS = ['seaport', 'airport', 'border_gate', 'station', 'interchange'] as const;
export type ScenarioPointKind = (typeof SCENARIO_POINTS)[number];

/** The status an added corridor is described with (it is part of the network in the scenario whatever it says). */
export const SCENARIO_STATUSES = ['existing', 'under_construction', 'planned'] as const satisfies readonly Status[];
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** Which axis an added corridor belongs to (for the analyses' corridor filter). */
export const SCENARIO_AXES = ['north_south', 'east_west', 'coastal'] as const;
export type ScenarioAxis = (typeof SCENARIO_AXES)[number];

export interface AddCorridor {
  action: 'add';
  kind: 'corridor';
  /** Unique within the scenario; prefixed `sc-` so it never meets a bundled id. */
  id: string;
  mode: ScenarioMode;
  status: ScenarioStatus;
  axis: ScenarioAxis;
  /** Its own speed, km/h; null: its mode's speed. */
  speed_kmh: number | null;
  name_vi: string;
  name_en: string;
  coordinates: [number, number][];
}

export interface AddPoint {
  action: 'add';
  kind: ScenarioPointKind;
  id: string;
  name_vi: string;
  name_en: string;
  coordinates: [number, number];
}

export interface RemoveCorridor {
  action: 'remove';
  /** A corridor's id. */
  target: string;
}

export interface SlowCorridor {
  action: 'slow';
  target: string;
  /** The speed it is travelled at instead, km/h. */
  speed_kmh: number;
}

export type ScenarioEdit = AddCorridor | AddPoint | RemoveCorridor | SlowCorridor;

export interface Scenario {
  name: string;
  /** Speeds that replace the defaults, km/h, per class. */
  speeds: Partial<Record<SpeedClass, number>>;
  edits: ScenarioEdit[];
}

/** The version of the scenario file format written now. */
export const SCENARIO_VERSION = 1;

/** The limits a scenario is held to (a file beyond them is refused). */
export const SCENARIO_LIMITS = { edits: 500, vertices: 5000, name: 200, speed: [1, 400] as const } as const;

/** Where scenario coordinates may lie: the region and its neighbours, with the East Sea. */
export const SCENARIO_BOUNDS = { lon: [100, 118], lat: [5, 25] } as const;

/** Whether a place lies where a scenario may put things (SCENARIO_BOUNDS). */
export const inScenarioBounds = (c: readonly number[]): boolean =>
  c[0]! >= SCENARIO_BOUNDS.lon[0] && c[0]! <= SCENARIO_BOUNDS.lon[1] && c[1]! >= SCENARIO_BOUNDS.lat[0] && c[1]! <= SCENARIO_BOUNDS.lat[1];

/** The axis of a drawn line when none is given: along its longer extent. */
export function axisOfLine(coords: readonly (readonly number[])[]): ScenarioAxis {
  const lons = coords.map((c) => c[0]!);
  const lats = coords.map((c) => c[1]!);
  return Math.max(...lats) - Math.min(...lats) >= Math.max(...lons) - Math.min(...lons) ? 'north_south' : 'east_west';
}

export const EMPTY_SCENARIO: Scenario = { name: '', speeds: {}, edits: [] };

/** Whether a scenario changes nothing (no edit, no speed). */
export const isEmptyScenario = (s: Scenario | null | undefined): boolean => !s || (!s.edits.length && !Object.keys(s.speeds).length);

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A short stable key of a scenario (what it changes, and its name, which results carry), for
 * result caches; '' for none or an empty one.
 * @example scenarioKey(EMPTY_SCENARIO) // ''
 */
export function scenarioKey(s: Scenario | null | undefined): string {
  if (!s || isEmptyScenario(s)) return '';
  let key = keyCache.get(s);
  if (key === undefined) {
    const speeds = Object.entries(s.speeds).sort(([a], [b]) => a.localeCompare(b));
    key = fnv1a(JSON.stringify([speeds, s.edits, s.name]));
    keyCache.set(s, key);
  }
  return key;
}
/** Scenarios are replaced, never changed in place: each one's key is worked out once. */
const keyCache = new WeakMap<Scenario, string>();

/** How many edits of each action a scenario holds (for its summary). */
export function scenarioCounts(s: Scenario): { add: number; remove: number; slow: number; speeds: number } {
  return {
    add: s.edits.filter((e) => e.action === 'add').length,
    remove: s.edits.filter((e) => e.action === 'remove').length,
    slow: s.edits.filter((e) => e.action === 'slow').length,
    speeds: Object.keys(s.speeds).length,
  };
}

/** A new id for an added feature: `sc-` and the first number not taken. */
export function nextScenarioId(s: Scenario): string {
  const taken = new Set(s.edits.flatMap((e) => (e.action === 'add' ? [e.id] : [])));
  let n = 1;
  while (taken.has(`sc-${n}`)) n++;
  return `sc-${n}`;
}
