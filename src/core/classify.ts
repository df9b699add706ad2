/**
 * Classes for a choropleth of the user's figures: quantiles, equal intervals or natural
 * breaks (ckmeans: optimal one-dimensional k-means, the successor of Jenks), with 3–7 classes, and colour-blind-safe sequential palettes (ColorBrewer's,
 * through d3-scale-chromatic). Units without a figure take no class (drawn hatched).
 */
import { schemeBlues, schemeGreens, schemeOranges, schemePurples, schemeYlGnBu } from 'd3-scale-chromatic';
import { ckmeans, equalIntervalBreaks, quantile } from 'simple-statistics';

export type ClassMethod = 'quantile' | 'equal' | 'natural';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'natural'];
export const CLASS_COUNTS = [3, 4, 5, 6, 7] as const;
export type ClassCount = (typeof CLASS_COUNTS)[number];

/** Sequential palettes that stay apart for the common colour-vision deficiencies. */
export const PALETTES = {
  YlGnBu: schemeYlGnBu,
  Blues: schemeBlues,
  Greens: schemeGreens,
  Oranges: schemeOranges,
  Purples: schemePurples,
} as const;
export type PaletteName = keyof typeof PALETTES;
export const PALETTE_NAMES = Object.keys(PALETTES) as PaletteName[];

/** The colours of `k` classes of a palette, lightest first. */
export function paletteColors(name: PaletteName, k: ClassCount): string[] {
  return [...(PALETTES[name][k] as readonly string[])];
}

/**
 * Class limits: `k + 1` ascending values from the smallest figure to the largest, fewer when
 * the figures have fewer distinct values than classes.
 * @example classBreaks([1, 2, 3, 4, 10], 'equal', 3) // [1, 4, 7, 10]
 */
export function classBreaks(values: readonly (number | null)[], method: ClassMethod, k: ClassCount): number[] {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return [];
  const distinct = [...new Set(xs)];
  if (distinct.length <= k) return distinct.length === 1 ? [distinct[0]!, distinct[0]!] : distinct;
  let breaks: number[];
  if (method === 'equal') breaks = equalIntervalBreaks(xs, k);
  // Each cluster's upper limit (classes include their upper limit).
  else if (method === 'natural') breaks = [xs[0]!, ...ckmeans(xs, k).map((c) => c[c.length - 1]!)];
  else breaks = Array.from({ length: k + 1 }, (_, i) => (i === 0 ? xs[0]! : i === k ? xs[xs.length - 1]! : quantile(xs, i / k)));
  return [...new Set(breaks)].sort((a, b) => a - b);
}

/** The class (0-based) of a figure for the limits, or null for no figure. Upper limits are inclusive. */
export function classOf(value: number | null, breaks: readonly number[]): number | null {
  if (value === null || !Number.isFinite(value) || breaks.length < 2) return null;
  for (let i = 1; i < breaks.length; i++) if (value <= breaks[i]!) return i - 1;
  return breaks.length - 2;
}

/**
 * How many decimals the legend needs so that neighbouring class limits read differently
 * (0 for limits a whole unit or more apart, at most 3).
 */
export function limitDigits(breaks: readonly number[]): number {
  let gap = Infinity;
  for (let i = 1; i < breaks.length; i++) if (breaks[i]! > breaks[i - 1]!) gap = Math.min(gap, breaks[i]! - breaks[i - 1]!);
  const fractional = breaks.some((b) => !Number.isInteger(b));
  if (!Number.isFinite(gap) || gap >= 10 || (!fractional && gap >= 1)) return 0;
  return Math.min(3, Math.max(1, Math.ceil(-Math.log10(gap)) + 1));
}
