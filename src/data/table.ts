/**
 * Statistics tables without geometry, as offices keep them: CSV or TSV (any delimiter, UTF-8
 * with or without a byte-order mark, or Windows-1258), or an Excel workbook (.xlsx, a sheet
 * chosen); a title and blank rows above the header, notes below the data.
 *
 * `readTable` gives the sheet's cells; `shapeTable` finds the header and the data rows.
 * Figures are read per column later (core/figures.ts), matched to units in data/join.ts.
 */
import type { CellValue } from '../core/figures.ts';

export const MAX_TABLE_BYTES = 20 * 1024 * 1024;
export const MAX_TABLE_ROWS = 100_000;

export type TableErrorCode =
  'too-large' | 'empty' | 'unsupported' | 'xlsx-unreadable' | 'no-sheet' | 'no-header' | 'bad-header-row' | 'too-many-rows';

/** A table that cannot be read: a code, and what the message needs. */
export class TableError extends Error {
  constructor(
    readonly code: TableErrorCode,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(vars)}`);
    this.name = 'TableError';
  }
}

export type TableWarningCode = 'encoding-windows-1258';

/** A sheet's cells, row by row, as read. */
export interface RawTable {
  name: string;
  /** The workbook's sheets (one, named after the file, for CSV). */
  sheets: string[];
  sheet: string;
  cells: CellValue[][];
  warnings: TableWarningCode[];
}

/** A table with its header found. */
export interface Table {
  name: string;
  sheet: string;
  /** 1-based row number of the header in the sheet (as a spreadsheet shows it). */
  headerRow: number;
  /** Column names, unique (a repeated or empty name gets a suffix or a number). */
  columns: string[];
  /** The data rows, one cell per column. */
  rows: CellValue[][];
  /** 1-based sheet row number of each data row. */
  rowNumbers: number[];
  /** Text found below the data (notes, sources), one line per row. */
  notes: string[];
  warnings: TableWarningCode[];
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (b: Uint8Array): boolean => XLSX_MAGIC.every((v, i) => b[i] === v);

/** The text of a CSV or TSV file: UTF-8 (with or without BOM), else Windows-1258, or as the caller says. */
export function decodeTable(bytes: Uint8Array, encoding?: 'utf-8' | 'windows-1258'): { text: string; warnings: TableWarningCode[] } {
  const strip = (s: string): string => s.replace(/^\uFEFF/, '');
  if (encoding === 'windows-1258') return { text: strip(new TextDecoder('windows-1258').decode(bytes)), warnings: [] };
  try {
    return { text: strip(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), warnings: [] };
  } catch {
    if (encoding === 'utf-8') return { text: strip(new TextDecoder('utf-8').decode(bytes)), warnings: [] };
    return { text: strip(new TextDecoder('windows-1258').decode(bytes)), warnings: ['encoding-windows-1258'] };
  }
}

/**
 * Reads the cells of a CSV, TSV or .xlsx file.
 * @param sheet the workbook's sheet, by name or 1-based number (default: the first)
 */
export async function readTable(
  name: string,
  bytes: Uint8Array,
  opts: { sheet?: string | number; encoding?: 'utf-8' | 'windows-1258' } = {},
): Promise<RawTable> {
  if (bytes.byteLength > MAX_TABLE_BYTES) throw new TableError('too-large', { mb: MAX_TABLE_BYTES / 1024 / 1024 });
  if (bytes.byteLength === 0) throw new TableError('empty');
  const lower = name.toLowerCase();
  if (lower.endsWith('.xls') && !isZip(bytes)) throw new TableError('unsupported', { name });
  if (lower.endsWith('.xlsx') || isZip(bytes)) return readXlsx(name, bytes, opts.sheet);
  const { text, warnings } = decodeTable(bytes, opts.encoding);
  if (!text.trim()) throw new TableError('empty');
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: false });
  const cells = parsed.data.map((row) => row.map((c) => c));
  const base = name.replace(/\.[^.]+$/, '');
  return { name, sheets: [base], sheet: base, cells, warnings };
}

async function readXlsx(name: string, bytes: Uint8Array, sheet: string | number | undefined): Promise<RawTable> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    sheets = (await readXlsxFile(buffer)) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    throw new TableError('xlsx-unreadable', { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
  if (!sheets.length) throw new TableError('no-sheet', { sheet: String(sheet ?? 1), sheets: '' });
  const names = sheets.map((s) => s.sheet);
  const chosen = sheet === undefined ? sheets[0] : typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.sheet === sheet);
  if (!chosen) throw new TableError('no-sheet', { sheet: String(sheet), sheets: names.join(', ') });
  const cells = chosen.data.map((row) => row.map((c) => (c ?? null) as CellValue));
  return { name, sheets: names, sheet: chosen.sheet, cells, warnings: [] };
}

const filled = (row: readonly CellValue[]): number => row.filter((c) => c !== null && c !== undefined && String(c).trim() !== '').length;
const isTextCell = (c: CellValue): boolean => typeof c === 'string' && c.trim() !== '' && !/^[-+]?[\d.,\s]+$/.test(c.trim());

/**
 * The header's 1-based row number: the first row, among the first 30, that fills at least
 * two cells, most of them with text, and holds at least 60 % as many cells as the widest
 * row. A title ("Bảng 1. GRDP …") fills one cell; a blank row none.
 */
export function findHeaderRow(cells: readonly CellValue[][]): number | null {
  const head = cells.slice(0, 30);
  const widest = Math.max(0, ...head.map(filled));
  for (let i = 0; i < head.length; i++) {
    const row = head[i]!;
    const n = filled(row);
    if (n < 2 || n < 0.6 * widest) continue;
    const text = row.filter(isTextCell).length;
    if (text >= Math.ceil(n / 2)) return i + 1;
  }
  return null;
}

/**
 * Finds the header (or takes the caller's) and the data rows: those after it up to the first
 * row that fills fewer than two cells; text in later rows is kept as notes.
 * @param headerRow 1-based, as a spreadsheet shows it
 */
export function shapeTable(raw: RawTable, headerRow?: number): Table {
  const rows = raw.cells;
  if (rows.length > MAX_TABLE_ROWS) throw new TableError('too-many-rows', { max: MAX_TABLE_ROWS });
  if (!rows.some((r) => filled(r) > 0)) throw new TableError('empty');
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > rows.length))
    throw new TableError('bad-header-row', { row: String(headerRow), rows: rows.length });
  const h = headerRow ?? findHeaderRow(rows);
  if (h === null) throw new TableError('no-header');
  const header = rows[h - 1]!;
  let end = h;
  while (end < rows.length && filled(rows[end]!) >= 2) end++;
  const body = rows.slice(h, end);
  // Columns up to the last one that has a header or a value (a note's stray delimiter adds none).
  let width = 0;
  for (const r of [header, ...body]) for (let j = r.length - 1; j >= width; j--) if (String(r[j] ?? '').trim() !== '') width = j + 1;
  const seen = new Map<string, number>();
  const columns = Array.from({ length: width }, (_, i) => {
    const c = header[i];
    const base =
      c === null || c === undefined || String(c).trim() === '' ? `column_${i + 1}` : String(c).normalize('NFC').replace(/\s+/g, ' ').trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
  const data = body.map((r) => Array.from({ length: width }, (_, j) => normalizeCell(r[j])));
  const rowNumbers = body.map((_, k) => h + k + 1);
  const i = end;
  const notes = rows
    .slice(i)
    .map((r) =>
      r
        .filter((c) => c !== null && c !== undefined && String(c).trim() !== '')
        .map((c) => String(c).normalize('NFC'))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return { name: raw.name, sheet: raw.sheet, headerRow: h, columns, rows: data, rowNumbers, notes, warnings: raw.warnings };
}

function normalizeCell(c: CellValue): CellValue {
  if (typeof c === 'string') return c.normalize('NFC').trim();
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return c ?? null;
}
