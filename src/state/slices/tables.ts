/**
 * The user's statistics tables joined to the units: the join dialog's draft (the table being
 * read, its header, key, matches and the user's answers), the tables on the map, and the
 * choropleth each draws (a figure column, classes and palette). The figures shown follow the
 * boundary edition: a 2022 table on the 2025 units combines members (data/join.ts).
 */
import type { StateCreator } from 'zustand';
import { classBreaks, classOf, paletteColors, type ClassCount, type ClassMethod, type PaletteName } from '../../core/classify.ts';
import type { NumberFormat } from '../../core/figures.ts';
import type { Edition } from '../../core/types.ts';
import type { TableRef } from '../../core/story.ts';
import type { MatchBy } from '../../core/unit-keys.ts';
import { guessKeyField, joinTable, suggestAggregate, type Aggregate, type JoinedTable } from '../../data/join.ts';
import { readTable, shapeTable, TableError, type RawTable, type Table, type TableErrorCode } from '../../data/table.ts';

export { AGGREGATES } from '../../data/join.ts';
export type { Aggregate, JoinedTable } from '../../data/join.ts';
import type { AppState, Mutators } from '../store.ts';

/** How a table is read and matched: what the join dialog settles. */
export interface TableSettings {
  keyField: string;
  by: MatchBy | 'auto';
  tableEdition: Edition;
  numberFormats: Record<string, NumberFormat>;
  aggregate: Record<string, Aggregate>;
  /** The user's unit for a row that matched none (data row index → ISO code). */
  picks: Record<number, string>;
}

/** A table on the map. */
export interface UserTable {
  id: string;
  name: string;
  /** The user's words on where the figures come from (kept with exports). */
  sourceNote: string;
  table: Table;
  settings: TableSettings;
  /** Its figure columns (those a choropleth or a mass can use). */
  columns: string[];
  visible: boolean;
  /** The figure column drawn, or null before one is chosen. */
  column: string | null;
  method: ClassMethod;
  classes: ClassCount;
  palette: PaletteName;
}

/** The join dialog's state: the file as read, and the table and settings as the user shapes them. */
export interface TableDraft {
  raw: RawTable;
  /** The file's bytes, to read another sheet. */
  bytes: Uint8Array;
  headerRow: number | null;
  /** Null while no header is found (the user gives one). */
  table: Table | null;
  settings: TableSettings | null;
  sourceNote: string;
  /** A message key of `Table.*` when the last reading failed. */
  error: { code: TableErrorCode; vars: Record<string, string | number> } | null;
}

export interface TablesSlice {
  tables: UserTable[];
  tableDraft: TableDraft | null;
  /** A table's figure column as the mass of gravity and the index (null: population or area). */
  massColumn: { table: string; column: string } | null;
  /** A table an address or a scene asked to show that is not open yet: shown when the user joins it. */
  pendingTable: TableRef | null;
  /**
   * Shows a table by reference (an address, a story scene): the open table of that name, with
   * the column and classes given; null hides every table. A table that is not open, or a
   * column it lacks, gets a notice, and the reference waits for the table to be joined.
   */
  showTableRef: (ref: TableRef | null) => void;
  setMassColumn: (m: { table: string; column: string } | null) => void;
  setTableDraft: (d: TableDraft | null) => void;
  /**
   * Reads a table file into the join dialog's draft: its cells, header, a guessed key column
   * and edition; a file that cannot be read gets a notice and changes nothing.
   * @param sheet a workbook's sheet (default: the first)
   */
  openTableFile: (file: { name: string; bytes: Uint8Array }, sheet?: string) => void;
  /** Reads the draft again with the header at another row (1-based). */
  setDraftHeaderRow: (row: number) => void;
  /** Adds the draft's table to the map, shown, with its first figure column; returns its id. */
  addTable: (t: Omit<UserTable, 'id' | 'visible' | 'method' | 'classes' | 'palette'>) => string;
  removeTable: (id: string) => void;
  /** Changes how a table is drawn (column, classes, palette, visibility). Only one table is shown at a time. */
  updateTable: (id: string, change: Partial<Pick<UserTable, 'visible' | 'column' | 'method' | 'classes' | 'palette'>>) => void;
}

export const createTablesSlice: StateCreator<AppState, Mutators, [], TablesSlice> = (set, get) => {
  let seq = 0;
  return {
    tables: [],
    tableDraft: null,
    massColumn: null,
    pendingTable: null,
    showTableRef: (ref) => {
      const { tables } = get();
      if (!ref) {
        if (tables.some((x) => x.visible) || get().pendingTable)
          set({ tables: tables.map((x) => (x.visible ? { ...x, visible: false } : x)), pendingTable: null });
        return;
      }
      const table = tables.find((x) => x.name === ref.name);
      if (!table) {
        set({ pendingTable: ref, tables: tables.map((x) => (x.visible ? { ...x, visible: false } : x)) });
        get().setNotice({ key: 'UserTable.NotLoaded', vars: { name: ref.name, column: ref.column } });
        return;
      }
      if (!table.columns.includes(ref.column)) {
        set({ pendingTable: null });
        get().setNotice({ key: 'UserTable.NoColumnRef', vars: { name: ref.name, column: ref.column } });
        return;
      }
      const { method, classes, palette, column } = ref;
      set({ pendingTable: null });
      get().updateTable(table.id, { visible: true, column, method, classes, palette });
    },
    setMassColumn: (massColumn) => set({ massColumn }),
    setTableDraft: (tableDraft) => set({ tableDraft }),
    openTableFile: (file, sheet) => {
      void readTable(file.name, file.bytes, sheet === undefined ? {} : { sheet }).then(
        (raw) => set({ tableDraft: draftOf(raw, file.bytes, get().data) }),
        (e: unknown) => {
          if (!(e instanceof TableError)) throw e;
          get().setNotice({ key: 'Cli.BadFile', vars: { file: file.name, message: { key: `TableFile.${e.code}`, vars: e.vars } } });
        },
      );
    },
    setDraftHeaderRow: (row) => {
      const d = get().tableDraft;
      if (!d) return;
      try {
        const table = shapeTable(d.raw, row);
        const keyField = d.settings && table.columns.includes(d.settings.keyField) ? d.settings.keyField : table.columns[0]!;
        const fresh = defaultSettings(keyField, d.settings?.tableEdition ?? '2022', table.columns);
        const settings: TableSettings = { ...(d.settings ?? fresh), aggregate: fresh.aggregate, keyField, picks: {} };
        set({ tableDraft: { ...d, headerRow: row, table, settings, error: null } });
      } catch (e) {
        if (!(e instanceof TableError)) throw e;
        set({ tableDraft: { ...d, headerRow: row, table: null, error: { code: e.code, vars: e.vars } } });
      }
    },
    addTable: (table) => {
      const id = `table-${++seq}`;
      const others = get().tables.map((x) => ({ ...x, visible: false }));
      // The layer sheet closes (on a phone it covers the map) so that the new choropleth shows.
      set({
        tables: [...others, { ...table, id, visible: true, method: 'quantile', classes: 5, palette: 'YlGnBu' }],
        tableDraft: null,
        layersOpen: false,
      });
      // The table an address or a scene was waiting for: shown as it asked.
      const pending = get().pendingTable;
      if (pending?.name === table.name) get().showTableRef(pending);
      return id;
    },
    removeTable: (id) =>
      set({ tables: get().tables.filter((x) => x.id !== id), massColumn: get().massColumn?.table === id ? null : get().massColumn }),
    updateTable: (id, change) =>
      set({
        tables: get().tables.map((x) => {
          if (x.id === id) return { ...x, ...change };
          // Showing one table hides the others: one choropleth at a time.
          return change.visible ? { ...x, visible: false } : x;
        }),
      }),
  };
};

const defaultSettings = (keyField: string, tableEdition: Edition, columns: readonly string[]): TableSettings => ({
  keyField,
  by: 'auto',
  tableEdition,
  numberFormats: {},
  aggregate: Object.fromEntries(columns.map((c) => [c, suggestAggregate(c)])),
  picks: {},
});

/** A draft of a table as read: its header found (else the error), a guessed key column and edition. */
function draftOf(raw: RawTable, bytes: Uint8Array, data: AppState['data']): TableDraft {
  let table: Table | null = null;
  let error: TableDraft['error'] = null;
  try {
    table = shapeTable(raw);
  } catch (e) {
    if (!(e instanceof TableError)) throw e;
    error = { code: e.code, vars: e.vars };
  }
  let settings: TableSettings | null = null;
  if (table && data) {
    const units = { '2022': data.provinces2022, '2025': data.provinces2025 };
    const shaped = table;
    const keys = { '2022': guessKeyField(shaped, units['2022']), '2025': guessKeyField(shaped, units['2025']) };
    const matches = (edition: Edition): number => {
      const key = keys[edition];
      return key ? joinTable(shaped, units, { keyField: key, tableEdition: edition, targetEdition: edition }).report.matched.length : 0;
    };
    const tableEdition: Edition = matches('2025') > matches('2022') ? '2025' : '2022';
    settings = defaultSettings(keys[tableEdition] ?? shaped.columns[0]!, tableEdition, shaped.columns);
  }
  return { raw, bytes, headerRow: table?.headerRow ?? null, table, settings, sourceNote: '', error };
}

const draftJoins = new WeakMap<TableDraft, JoinedTable | null>();

/** The draft joined to the units its rows describe (for the dialog's report), or null. */
export function draftJoined(d: TableDraft, data: AppState['data']): JoinedTable | null {
  if (draftJoins.has(d)) return draftJoins.get(d)!;
  const joined =
    d.table && d.settings && data
      ? joinTable(
          d.table,
          { '2022': data.provinces2022, '2025': data.provinces2025 },
          { ...d.settings, targetEdition: d.settings.tableEdition },
        )
      : null;
  draftJoins.set(d, joined);
  return joined;
}

/** The table drawn on the map as a reference (for the address and a scene), or the one still awaited, or null. */
export function tableRefOf(s: Pick<AppState, 'tables' | 'pendingTable'>): TableRef | null {
  const t = shownTable(s);
  if (!t || !t.column) return s.pendingTable;
  return { name: t.name, column: t.column, method: t.method, classes: t.classes, palette: t.palette };
}

/** The table drawn on the map, if any. */
export const shownTable = (s: Pick<AppState, 'tables'>): UserTable | null => s.tables.find((x) => x.visible && x.column) ?? null;

/** One unit of the choropleth: its figure, class and colour (null: no figure, drawn hatched). */
export interface ChoroplethUnit {
  iso: string;
  name_vi: string;
  name_en: string;
  value: number | null;
  cls: number | null;
  color: string | null;
}

/** What the map and legend draw for the shown table in the current edition: the region's units, and any other unit the table has a row for. */
export interface Choropleth {
  table: UserTable;
  joined: JoinedTable;
  column: string;
  breaks: number[];
  colors: string[];
  units: ChoroplethUnit[];
  /** The table describes 2025 units and the map shows 2022: no figure can be placed. */
  wrongEdition: boolean;
}

const joinedCache = new WeakMap<UserTable, Map<string, JoinedTable>>();

/** A table joined to an edition's units (kept while the table and its settings are unchanged). */
export function joinedFor(ut: UserTable, data: NonNullable<AppState['data']>, edition: Edition): JoinedTable {
  let byEdition = joinedCache.get(ut);
  if (!byEdition) joinedCache.set(ut, (byEdition = new Map()));
  const hit = byEdition.get(edition);
  if (hit) return hit;
  const joined = joinTable(
    ut.table,
    { '2022': data.provinces2022, '2025': data.provinces2025 },
    { ...ut.settings, targetEdition: edition },
  );
  byEdition.set(edition, joined);
  return joined;
}

const choroplethCache = new WeakMap<UserTable, Map<string, Choropleth>>();

/** The choropleth of the shown table in the current edition, or null when none is shown. */
export function choroplethOf(s: Pick<AppState, 'tables' | 'data' | 'edition'>): Choropleth | null {
  const table = shownTable(s);
  if (!table || !s.data || !table.column) return null;
  const key = `${s.edition}|${table.column}|${table.method}|${table.classes}|${table.palette}`;
  let byKey = choroplethCache.get(table);
  if (!byKey) choroplethCache.set(table, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const joined = joinedFor(table, s.data, s.edition);
  const column = table.column;
  // Units outside the region count only when the table has a row for them.
  const covered = joined.units.filter((u) => u.in_region || u.nulls[column]?.kind !== 'no-row');
  const values = covered.map((u) => {
    const v = u.values[column];
    return typeof v === 'number' ? v : null;
  });
  const breaks = classBreaks(values, table.method, table.classes);
  // No figure at all: no class (every unit hatched and listed).
  const n = breaks.length < 2 ? 0 : breaks.length - 1;
  const colors = paletteColors(table.palette, table.classes);
  // With fewer classes than asked (few distinct figures), spread them over the palette.
  const used =
    n >= table.classes ? colors : Array.from({ length: n }, (_, i) => colors[Math.round((i * (colors.length - 1)) / Math.max(1, n - 1))]!);
  const units = covered.map((u, i): ChoroplethUnit => {
    const value = values[i]!;
    const cls = classOf(value, breaks);
    return { iso: u.iso, name_vi: u.name_vi, name_en: u.name_en, value, cls, color: cls === null ? null : (used[cls] ?? null) };
  });
  const out: Choropleth = {
    table,
    joined,
    column,
    breaks,
    colors: used,
    units,
    wrongEdition: table.settings.tableEdition === '2025' && s.edition === '2022',
  };
  byKey.set(key, out);
  return out;
}
