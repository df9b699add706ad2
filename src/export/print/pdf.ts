/**
 * Draws a print layout as a PDF with PDFKit (0.20: one library for Node and the browser,
 * kept up, fonts subset and embedded with a ToUnicode map so that text is selectable with its
 * diacritics; see docs/architecture.md). Paths, text and symbols are vectors; only the basemap
 * captures are images. The page is drawn in millimetres (one scale of 72/25.4 at its start).
 *
 * The app's font, Be Vietnam Pro, comes from @fontsource/be-vietnam-pro as three subsets
 * (latin, latin-ext, vietnamese), each holding part of the alphabet, as a browser reads it by
 * their `unicode-range`: each text is cut into runs set in the subset that holds its letters.
 */
import { PDFDocument } from 'pdfkit';
import { PT_PER_MM } from './paper.ts';
import type { PrintLayout } from './layout.ts';
import { PT_MM, type CircleShape, type PathShape, type Rgb, type TextShape } from './shapes.ts';

/** The font's subsets, in the order they are tried, with the code points each holds (@fontsource/be-vietnam-pro's unicode.json). */
export const FONT_SUBSETS = [
  {
    name: 'vietnamese',
    ranges:
      'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
  {
    name: 'latin-ext',
    ranges:
      'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    name: 'latin',
    ranges:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
] as const;
export type FontSubset = (typeof FONT_SUBSETS)[number]['name'];
/** The weights the layout sets: regular and semibold (the app's 400 and 600). */
export const FONT_WEIGHTS = [400, 600] as const;

/** The file of one subset and weight in @fontsource/be-vietnam-pro/files (WOFF: fontkit reads it; PDFKit embeds it as TrueType). */
export const fontFile = (subset: FontSubset, weight: 400 | 600): string => `be-vietnam-pro-${subset}-${weight}-normal.woff`;

/** The font files' bytes, by weight and subset. */
export type PrintFonts = Record<400 | 600, Record<FontSubset, Uint8Array>>;

const RANGES: { name: FontSubset; ranges: [number, number][] }[] = FONT_SUBSETS.map((s) => ({
  name: s.name,
  ranges: s.ranges.split(',').map((r) => {
    const [a, b] = r.replace('U+', '').split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
  }),
}));

/** The subset that holds a code point, or null. */
export function subsetOf(cp: number): FontSubset | null {
  for (const s of RANGES) if (s.ranges.some(([a, b]) => cp >= a && cp <= b)) return s.name;
  return null;
}

/** Signs the font lacks, written with ones it has. */
const STAND_INS: Record<string, string> = { '≤': '<=', '≥': '>=', '→': '->', '…': '...' };

/** A text with every sign the font lacks replaced (a stand-in, else `?`). */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (subsetOf(ch.codePointAt(0)!) !== null) out += ch;
    else out += [...(STAND_INS[ch] ?? '?')].every((c) => subsetOf(c.codePointAt(0)!) !== null) ? (STAND_INS[ch] ?? '?') : '?';
  }
  return out;
}

/** A text cut into runs of one subset each. */
export function runs(text: string): { subset: FontSubset; text: string }[] {
  const out: { subset: FontSubset; text: string }[] = [];
  for (const ch of printable(text)) {
    const subset = subsetOf(ch.codePointAt(0)!) ?? 'latin';
    const last = out[out.length - 1];
    if (last && last.subset === subset) last.text += ch;
    else out.push({ subset, text: ch });
  }
  return out;
}

const fontName = (weight: 400 | 600, subset: FontSubset): string => `BeVietnamPro-${weight}-${subset}`;
const css = (c: Rgb): [number, number, number] => [c[0], c[1], c[2]];

/** A text's width in the document's units at `sizePt`, run by run. */
function widthPt(doc: PDFDocument, text: string, sizePt: number, bold: boolean): number {
  let w = 0;
  for (const r of runs(text))
    w += doc
      .font(fontName(bold ? 600 : 400, r.subset))
      .fontSize(sizePt)
      .widthOfString(r.text);
  return w;
}

/** What the writer needs besides the layout. */
export interface PdfInput {
  /** The basemap capture of each of the plan's tiles (JPEG or PNG bytes), or null to leave the sea colour there. */
  image: (index: number) => Promise<Uint8Array | null>;
  title: string;
  lang: 'vi' | 'en';
  /** Called with 0–1 as the basemap is placed. */
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/** A writer: measures text as it will set it, then writes one layout. */
export interface PrintWriter {
  /** The width of a text in mm at `size` points. */
  measure: (text: string, size: number, bold: boolean) => number;
  write: (layout: PrintLayout, input: PdfInput) => Promise<Uint8Array>;
}

/**
 * A PDF writer with the app's font.
 * @example const w = printWriter(fonts); const pdf = await w.write(printLayout(opts, data, w.measure), { image: async () => null, title, lang })
 */
export function printWriter(fonts: PrintFonts): PrintWriter {
  // A document used only to measure (PDFKit measures with the fonts it has registered).
  const ruler = new PDFDocument({ size: [100, 100], margin: 0, autoFirstPage: false, font: null });
  const register = (doc: PDFDocument): void => {
    for (const w of FONT_WEIGHTS) for (const s of FONT_SUBSETS) doc.registerFont(fontName(w, s.name), fonts[w][s.name]);
  };
  register(ruler);
  const measure = (text: string, size: number, bold: boolean): number => widthPt(ruler, text, size, bold) * PT_MM;

  async function write(layout: PrintLayout, input: PdfInput): Promise<Uint8Array> {
    const { page } = layout;
    const doc = new PDFDocument({
      size: [page.width * PT_PER_MM, page.height * PT_PER_MM],
      margin: 0,
      autoFirstPage: true,
      // No standard font (Helvetica): every text is set in the embedded Be Vietnam Pro.
      font: null,
      pdfVersion: '1.7',
      lang: input.lang,
      displayTitle: true,
      info: { Title: input.title, Creator: 'ntcc-atlas', Producer: 'ntcc-atlas (PDFKit)' },
    });
    register(doc);
    const chunks: Uint8Array[] = [];
    doc.on('data', (c) => chunks.push(c));
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
    // Millimetres from here on.
    doc.scale(PT_PER_MM);
    const images = layout.shapes.filter((s) => s.type === 'image').length;
    let placed = 0;
    for (const s of layout.shapes) {
      if (input.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      switch (s.type) {
        case 'clip':
          doc.save();
          doc.rect(s.rect.x, s.rect.y, s.rect.width, s.rect.height).clip();
          break;
        case 'unclip':
          doc.restore();
          break;
        case 'image': {
          const bytes = await input.image(s.index);
          if (bytes) doc.image(bytes, s.rect.x, s.rect.y, { width: s.rect.width, height: s.rect.height });
          placed++;
          input.onProgress?.(placed / Math.max(images, 1));
          break;
        }
        case 'path':
          drawPath(doc, s);
          break;
        case 'circle':
          drawCircle(doc, s);
          break;
        case 'text':
          drawText(doc, s);
          break;
      }
    }
    doc.end();
    await ended;
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }
  return { measure, write };
}

function drawPath(doc: PDFDocument, s: PathShape): void {
  if (!s.parts.length || (!s.fill && !s.stroke)) return;
  doc.save();
  for (const part of s.parts) {
    if (part.length < 2) continue;
    doc.moveTo(part[0]![0], part[0]![1]);
    for (let i = 1; i < part.length; i++) doc.lineTo(part[i]![0], part[i]![1]);
    if (s.closed) doc.closePath();
  }
  if (s.fill) doc.fillColor(css(s.fill), s.fillOpacity ?? 1);
  if (s.stroke) {
    doc.strokeColor(css(s.stroke), s.strokeOpacity ?? 1).lineWidth(s.width ?? 0.2);
    if (s.round) doc.lineCap('round').lineJoin('round');
    if (s.dash) doc.dash(s.dash[0], { space: s.dash[1] });
  }
  const rule = s.evenOdd ? 'even-odd' : 'non-zero';
  if (s.fill && s.stroke) doc.fillAndStroke(undefined, undefined, rule);
  else if (s.fill) doc.fill(rule);
  else doc.stroke();
  doc.restore();
}

function drawCircle(doc: PDFDocument, s: CircleShape): void {
  // A mark with a name (a capital's ISO code) carries it as marked content.
  if (s.tag) doc.addContent(`/Mark <</Id (${s.tag.replace(/[()\\]/g, '')})>> BDC`);
  doc.save();
  doc.circle(s.x, s.y, s.r);
  if (s.fill) doc.fillColor(css(s.fill), s.fillOpacity ?? 1);
  if (s.stroke) doc.strokeColor(css(s.stroke)).lineWidth(s.width ?? 0.2);
  if (s.fill && s.stroke) doc.fillAndStroke();
  else if (s.fill) doc.fill();
  else doc.stroke();
  doc.restore();
  if (s.tag) doc.addContent('EMC');
}

function drawText(doc: PDFDocument, s: TextShape): void {
  const weight = s.bold ? 600 : 400;
  // Sizes are points; the page is drawn in mm.
  const size = s.size * PT_MM;
  const w = widthPt(doc, s.text, size, Boolean(s.bold));
  let x = s.align === 'left' ? s.x : s.align === 'center' ? s.x - w / 2 : s.x - w;
  doc.fillColor(css(s.color), 1);
  for (const r of runs(s.text)) {
    doc.font(fontName(weight, r.subset)).fontSize(size);
    doc.text(r.text, x, s.y, { lineBreak: false, baseline: 'alphabetic' });
    x += doc.widthOfString(r.text);
  }
}
