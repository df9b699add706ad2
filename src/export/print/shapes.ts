/**
 * What a print layout is made of: a list of drawing instructions in page millimetres (paths,
 * circles, text, images, clipping), in drawing order. The layout functions make it; the PDF
 * writer (pdf.ts) draws it. Nothing here knows PDF.
 */
import type { Rect } from './projection.ts';

/** A colour, RGB 0–255. */
export type Rgb = readonly [number, number, number];

/** A point on the page, mm. */
export type Pt = readonly [number, number];

/** Lines or rings (closed when `closed`), filled and/or stroked. */
export interface PathShape {
  type: 'path';
  parts: Pt[][];
  closed: boolean;
  fill?: Rgb;
  fillOpacity?: number;
  /** Even-odd filling (rings with holes drawn as one path). */
  evenOdd?: boolean;
  stroke?: Rgb;
  strokeOpacity?: number;
  /** Stroke width, mm. */
  width?: number;
  /** Dash and gap, mm. */
  dash?: readonly [number, number];
  round?: boolean;
}

/** A circle (point symbols), mm. */
export interface CircleShape {
  type: 'circle';
  x: number;
  y: number;
  r: number;
  fill?: Rgb;
  fillOpacity?: number;
  stroke?: Rgb;
  width?: number;
  /** A name the PDF carries around the mark (a marked-content tag, e.g. a capital's ISO code). */
  tag?: string;
}

/** One line of text; `y` is its baseline, sizes are points. */
export interface TextShape {
  type: 'text';
  x: number;
  y: number;
  text: string;
  size: number;
  bold?: boolean;
  color: Rgb;
  align: 'left' | 'center' | 'right';
}

/** A basemap capture (its index in the plan's tiles) placed in a rectangle. */
export interface ImageShape {
  type: 'image';
  index: number;
  rect: Rect;
}

/** Everything drawn until the matching `unclip` stays inside `rect`. */
export interface ClipShape {
  type: 'clip';
  rect: Rect;
}

export type Shape = PathShape | CircleShape | TextShape | ImageShape | ClipShape | { type: 'unclip' };

/**
 * The width of a text in mm, as the PDF writer will set it.
 * @param size - font size, points
 */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** Points to mm. */
export const PT_MM = 25.4 / 72;

/** A rectangle as a closed path. */
export function rectPath(r: Rect, style: Omit<PathShape, 'type' | 'parts' | 'closed'>): PathShape {
  return {
    type: 'path',
    closed: true,
    parts: [
      [
        [r.x, r.y],
        [r.x + r.width, r.y],
        [r.x + r.width, r.y + r.height],
        [r.x, r.y + r.height],
      ],
    ],
    ...style,
  };
}

/** A straight line. */
export function line(a: Pt, b: Pt, stroke: Rgb, width: number, dash?: readonly [number, number]): PathShape {
  return { type: 'path', closed: false, parts: [[a, b]], stroke, width, ...(dash ? { dash } : {}) };
}

/** A CSS colour (`#rrggbb`) as RGB. */
export function hex(c: string): Rgb {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Splits a text into lines no wider than `width` mm (at word boundaries; a word longer than a
 * line stays whole).
 */
export function wrap(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && measure(next, size, bold) > width) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}
