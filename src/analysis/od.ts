/**
 * Origin–destination matrix: minutes and km between every pair of a set of places (or from one
 * set to another), on the bundled corridors or a user's road network, with the main roads of
 * each path. One search per origin (on the corridors, one that keeps how each node was reached,
 * so the path, its km and its roads can be traced back; on a road network, its route).
 */
import { pairKey, type OdPlace, type OdRow } from '../core/analysis.ts';
import { graphOf, type Travel } from './travel-graph.ts';

/** A road is named among the main roads of a path when it carries at least this share of the path's network km. */
export const MAIN_ROAD_SHARE = 0.05;

/** The od figures: rows (each pair once for one set, every pair for two), the paths, and the whole matrix of minutes. */
export interface OdFigures {
  rows: OdRow[];
  paths: Record<string, [number, number][]>;
  /** Minutes from each `from` place (rows) to each `to` place (columns); null where none is reachable. */
  matrix: (number | null)[][];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The main roads of a path, in travel order: those carrying at least MAIN_ROAD_SHARE of its network km. */
function mainRoads(roads: readonly { name: string; km: number }[]): string | null {
  const total = roads.reduce((s, r) => s + r.km, 0);
  const kept: string[] = [];
  for (const r of roads) if (r.km >= MAIN_ROAD_SHARE * total && r.name && kept.at(-1) !== r.name) kept.push(r.name);
  return kept.length ? kept.join(' > ') : null;
}

/**
 * Minutes and km between places.
 * @param to - the places to; null: the same places (each pair once in the rows, a → b for a before b)
 * @example computeOd(centres, null, tn).rows.length // 91 for 14 centres
 */
export function computeOd(
  from: readonly OdPlace[],
  to: readonly OdPlace[] | null,
  travel: Travel,
  onProgress?: (done: number) => void,
): OdFigures {
  const g = graphOf(travel);
  const dest = to ?? from;
  const rows: OdRow[] = [];
  const paths: Record<string, [number, number][]> = {};
  const matrix: (number | null)[][] = [];
  from.forEach((a, i) => {
    const line: (number | null)[] = [];
    const tree = g.routes?.(a.coordinates);
    const times = tree ? null : g.timesFrom([a.coordinates], 'from');
    dest.forEach((b, j) => {
      if (to === null && i === j) {
        line.push(0);
        return;
      }
      const [lon, lat] = b.coordinates;
      const r = tree ? tree.to(lon, lat) : null;
      const minutes = tree ? (r?.minutes ?? Infinity) : times!.nearestTo(lon, lat).minutes;
      const ok = Number.isFinite(minutes);
      line.push(ok ? round2(minutes) : null);
      if (to !== null || j > i) {
        rows.push({
          a: a.id,
          b: b.id,
          minutes: ok ? round2(minutes) : null,
          km: r && ok ? round2(r.km) : null,
          roads: r && ok ? mainRoads(r.roads) : null,
        });
        if (r && ok) paths[pairKey(a.id, b.id)] = r.path;
      }
    });
    matrix.push(line);
    onProgress?.((i + 1) / from.length);
  });
  return { rows, paths, matrix };
}
