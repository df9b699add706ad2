/**
 * Analysis results as tables (one or more per analysis, the first the main one) and as
 * GeoJSON features: one shape read by the panel's table, the command line and the
 * exporters. Columns are field names; the UI translates them (`Col.<field>`).
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { ACCESS_MEASURES_MIN, hexCorners, pairKey, type AnalysisKind, type AnalysisResult } from '../core/analysis.ts';
import { roundTo } from '../core/geo.ts';
import { bandColumn, bandOf, columnDef, isDelta, isMatrix, type BaseColumn, type Column } from '../core/columns.ts';
import type { TableName } from '../core/analysis.ts';

/** A table cell: text, a number, a yes/no, a [lon, lat] pair, or nothing. */
export type Cell = string | number | boolean | readonly [number, number] | null;
export type Row = Record<string, Cell>;

export type { BaseColumn, Column, TableName };

/**
 * The key a row is matched on between two runs: its cell, its pair, its unit, port or id and its
 * threshold (an isochrone's band: its minutes; a siting's site: its rank).
 */
function rowKey(t: Pick<ResultTable, 'name' | 'columns'>, row: Row): string {
  const columns = t.columns;
  if (t.name === 'bands') return `band:${String(row.minutes)}`;
  if (t.name === 'sites') return `rank:${String(row.rank)}`;
  if (columns.includes('cell')) return `cell:${String(row.cell)}`;
  return columns
    .filter((c) => columnDef(c).key && (columnDef(c).type === 'text' || columnDef(c).type === 'number'))
    .map((c) => String(row[c]))
    .join('>');
}

/** The figure columns of a table that two runs can be set against (numbers that are neither keys, bands, differences nor a matrix's). */
function figureColumns(t: ResultTable, other: ResultTable): BaseColumn[] {
  return t.columns.filter(
    (c): c is BaseColumn =>
      !isDelta(c) &&
      !bandOf(c) &&
      !isMatrix(c) &&
      !columnDef(c).key &&
      columnDef(c).type === 'number' &&
      !(t.name === 'bands' && c === 'minutes') &&
      !(t.name === 'sites' && c === 'rank') &&
      !(t.name === 'cells' && c === 'site') &&
      (t.rows.some((r) => typeof r[c] === 'number') || other.rows.some((r) => typeof r[c] === 'number')),
  );
}

/**
 * A table with each figure's band over the sensitivity runs: `<field>_low` and `<field>_high`,
 * the lowest and highest value of the central run and the reruns (rows matched by their key;
 * null where no run has a figure), each pair right after its field.
 * @example bandTable(central, [slower, faster]).columns // [..., 'minutes', 'minutes_low', 'minutes_high', ...]
 */
export function bandTable(t: ResultTable, runs: readonly ResultTable[]): ResultTable {
  const figures = new Set(figureColumns(t, runs[0] ?? t));
  if (!figures.size || !runs.length) return t;
  const others = runs.map((r) => new Map(r.rows.map((row) => [rowKey(r, row), row])));
  const rows = t.rows.map((row) => {
    const key = rowKey(t, row);
    const out: Row = { ...row };
    for (const c of figures) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of [row[c], ...others.map((m) => m.get(key)?.[c])])
        if (typeof v === 'number' && Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      out[bandColumn(c, 'low')] = lo <= hi ? lo : null;
      out[bandColumn(c, 'high')] = lo <= hi ? hi : null;
    }
    return out;
  });
  const columns = t.columns.flatMap((c): Column[] =>
    figures.has(c as BaseColumn) ? [c, bandColumn(c as BaseColumn, 'low'), bandColumn(c as BaseColumn, 'high')] : [c],
  );
  // Each row's fields in the columns' order (files write them so), anything else after.
  const ordered = rows.map((row) => {
    const out: Row = {};
    for (const c of columns) if (c in row) out[c] = row[c]!;
    for (const [k, v] of Object.entries(row)) if (!(k in out)) out[k] = v;
    return out;
  });
  return { ...t, columns, rows: ordered };
}

/**
 * A run's table with `delta_<field>` = this run − the baseline for each figure column, rows
 * matched by their key (cell, pair, unit, port); null where either side has no figure.
 * @example deltaTable(after, before).columns // [..., 'minutes_to_seaport', 'delta_minutes_to_seaport']
 */
export function deltaTable(run: ResultTable, base: ResultTable): ResultTable {
  const figures = figureColumns(run, base);
  const before = new Map(base.rows.map((r) => [rowKey(base, r), r]));
  const rows = run.rows.map((r) => {
    const b = before.get(rowKey(run, r));
    const out: Row = { ...r };
    for (const c of figures) {
      const x = r[c];
      const y = b?.[c];
      out[`delta_${c}`] = typeof x === 'number' && typeof y === 'number' ? roundTo(x - y, 6) : null;
    }
    return out;
  });
  return { ...run, columns: [...run.columns, ...figures.map((c) => `delta_${c}` as const)], rows };
}

/** The type each column of a table is exported as (from the column's definition, even where every row is empty). */
export function tableTypes(t: ResultTable): Record<string, 'number' | 'boolean' | 'text'> {
  const out: Record<string, 'number' | 'boolean' | 'text'> = {};
  for (const c of t.columns) {
    const type = columnDef(c).type;
    out[c] = type === 'number' || type === 'boolean' ? type : 'text';
  }
  return out;
}

export interface ResultTable {
  name: TableName;
  columns: Column[];
  rows: Row[];
  /** The shape of a row on the map, or null where it has none. */
  geometry: (row: Row, index: number) => Geometry | null;
}

/** How a row takes shape on the map: a unit's polygon (or centre), a pair's line between centres. */
interface Shapes {
  unit: (id: Cell | undefined) => Geometry | null;
  pair: (row: Row) => Geometry | null;
  /** Gravity and the index weigh units: their units table says by what, and from where. */
  unitsTable: ResultTable;
}

type Of<K extends AnalysisKind> = Extract<AnalysisResult, { kind: K }>;

/** Each analysis kind's tables, the main one first, by kind (a kind without them fails to compile). */
const TABLES: { [K in AnalysisKind]: (r: Of<K>, s: Shapes) => ResultTable[] } = {
  adjacency: (r, s) => [{ name: 'rows', columns: ['a', 'b', 'shared_km'], rows: r.rows, geometry: s.pair }],
  gravity: (r, s) => [
    {
      name: 'rows',
      columns:
        r.params.impedance === 'minutes'
          ? ['a', 'b', 'distance_km', 'minutes', 'intensity', 'share']
          : ['a', 'b', 'distance_km', 'intensity', 'share'],
      rows: r.rows,
      geometry: s.pair,
    },
    s.unitsTable,
  ],
  distance: (r, s) => [
    {
      name: 'rows',
      columns: ['a', 'b', 'great_circle_km', 'network_km', 'access_km'],
      rows: r.rows,
      geometry: (row) => {
        const path = r.paths[pairKey(String(row.a), String(row.b))];
        return path ? { type: 'LineString', coordinates: path } : s.pair(row);
      },
    },
  ],
  reach: (r, s) => [
    { name: 'shares', columns: ['unit', 'area_km2', 'within_km2', 'share'], rows: r.shares, geometry: (row) => s.unit(row.unit) },
    { name: 'crossings', columns: ['corridor', 'unit', 'length_km'], rows: r.crossings, geometry: (row) => s.unit(row.unit) },
  ],
  index: (r, s) => [
    {
      name: 'rows',
      columns: ['rank', 'unit', 'index', 'degree', 'closeness', 'gravity_total', 'port_km'],
      rows: r.rows,
      geometry: (row) => s.unit(row.unit),
    },
    s.unitsTable,
  ],
  hinterland: (r, s) => {
    const g = r.grid;
    const cells: Row[] = [];
    for (let i = 0; i < g.unit.length; i++)
      cells.push({
        ...cellBase(r, i),
        port_straight: r.port_ids[g.port_straight[i]!] ?? null,
        port_network: r.port_ids[g.port_network[i]!] ?? null,
        ...(g.port_minutes ? { port_minutes: r.port_ids[g.port_minutes[i]!] ?? null } : {}),
      });
    const byMinutes = g.port_minutes !== undefined;
    return [
      {
        name: 'units',
        columns: [
          'unit',
          'port_straight',
          'straight_km',
          'port_network',
          'network_km',
          ...(byMinutes ? (['port_minutes', 'minutes'] as const) : []),
        ],
        rows: r.units_rows,
        geometry: (row) => s.unit(row.unit),
      },
      {
        name: 'ports',
        columns: [
          'port',
          'name_vi',
          'name_en',
          'units_straight',
          'population_straight',
          'units_network',
          'population_network',
          'cells_straight',
          'cells_network',
          ...(byMinutes ? (['units_minutes', 'population_minutes', 'cells_minutes'] as const) : []),
          ...(g.population
            ? ([
                'cells_population_straight',
                'cells_population_network',
                ...(byMinutes ? (['cells_population_minutes'] as const) : []),
              ] as const)
            : []),
        ],
        rows: r.ports,
        geometry: () => null,
      },
      {
        name: 'cells',
        columns: [
          'cell',
          'lon',
          'lat',
          'unit',
          ...popColumn(g),
          'port_straight',
          'port_network',
          ...(byMinutes ? (['port_minutes'] as const) : []),
        ],
        rows: cells,
        geometry: (_row, i) => hexagon(g, i),
      },
    ];
  },
  isochrone: (r) => [
    {
      name: 'bands',
      columns: ['minutes', 'area_km2', ...(r.bands.some((b) => b.population !== undefined) ? (['population'] as const) : [])],
      rows: r.bands.map((b) => ({
        minutes: b.minutes,
        area_km2: b.area_km2,
        ...(b.population !== undefined ? { population: b.population } : {}),
      })),
      geometry: (_row, i) => (r.bands[i]!.geometry.coordinates.length ? r.bands[i]!.geometry : null),
    },
  ],
  access: (r) => {
    const g = r.grid;
    const minutes = ACCESS_MEASURES_MIN.filter((m) => g[m]);
    const cells: Row[] = [];
    for (let i = 0; i < g.unit.length; i++) {
      const row: Row = {
        ...cellBase(r, i),
        seaport_km: km(g.seaport_km, i),
        airport_km: km(g.airport_km, i),
        gate_km: km(g.gate_km, i),
        corridor_km: km(g.corridor_km, i),
      };
      for (const m of minutes) row[m] = km(g[m]!, i);
      cells.push(row);
    }
    return [
      {
        name: 'cells',
        columns: ['cell', 'lon', 'lat', 'unit', ...popColumn(g), 'seaport_km', 'airport_km', 'gate_km', 'corridor_km', ...minutes],
        rows: cells,
        geometry: (_row, i) => hexagon(g, i),
      },
    ];
  },
  coverage: (r, s) => [
    { name: 'coverage', columns: ['target', 'within_minutes', 'population', 'share'], rows: r.rows, geometry: () => null },
    {
      name: 'units',
      columns: ['unit', 'target', 'within_minutes', 'population', 'share'],
      rows: r.unit_rows,
      geometry: (row) => s.unit(row.unit),
    },
    { name: 'curve', columns: ['target', 'within_minutes', 'share'], rows: r.curve, geometry: () => null },
    {
      name: 'summary',
      columns: ['target', 'population', 'share', 'mean_minutes', 'median_minutes'],
      rows: r.summary,
      geometry: () => null,
    },
  ],
  od: (r) => [
    {
      name: 'rows',
      columns: ['a', 'b', 'minutes', 'km', 'roads'],
      rows: r.rows,
      geometry: (row) => {
        const path = r.paths[pairKey(String(row.a), String(row.b))];
        if (path) return { type: 'LineString', coordinates: path };
        const a = r.from_places.find((p) => p.id === row.a);
        const b = r.to_places.find((p) => p.id === row.b);
        return a && b ? { type: 'LineString', coordinates: [a.coordinates, b.coordinates] } : null;
      },
    },
    {
      name: 'matrix',
      columns: ['a', ...r.to_places.map((p): Column => `to:${p.id}`)],
      rows: r.from_places.map((p, i) => {
        const row: Row = { a: p.id };
        r.to_places.forEach((q, j) => (row[`to:${q.id}`] = r.matrix[i]?.[j] ?? null));
        return row;
      }),
      geometry: (_row, i) => {
        const p = r.from_places[i];
        return p ? { type: 'Point', coordinates: [...p.coordinates] } : null;
      },
    },
  ],
  siting: (r) => {
    const g = r.grid;
    const cells: Row[] = [];
    for (let i = 0; i < g.unit.length; i++)
      cells.push({
        ...cellBase(r, i),
        population: Number.isFinite(g.persons[i]!) ? roundTo(g.persons[i]!, 2) : null,
        site: g.site[i]! >= 0 ? g.site[i]! : null,
      });
    return [
      {
        name: 'sites',
        columns: ['rank', 'id', 'name_vi', 'name_en', 'lon', 'lat', 'added_population', 'covered_population', 'share'],
        rows: r.sites,
        geometry: (row) =>
          typeof row.lon === 'number' && typeof row.lat === 'number' ? { type: 'Point', coordinates: [row.lon, row.lat] } : null,
      },
      {
        name: 'cells',
        columns: ['cell', 'lon', 'lat', 'unit', 'population', 'site'],
        rows: cells,
        geometry: (_row, i) => hexagon(g, i),
      },
    ];
  },
};

/**
 * The tables of a result.
 * @param unitGeometry - unit polygons by id; rows about one unit get its polygon, else its centre
 * @example resultTables(gravityResult)[0].columns // ['a', 'b', 'distance_km', 'intensity', 'share']
 */
export function resultTables(r: AnalysisResult, unitGeometry?: ReadonlyMap<string, Geometry>): ResultTable[] {
  const centre = new Map(r.units.map((u) => [u.id, u.centre]));
  const unit = (id: Cell | undefined): Geometry | null => {
    if (typeof id !== 'string') return null;
    const g = unitGeometry?.get(id);
    if (g) return g;
    const c = centre.get(id);
    return c ? { type: 'Point', coordinates: [...c] } : null;
  };
  const pair = (row: Row): Geometry | null => {
    const a = centre.get(String(row.a));
    const b = centre.get(String(row.b));
    return a && b ? { type: 'LineString', coordinates: [a, b] } : null;
  };
  const unitsTable: ResultTable = {
    name: 'units',
    columns: ['id', 'name_vi', 'name_en', 'centre', 'in_region', 'mass', 'mass_source'],
    rows: r.units.map((u) => ({ ...u })),
    geometry: (row) => unit(row.id),
  };
  // The lookup is by the result's own kind (the union cannot follow it).
  const tables = (TABLES[r.kind] as (r: AnalysisResult, s: Shapes) => ResultTable[])(r, { unit, pair, unitsTable });
  // With sensitivity runs: each figure's low and high over them.
  const runs = r.sensitivity?.runs ?? [];
  if (!runs.length) return tables;
  const others = runs.map((x) => resultTables(x.result, unitGeometry));
  return tables.map((t) =>
    t.name === 'units' && t.columns.includes('mass_source')
      ? t
      : bandTable(
          t,
          others.flatMap((o) => o.filter((x) => x.name === t.name)),
        ),
  );
}

/** A cell's distance in km to two decimals, or null where there is no target. */
const km = (a: Float32Array, i: number): number | null => (Number.isFinite(a[i]!) ? roundTo(a[i]!, 2) : null);

/** The columns every grid cell row starts with: its number, centre and unit. */
function cellBase(
  r: { units: { id: string }[]; grid: { centres: Float64Array; unit: Int32Array; population?: Float64Array; spread?: Float64Array } },
  i: number,
): Row {
  const g = r.grid;
  const row: Row = {
    cell: i,
    lon: roundTo(g.centres[2 * i]!, 5),
    lat: roundTo(g.centres[2 * i + 1]!, 5),
    unit: r.units[g.unit[i]!]?.id ?? null,
  };
  // With a population grid: the persons of its cells whose centres fall in this one; without, its unit's figure spread evenly.
  const persons = g.population ?? g.spread;
  if (persons) row.population = Number.isFinite(persons[i]!) ? roundTo(persons[i]!, 2) : null;
  return row;
}

/** The population column where the grid has one (a population grid's, or the units' figures spread evenly). */
const popColumn = (g: { population?: Float64Array; spread?: Float64Array }): 'population'[] =>
  g.population || g.spread ? ['population'] : [];

function hexagon(g: { centres: Float64Array; cellKm: number; lat0: number }, i: number): Geometry {
  const ring = hexCorners(g.centres[2 * i]!, g.centres[2 * i + 1]!, g.cellKm, g.lat0).map(([x, y]) => [roundTo(x, 6), roundTo(y, 6)]);
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

/** A table as a GeoJSON FeatureCollection (rows without a shape get a null geometry). */
export function tableToGeoJSON(t: ResultTable): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: t.rows.map((row, i): Feature => ({ type: 'Feature', properties: { ...row }, geometry: t.geometry(row, i) as Geometry })),
  };
}

/**
 * The polygons of a result's units, by id: the bundled provinces of its edition (context
 * neighbours included), or the user's own boundaries when the run used them.
 * @param customUnits - the imported boundary layer the run used, if any
 * @example resultTables(r, unitGeometries(r, inputs)) // rows about one unit carry its polygon
 */
export function unitGeometries(
  r: AnalysisResult,
  provinces: { provinces2022: FeatureCollection; provinces2025: FeatureCollection },
  customUnits?: FeatureCollection | null,
): Map<string, Geometry> {
  const out = new Map<string, Geometry>();
  const custom = r.units_source && customUnits ? { fc: customUnits, code: r.units_source.code } : null;
  const fc = custom ? custom.fc : r.params.edition === '2022' ? provinces.provinces2022 : provinces.provinces2025;
  const field = custom ? custom.code : 'iso';
  for (const f of fc.features) {
    const id = f.properties?.[field];
    if ((typeof id === 'string' || typeof id === 'number') && f.geometry) out.set(String(id), f.geometry);
  }
  return out;
}
