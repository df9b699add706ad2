/**
 * Coverage: how many people live within given minutes of the nearest place of each kind
 * (seaports, airports, border gates, economic zones, administrative centres, a user's points),
 * as persons and as a share, for the region and unit by unit; the population-weighted mean and
 * median minutes; and the cumulative curve (the share within t minutes, t = 0 … 240).
 *
 * It is read off a grid (the accessibility grid's hexagons, the same cells and the same minutes:
 * one search from all the places of a kind, each cell's ways onto the network found once) and
 * the persons of each cell (a population grid's, or the bundled default: towns, the rest evenly). A cell is
 * within T minutes when its minutes are at most T; a cell without a figure counts for no one.
 */
import type {
  AnalysisUnit,
  CoverageCurveRow,
  CoverageGrid,
  CoverageRow,
  CoverageSummaryRow,
  CoverageTarget,
  CoverageUnitRow,
  HexGrid,
  PersonsFrom,
} from '../core/analysis.ts';
import { buildHexGrid } from './hex-grid.ts';
import { graphOf, minutesAll, placesOf, type Travel } from './travel-graph.ts';

/** The cumulative curve's thresholds: every 5 minutes from 0 to 240. */
export const CURVE_MINUTES: readonly number[] = Array.from({ length: 49 }, (_, i) => i * 5);

/**
 * The coverage grid: the hexagons over the units, each cell's minutes to the nearest place of
 * every kind (one search per kind; the cells' ways onto the network found once), and its persons.
 * @param places - the places of each kind, in the order they are reported
 * @param persons - the persons of each cell of the grid it is given (`personsOf(grid)`), and where they come from
 * @example coverageGrid(units, { seaports: ports }, 5, tn, (g) => ({ persons: spreadPersons(g, pops), from: 'spread' as const })).minutes.seaports
 */
export function coverageGrid(
  units: readonly Pick<AnalysisUnit, 'geometry'>[],
  places: Partial<Record<CoverageTarget, readonly [number, number][]>>,
  cellKm: number,
  travel: Travel,
  personsOf: (grid: HexGrid) => { persons: Float64Array; from: PersonsFrom },
  onProgress?: (done: number) => void,
): CoverageGrid {
  const grid = buildHexGrid(units, cellKm);
  const { persons, from } = personsOf(grid);
  const g = graphOf(travel);
  const cells = placesOf(g, grid.centres);
  const minutes: Partial<Record<CoverageTarget, Float32Array>> = {};
  const kinds = Object.keys(places) as CoverageTarget[];
  kinds.forEach((k, i) => {
    const pts = places[k]!;
    // As the accessibility grid does: from each cell to the nearest place (none: Infinity).
    minutes[k] = pts.length ? minutesAll(g.timesFrom(pts, 'to'), cells).minutes : new Float32Array(grid.unit.length).fill(Infinity);
    onProgress?.((i + 1) / kinds.length);
  });
  return { ...grid, persons, persons_from: from, minutes };
}

/** The persons of cells within `t` minutes (cells without a figure count for no one). */
function within(minutes: Float32Array, persons: Float64Array, t: number, unit?: { of: Int32Array; is: number }): number {
  let s = 0;
  for (let i = 0; i < minutes.length; i++) {
    if (unit && unit.of[i] !== unit.is) continue;
    const p = persons[i]!;
    if (minutes[i]! <= t && p === p) s += p;
  }
  return s;
}

/** The persons-weighted mean and median of the finite minutes, and the persons counted. */
function weightedStats(minutes: Float32Array, persons: Float64Array): { mean: number | null; median: number | null; reached: number } {
  const idx: number[] = [];
  let total = 0;
  let sum = 0;
  for (let i = 0; i < minutes.length; i++) {
    const p = persons[i]!;
    if (!Number.isFinite(minutes[i]!) || !(p > 0)) continue;
    idx.push(i);
    total += p;
    sum += p * minutes[i]!;
  }
  if (!(total > 0)) return { mean: null, median: null, reached: 0 };
  idx.sort((a, b) => minutes[a]! - minutes[b]!);
  let acc = 0;
  let median = minutes[idx.at(-1)!]!;
  for (const i of idx) {
    acc += persons[i]!;
    if (acc >= total / 2) {
      median = minutes[i]!;
      break;
    }
  }
  return { mean: sum / total, median, reached: total };
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
/** A part's share of a whole, to six decimals (0 of nothing). */
const share = (x: number, of: number): number => (of > 0 ? round(x / of, 6) : 0);

/** The coverage figures of a grid. */
export interface CoverageFigures {
  rows: CoverageRow[];
  unit_rows: CoverageUnitRow[];
  curve: CoverageCurveRow[];
  summary: CoverageSummaryRow[];
}

/**
 * The figures: per kind and threshold, the persons within and their share of all the cells'
 * persons (the region's); the same unit by unit; the curve; the mean and median minutes.
 * @param units - the grid's units (by the grid's unit index), by id
 * @param thresholds - minutes, ascending
 * @example coverageFigures(grid, units, ['seaports'], [30, 60]).rows[1] // { target: 'seaports', within_minutes: 60, population: 1.2e6, share: 0.12 }
 */
export function coverageFigures(
  grid: CoverageGrid,
  units: readonly Pick<AnalysisUnit, 'id'>[],
  targets: readonly CoverageTarget[],
  thresholds: readonly number[],
): CoverageFigures {
  const { persons } = grid;
  let total = 0;
  for (const p of persons) if (p === p) total += p;
  const unitTotal = new Float64Array(units.length);
  for (let i = 0; i < persons.length; i++) if (persons[i] === persons[i]) unitTotal[grid.unit[i]!]! += persons[i]!;
  const out: CoverageFigures = { rows: [], unit_rows: [], curve: [], summary: [] };
  for (const target of targets) {
    const m = grid.minutes[target];
    if (!m) continue;
    for (const t of thresholds) {
      const p = within(m, persons, t);
      out.rows.push({ target, within_minutes: t, population: Math.round(p), share: share(p, total) });
    }
    units.forEach((u, k) => {
      for (const t of thresholds) {
        const p = within(m, persons, t, { of: grid.unit, is: k });
        out.unit_rows.push({ unit: u.id, target, within_minutes: t, population: Math.round(p), share: share(p, unitTotal[k]!) });
      }
    });
    for (const t of CURVE_MINUTES) out.curve.push({ target, within_minutes: t, share: share(within(m, persons, t), total) });
    const s = weightedStats(m, persons);
    out.summary.push({
      target,
      population: Math.round(s.reached),
      share: share(s.reached, total),
      mean_minutes: s.mean === null ? null : round(s.mean, 2),
      median_minutes: s.median === null ? null : round(s.median, 2),
    });
  }
  return out;
}
