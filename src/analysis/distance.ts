/**
 * Distances between unit centres: great-circle, and along the corridor network (a straight
 * leg from each centre to the nearest point of the network, then the shortest path, each line
 * counted at its published length where it has one), with the path itself.
 */
import { pairKey, type AnalysisLine, type AnalysisUnit, type DistanceRow } from '../core/analysis.ts';
import { haversineKm, roundTo } from './geo.ts';
import { attachAll, buildNetwork, pathTo, reachTarget, shortestPaths, type NetworkLine, type Source } from './network.ts';

/**
 * Every pair of units (a before b in input order), with both distances and the network path.
 * @param units - units with centres
 * @param lines - corridors forming the network
 * @param toleranceKm - junction tolerance of the network, km
 * @returns rows and the paths keyed by `a>b` (lon/lat, from a's centre to b's)
 * @example computeDistances(units, corridors, 0.5).rows[0] // { a: 'VN-21', b: 'VN-22', great_circle_km: 137.8, network_km: 152.1, access_km: 0.4 }
 */
export function computeDistances(
  units: readonly Pick<AnalysisUnit, 'id' | 'centre'>[],
  lines: readonly (Pick<AnalysisLine, 'coordinates'> & Pick<NetworkLine, 'lengthFactor'>)[],
  toleranceKm: number,
  onProgress?: (done: number) => void,
): { rows: DistanceRow[]; paths: Record<string, [number, number][]> } {
  const net = buildNetwork(lines, toleranceKm);
  const att = units.map((u) => attachAll(net, u.centre[0], u.centre[1]));
  const rows: DistanceRow[] = [];
  const paths: Record<string, [number, number][]> = {};
  units.forEach((a, i) => {
    const sources: Source[] = att[i]!.map((x) => ({ att: x, index: i }));
    const sp = sources.length ? shortestPaths(net, sources) : null;
    for (let j = i + 1; j < units.length; j++) {
      const b = units[j]!;
      const gc = haversineKm(a.centre[0], a.centre[1], b.centre[0], b.centre[1]);
      let network: number | null = null;
      let access: number | null = null;
      if (sp) {
        const r = reachTarget(net, sp, sources, att[j]!);
        const from = sources[r.src]?.att;
        if (Number.isFinite(r.km) && from && r.target) {
          network = roundTo(r.km, 2);
          access = roundTo(from.legKm + r.target.legKm, 2);
          const middle = r.via >= 0 ? pathTo(net, sp, r.via) : [];
          paths[pairKey(a.id, b.id)] = [a.centre, from.at, ...middle, r.target.at, b.centre].map(([x, y]) => [
            roundTo(x, 5),
            roundTo(y, 5),
          ]);
        }
      }
      rows.push({ a: a.id, b: b.id, great_circle_km: roundTo(gc, 2), network_km: network, access_km: access });
    }
    onProgress?.((i + 1) / units.length);
  });
  return { rows, paths };
}
