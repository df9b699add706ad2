/**
 * The linkage analyses: their names, parameters (with defaults and allowed ranges) and the
 * shapes of their results. One place read by the analysis code, the worker, the URL hash,
 * the CLI, the layer factories and the panel.
 */
import type { Edition } from './types.ts';
import { HORIZONS, type Horizon } from './layers.ts';
import { EARTH_RADIUS_KM } from './geo.ts';

export const ANALYSES = ['adjacency', 'reach', 'distance', 'gravity', 'hinterland', 'access', 'index'] as const;
export type AnalysisKind = (typeof ANALYSES)[number];

/** Which corridors an analysis uses: all, one axis, or one mode. */
export const CORRIDOR_KINDS = [
  'all',
  'north_south',
  'east_west',
  'coastal',
  'road',
  'expressway',
  'railway',
  'high_speed_railway',
] as const;
export type CorridorKind = (typeof CORRIDOR_KINDS)[number];

/** What a unit "weighs" in the gravity model. */
export const MASSES = ['population', 'area'] as const;
export type Mass = (typeof MASSES)[number];

export interface AnalysisParams {
  kind: AnalysisKind;
  edition: Edition;
  /** Planning horizon: corridors and ports that do not exist yet at this horizon are left out. */
  horizon: Horizon;
  /** Distance-decay exponent β of the gravity model (dimensionless). */
  beta: number;
  mass: Mass;
  /** Side of a hexagonal cell in kilometres (Turf's `cellSide` convention). */
  cellKm: number;
  /** Reach: the band around the corridors, in kilometres. */
  bufferKm: number;
  corridorKind: CorridorKind;
  /** Snapping tolerance in kilometres: shared edges (adjacency) and network junctions. */
  toleranceKm: number;
}

export const DEFAULT_PARAMS: AnalysisParams = {
  kind: 'gravity',
  edition: '2022',
  horizon: 'today',
  beta: 2,
  mass: 'population',
  cellKm: 5,
  bufferKm: 10,
  corridorKind: 'all',
  toleranceKm: 0.5,
};

/** Allowed range of each numeric parameter, [min, max]. */
export const PARAM_RANGES = {
  beta: [0, 4],
  cellKm: [1, 50],
  bufferKm: [1, 100],
  toleranceKm: [0, 5],
} as const satisfies Partial<Record<keyof AnalysisParams, readonly [number, number]>>;

/** The parameters each analysis reads (the rest do not change its result or its cache key). */
export const PARAMS_USED: Record<AnalysisKind, readonly (keyof AnalysisParams)[]> = {
  adjacency: ['edition', 'toleranceKm'],
  reach: ['edition', 'horizon', 'corridorKind', 'bufferKm'],
  distance: ['edition', 'horizon', 'corridorKind', 'toleranceKm'],
  gravity: ['edition', 'beta', 'mass'],
  hinterland: ['edition', 'horizon', 'corridorKind', 'toleranceKm', 'cellKm'],
  access: ['edition', 'horizon', 'corridorKind', 'cellKm'],
  index: ['edition', 'horizon', 'corridorKind', 'toleranceKm', 'beta', 'mass'],
};

/** A stable key for the result cache: the analysis plus the parameters it reads. */
export function paramsKey(p: AnalysisParams): string {
  return [p.kind, ...PARAMS_USED[p.kind].map((k) => `${k}=${String(p[k])}`)].join('|');
}

/** A parameter that could not be read: which one, and the value given. */
export interface ParamProblem {
  param: keyof AnalysisParams;
  value: string;
}

/**
 * Reads parameters from untrusted text (URL hash, CLI flags). Unknown values are reported
 * and left at their defaults; nothing throws.
 * @example parseParams({ kind: 'gravity', beta: '1.5' }) // { params: {..., beta: 1.5}, problems: [] }
 */
export function parseParams(input: Partial<Record<keyof AnalysisParams, string>>): { params: AnalysisParams; problems: ParamProblem[] } {
  const params: AnalysisParams = { ...DEFAULT_PARAMS };
  const problems: ParamProblem[] = [];
  const pick = <T extends string>(key: keyof AnalysisParams, allowed: readonly T[]): T | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push({ param: key, value: v });
    return undefined;
  };
  const kind = pick('kind', ANALYSES);
  if (kind) params.kind = kind;
  const edition = pick('edition', ['2022', '2025'] as const);
  if (edition) params.edition = edition;
  const horizon = pick('horizon', HORIZONS);
  if (horizon) params.horizon = horizon;
  const mass = pick('mass', MASSES);
  if (mass) params.mass = mass;
  const ck = pick('corridorKind', CORRIDOR_KINDS);
  if (ck) params.corridorKind = ck;
  for (const key of Object.keys(PARAM_RANGES) as (keyof typeof PARAM_RANGES)[]) {
    const v = input[key];
    if (v === undefined) continue;
    const [min, max] = PARAM_RANGES[key];
    const n = /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN;
    if (Number.isFinite(n) && n >= min && n <= max) params[key] = n;
    else problems.push({ param: key, value: v });
  }
  return { params, problems };
}

/** A polygon unit as the analyses see it: any polygon set can be turned into these. */
export interface AnalysisUnit {
  /** ISO code for provinces, or the feature's id. */
  id: string;
  name_vi: string;
  name_en: string;
  /** The unit's centre (capital or administrative centre) as [lon, lat]. */
  centre: [number, number];
  /** Persons, or null where the data has no figure. */
  population: number | null;
  /** Area computed from the geometry, km². */
  area_km2: number;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** A point target (seaport terminal, airport, border gate). */
export interface AnalysisPoint {
  id: string;
  /** The group it is reported under (a seaport for its terminals); the id where there is none. */
  group: string;
  group_name_vi: string;
  group_name_en: string;
  name_vi: string;
  name_en: string;
  coordinates: [number, number];
}

/** A corridor line. */
export interface AnalysisLine {
  id: string;
  name_vi: string;
  name_en: string;
  coordinates: [number, number][];
}

export interface AdjacencyRow {
  a: string;
  b: string;
  shared_km: number;
}

export interface ReachCrossing {
  corridor: string;
  unit: string;
  length_km: number;
}

export interface ReachShare {
  unit: string;
  area_km2: number;
  within_km2: number;
  share: number;
}

export interface DistanceRow {
  a: string;
  b: string;
  great_circle_km: number;
  /** Along the corridor network, including the straight legs to and from it; null if unreachable. */
  network_km: number | null;
  /** The straight legs from each centre to the network, km (part of network_km). */
  access_km: number | null;
}

export interface GravityRow {
  a: string;
  b: string;
  distance_km: number;
  intensity: number;
  share: number;
}

export interface HinterlandUnitRow {
  unit: string;
  port_straight: string;
  straight_km: number;
  port_network: string | null;
  network_km: number | null;
}

export interface HinterlandPortRow {
  port: string;
  name_vi: string;
  name_en: string;
  units_straight: number;
  population_straight: number;
  units_network: number;
  population_network: number;
  cells_straight: number;
  cells_network: number;
}

export interface IndexRow {
  unit: string;
  degree: number;
  closeness: number;
  gravity_total: number;
  port_km: number | null;
  index: number;
  rank: number;
}

/** A hexagonal grid: cell centres and per-cell values in flat arrays (transferable). */
export interface HexGrid {
  /** Side of each hexagon, km (flat-topped hexagons, Turf's `cellSide`). */
  cellKm: number;
  /** Latitude at which the grid's planar frame is true to scale, degrees. */
  lat0: number;
  /** Interleaved lon, lat of each cell centre. */
  centres: Float64Array;
  /** Index into the units of the unit holding each cell. */
  unit: Int32Array;
}

export interface AccessGrid extends HexGrid {
  /** Great-circle km from each cell centre to the nearest target of each kind. */
  seaport_km: Float32Array;
  airport_km: Float32Array;
  gate_km: Float32Array;
  corridor_km: Float32Array;
}

/** Every result carries its parameters and the units it ran on (id, names, centre). */
export interface ResultBase {
  params: AnalysisParams;
  units: { id: string; name_vi: string; name_en: string; centre: [number, number] }[];
  /** Notes on what the result leaves out or assumes, in both languages. */
  notes: { vi: string; en: string }[];
  /** Where the units came from when not the bundled provinces: an imported layer and its code field. */
  units_source?: { layer: string; code: string; name: string } | null;
  /** Where the seaports came from when not the bundled ones: an imported layer. */
  ports_source?: { layer: string; name: string } | null;
}

/** A user's own data standing in for bundled inputs (imported layers, already checked). */
export interface AnalysisOverrides {
  /** Point features used as seaports (hinterland, index, access). */
  ports?: { layer: string; name: string; fc: import('geojson').FeatureCollection } | null;
  /** Polygon features used as the units, with the fields that give their code, name and population. */
  units?: {
    layer: string;
    name: string;
    fc: import('geojson').FeatureCollection;
    code: string;
    nameField: string;
    population: string | null;
  } | null;
}

/** The cache key of a run with overrides. */
export function overridesKey(o: AnalysisOverrides | undefined): string {
  if (!o) return '';
  return [
    o.ports ? `ports=${o.ports.layer}` : '',
    o.units ? `units=${o.units.layer}:${o.units.code}:${o.units.nameField}:${o.units.population ?? ''}` : '',
  ]
    .filter(Boolean)
    .join('|');
}

export type AnalysisResult =
  | (ResultBase & { kind: 'adjacency'; rows: AdjacencyRow[] })
  | (ResultBase & { kind: 'reach'; crossings: ReachCrossing[]; shares: ReachShare[] })
  | (ResultBase & { kind: 'distance'; rows: DistanceRow[]; paths: Record<string, [number, number][]> })
  | (ResultBase & { kind: 'gravity'; rows: GravityRow[] })
  | (ResultBase & {
      kind: 'hinterland';
      units_rows: HinterlandUnitRow[];
      ports: HinterlandPortRow[];
      grid: HexGrid & { port_straight: Int32Array; port_network: Int32Array };
      port_ids: string[];
    })
  | (ResultBase & { kind: 'access'; grid: AccessGrid })
  | (ResultBase & { kind: 'index'; rows: IndexRow[] });

/** The key of a pair of units in `paths`: `a>b`. */
export const pairKey = (a: string, b: string): string => `${a}>${b}`;

/**
 * The six corners (lon/lat) of a flat-topped hexagonal cell of a grid built in the planar
 * frame true at `lat0`, so that neighbouring cells tile exactly.
 * @param cellKm - hexagon side, km
 * @example hexCorners(108.2, 16.05, 5, 15.6) // six [lon, lat] pairs
 */
export function hexCorners(lon: number, lat: number, cellKm: number, lat0: number): [number, number][] {
  const kmPerDegLat = (EARTH_RADIUS_KM * Math.PI) / 180;
  const kmPerDegLon = kmPerDegLat * Math.cos((lat0 * Math.PI) / 180);
  const out: [number, number][] = [];
  for (let k = 0; k < 6; k++) {
    const a = (Math.PI / 3) * k;
    out.push([lon + (cellKm * Math.cos(a)) / kmPerDegLon, lat + (cellKm * Math.sin(a)) / kmPerDegLat]);
  }
  return out;
}
