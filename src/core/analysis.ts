/**
 * The linkage analyses: their names, parameters (with defaults and allowed ranges) and the
 * shapes of their results. One place read by the analysis code, the worker, the URL hash,
 * the CLI, the layer factories and the panel.
 */
import { EDITIONS, type Edition } from './types.ts';
import { HORIZONS, type Horizon } from './layers.ts';
import { EARTH_RADIUS_KM } from './geo.ts';
import { scenarioCounts, scenarioKey, type Scenario } from './scenario.ts';
import { DEFAULT_DETOUR, MODES, type Mode } from './speeds.ts';
import type { ResultMsg } from './messages.ts';
import type { RowOf } from './columns.ts';

export const ANALYSES = [
  'adjacency',
  'reach',
  'distance',
  'gravity',
  'hinterland',
  'access',
  'index',
  'isochrone',
  'coverage',
  'od',
  'siting',
] as const;
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

/**
 * Which population figures a run uses; one base per run, never mixed:
 * - `gso2023`: the GSO 2023 yearbook (a 2025 unit: the sum of its 2022 members' figures,
 *   or no figure where a member has none);
 * - `nq202`: the counts in Resolution 202/2025/QH15 (merged 2025 units only; they include
 *   temporary residents).
 */
export const POP_BASES = ['gso2023', 'nq202'] as const;
/** Accessibility in straight-line km (the default) or in travel minutes on the corridor network. */
export const METRICS = ['km', 'minutes'] as const;
export type Metric = (typeof METRICS)[number];
/** What separates two units in the gravity model: great-circle km (the default) or travel minutes on the network. */
export const IMPEDANCES = ['km', 'minutes'] as const;
export type Impedance = (typeof IMPEDANCES)[number];
export type PopBase = (typeof POP_BASES)[number];

/**
 * The sets of places the coverage, od and siting analyses count minutes to and between: the
 * units' administrative centres, seaport terminals, airports, border gates and the centres of the
 * economic zones (those that exist at the run's horizon). A user's point file stands in for one on
 * the command line (`--points FILE`).
 */
export const POINT_SETS = ['centres', 'seaports', 'airports', 'border-gates', 'economic-zones'] as const;
export type PointSet = (typeof POINT_SETS)[number];
/** Od's second set: the same places (a square matrix), or another set (a rectangular one). */
export const TO_SETS = ['same', ...POINT_SETS] as const;
export type ToSet = (typeof TO_SETS)[number];
/** Siting's candidates: the units' centres, or the grid's cells (their centres). */
export const CANDIDATE_SETS = ['cells', 'centres'] as const;
export type CandidateSet = (typeof CANDIDATE_SETS)[number];
/** Siting's existing places (already covering people), or none. */
export const EXISTING_SETS = ['none', ...POINT_SETS] as const;
export type ExistingSet = (typeof EXISTING_SETS)[number];
/** What coverage counts minutes to: every point set, and a user's points when given. */
export type CoverageTarget = PointSet | 'points';

export interface AnalysisParams {
  kind: AnalysisKind;
  edition: Edition;
  /** Planning horizon: corridors and ports that do not exist yet at this horizon are left out. */
  horizon: Horizon;
  /** Distance-decay exponent β of the gravity model (dimensionless). */
  beta: number;
  mass: Mass;
  /** The population base when the mass is population. */
  popBase: PopBase;
  /** Also take in the neighbouring provinces outside the region (adjacency, distances, gravity, index). */
  context: boolean;
  /** Side of a hexagonal cell in kilometres (Turf's `cellSide` convention). */
  cellKm: number;
  /** Reach: the band around the corridors, in kilometres. */
  bufferKm: number;
  corridorKind: CorridorKind;
  /** Snapping tolerance in kilometres: shared edges (adjacency) and network junctions. */
  toleranceKm: number;
  /** Accessibility in straight-line km, or in minutes on the corridor network. */
  metric: Metric;
  /** Gravity's d: great-circle km, or travel minutes on the corridor network. */
  impedance: Impedance;
  /** Isochrones: the place they are drawn from, [lon, lat]. */
  from: [number, number];
  /** Isochrones: the thresholds, minutes, ascending. */
  minutes: number[];
  /** Travel time: roads only, or roads and railways (boarded at stations). */
  modes: Mode;
  /** Travel time: how much longer than the straight leg the way from a place to the network is (a factor ≥ 1). */
  detour: number;
  /** Od: the places the minutes and km are counted between (from). */
  points: PointSet;
  /** Od: the places they are counted to (`same`: the same places, a square matrix). */
  to: ToSet;
  /** Siting: where a new facility may go. */
  candidates: CandidateSet;
  /** Siting: the places that already cover people (none: new facilities only). */
  existing: ExistingSet;
  /** Siting: how many new facilities (K). */
  count: number;
  /** Reruns over the documented ranges of speeds, detour and β, giving each figure a low and a high. */
  sensitivity: boolean;
}

export type ParamKey = keyof AnalysisParams;

/** The tables a result can have (each kind's first is its main one). */
export const TABLE_NAMES = [
  'rows',
  'units',
  'ports',
  'crossings',
  'shares',
  'cells',
  'bands',
  'coverage',
  'curve',
  'summary',
  'matrix',
  'sites',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * How one parameter is read and written everywhere (URL hash, command line, story files,
 * the panel): its type with its choices or range, its key in the address (null where the
 * address carries it elsewhere) and its command-line flag.
 */
export type ParamDef =
  | { type: 'choice'; choices: readonly string[]; hash: string | null; flag: string }
  | { type: 'number'; range: readonly [number, number]; step: number; hash: string; flag: string }
  | { type: 'boolean'; hash: string; flag: string }
  /** A place, `LON,LAT`, inside `bounds` ([[lon min, lon max], [lat min, lat max]]). */
  | { type: 'point'; bounds: readonly [readonly [number, number], readonly [number, number]]; hash: string; flag: string }
  /** Up to `max` distinct numbers, `A,B,C`, each in `range`; kept ascending. */
  | { type: 'list'; range: readonly [number, number]; max: number; hash: string; flag: string };

/** Every analysis parameter, in the order the panel and the help list them. */
export const PARAM_DEFS = {
  kind: { type: 'choice', choices: ANALYSES, hash: 'an', flag: 'kind' },
  edition: { type: 'choice', choices: EDITIONS, hash: null, flag: 'edition' },
  horizon: { type: 'choice', choices: HORIZONS, hash: null, flag: 'horizon' },
  mass: { type: 'choice', choices: MASSES, hash: 'mass', flag: 'mass' },
  popBase: { type: 'choice', choices: POP_BASES, hash: 'pb', flag: 'pop-base' },
  context: { type: 'boolean', hash: 'ctx', flag: 'context' },
  corridorKind: { type: 'choice', choices: CORRIDOR_KINDS, hash: 'ck', flag: 'corridors' },
  beta: { type: 'number', range: [0, 4], step: 0.1, hash: 'beta', flag: 'beta' },
  cellKm: { type: 'number', range: [1, 50], step: 1, hash: 'cell', flag: 'cell-km' },
  bufferKm: { type: 'number', range: [1, 100], step: 1, hash: 'buf', flag: 'buffer-km' },
  toleranceKm: { type: 'number', range: [0, 5], step: 0.1, hash: 'tol', flag: 'tolerance-km' },
  metric: { type: 'choice', choices: METRICS, hash: 'metric', flag: 'metric' },
  impedance: { type: 'choice', choices: IMPEDANCES, hash: 'imp', flag: 'impedance' },
  from: {
    type: 'point',
    bounds: [
      [102, 110],
      [10, 21],
    ],
    hash: 'from',
    flag: 'from',
  },
  minutes: { type: 'list', range: [1, 600], max: 6, hash: 'mins', flag: 'minutes' },
  modes: { type: 'choice', choices: MODES, hash: 'modes', flag: 'modes' },
  detour: { type: 'number', range: [1, 3], step: 0.1, hash: 'det', flag: 'detour' },
  points: { type: 'choice', choices: POINT_SETS, hash: 'pts', flag: 'points' },
  to: { type: 'choice', choices: TO_SETS, hash: 'to', flag: 'to' },
  candidates: { type: 'choice', choices: CANDIDATE_SETS, hash: 'cand', flag: 'candidates' },
  existing: { type: 'choice', choices: EXISTING_SETS, hash: 'ex', flag: 'existing' },
  count: { type: 'number', range: [1, 10], step: 1, hash: 'k', flag: 'count' },
  sensitivity: { type: 'boolean', hash: 'sens', flag: 'sensitivity' },
} as const satisfies Record<ParamKey, ParamDef>;

export const DEFAULT_PARAMS: AnalysisParams = {
  kind: 'gravity',
  edition: '2022',
  horizon: 'today',
  beta: 2,
  mass: 'population',
  popBase: 'gso2023',
  context: false,
  cellKm: 5,
  bufferKm: 10,
  corridorKind: 'all',
  toleranceKm: 0.5,
  metric: 'km',
  impedance: 'km',
  // Đà Nẵng's administrative centre (the region's middle); any place can be picked.
  from: [108.2022, 16.0544],
  minutes: [30, 60, 120],
  modes: 'road',
  detour: DEFAULT_DETOUR,
  points: 'centres',
  to: 'same',
  candidates: 'cells',
  existing: 'none',
  count: 3,
  sensitivity: false,
};

type NumericKey = { [K in ParamKey]: (typeof PARAM_DEFS)[K] extends { type: 'number' } ? K : never }[ParamKey];

/** Allowed range of each numeric parameter, [min, max]. */
export const PARAM_RANGES = Object.fromEntries(
  Object.entries(PARAM_DEFS).flatMap(([k, d]) => (d.type === 'number' ? [[k, d.range]] : [])),
) as { [K in NumericKey]: (typeof PARAM_DEFS)[K]['range'] };

/** What the panel offers for viewing a result: the measure a grid is coloured by (and extruding it), the hinterland's method. */
export type ViewControl = 'measure' | 'extrude' | 'method';
/** How hinterland cells are assigned: straight line, network km, or travel minutes. */
export type HinterlandMethod = 'straight' | 'network' | 'minutes';

/** A unit's score in a run, for comparing scores unit by unit (the linkage index). */
export interface UnitScore {
  unit: string;
  value: number | null;
  rank: number | null;
}

/**
 * How a kind is compared with a baseline run on the map, beyond the tables' Δ columns: cell
 * by cell on a measure of its grid (distances and minutes: lower is better), or unit by unit
 * on a score (higher is better); a note says why a score may not move.
 */
export type CompareDef<K extends AnalysisKind> =
  { mode: 'cells'; grid: (r: Of<K>) => AccessGrid } | { mode: 'units'; scores: (r: Of<K>) => UnitScore[]; unchanged: KindWord };

/** Words a kind's definition names (i18n keys; the i18n module checks each exists). */
export type KindWord = 'Analysis.IndexDoc' | 'Compare.IndexKm' | 'Analysis.CoverageDoc' | 'Analysis.SitingDoc';

/**
 * One analysis kind: everything the panel, the comparison, the legend, the map, the story and
 * the command line need to know about it, read generically (nothing outside a kind's own
 * module asks for it by name). Its run, tables, drawing and legend are records keyed by the
 * same kind (analysis/run.ts, export/results.ts, layers/analysis.ts, core/analysis-style.ts),
 * so a kind missing from one of them fails to compile.
 */
export interface AnalysisDef<K extends AnalysisKind> {
  /** The parameters it reads (the rest change neither its result nor its cache key). */
  uses: readonly ParamKey[];
  /** The table the panel shows first. */
  mainTable: TableName;
  /** Whether a run measures travel minutes on the network (and so takes the modes, the detour and the scenario's speeds). */
  minutes: (p: AnalysisParams) => boolean;
  /** Whether a scenario's edits can change a run at all (its speeds only change runs in minutes). */
  scenario: (p: AnalysisParams) => boolean;
  /** Parameters it reads that do not matter with the others as they are (the panel leaves them out). */
  idle?: (p: AnalysisParams) => readonly ParamKey[];
  /** The panel's controls for viewing a result. */
  view: readonly ViewControl[];
  /** The measures a result can be coloured by (the first: what a run opens with). */
  measures?: (r: Of<K> | null, p: AnalysisParams) => readonly AccessMeasure[];
  /** The hinterland methods a result can be shown by. */
  methods?: (r: Of<K> | null) => readonly HinterlandMethod[];
  /** How it is compared with a baseline on the map; null: by its tables' Δ columns only. */
  compare: CompareDef<K> | null;
  /** A line under its legend, saying how to read it. */
  legendNote?: KindWord;
  /** For a ranking (the index, siting): the ids in order, so that sensitivity runs can say whether the order holds. */
  ranking?: (r: Of<K>) => string[];
  /**
   * What a point layer of the user's (imported, and chosen as places in the layer panel) is to
   * it: its places (`points`: od's places, coverage's extra target) or its candidates (siting).
   */
  userPlaces?: 'points' | 'candidates';
}

const always = (): boolean => true;
const never = (): boolean => false;
/** Runs in minutes when its metric is minutes. */
const byMetric = (p: AnalysisParams): boolean => p.metric === 'minutes';

/** Every analysis kind, by kind (a kind without a definition fails to compile). */
export const ANALYSIS_DEFS: { [K in AnalysisKind]: AnalysisDef<K> } = {
  adjacency: { uses: ['edition', 'context', 'toleranceKm'], mainTable: 'rows', minutes: never, scenario: never, view: [], compare: null },
  reach: {
    uses: ['edition', 'horizon', 'corridorKind', 'bufferKm'],
    mainTable: 'shares',
    minutes: never,
    scenario: always,
    view: [],
    compare: null,
  },
  distance: {
    uses: ['edition', 'context', 'horizon', 'corridorKind', 'toleranceKm'],
    mainTable: 'rows',
    minutes: never,
    scenario: always,
    view: [],
    compare: null,
  },
  gravity: {
    uses: ['edition', 'context', 'beta', 'mass', 'popBase', 'impedance', 'horizon', 'corridorKind', 'modes', 'detour', 'sensitivity'],
    mainTable: 'rows',
    minutes: (p) => p.impedance === 'minutes',
    // In km, gravity needs no network: its horizon, corridors and scenario do not change it.
    scenario: (p) => p.impedance === 'minutes',
    idle: (p) => (p.impedance === 'km' ? ['horizon', 'corridorKind'] : []),
    view: [],
    compare: null,
  },
  hinterland: {
    uses: ['edition', 'horizon', 'popBase', 'corridorKind', 'toleranceKm', 'cellKm', 'metric', 'modes', 'detour', 'sensitivity'],
    mainTable: 'units',
    minutes: byMetric,
    scenario: always,
    view: ['method'],
    methods: (r) => (r?.grid.port_minutes ? ['minutes', 'network', 'straight'] : ['network', 'straight']),
    compare: null,
  },
  access: {
    // The population base gives each cell its persons (the base's figures spread evenly, without a population grid).
    uses: ['edition', 'horizon', 'popBase', 'corridorKind', 'cellKm', 'metric', 'modes', 'detour', 'sensitivity'],
    mainTable: 'cells',
    minutes: byMetric,
    scenario: always,
    view: ['measure', 'extrude'],
    measures: (r, p) =>
      r ? accessMeasures(r.grid) : p.metric === 'minutes' ? [...ACCESS_MEASURES_MIN, ...ACCESS_MEASURES_KM] : ACCESS_MEASURES_KM,
    compare: { mode: 'cells', grid: (r) => r.grid },
  },
  index: {
    uses: ['edition', 'context', 'horizon', 'corridorKind', 'toleranceKm', 'beta', 'mass', 'popBase', 'sensitivity'],
    mainTable: 'rows',
    minutes: never,
    scenario: always,
    view: [],
    compare: {
      mode: 'units',
      scores: (r) => r.rows.map((x) => ({ unit: x.unit, value: x.index, rank: x.rank })),
      unchanged: 'Compare.IndexKm',
    },
    legendNote: 'Analysis.IndexDoc',
    ranking: (r) => r.rows.filter((x) => x.rank !== null).map((x) => x.unit),
  },
  isochrone: {
    uses: ['edition', 'horizon', 'corridorKind', 'cellKm', 'from', 'minutes', 'modes', 'detour', 'sensitivity'],
    mainTable: 'bands',
    minutes: always,
    scenario: always,
    view: [],
    compare: null,
  },
  coverage: {
    uses: ['edition', 'horizon', 'popBase', 'corridorKind', 'cellKm', 'minutes', 'modes', 'detour', 'sensitivity'],
    mainTable: 'coverage',
    minutes: always,
    scenario: always,
    view: [],
    compare: null,
    legendNote: 'Analysis.CoverageDoc',
    userPlaces: 'points',
  },
  od: {
    uses: ['edition', 'horizon', 'corridorKind', 'points', 'to', 'modes', 'detour', 'sensitivity'],
    mainTable: 'rows',
    minutes: always,
    scenario: always,
    view: [],
    compare: null,
    userPlaces: 'points',
  },
  siting: {
    uses: [
      'edition',
      'horizon',
      'popBase',
      'corridorKind',
      'cellKm',
      'minutes',
      'count',
      'candidates',
      'existing',
      'modes',
      'detour',
      'sensitivity',
    ],
    mainTable: 'sites',
    minutes: always,
    scenario: always,
    view: [],
    compare: null,
    legendNote: 'Analysis.SitingDoc',
    ranking: (r) => r.sites.map((x) => x.id),
    userPlaces: 'candidates',
  },
};

/**
 * The documented ranges the sensitivity runs cover (docs/architecture.md, "Sensitivity"):
 * every link's speed ×0.8 and ×1.2 (the model's minutes fall between 0.76 and 1.12 of the
 * published trip times of docs/validation.md), the detour of the way onto the network 1.1 and
 * 1.6 (road networks measure about 1.2–1.3 times the straight line, more on winding rural
 * roads), and gravity's β 1.5 and 2.5 (half a unit either side of the Newtonian 2; no fit for
 * this region is published).
 */
export const SENSITIVITY = { speedFactors: [0.8, 1.2], detours: [1.1, 1.6], betas: [1.5, 2.5] } as const;

/** One sensitivity run: which assumption it moves. */
export const VARIANT_IDS = ['speed_low', 'speed_high', 'detour_low', 'detour_high', 'beta_low', 'beta_high'] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

/** A sensitivity run: its parameters (detour, β) and the factor on every link's speed. */
export interface Variant {
  id: VariantId;
  params: AnalysisParams;
  /** Every link's speed (not the way onto the network: the detour covers it) times this. */
  speedFactor: number;
}

/**
 * The sensitivity runs a run calls for: speeds and detour where it measures minutes, β where it
 * reads β (gravity and the index); none for the rest (the flag then changes nothing).
 * @example sensitivityVariants({ ...DEFAULT_PARAMS, kind: 'gravity' }).map((v) => v.id) // ['beta_low', 'beta_high']
 */
export function sensitivityVariants(p: AnalysisParams): Variant[] {
  const out: Variant[] = [];
  const [slow, fast] = SENSITIVITY.speedFactors;
  const [d0, d1] = SENSITIVITY.detours;
  const [b0, b1] = SENSITIVITY.betas;
  const plain = { ...p, sensitivity: false };
  if (measuresMinutes(p))
    out.push(
      { id: 'speed_low', params: plain, speedFactor: slow },
      { id: 'speed_high', params: plain, speedFactor: fast },
      { id: 'detour_low', params: { ...plain, detour: d0 }, speedFactor: 1 },
      { id: 'detour_high', params: { ...plain, detour: d1 }, speedFactor: 1 },
    );
  if (usesParam(p, 'beta'))
    out.push(
      { id: 'beta_low', params: { ...plain, beta: b0 }, speedFactor: 1 },
      { id: 'beta_high', params: { ...plain, beta: b1 }, speedFactor: 1 },
    );
  return out;
}

/** A kind's definition as read for any result (the union cannot follow a lookup by the result's own kind). */
const defOf = (kind: AnalysisKind): AnalysisDef<AnalysisKind> => ANALYSIS_DEFS[kind] as AnalysisDef<AnalysisKind>;

/** Whether a run measures travel minutes on the network (and so takes the modes, the detour and the scenario's speeds). */
export const measuresMinutes = (p: AnalysisParams): boolean => ANALYSIS_DEFS[p.kind].minutes(p);

/**
 * Whether a scenario can change a run: shared borders never depend on it, gravity in km
 * neither, and speeds alone only runs in minutes. A run it cannot change ignores it (no
 * note, the same cache key as without).
 */
export function scenarioActs(p: AnalysisParams, s: Scenario | null | undefined): boolean {
  if (!s || !scenarioKey(s) || !ANALYSIS_DEFS[p.kind].scenario(p)) return false;
  return s.edits.length > 0 || measuresMinutes(p);
}

/** Whether a run reads a parameter. */
export const usesParam = (p: AnalysisParams, key: ParamKey): boolean => ANALYSIS_DEFS[p.kind].uses.includes(key);

/**
 * The parameters a run reads that matter with the others as they are (the panel shows these):
 * not the base of an area mass, the modes and the detour only where minutes are measured, and
 * none its definition calls idle.
 */
export function activeParams(p: AnalysisParams): ParamKey[] {
  const idle = new Set(ANALYSIS_DEFS[p.kind].idle?.(p) ?? []);
  if (!sensitivityVariants(p).length) idle.add('sensitivity');
  return ANALYSIS_DEFS[p.kind].uses.filter(
    (k) =>
      !idle.has(k) &&
      !(k === 'popBase' && usesParam(p, 'mass') && p.mass === 'area') &&
      !((k === 'modes' || k === 'detour') && !measuresMinutes(p)),
  );
}

/** The measures a result (or, before it arrives, a run of that kind) can be coloured by; none for a kind without a grid. */
export function viewMeasures(p: AnalysisParams, r: AnalysisResult | null): readonly AccessMeasure[] {
  return defOf(p.kind).measures?.(r?.kind === p.kind ? r : null, p) ?? [];
}

/** The hinterland methods a result can be shown by; none for other kinds. */
export function viewMethods(p: AnalysisParams, r: AnalysisResult | null): readonly HinterlandMethod[] {
  return defOf(p.kind).methods?.(r?.kind === p.kind ? r : null) ?? [];
}

/** How a result compares with a baseline on the map (null: by its tables only). */
export const compareDefOf = (r: AnalysisResult): CompareDef<AnalysisKind> | null => defOf(r.kind).compare;

/** A ranking's ids in order (the index's units, siting's sites), or null for a kind that ranks nothing. */
export const rankingOf = (r: AnalysisResult): string[] | null => defOf(r.kind).ranking?.(r) ?? null;

/** The line under a kind's legend, if it has one. */
export const legendNoteOf = (kind: AnalysisKind): KindWord | undefined => ANALYSIS_DEFS[kind].legendNote;

/** Whether `other` is a result of the same kind as `r` (a baseline is always run on the same analysis). */
export function sameKind<R extends AnalysisResult>(r: R, other: AnalysisResult): other is R {
  return other.kind === r.kind;
}

/** A stable key for the result cache: the analysis plus the parameters it reads. */
export function paramsKey(p: AnalysisParams): string {
  return [p.kind, ...ANALYSIS_DEFS[p.kind].uses.map((k) => `${k}=${String(p[k])}`)].join('|');
}

/** A parameter that could not be read: which one, and the value given. */
export interface ParamProblem {
  param: ParamKey;
  value: string;
}

/** The text values a boolean parameter accepts. */
const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { '1': true, true: true, yes: true, '0': false, false: false, no: false };

/**
 * Reads one parameter from untrusted text; undefined when the text is not a valid value.
 * @example readParam('beta', '1.5') // 1.5
 */
export function readParam<K extends ParamKey>(key: K, text: string): AnalysisParams[K] | undefined {
  const def: ParamDef = PARAM_DEFS[key];
  if (def.type === 'choice') return (def.choices.includes(text) ? text : undefined) as AnalysisParams[K] | undefined;
  if (def.type === 'boolean') return BOOLEAN_TEXT[text.trim().toLowerCase()] as AnalysisParams[K] | undefined;
  if (def.type === 'point') return readPoint(text, def.bounds) as AnalysisParams[K] | undefined;
  if (def.type === 'list') return readList(text, def.range, def.max) as AnalysisParams[K] | undefined;
  const n = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  return (Number.isFinite(n) && n >= def.range[0] && n <= def.range[1] ? n : undefined) as AnalysisParams[K] | undefined;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** `LON,LAT` inside the bounds, or undefined. */
function readPoint(text: string, bounds: readonly (readonly [number, number])[]): [number, number] | undefined {
  const parts = text.split(',').map((x) => x.trim());
  if (parts.length !== 2 || !parts.every((x) => DECIMAL.test(x))) return undefined;
  const [lon, lat] = parts.map(Number) as [number, number];
  const [bx, by] = bounds as [[number, number], [number, number]];
  return lon >= bx[0] && lon <= bx[1] && lat >= by[0] && lat <= by[1] ? [lon, lat] : undefined;
}

/** `A,B,C`: up to `max` numbers in range, returned distinct and ascending, or undefined. */
function readList(text: string, range: readonly [number, number], max: number): number[] | undefined {
  const parts = text.split(',').map((x) => x.trim());
  if (!parts.length || parts.length > max || !parts.every((x) => /^\d+(\.\d+)?$/.test(x))) return undefined;
  const values = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  return values.every((v) => v >= range[0] && v <= range[1]) ? values : undefined;
}

/** A parameter's value as text, the way the address and the command line write it. */
export function writeParam(key: ParamKey, value: AnalysisParams[ParamKey]): string {
  const type = PARAM_DEFS[key].type;
  if (type === 'boolean') return value ? '1' : '0';
  if (type === 'point') return (value as [number, number]).map((x) => String(Math.round(x * 1e5) / 1e5)).join(',');
  return String(value);
}

/**
 * Reads parameters from untrusted text (URL hash, CLI flags). Unknown values are reported
 * and left at their defaults; nothing throws.
 * @example parseParams({ kind: 'gravity', beta: '1.5' }) // { params: {..., beta: 1.5}, problems: [] }
 */
export function parseParams(input: Partial<Record<ParamKey, string>>): { params: AnalysisParams; problems: ParamProblem[] } {
  const params: AnalysisParams = { ...DEFAULT_PARAMS };
  const problems: ParamProblem[] = [];
  for (const key of Object.keys(PARAM_DEFS) as ParamKey[]) {
    const text = input[key];
    if (text === undefined) continue;
    const value = readParam(key, text);
    if (value === undefined) problems.push({ param: key, value: text });
    else (params as unknown as Record<ParamKey, unknown>)[key] = value;
  }
  return { params, problems };
}

/**
 * A 2025 unit's figure from its 2022 members': their sum, or null where one has none (never a partial sum).
 * @example sumOfMembers(['VN-31', 'VN-30'], (iso) => pop.get(iso) ?? null)
 */
export function sumOfMembers(members: readonly string[], figure: (iso: string) => number | null): number | null {
  let sum = 0;
  for (const m of members) {
    const v = figure(m);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** A polygon unit as the analyses see it: any polygon set can be turned into these. */
export interface AnalysisUnit {
  /** ISO code for provinces, or the feature's id. */
  id: string;
  name_vi: string;
  name_en: string;
  /** The unit's centre (capital or administrative centre) as [lon, lat]. */
  centre: [number, number];
  /** Persons in the run's population base, or null where that base has no figure. */
  population: number | null;
  /** Where the population figure comes from (a source key, or the imported layer's field); null with it. */
  population_source: string | null;
  /** False for a neighbouring province outside the region, taken in as context. */
  in_region: boolean;
  /** True where no administrative centre is known and `centre` is a point inside the unit instead. */
  centre_is_label: boolean;
  /** Area computed from the geometry, km². */
  area_km2: number;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  /**
   * Its cities and towns with their persons in the run's base (their 2019 census share of the
   * unit's figure): where, without a population grid, those persons are put. Absent: none known.
   */
  towns?: readonly UnitTown[];
}

/** A town of a unit: its centre, the radius of a disc of its area, and its persons in the run's base. */
export interface UnitTown {
  id: string;
  name_vi: string;
  name_en: string;
  at: [number, number];
  radiusKm: number;
  persons: number;
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

/** Units sharing a border: the pair and the shared length (km). */
export type AdjacencyRow = RowOf<'a' | 'b' | 'shared_km'>;

/** A corridor's length inside a unit (km). */
export type ReachCrossing = RowOf<'corridor' | 'unit' | 'length_km'>;

/** A unit's area within the band around the corridors (km², and as a share of its area). */
export type ReachShare = RowOf<'unit' | 'area_km2' | 'within_km2' | 'share'>;

/**
 * Distances between two centres: great-circle km, and along the corridor network including the
 * straight legs to and from it (`access_km`, part of `network_km`; null if unreachable).
 */
export type DistanceRow = RowOf<'a' | 'b' | 'great_circle_km' | 'network_km' | 'access_km'>;

/** A pair's gravity: I = mᵢ·mⱼ / dᵢⱼ^β and its share; with the minutes impedance, the travel minutes (d of the model). */
export type GravityRow = RowOf<'a' | 'b' | 'distance_km' | 'intensity' | 'share', 'minutes'>;

/** A unit's nearest port by straight line and by the network (and, with the minutes metric, by travel time). */
export type HinterlandUnitRow = RowOf<'unit' | 'port_straight' | 'straight_km' | 'port_network' | 'network_km', 'port_minutes' | 'minutes'>;

/**
 * What a port serves: units, persons (null where one of its units has no figure in the run's
 * base) and cells, by straight line, by the network and, with the minutes metric, by travel time.
 */
export type HinterlandPortRow = RowOf<
  | 'port'
  | 'name_vi'
  | 'name_en'
  | 'units_straight'
  | 'population_straight'
  | 'units_network'
  | 'population_network'
  | 'cells_straight'
  | 'cells_network',
  | 'units_minutes'
  | 'population_minutes'
  | 'cells_minutes'
  | 'cells_population_straight'
  | 'cells_population_network'
  | 'cells_population_minutes'
>;

/**
 * A unit's linkage index: its parts, the index 0–100 (the mean of the parts that vary between
 * units; null where a part is unknown) and its rank (1 for the best; null with the index).
 */
export type IndexRow = RowOf<'unit' | 'degree' | 'closeness' | 'gravity_total' | 'port_km' | 'index' | 'rank'>;

/** Coverage: the persons within `within_minutes` of the nearest place of a kind, and their share of the region's. */
export type CoverageRow = RowOf<'target' | 'within_minutes' | 'population' | 'share'>;
/** Coverage in one unit: its persons within the minutes, and their share of its own persons. */
export type CoverageUnitRow = RowOf<'unit' | 'target' | 'within_minutes' | 'population' | 'share'>;
/** The cumulative curve: the share of the region's persons within t minutes, t from 0 to 240. */
export type CoverageCurveRow = RowOf<'target' | 'within_minutes' | 'share'>;
/**
 * Coverage of one kind of place in figures: the persons reached at all (and their share), and
 * the population-weighted mean and median minutes over them.
 */
export type CoverageSummaryRow = RowOf<'target' | 'population' | 'share' | 'mean_minutes' | 'median_minutes'>;
/** Od: minutes and km from one place to another (null when none is reachable), and the path's main roads. */
export type OdRow = RowOf<'a' | 'b' | 'minutes' | 'km', 'roads'>;
/**
 * Siting: a chosen site, its rank (1: chosen first), where it is, the persons it adds within the
 * minutes, the persons covered so far (with the existing places and the sites ranked before it) and their share of the region's.
 */
export type SiteRow = RowOf<'rank' | 'id' | 'name_vi' | 'name_en' | 'lon' | 'lat' | 'added_population' | 'covered_population' | 'share'>;

/** A place of od: its id, names and where it is. */
export interface OdPlace {
  id: string;
  name_vi: string;
  name_en: string;
  coordinates: [number, number];
}

/** The parts of the linkage index. */
export const INDEX_PARTS = ['degree', 'closeness', 'gravity_total', 'port_km'] as const;
export type IndexPart = (typeof INDEX_PARTS)[number];

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
  /** With a population grid: the persons of the grid's cells whose centres fall in each hexagon. */
  population?: Float64Array;
  /**
   * Without a population grid (the accessibility grid): the bundled default, persons: each
   * unit's official figure in the run's base, its towns' census share on their cells and the
   * rest spread evenly (an assumption; NaN where the base has no figure).
   */
  spread?: Float64Array;
}

export interface AccessGrid extends HexGrid {
  /** Great-circle km from each cell centre to the nearest target of each kind. */
  seaport_km: Float32Array;
  airport_km: Float32Array;
  gate_km: Float32Array;
  corridor_km: Float32Array;
  /** With the minutes metric: travel minutes on the corridor network (analysis/travel-time.ts). */
  minutes_to_seaport?: Float32Array;
  minutes_to_airport?: Float32Array;
  minutes_to_border_gate?: Float32Array;
  /** To the administrative centre of the cell's own unit. */
  minutes_to_centre?: Float32Array;
}

/** What an accessibility map can show: km to the nearest of each kind, or minutes with that metric. */
export const ACCESS_MEASURES_KM = ['seaport_km', 'airport_km', 'gate_km', 'corridor_km'] as const;
export const ACCESS_MEASURES_MIN = ['minutes_to_seaport', 'minutes_to_airport', 'minutes_to_border_gate', 'minutes_to_centre'] as const;
export type AccessMeasure = (typeof ACCESS_MEASURES_KM)[number] | (typeof ACCESS_MEASURES_MIN)[number];

/** What an accessibility map shows first with a metric: the nearest seaport, in km or in minutes. */
export const firstMeasure = (metric: Metric | undefined): AccessMeasure => (metric === 'minutes' ? 'minutes_to_seaport' : 'seaport_km');

/** The measures a grid holds (minutes only when it was run with that metric). */
export function accessMeasures(g: AccessGrid): AccessMeasure[] {
  return [...(g.minutes_to_seaport ? ACCESS_MEASURES_MIN : []), ...ACCESS_MEASURES_KM];
}

/** What a measure is counted in: minutes or km. */
export const measureUnit = (m: AccessMeasure): 'km' | 'min' => (m.startsWith('minutes') ? 'min' : 'km');

/** A measure's values in a grid (km to the nearest seaport when the grid lacks it), and its unit. */
export function accessValues(g: AccessGrid, m: AccessMeasure): { values: Float32Array; unit: 'km' | 'min' } {
  const v = g[m];
  if (!v) return { values: g.seaport_km, unit: 'km' };
  return { values: v, unit: measureUnit(m) };
}

/** A unit as a result lists it: who it is, where its centre is, and the mass the run gave it. */
export interface ResultUnit {
  id: string;
  name_vi: string;
  name_en: string;
  /** [lon, lat] of its administrative centre (or of a point inside it, see the notes). */
  centre: [number, number];
  /** False for a neighbouring province outside the region, taken in as context. */
  in_region: boolean;
  /** Its mass in the run (persons or km²), null where the run's base has no figure or the analysis uses none. */
  mass: number | null;
  /** Where that figure comes from (`GSO23`, `NQ202`, `area:geometry`, an imported field); null with it. */
  mass_source: string | null;
}

/** Every result carries its parameters, its model in one line, and the units it ran on. */
export interface ResultBase {
  params: AnalysisParams;
  /** The model in one line: what is computed, from which figures, with which distances (a message, rendered when shown). */
  model: ResultMsg;
  units: ResultUnit[];
  /** Notes on what the result leaves out or assumes (messages, rendered when shown). */
  notes: ResultMsg[];
  /** Where the units came from when not the bundled provinces: an imported layer and its code field. */
  units_source?: { layer: string; code: string; name: string } | null;
  /** Where the seaports came from when not the bundled ones: an imported layer. */
  ports_source?: { layer: string; name: string } | null;
  /** The user's table whose column was the mass, when one was. */
  mass_table?: { layer: string; name: string; field: string } | null;
  /** The scenario the run was made on: its name, key and what it changes; null for none. */
  scenario?: ScenarioSummary | null;
  /** The user's own road network the minutes were measured on (null: the bundled corridors). */
  network?: NetworkSummary | null;
  /** The population grid the cells were weighed by, and how its total per unit compares with the official figure. */
  population_grid?: PopulationSummary | null;
  /** With `sensitivity`: the runs over the documented ranges, and whether a ranking's order held in all of them. */
  sensitivity?: SensitivitySummary | null;
}

/** One sensitivity run: which assumption it moved, and its result (without runs of its own). */
export interface SensitivityRun {
  id: VariantId;
  result: AnalysisResult;
}

/** The sensitivity runs of a result; `order_holds` is null for a kind that ranks nothing. */
export interface SensitivitySummary {
  runs: SensitivityRun[];
  order_holds: boolean | null;
}

/** What a result says of the user's road network (from the network file's metadata). */
export interface NetworkSummary {
  file: string;
  source: string;
  extract_date: string | null;
  extract_date_from: string | null;
  nodes: number;
  edges: number;
  km_total: number;
  components: number;
  largest_component_km_share: number;
}

/** What a result says of the population grid it was weighed by. */
export interface PopulationSummary {
  file: string;
  crs: string;
  /** Persons in the grid (within the region's box), in the cells, and in no cell. */
  total: number;
  in_cells: number;
  outside: number;
  /** Per unit: the grid's persons in its cells against its official figure (null where the run's base has none). */
  units: { unit: string; grid: number; official: number | null; ratio: number | null }[];
}

/** A user's road network as the analyses take it (`analysis/road-graph.ts` makes the graph). */
export interface NetworkOverride {
  name: string;
  summary: NetworkSummary;
  /** Minutes between places and the nearest of some points, by one search (`analysis/travel-graph.ts`). */
  graph: {
    timesFrom(
      points: readonly [number, number][],
      direction: 'to' | 'from',
    ): { nearestTo(lon: number, lat: number): { minutes: number; point: number } };
  };
  /** The same network searched with every class's speed times `speedFactor` and another detour (sensitivity runs); absent: none. */
  variant?: (speedFactor: number, detour: number) => NetworkOverride['graph'];
  /** The class speeds (km/h), access speed and detour it was searched with. */
  speeds: Readonly<Record<string, number>>;
  accessKmh: number;
  detour: number;
}

/** A population grid as the analyses take it: each raster cell's centre (WGS 84) and persons (`data/population-grid.ts`). */
export interface PopulationOverride {
  name: string;
  crs: string;
  lon: Float64Array;
  lat: Float64Array;
  persons: Float32Array;
  total: number;
}

/** What a result says of its scenario. */
export interface ScenarioSummary {
  name: string;
  key: string;
  add: number;
  remove: number;
  slow: number;
  speeds: number;
}

/** A scenario's summary for a result; null for none or an empty one. */
export function scenarioSummary(s: Scenario | null | undefined): ScenarioSummary | null {
  const key = scenarioKey(s);
  return s && key ? { name: s.name, key, ...scenarioCounts(s) } : null;
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
  /**
   * A figure column of the user's own table as the mass (gravity and the index), by unit id of
   * the run's edition; null where the table has no figure for a unit.
   */
  mass?: { layer: string; name: string; field: string; values: Readonly<Record<string, number | null>> } | null;
  /** A planning scenario: edits to the corridors and points, and speeds (src/core/scenario.ts). */
  scenario?: Scenario | null;
  /** The user's own road network for travel minutes (instead of the bundled corridors). */
  network?: NetworkOverride | null;
  /** A population grid: cells, bands and hinterland cells are weighed by it. */
  population?: PopulationOverride | null;
  /**
   * A user's point layer: od's places (instead of `points`), coverage's extra target (`points`),
   * siting's candidates (instead of `candidates`); od's second set (`to`).
   */
  points?: { layer: string; name: string; fc: import('geojson').FeatureCollection } | null;
  to?: { layer: string; name: string; fc: import('geojson').FeatureCollection } | null;
  candidates?: { layer: string; name: string; fc: import('geojson').FeatureCollection } | null;
}

/** The cache key of a run with overrides. */
export function overridesKey(o: AnalysisOverrides | undefined): string {
  if (!o) return '';
  return [
    o.ports ? `ports=${o.ports.layer}` : '',
    o.units ? `units=${o.units.layer}:${o.units.code}:${o.units.nameField}:${o.units.population ?? ''}` : '',
    o.mass ? `mass=${o.mass.layer}:${o.mass.field}` : '',
    scenarioKey(o.scenario) ? `sc=${scenarioKey(o.scenario)}` : '',
    o.network ? `net=${o.network.name}:${o.network.summary.edges}:${o.network.detour}` : '',
    o.population ? `pop=${o.population.name}:${o.population.total}` : '',
    o.points ? `pts=${o.points.layer}` : '',
    o.to ? `to=${o.to.layer}` : '',
    o.candidates ? `cand=${o.candidates.layer}` : '',
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
      /** Each cell's port (index into port_ids; -1 for none) by straight line, network km and, with the minutes metric, travel time. */
      grid: HexGrid & { port_straight: Int32Array; port_network: Int32Array; port_minutes?: Int32Array };
      port_ids: string[];
    })
  | (ResultBase & { kind: 'access'; grid: AccessGrid })
  | (ResultBase & { kind: 'index'; rows: IndexRow[]; parts_used: IndexPart[]; parts_dropped: IndexPart[]; context_used: boolean })
  | (ResultBase & { kind: 'isochrone'; from: [number, number]; bands: IsochroneBand[]; sampled: number; curve: IsochroneCurve })
  | (ResultBase & {
      kind: 'coverage';
      rows: CoverageRow[];
      unit_rows: CoverageUnitRow[];
      curve: CoverageCurveRow[];
      summary: CoverageSummaryRow[];
      /** The kinds of place counted to, in order. */
      targets: CoverageTarget[];
      grid: CoverageGrid;
    })
  | (ResultBase & {
      kind: 'od';
      rows: OdRow[];
      /** Each pair's path, [lon, lat], by `pairKey(a, b)`. */
      paths: Record<string, [number, number][]>;
      from_places: OdPlace[];
      to_places: OdPlace[];
      /** Minutes from each `from_places` place (rows) to each `to_places` place (columns); null where none is reachable. */
      matrix: (number | null)[][];
    })
  | (ResultBase & {
      kind: 'siting';
      sites: SiteRow[];
      grid: SitingGrid;
      /** How the sites were chosen: exactly (every combination) or greedily (with its (1 − 1/e) guarantee). */
      method: 'exact' | 'greedy';
      /** Candidates considered, and the threshold, minutes. */
      candidates: number;
      minutes: number;
      /** Persons already within the minutes of the existing places, and the region's persons. */
      existing_population: number;
      total_population: number;
    });

/**
 * Where a grid's persons come from: a population grid; the bundled default with towns (each
 * unit's figure, its towns' census share on their cells, the rest spread evenly: an assumption);
 * or the units' figures spread evenly (an assumption; units without towns, such as a user's).
 */
export type PersonsFrom = 'grid' | 'towns' | 'spread';

/** The persons of each cell: a population grid's, or the bundled default (NaN: no figure). */
export interface PersonsGrid extends HexGrid {
  persons: Float64Array;
  /** Where the persons come from. */
  persons_from: PersonsFrom;
}

/** Coverage's grid: the persons of each cell and its minutes to the nearest place of each kind. */
export interface CoverageGrid extends PersonsGrid {
  minutes: Partial<Record<CoverageTarget, Float32Array>>;
}

/** Siting's grid: each cell's persons and the rank of the site that first covers it (0: an existing place; -1: none). */
export interface SitingGrid extends PersonsGrid {
  site: Int32Array;
}

/** The land within t minutes of an isochrone's origin, sampled on its grid, for t from 0 to the largest threshold. */
export interface IsochroneCurve {
  minutes: number[];
  area_km2: number[];
}

/** The land reachable within `minutes` of an isochrone's origin, with its area (nested: each holds the smaller ones). */
export interface IsochroneBand {
  minutes: number;
  area_km2: number;
  /** With a population grid: the persons of the hexagonal cells (at the run's cell size) whose centres are within the minutes. */
  population?: number;
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** The result of one kind. */
export type Of<K extends AnalysisKind> = Extract<AnalysisResult, { kind: K }>;

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
