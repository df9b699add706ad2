/**
 * Colours of the analysis results: one place read by the deck.gl layers and the legend.
 */
import type { RGB } from './thematic-style.ts';
import { accessValues, type AccessMeasure, type AnalysisKind, type AnalysisResult } from './analysis.ts';

/** Strength (intensity, index, share): pale to deep blue-violet. */
export const RAMP_STRENGTH: readonly RGB[] = [
  [255, 247, 188],
  [254, 196, 79],
  [236, 112, 20],
  [204, 76, 2],
  [140, 45, 4],
  [84, 39, 143],
];

/** Distance: near (green) to far (red). */
export const RAMP_DISTANCE: readonly RGB[] = [
  [26, 152, 80],
  [145, 207, 96],
  [217, 239, 139],
  [254, 224, 139],
  [252, 141, 89],
  [215, 48, 39],
];

/** Differences, worse (red) through no change (near white) to better (blue): ColorBrewer RdBu. */
export const RAMP_DIVERGING: readonly RGB[] = [
  [178, 24, 43],
  [239, 138, 98],
  [253, 219, 199],
  [247, 247, 247],
  [209, 229, 240],
  [103, 169, 207],
  [33, 102, 172],
];

/** A gain's colour on the diverging ramp: `gain` in [−half, +half], positive better. */
export function gainColor(gain: number, half: number): RGB {
  return Number.isFinite(gain) ? rampColor(RAMP_DIVERGING, 0.5 + gain / (2 * (half || 1))) : NO_DATA;
}

/** Categories (ports of a hinterland), distinct on the pale basemap. */
export const CATEGORICAL: readonly RGB[] = [
  [31, 119, 180],
  [255, 127, 14],
  [44, 160, 44],
  [214, 39, 40],
  [148, 103, 189],
  [140, 86, 75],
  [227, 119, 194],
  [127, 127, 127],
  [188, 189, 34],
  [23, 190, 207],
  [57, 59, 121],
  [173, 73, 74],
  [99, 121, 57],
  [206, 109, 189],
];

/** Highlight of a hovered or selected linkage. */
export const HIGHLIGHT: RGB = [200, 30, 45];

/** A unit or cell without a value (no figure in the run's base). */
export const NO_DATA: RGB = [190, 190, 190];

/**
 * The colour at `t` (0–1, clamped) along a ramp, interpolated linearly.
 * @example rampColor(RAMP_DISTANCE, 0) // [26, 152, 80]
 */
export function rampColor(ramp: readonly RGB[], t: number): RGB {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const f = x - i;
  const a = ramp[i]!;
  const b = ramp[i + 1]!;
  return [Math.round(a[0] + f * (b[0] - a[0])), Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2]))];
}

/** CSS gradient of a ramp, for the legend. */
export function rampCss(ramp: readonly RGB[]): string {
  return `linear-gradient(to right, ${ramp.map((c, i) => `rgb(${c.join(',')}) ${Math.round((100 * i) / (ramp.length - 1))}%`).join(', ')})`;
}

/** The value range a result is coloured over (min and max of the finite values). */
export function extent(values: Iterable<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : [0, 1];
}

/** How a result's legend reads: a colour ramp with its range and unit, or one colour per category. */
export type AnalysisLegendSpec =
  | { type: 'ramp'; ramp: readonly RGB[]; range: [number, number]; unit: '' | 'km' | '%' | 'min'; scientific: boolean }
  | { type: 'categories'; items: { id: string; color: RGB; name_vi: string; name_en: string }[] };

type Of<K extends AnalysisKind> = Extract<AnalysisResult, { kind: K }>;
/** What the legend follows of the way a result is drawn. */
export interface LegendView {
  measure: AccessMeasure;
}
const ramp = (r: readonly RGB[], range: [number, number], unit: '' | 'km' | '%' | 'min' = '', scientific = false): AnalysisLegendSpec => ({
  type: 'ramp',
  ramp: r,
  range,
  unit,
  scientific,
});

/** Each analysis kind's legend, by kind (the colours its layers use; a kind without one fails to compile). */
const LEGENDS: { [K in AnalysisKind]: (r: Of<K>, view: LegendView) => AnalysisLegendSpec } = {
  adjacency: (r) => ramp(RAMP_STRENGTH, extent(r.rows.map((x) => x.shared_km)), 'km'),
  reach: (r) => ramp(RAMP_STRENGTH, extent(r.shares.map((x) => x.share * 100)), '%'),
  distance: (r) => ramp(RAMP_DISTANCE, extent(r.rows.map((x) => x.network_km ?? NaN)), 'km'),
  gravity: (r) => ramp(RAMP_STRENGTH, extent(r.rows.map((x) => x.intensity)), '', true),
  hinterland: (r) => ({
    type: 'categories',
    items: r.port_ids.map((id, i) => {
      const p = r.ports.find((x) => x.port === id);
      return { id, color: CATEGORICAL[i % CATEGORICAL.length]!, name_vi: p?.name_vi ?? id, name_en: p?.name_en ?? id };
    }),
  }),
  access: (r, view) => {
    const { values, unit } = accessValues(r.grid, view.measure);
    return ramp(RAMP_DISTANCE, extent(values), unit);
  },
  index: (r) => ramp(RAMP_STRENGTH, extent(r.rows.map((x) => x.index ?? NaN))),
  isochrone: (r) => ({
    type: 'categories',
    items: r.bands.map((b, i) => ({
      id: String(b.minutes),
      color: isochroneColor(i, r.bands.length),
      name_vi: `≤ ${b.minutes.toLocaleString('vi-VN')} phút`,
      name_en: `≤ ${b.minutes.toLocaleString('en-GB')} min`,
    })),
  }),
  // The cells by the threshold they are within (the nearest place of the kind the table points at), and beyond.
  coverage: (r) => ({
    type: 'categories',
    items: coverageBands(r.params.minutes).map((b) => ({
      id: b.id,
      color: b.color,
      name_vi: b.upper === null ? `> ${b.lower.toLocaleString('vi-VN')} phút` : `≤ ${b.upper.toLocaleString('vi-VN')} phút`,
      name_en: b.upper === null ? `> ${b.lower.toLocaleString('en-GB')} min` : `≤ ${b.upper.toLocaleString('en-GB')} min`,
    })),
  }),
  od: (r) => ramp(RAMP_DISTANCE, extent(r.rows.map((x) => x.minutes ?? NaN)), 'min'),
  siting: (r) => ({
    type: 'categories',
    items: [
      ...(r.existing_population > 0 ? [{ id: 'existing', color: EXISTING, name_vi: 'Cơ sở hiện có', name_en: 'Existing facilities' }] : []),
      ...r.sites.map((x) => ({
        id: x.id,
        color: siteColor(x.rank ?? 1),
        name_vi: `${x.rank}. ${x.name_vi}`,
        name_en: `${x.rank}. ${x.name_en}`,
      })),
    ],
  }),
};

/** A chosen site's colour by its rank (1 first). */
export const siteColor = (rank: number): RGB => CATEGORICAL[(rank - 1) % CATEGORICAL.length]!;

/** What the existing facilities already cover (siting). */
export const EXISTING: RGB = [150, 150, 150];

/**
 * The bands coverage colours cells by: within each threshold (nearest green), then beyond the
 * last; each with its colour on the distance ramp.
 * @example coverageBands([30, 60]).map((b) => b.upper) // [30, 60, null]
 */
export function coverageBands(thresholds: readonly number[]): { id: string; lower: number; upper: number | null; color: RGB }[] {
  const n = thresholds.length + 1;
  return [
    ...thresholds.map((t, i) => ({ id: String(t), lower: i ? thresholds[i - 1]! : 0, upper: t, color: isochroneColor(i, n) })),
    { id: 'beyond', lower: thresholds.at(-1) ?? 0, upper: null, color: isochroneColor(n - 1, n) },
  ];
}

/** An isochrone band's colour: the nearest band green, the farthest red (the distance ramp). */
export function isochroneColor(i: number, n: number): RGB {
  return rampColor(RAMP_DISTANCE, n > 1 ? i / (n - 1) : 0);
}

/** The legend of a result as it is drawn. */
export function analysisLegend(r: AnalysisResult, view: LegendView): AnalysisLegendSpec {
  // The lookup is by the result's own kind (the union cannot follow it).
  return (LEGENDS[r.kind] as (r: AnalysisResult, view: LegendView) => AnalysisLegendSpec)(r, view);
}
