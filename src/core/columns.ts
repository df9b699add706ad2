/**
 * Every field an analysis result can have, defined once: what its values are, whether it
 * names the row, its unit and how a table writes it. The result row types (core/analysis.ts),
 * the tables' columns and their differences (export/results.ts), the panel's table, the
 * exporters' column types and the labels (`Col.<field>` in both i18n files, checked at compile
 * time) all derive from this list.
 */

/** How a table writes a number: fixed decimals, a percentage of a share, or powers of ten. */
export type NumberStyle = { kind: 'fixed'; digits: number } | { kind: 'percent'; digits: number } | { kind: 'scientific'; digits: number };

/** One field of a result. */
export interface ColumnDef {
  /** What its values are: text, a number, a yes/no, or a [lon, lat] pair. */
  type: 'text' | 'number' | 'boolean' | 'point';
  /** Whether a row may hold no value (written as a dash, exported as null). */
  nullable: boolean;
  /**
   * Whether it says which row it is (a unit, a pair, a port, a cell): rows of two runs are
   * matched on these, and they are never differenced.
   */
  key: boolean;
  /** A unit's, a place's, a seaport's or a kind of places' id: the table shows its name. */
  names?: 'unit';
  /** Unit of measure of a number (km, km², minutes, persons, a share 0–1, a count, degrees). */
  unit?: 'km' | 'km2' | 'min' | 'persons' | 'share' | 'count' | 'deg' | 'index';
  /** How the panel's table writes a number. */
  style?: NumberStyle;
}

type Extra = Pick<ColumnDef, 'names' | 'unit' | 'style'> & { key?: boolean };
/** A text field that always holds a value. */
const text = (o: Extra = {}) => ({ ...o, type: 'text', nullable: false, key: o.key ?? false }) as const;
/** A text field that may hold none. */
const textOrNull = (o: Extra = {}) => ({ ...o, type: 'text', nullable: true, key: o.key ?? false }) as const;
/** A number field in a unit, written in a style, always holding a value. */
const number = (unit: NonNullable<ColumnDef['unit']>, style: NumberStyle, o: Extra = {}) =>
  ({ ...o, type: 'number', unit, style, nullable: false, key: o.key ?? false }) as const;
/** A number field that may hold none. */
const numberOrNull = (unit: NonNullable<ColumnDef['unit']>, style: NumberStyle, o: Extra = {}) =>
  ({ ...o, type: 'number', unit, style, nullable: true, key: o.key ?? false }) as const;
const fixed = (digits: number): NumberStyle => ({ kind: 'fixed', digits });
const KM = fixed(1);

/** Every result field, by name (the order tables list them is each table's own). */
export const COLUMNS = {
  a: text({ key: true, names: 'unit' }),
  b: text({ key: true, names: 'unit' }),
  unit: text({ key: true, names: 'unit' }),
  corridor: text({ key: true }),
  port: text({ key: true }),
  id: text({ key: true }),
  cell: number('count', fixed(0), { key: true }),
  lon: number('deg', fixed(4), { key: true }),
  lat: number('deg', fixed(4), { key: true }),
  centre: { type: 'point', nullable: false, key: true } as const,
  name_vi: text(),
  name_en: text(),
  in_region: { type: 'boolean', nullable: false, key: false } as const,
  mass: numberOrNull('persons', fixed(1)),
  mass_source: textOrNull(),
  shared_km: number('km', KM),
  distance_km: number('km', KM),
  intensity: number('index', { kind: 'scientific', digits: 2 }),
  share: number('share', { kind: 'percent', digits: 2 }),
  great_circle_km: number('km', KM),
  network_km: numberOrNull('km', KM),
  access_km: numberOrNull('km', KM),
  length_km: number('km', KM),
  area_km2: number('km2', KM),
  within_km2: number('km2', KM),
  rank: numberOrNull('count', fixed(0)),
  index: numberOrNull('index', fixed(2)),
  degree: number('count', fixed(0)),
  closeness: number('index', { kind: 'scientific', digits: 3 }),
  gravity_total: numberOrNull('index', { kind: 'scientific', digits: 2 }),
  port_km: numberOrNull('km', KM),
  port_straight: text({ names: 'unit' }),
  straight_km: number('km', KM),
  port_network: textOrNull({ names: 'unit' }),
  port_minutes: textOrNull({ names: 'unit' }),
  units_straight: number('count', fixed(0)),
  population_straight: numberOrNull('persons', fixed(0)),
  units_network: number('count', fixed(0)),
  population_network: numberOrNull('persons', fixed(0)),
  cells_straight: number('count', fixed(0)),
  cells_network: number('count', fixed(0)),
  units_minutes: number('count', fixed(0)),
  population_minutes: numberOrNull('persons', fixed(0)),
  cells_minutes: number('count', fixed(0)),
  /** With a population grid: the persons of a cell, or of the cells a port serves. */
  population: numberOrNull('persons', fixed(0)),
  cells_population_straight: number('persons', fixed(0)),
  cells_population_network: number('persons', fixed(0)),
  cells_population_minutes: number('persons', fixed(0)),
  seaport_km: numberOrNull('km', KM),
  airport_km: numberOrNull('km', KM),
  gate_km: numberOrNull('km', KM),
  corridor_km: numberOrNull('km', KM),
  minutes: numberOrNull('min', fixed(2)),
  minutes_to_seaport: numberOrNull('min', fixed(2)),
  minutes_to_airport: numberOrNull('min', fixed(2)),
  minutes_to_border_gate: numberOrNull('min', fixed(2)),
  minutes_to_centre: numberOrNull('min', fixed(2)),
  /** Coverage: the kind of place (seaports, airports, …) the minutes are counted to. */
  target: text({ key: true, names: 'unit' }),
  /** Coverage: the threshold, minutes (a key: rows of two runs are matched on it). */
  within_minutes: number('min', fixed(0), { key: true }),
  /** Od: km along the path (the network's km and the straight legs onto and off it, with the detour). */
  km: numberOrNull('km', KM),
  /** Od: the main roads of the path, in travel order (the corridors' ids, or a user network's refs). */
  roads: textOrNull(),
  /** Coverage: the population-weighted mean and median of the minutes (over the cells reached). */
  mean_minutes: numberOrNull('min', fixed(1)),
  median_minutes: numberOrNull('min', fixed(1)),
  /** Siting: the persons a chosen site brings within the minutes, and all covered so far (with the existing places). */
  added_population: number('persons', fixed(0)),
  covered_population: number('persons', fixed(0)),
  /** Siting: the rank of the chosen site that first covers a cell (null: none; 0: an existing place). */
  site: numberOrNull('count', fixed(0)),
} as const satisfies Record<string, ColumnDef>;

/** A field of a result. */
export type BaseColumn = keyof typeof COLUMNS;
/**
 * A column of a square or rectangular matrix (od's `matrix` table): the minutes to the place of
 * that id (the rows are the places from).
 */
export type MatrixColumn = `to:${string}`;
/** A field's lowest and highest value over the sensitivity runs (`<field>_low`, `<field>_high`). */
export type BandColumn = `${BaseColumn}_low` | `${BaseColumn}_high`;
/**
 * A field, its difference against a baseline run (`delta_<field>` = this run − the baseline),
 * its band over the sensitivity runs, or a matrix column.
 */
export type Column = BaseColumn | `delta_${BaseColumn}` | BandColumn | MatrixColumn;

/** The value a field holds in a row. */
type Base<D> = D extends { type: 'number' }
  ? number
  : D extends { type: 'boolean' }
    ? boolean
    : D extends { type: 'point' }
      ? [number, number]
      : string;
export type ValueOf<C extends BaseColumn> = (typeof COLUMNS)[C] extends { nullable: true }
  ? Base<(typeof COLUMNS)[C]> | null
  : Base<(typeof COLUMNS)[C]>;

/**
 * A row with these fields (and, optionally, those): the result rows are declared this way, so
 * a row is one of the tables' rows without a cast.
 * @example type AdjacencyRow = RowOf<'a' | 'b' | 'shared_km'>
 */
export type RowOf<Required extends BaseColumn, Optional extends BaseColumn = never> = { [K in Required]: ValueOf<K> } & {
  [K in Optional]?: ValueOf<K>;
};

const BY_NAME: ReadonlyMap<string, BaseColumn> = new Map(Object.keys(COLUMNS).map((k) => [k, k as BaseColumn]));

/**
 * The field a column is about (its own, the one it differences or bands, minutes for a matrix
 * column); undefined for a name that is none.
 */
export function baseColumn(name: string): BaseColumn | undefined {
  if (name.startsWith('to:')) return 'minutes';
  const own = name.startsWith('delta_') ? name.slice(6) : name;
  return BY_NAME.get(own) ?? BY_NAME.get(own.replace(/_(low|high)$/, ''));
}

/** Whether a column is a difference against a baseline run. */
export const isDelta = (c: Column): boolean => c.startsWith('delta_');

/** Whether a column is the low or the high end of a field's band over the sensitivity runs (and which). */
export function bandOf(c: Column): 'low' | 'high' | null {
  if (BY_NAME.has(c) || isDelta(c)) return null;
  return c.endsWith('_low') ? 'low' : c.endsWith('_high') ? 'high' : null;
}

/** Whether a column is a matrix column (`to:<id>`). */
export const isMatrix = (c: Column): c is MatrixColumn => c.startsWith('to:');

/** A band's column name for a field. */
export const bandColumn = (c: BaseColumn, end: 'low' | 'high'): BandColumn => `${c}_${end}`;

/** A field's definition (a difference column is a number like its field, and may be null; a band or matrix column is no key). */
export function columnDef(c: Column): ColumnDef {
  const base = COLUMNS[baseColumn(c)!];
  return isDelta(c) || bandOf(c) || isMatrix(c) ? { ...base, key: false, nullable: true } : base;
}
