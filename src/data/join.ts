/**
 * Joins a statistics table to the provincial units: each row matched to a unit (by ISO code,
 * GSO code or name; rows left over are reported, and the user may pick a unit for each), each
 * column read as figures in its number format, and, for a 2022 table shown on 2025 units, the
 * members combined per column: a sum for counts and amounts, a mean weighted by population or
 * area for rates. A 2025 unit with a member missing from the table, or without a figure, gets
 * null and a note, never a partial sum.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { looksNumeric, readFigureColumn, type CellValue, type NumberFormat } from '../core/figures.ts';
import type { Edition, Province2022Props, Province2025Props, ProvinceCollection } from '../core/types.ts';
import { bestMatchBy, matchUnit, type MatchBy } from '../core/unit-keys.ts';
import type { Table } from './table.ts';

/** How the 2022 members of a 2025 unit are combined, per column. */
export type Aggregate = 'sum' | 'mean-population' | 'mean-area';
export const AGGREGATES: readonly Aggregate[] = ['sum', 'mean-population', 'mean-area'];

export interface JoinOptions {
  /** The column that names the unit of each row. */
  keyField: string;
  /** How the key is read; 'auto' picks the reading that matches the most rows. */
  by?: MatchBy | 'auto';
  /** The units the table's rows describe. */
  tableEdition: Edition;
  /** The units to show the figures on (2025 from a 2022 table: members combined). */
  targetEdition: Edition;
  /** A number format per column, where the user was asked (ambiguous columns). */
  numberFormats?: Readonly<Record<string, NumberFormat>>;
  /** How members are combined, per column or for all (default: sum). */
  aggregate?: Aggregate | Readonly<Record<string, Aggregate>>;
  /** The user's unit for a row that did not match (data row index → ISO code). */
  picks?: Readonly<Record<number, string>>;
}

/** Why a joined unit has no figure in a column. */
export type NullReason =
  { kind: 'no-row' } | { kind: 'no-figure' } | { kind: 'member-missing'; members: string[] } | { kind: 'no-weight'; members: string[] };

export interface ColumnReport {
  name: string;
  /** A figure column (else kept as text). */
  numeric: boolean;
  format: NumberFormat | null;
  ambiguous: boolean;
  mixed: boolean;
  /** Cells with a "no figure" mark or empty, turned into null. */
  noFigure: number;
  /** Cells that are text where a figure should be, turned into null. */
  notNumbers: number;
}

export interface JoinReport {
  by: MatchBy;
  /** Data rows matched to a unit (index into table.rows, the sheet row, the key, the unit, how). */
  matched: { row: number; sheetRow: number; key: string; iso: string; picked: boolean }[];
  /** Data rows that matched no unit and were not picked for one. */
  unmatched: { row: number; sheetRow: number; key: string }[];
  /** Units named by more than one row: the first row is used. */
  duplicates: { iso: string; sheetRows: number[] }[];
  columns: ColumnReport[];
}

/** The joined figures of one target unit. */
export interface JoinedUnit {
  iso: string;
  name_vi: string;
  name_en: string;
  in_region: boolean;
  /** Figures per numeric column (null where none), text per other column. */
  values: Record<string, number | string | null>;
  /** Why a numeric column is null, per column. */
  nulls: Record<string, NullReason>;
}

export interface JoinedTable {
  table: { name: string; sheet: string; headerRow: number; keyField: string };
  tableEdition: Edition;
  edition: Edition;
  /** Figure columns, in the table's order. */
  numericColumns: string[];
  /** Every other column except the key, kept as text. */
  textColumns: string[];
  units: JoinedUnit[];
  report: JoinReport;
  aggregate: Readonly<Record<string, Aggregate>>;
}

export class JoinError extends Error {
  constructor(
    readonly code: 'no-key-field' | 'bad-pick',
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(vars)}`);
    this.name = 'JoinError';
  }
}

/** The key column a table most likely has: the one whose values match the most units. */
export function guessKeyField(table: Table, units: ProvinceCollection): string | null {
  const names = units.features.map((f) => f.properties);
  let best: { field: string; n: number } | null = null;
  table.columns.forEach((field, j) => {
    const keys = table.rows.map((r) => cellText(r[j]));
    const by = bestMatchBy(keys, names);
    const n = keys.filter((k) => matchUnit(k, names, by)).length;
    if (n > 0 && (!best || n > best.n)) best = { field, n };
  });
  return (best as { field: string } | null)?.field ?? null;
}

const cellText = (c: CellValue): string =>
  c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);

/**
 * Joins a table to the units.
 * @param units the table's edition's units, and the target edition's (the same collection when they agree)
 */
export function joinTable(
  table: Table,
  units: { '2022': ProvinceCollection<Province2022Props>; '2025': ProvinceCollection<Province2025Props> },
  opts: JoinOptions,
): JoinedTable {
  const keyIndex = table.columns.indexOf(opts.keyField);
  if (keyIndex < 0) throw new JoinError('no-key-field', { field: opts.keyField, columns: table.columns.join(', ') });
  const source = units[opts.tableEdition].features.map((f) => f.properties);
  const keys = table.rows.map((r) => cellText(r[keyIndex]));
  const by = !opts.by || opts.by === 'auto' ? bestMatchBy(keys, source) : opts.by;

  // Rows to units.
  const matched: JoinReport['matched'] = [];
  const unmatched: JoinReport['unmatched'] = [];
  const rowOf = new Map<string, number>();
  const rowsOf = new Map<string, number[]>();
  keys.forEach((key, row) => {
    const sheetRow = table.rowNumbers[row] ?? row + 1;
    const pick = opts.picks?.[row];
    if (pick !== undefined && !source.some((u) => u.iso === pick)) throw new JoinError('bad-pick', { row: sheetRow, iso: pick });
    const iso = pick ?? matchUnit(key, source, by);
    if (!iso) {
      unmatched.push({ row, sheetRow, key });
      return;
    }
    matched.push({ row, sheetRow, key, iso, picked: pick !== undefined });
    rowsOf.set(iso, [...(rowsOf.get(iso) ?? []), sheetRow]);
    if (!rowOf.has(iso)) rowOf.set(iso, row);
  });
  const duplicates = [...rowsOf].filter(([, r]) => r.length > 1).map(([iso, sheetRows]) => ({ iso, sheetRows }));

  // Columns to figures.
  const columns: ColumnReport[] = [];
  const figures = new Map<string, (number | null)[]>();
  const texts = new Map<string, string[]>();
  table.columns.forEach((name, j) => {
    if (j === keyIndex) return;
    const cells = table.rows.map((r) => r[j]);
    if (!looksNumeric(cells)) {
      texts.set(
        name,
        cells.map((c) => cellText(c)),
      );
      columns.push({ name, numeric: false, format: null, ambiguous: false, mixed: false, noFigure: 0, notNumbers: 0 });
      return;
    }
    const col = readFigureColumn(cells, opts.numberFormats?.[name]);
    figures.set(name, col.values);
    columns.push({
      name,
      numeric: true,
      format: col.format,
      ambiguous: col.ambiguous,
      mixed: col.mixed,
      noFigure: col.noFigure,
      notNumbers: col.notNumbers.length,
    });
  });
  const numericColumns = [...figures.keys()];
  const textColumns = [...texts.keys()];
  const aggregate = Object.fromEntries(
    numericColumns.map((c) => [c, typeof opts.aggregate === 'string' ? opts.aggregate : (opts.aggregate?.[c] ?? 'sum')]),
  ) as Record<string, Aggregate>;

  // Figures of a source unit.
  const figureOf = (iso: string, column: string): number | null => {
    const row = rowOf.get(iso);
    return row === undefined ? null : (figures.get(column)?.[row] ?? null);
  };
  const textOf = (iso: string, column: string): string | null => {
    const row = rowOf.get(iso);
    return row === undefined ? null : (texts.get(column)?.[row] ?? null);
  };

  const out: JoinedUnit[] = [];
  if (opts.tableEdition === opts.targetEdition) {
    for (const u of units[opts.targetEdition].features.map((f) => f.properties)) {
      const values: JoinedUnit['values'] = {};
      const nulls: JoinedUnit['nulls'] = {};
      for (const c of numericColumns) {
        values[c] = figureOf(u.iso, c);
        if (values[c] === null) nulls[c] = rowOf.has(u.iso) ? { kind: 'no-figure' } : { kind: 'no-row' };
      }
      for (const c of textColumns) values[c] = textOf(u.iso, c);
      out.push({ iso: u.iso, name_vi: u.name_vi, name_en: u.name_en, in_region: u.in_region, values, nulls });
    }
  } else if (opts.tableEdition === '2022') {
    const members2022 = new Map(units['2022'].features.map((f) => [f.properties.iso, f.properties]));
    for (const u of units['2025'].features.map((f) => f.properties)) {
      const values: JoinedUnit['values'] = {};
      const nulls: JoinedUnit['nulls'] = {};
      for (const c of numericColumns) {
        const missing = u.members_2022.filter((m) => figureOf(m, c) === null);
        if (missing.length) {
          values[c] = null;
          // An unchanged unit: as in its own edition; a merged one: which members lack a figure.
          const only = u.members_2022.length === 1 ? u.members_2022[0]! : null;
          nulls[c] = only ? (rowOf.has(only) ? { kind: 'no-figure' } : { kind: 'no-row' }) : { kind: 'member-missing', members: missing };
          continue;
        }
        const xs = u.members_2022.map((m) => figureOf(m, c)!);
        const how = aggregate[c]!;
        if (how === 'sum') {
          values[c] = xs.reduce((a, b) => a + b, 0);
          continue;
        }
        const weights = u.members_2022.map((m) => {
          const p = members2022.get(m);
          return how === 'mean-population' ? (p?.population_2023 ?? null) : (p?.area_official_km2 ?? null);
        });
        const noWeight = u.members_2022.filter((_, i) => weights[i] === null);
        if (noWeight.length) {
          values[c] = null;
          nulls[c] = { kind: 'no-weight', members: noWeight };
          continue;
        }
        const w = weights as number[];
        const total = w.reduce((a, b) => a + b, 0);
        values[c] = total > 0 ? xs.reduce((a, x, i) => a + x * w[i]!, 0) / total : null;
        if (values[c] === null) nulls[c] = { kind: 'no-weight', members: u.members_2022 };
      }
      // Text columns of a single-member unit carry over; a merged unit's would be a list, so none.
      for (const c of textColumns) values[c] = u.members_2022.length === 1 ? textOf(u.members_2022[0]!, c) : null;
      out.push({ iso: u.iso, name_vi: u.name_vi, name_en: u.name_en, in_region: u.in_region, values, nulls });
    }
  } else {
    // A 2025 table on 2022 units would split figures between members: not done, every unit null.
    for (const u of units['2022'].features.map((f) => f.properties)) {
      const values: JoinedUnit['values'] = {};
      const nulls: JoinedUnit['nulls'] = {};
      for (const c of numericColumns) {
        values[c] = null;
        nulls[c] = { kind: 'no-row' };
      }
      for (const c of textColumns) values[c] = null;
      out.push({ iso: u.iso, name_vi: u.name_vi, name_en: u.name_en, in_region: u.in_region, values, nulls });
    }
  }

  return {
    table: { name: table.name, sheet: table.sheet, headerRow: table.headerRow, keyField: opts.keyField },
    tableEdition: opts.tableEdition,
    edition: opts.targetEdition,
    numericColumns,
    textColumns,
    units: out,
    report: { by, matched, unmatched, duplicates, columns },
    aggregate,
  };
}

/** The joined layer's own fields. */
const RESERVED = new Set(['iso', 'name_vi', 'name_en', 'edition', 'in_region', 'table', 'note_vi', 'note_en', 'table_source']);

/**
 * The joined figures as a layer of the target edition's polygons: each unit's name and ISO
 * code, the table's columns under their own names (figures as numbers), and a note per unit
 * naming the columns without a figure and why (Vietnamese and English, from `noteOf`).
 */
export function joinedLayer(
  joined: JoinedTable,
  polygons: ProvinceCollection,
  noteOf: (iso: string, column: string, reason: NullReason) => { vi: string; en: string },
): FeatureCollection<Polygon | MultiPolygon> {
  const byIso = new Map(polygons.features.map((f) => [f.properties.iso, f]));
  const features = joined.units.flatMap((u): Feature<Polygon | MultiPolygon>[] => {
    const f = byIso.get(u.iso);
    if (!f) return [];
    const notes = Object.entries(u.nulls).map(([c, r]) => noteOf(u.iso, c, r));
    return [
      {
        type: 'Feature',
        id: u.iso,
        geometry: f.geometry,
        properties: {
          iso: u.iso,
          name_vi: u.name_vi,
          name_en: u.name_en,
          edition: joined.edition,
          in_region: u.in_region,
          // A table column named like one of these fields is kept as table_<name>, never over it.
          ...Object.fromEntries(Object.entries(u.values).map(([k, v]) => [RESERVED.has(k) ? `table_${k}` : k, v])),
          table: joined.table.name,
          note_vi: notes.length ? notes.map((n) => n.vi).join('; ') : null,
          note_en: notes.length ? notes.map((n) => n.en).join('; ') : null,
        },
      },
    ];
  });
  return { type: 'FeatureCollection', features };
}

/** Words in a column's name that mark a rate, a share or a mean (which members do not add up to). */
const RATE_WORDS =
  /%|tốc độ|tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng|bình quân|trung bình|mật độ|chỉ số|\/ ?người|per cent|percent|rate|share|growth|average|mean|density|index|per capita|per head/iu;

/**
 * How a 2025 unit should combine its members' figures, guessed from the column's name: a mean
 * weighted by population for a rate, a share or a mean; a sum for counts and amounts. The join
 * dialog shows the guess for the user to check.
 */
export function suggestAggregate(column: string): Aggregate {
  return RATE_WORDS.test(column.normalize('NFC')) ? 'mean-population' : 'sum';
}
