/**
 * Figures as statistical tables print them: numbers in the Vietnamese format (`252.672,5`:
 * dots group thousands, a comma marks decimals) or the English one (`252,672.5`), and marks
 * that stand for "no figure" (`-`, `..`, `KXĐ`, …). The format is decided per column, from
 * the values that can be read only one way; a column whose values all read both ways
 * (`1.234`, `12,5`? no: `12,500`) is ambiguous and the user is asked.
 */

/** How a column writes its numbers. */
export type NumberFormat = 'vi' | 'en';

/** Marks that mean "no figure" in GSO and provincial tables (compared case-insensitively, trimmed). */
export const NO_FIGURE_MARKS = ['', '-', '–', '—', '..', '...', '…', 'x', 'kxđ', 'kxd', 'n/a', 'na', 'null', '(*)'] as const;
const NO_FIGURE = new Set<string>(NO_FIGURE_MARKS);

/** One value as found in a cell: a number read from a spreadsheet, text, or nothing. */
export type CellValue = string | number | boolean | Date | null | undefined;

// Grouped thousands with an optional decimal part, or a decimal part alone.
const VI_GROUPED = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const VI_DECIMAL = /^-?\d+,\d+$/;
const EN_GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EN_DECIMAL = /^-?\d+\.\d+$/;
const PLAIN = /^-?\d+$/;

/** How one text value can be read: only as Vietnamese, only as English, either, as a plain integer, or not at all. */
export function readingsOf(text: string): { vi: number | null; en: number | null } {
  const s = text.trim().replace(/\s+/g, '').replace(/^\+/, '');
  if (PLAIN.test(s)) return { vi: Number(s), en: Number(s) };
  const vi = VI_GROUPED.test(s) || VI_DECIMAL.test(s) ? Number(s.replaceAll('.', '').replace(',', '.')) : null;
  const en = EN_GROUPED.test(s) || EN_DECIMAL.test(s) ? Number(s.replaceAll(',', '')) : null;
  return { vi, en };
}

/** Whether a value means "no figure". */
export function isNoFigure(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  return NO_FIGURE.has(v.trim().toLowerCase());
}

export interface FigureColumn {
  /** The format the column was read in; null when no value needed one (integers, spreadsheet numbers). */
  format: NumberFormat | null;
  /** Some values read both ways and none decided: the caller must ask which format (and pass it). */
  ambiguous: boolean;
  /** Both formats occur: the column cannot be read as numbers. */
  mixed: boolean;
  /** The figures, null where the cell had none. */
  values: (number | null)[];
  /** How many cells held a "no figure" mark or were empty. */
  noFigure: number;
  /** Cells that are neither a number nor a "no figure" mark (the row index and the text). */
  notNumbers: { row: number; text: string }[];
}

/**
 * Reads a column of cells as figures.
 * @param format the format to read it in when the caller knows it (the user's answer)
 * @example readFigureColumn(['252.672,5', '-', '1.234']).format // 'vi'
 */
export function readFigureColumn(cells: readonly CellValue[], format?: NumberFormat): FigureColumn {
  let viOnly = 0;
  let enOnly = 0;
  let both = 0;
  const readings = cells.map((c) => {
    if (typeof c === 'number') return Number.isFinite(c) ? c : null;
    if (typeof c !== 'string' || isNoFigure(c)) return null;
    const r = readingsOf(c);
    if (r.vi !== null && r.en !== null && r.vi !== r.en) both++;
    else if (r.vi !== null && r.en === null) viOnly++;
    else if (r.en !== null && r.vi === null) enOnly++;
    return r;
  });
  const mixed = viOnly > 0 && enOnly > 0 && !format;
  const decided: NumberFormat | null = format ?? (viOnly > 0 && enOnly === 0 ? 'vi' : enOnly > 0 && viOnly === 0 ? 'en' : null);
  const ambiguous = !decided && both > 0;
  const values: (number | null)[] = [];
  const notNumbers: FigureColumn['notNumbers'] = [];
  let noFigure = 0;
  readings.forEach((r, row) => {
    const cell = cells[row];
    if (r === null) {
      if (typeof cell === 'number' && Number.isFinite(cell)) values.push(cell);
      else {
        if (isNoFigure(cell)) noFigure++;
        else notNumbers.push({ row, text: String(cell) });
        values.push(null);
      }
      return;
    }
    if (typeof r === 'number') {
      values.push(r);
      return;
    }
    const v = r.vi !== null && r.en !== null && r.vi === r.en ? r.vi : decided ? r[decided] : null;
    if (v === null) notNumbers.push({ row, text: String(cell) });
    values.push(v);
  });
  return { format: decided, ambiguous, mixed, values: mixed || ambiguous ? values.map(() => null) : values, noFigure, notNumbers };
}

/** Whether most non-empty cells of a column are figures (so it is offered as a figure column). */
export function looksNumeric(cells: readonly CellValue[]): boolean {
  let n = 0;
  let numeric = 0;
  for (const c of cells) {
    if (isNoFigure(c)) continue;
    n++;
    if (typeof c === 'number') numeric++;
    else if (typeof c === 'string') {
      const r = readingsOf(c);
      if (r.vi !== null || r.en !== null) numeric++;
    }
  }
  return n > 0 && numeric / n >= 0.8;
}
