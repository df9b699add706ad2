/**
 * Paper sizes and the print layout's units. Everything on the page is laid out in
 * millimetres from the page's top-left corner; the PDF writer turns millimetres into
 * PostScript points (1 pt = 1/72 inch).
 */

/** ISO 216 A-series papers, smallest first. */
export const PAPERS = ['A4', 'A3', 'A2', 'A1', 'A0'] as const;
export type Paper = (typeof PAPERS)[number];

/** Each paper's short and long side, mm (ISO 216). */
export const PAPER_MM: Record<Paper, readonly [number, number]> = {
  A4: [210, 297],
  A3: [297, 420],
  A2: [420, 594],
  A1: [594, 841],
  A0: [841, 1189],
};

export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** PostScript points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** The page's width and height in mm. */
export function pageSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAPER_MM[paper];
  return orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long };
}

/**
 * How much larger than on A4 the page's type and furniture are drawn (A4 1, A3 √2 … A0 4):
 * a wall map is read from further away, so it is an enlarged A4 sheet, whatever its scale.
 */
export function furnitureScale(paper: Paper): number {
  return PAPER_MM[paper][0] / PAPER_MM.A4[0];
}

/** Whether a text is a paper name (case-insensitive), and which. */
export function paperOf(text: string): Paper | null {
  const up = text.toUpperCase();
  return (PAPERS as readonly string[]).includes(up) ? (up as Paper) : null;
}
