/**
 * Comparing two runs of one analysis: this run (a horizon, a scenario) against a baseline
 * (another horizon, or no scenario). Cells are differenced cell by cell (both runs lay the
 * same grid over the same units); units are ranked by their mean gain; the linkage index is
 * given before and after with the change in rank. A gain is the baseline minus this run for
 * distances and minutes (positive: nearer), and this run minus the baseline for the index.
 */
import {
  accessValues,
  compareDefOf,
  type AccessGrid,
  type AccessMeasure,
  type AnalysisResult,
  type KindWord,
  type UnitScore,
} from './analysis.ts';

/**
 * What a comparison is against: nothing; the same analysis at another horizon without the
 * scenario; at this horizon without the scenario; or at a chosen horizon on another scenario
 * (a file), so that any two of {horizon, scenario} can be set side by side.
 */
export const COMPARE_WITH = ['none', 'horizon', 'scenario', 'file'] as const;
export type CompareWith = (typeof COMPARE_WITH)[number];

/** How units' gains are summed up over the region: by population or by area. */
export const GAIN_WEIGHTS = ['population', 'area'] as const;
export type GainWeight = (typeof GAIN_WEIGHTS)[number];

/** Which results can be compared cell by cell or unit by unit on the map (their definitions say how). */
export const comparable = (r: AnalysisResult | null | undefined): boolean => !!r && compareDefOf(r) !== null;

/** The grid a result is compared on cell by cell, if its kind is compared so. */
function gridOf(r: AnalysisResult): AccessGrid | null {
  const d = compareDefOf(r);
  return d?.mode === 'cells' ? d.grid(r) : null;
}

/** The unit scores a result is compared on, if its kind is compared so. */
function scoresOf(r: AnalysisResult): UnitScore[] | null {
  const d = compareDefOf(r);
  return d?.mode === 'units' ? d.scores(r) : null;
}

/** Why a kind compared unit by unit may show no change (a note's i18n key), if it says. */
export function unchangedNote(r: AnalysisResult): KindWord | null {
  const d = compareDefOf(r);
  return d?.mode === 'units' ? d.unchanged : null;
}

/** Whether a result is compared cell by cell on a grid's measure (distances, minutes: lower is better). */
export const comparedByCells = (r: AnalysisResult): boolean => compareDefOf(r)?.mode === 'cells';

/**
 * Per cell, this run − the baseline for a measure (NaN where either has no value, or the grids differ).
 * @example cellDelta(after, before, 'minutes_to_seaport')[i] // −12.5: twelve and a half minutes nearer
 */
export function cellDelta(run: AnalysisResult, base: AnalysisResult, measure: AccessMeasure): Float32Array {
  const ga = gridOf(run);
  const gb = gridOf(base);
  if (!ga || !gb) return new Float32Array(0);
  const a = accessValues(ga, measure).values;
  const b = accessValues(gb, measure).values;
  const out = new Float32Array(a.length).fill(NaN);
  if (a.length !== b.length) return out;
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) out[i] = a[i]! - b[i]!;
  return out;
}

/** A unit's gain: its mean before and after over its cells, and the gain (before − after). */
export interface UnitGain {
  unit: string;
  cells: number;
  before: number | null;
  after: number | null;
  /** Baseline − this run: positive where the unit's cells are nearer now. */
  gain: number | null;
  /** The unit's weight in the region's mean: persons, or km² (null: no figure). */
  weight: number | null;
}

/** Units ranked by their mean gain, and the region's mean gain with the chosen weight. */
export interface GainTable {
  rows: UnitGain[];
  weight: GainWeight;
  /** The region's mean gain, each unit weighted; null where a weight is missing. */
  region: number | null;
  /** True when the run's cells carry a population grid's persons and the population weight used them (cell by cell). */
  by_cells?: boolean;
}

/**
 * Mean gain per unit (its cells are equal hexagons, so the mean over cells is the mean over its
 * area), ranked best first; the region's mean weights each unit by its population or its area.
 * Population is known per unit only, so it is taken as spread evenly over the unit's cells;
 * where the run's cells carry a population grid's persons, the population weight weighs each
 * cell by its own persons instead (a unit's mean and the region's), and says so (`by_cells`).
 * @param weights - each unit's population (persons) and area (km²), by id
 */
export function unitGains(
  run: AnalysisResult,
  base: AnalysisResult,
  measure: AccessMeasure,
  weight: GainWeight,
  weights: ReadonlyMap<string, { population: number | null; area: number }>,
): GainTable {
  const ga = gridOf(run);
  const gb = gridOf(base);
  if (!ga || !gb) return { rows: [], weight, region: null };
  const a = accessValues(ga, measure).values;
  const b = accessValues(gb, measure).values;
  const n = run.units.length;
  const sumA = new Float64Array(n);
  const sumB = new Float64Array(n);
  const count = new Int32Array(n);
  // Each cell's weight within its unit: its persons (a population grid), or 1 (equal cells).
  const pop = weight === 'population' && ga.population?.length === a.length ? ga.population : null;
  const mass = new Float64Array(n);
  if (a.length === b.length)
    for (let i = 0; i < a.length; i++) {
      const u = ga.unit[i]!;
      if (!Number.isFinite(a[i]!) || !Number.isFinite(b[i]!)) continue;
      const w = pop ? pop[i]! : 1;
      sumA[u] = sumA[u]! + w * a[i]!;
      sumB[u] = sumB[u]! + w * b[i]!;
      mass[u] = mass[u]! + w;
      count[u] = count[u]! + 1;
    }
  const rows: UnitGain[] = run.units
    .map((u, k) => {
      const c = count[k]!;
      const w = weights.get(u.id);
      const m = mass[k]!;
      const before = c && m > 0 ? sumB[k]! / m : null;
      const after = c && m > 0 ? sumA[k]! / m : null;
      return {
        unit: u.id,
        cells: c,
        before,
        after,
        gain: before !== null && after !== null ? before - after : null,
        weight: pop ? m : w ? (weight === 'population' ? w.population : w.area) : null,
      };
    })
    .filter((r) => r.cells > 0);
  rows.sort((x, y) => (y.gain ?? -Infinity) - (x.gain ?? -Infinity));
  let total = 0;
  let sum = 0;
  let missing = false;
  for (const r of rows) {
    if (r.gain === null || r.weight === null) {
      missing = true;
      continue;
    }
    total += r.weight;
    sum += r.weight * r.gain;
  }
  return { rows, weight, region: !missing && total > 0 ? sum / total : null, ...(pop ? { by_cells: true } : {}) };
}

/** A unit's linkage index before and after, and how its rank moved (positive: up). */
export interface IndexChange {
  unit: string;
  index_before: number | null;
  index_after: number | null;
  rank_before: number | null;
  rank_after: number | null;
  /** rank_before − rank_after: +2 means two places higher. */
  rank_change: number | null;
}

/** The linkage index (a kind's unit scores) before and after, best after first; none for a kind not compared unit by unit. */
export function indexChanges(run: AnalysisResult, base: AnalysisResult): IndexChange[] {
  const now = scoresOf(run);
  const then = scoresOf(base);
  if (!now || !then) return [];
  const before = new Map(then.map((r) => [r.unit, r]));
  return now
    .map((r) => {
      const b = before.get(r.unit);
      const rb = b?.rank ?? null;
      return {
        unit: r.unit,
        index_before: b?.value ?? null,
        index_after: r.value,
        rank_before: rb,
        rank_after: r.rank,
        rank_change: rb !== null && r.rank !== null ? rb - r.rank : null,
      };
    })
    .sort((x, y) => (x.rank_after ?? Infinity) - (y.rank_after ?? Infinity));
}

/**
 * The half-width of a difference map's colour scale: the largest change of the measure
 * (accessibility) or of the index; 0 where nothing changes.
 */
export function differenceExtent(run: AnalysisResult, base: AnalysisResult, measure: AccessMeasure): number {
  if (comparedByCells(run)) return symmetricExtent(cellDelta(run, base, measure));
  return symmetricExtent(indexChanges(run, base).map((c) => (c.index_after ?? NaN) - (c.index_before ?? NaN)));
}

/** The largest size of the finite values (the half-width of a diverging colour scale); 0 where nothing changes. */
export function symmetricExtent(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) if (Number.isFinite(v) && Math.abs(v) > m) m = Math.abs(v);
  return m;
}
