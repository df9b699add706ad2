/**
 * Reads back what a PDF's first page draws, for the print tests: its content stream
 * (inflated), the number of painted vector paths, the number of images, and where each marked
 * point (`/Mark <</Id (…)>> BDC`, a circle) lies on the page, in points from the bottom-left
 * corner, through the transformations in force.
 */
import { inflateSync } from 'node:zlib';

/** The first page's content stream, as text (latin1). */
export function firstPageContent(pdf: Uint8Array): string {
  const text = Buffer.from(pdf).toString('latin1');
  const page = /\/Type \/Page\b[^]*?\/Contents (\d+) 0 R/.exec(text);
  if (!page) throw new Error('no page with contents');
  const obj = new RegExp(`(?:^|\\n)${page[1]} 0 obj\\s*<<([^]*?)>>\\s*stream\\r?\\n`).exec(text);
  if (!obj) throw new Error(`no content stream object ${page[1]}`);
  const length = Number(/\/Length (\d+)/.exec(obj[1]!)?.[1]);
  const start = obj.index + obj[0].length;
  const raw = Buffer.from(pdf.subarray(start, start + length));
  return (/\/FlateDecode/.test(obj[1]!) ? inflateSync(raw) : raw).toString('latin1');
}

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];

/** What a content stream draws. */
export interface PageDrawing {
  /** Painted paths (S s f F f* B B* b b*). */
  paths: number;
  /** Image XObjects placed (Do). */
  images: number;
  /** The centre of each marked circle, points from the bottom-left corner. */
  marks: Map<string, [number, number]>;
}

const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);

/** Interprets the operators of a content stream that matter here. */
export function readDrawing(content: string): PageDrawing {
  const tokens =
    content.match(/\[|\]|<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/[\]()<>]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+\*?/g) ?? [];
  let ctm: M = [1, 0, 0, 1, 0, 0];
  const stack: M[] = [];
  let nums: number[] = [];
  let paths = 0;
  let images = 0;
  const marks = new Map<string, [number, number]>();
  let mark: string | null = null;
  let pending: string | null = null;
  let ends: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (/^[-+]?(?:\d|\.\d)/.test(tok)) {
      nums.push(Number(tok));
      continue;
    }
    if (tok.startsWith('(') && pending === '') {
      pending = tok.slice(1, -1);
      continue;
    }
    if (!/^[A-Za-z'"]/.test(tok)) {
      if (tok === '/Id') pending = '';
      continue;
    }
    const n = nums;
    nums = [];
    switch (tok) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
        break;
      case 'cm':
        ctm = mul(n.slice(-6) as M, ctm);
        break;
      case 'BDC':
        mark = pending;
        pending = null;
        ends = [];
        break;
      case 'EMC':
        if (mark && ends.length) {
          const x = ends.reduce((s, p) => s + p[0], 0) / ends.length;
          const y = ends.reduce((s, p) => s + p[1], 0) / ends.length;
          marks.set(mark, [x, y]);
        }
        mark = null;
        break;
      case 'c':
        if (mark !== null) {
          const [x, y] = n.slice(-2) as [number, number];
          ends.push([ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]]);
        }
        break;
      case 'Do':
        images++;
        break;
      default:
        if (PAINT.has(tok)) paths++;
    }
  }
  return { paths, images, marks };
}
