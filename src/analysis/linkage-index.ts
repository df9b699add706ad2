/**
 * Linkage index per unit: a composite of four parts, each scaled 0–1 across the units by
 * min–max, then averaged with equal weights and given as 0–100:
 * 1. degree: number of units it shares a border with (adjacency);
 * 2. network closeness: reachable units / sum of network km to them, times the reachable
 *    share (Wasserman–Faust closeness, so an unreachable unit lowers it);
 * 3. gravity total: the sum of its gravity intensities with every other unit;
 * 4. port access: network km from its centre to the nearest seaport (shorter is better).
 * Where every unit has the same value of a part, that part counts 1 for all.
 */
import type { AdjacencyRow, DistanceRow, GravityRow, HinterlandUnitRow, IndexRow } from '../core/analysis.ts';
import { roundTo } from './geo.ts';

const scale = (values: number[], invert = false): number[] => {
  const finite = values.filter(Number.isFinite);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return values.map((v) => {
    if (!Number.isFinite(v)) return 0;
    if (max === min) return 1;
    const s = (v - min) / (max - min);
    return invert ? 1 - s : s;
  });
};

/**
 * Combines the four parts into the index and ranks the units.
 * @param ids - the units, by id
 * @returns one row per unit, best first (rank 1)
 * @example computeLinkageIndex(ids, { adjacency, distances, gravity, hinterland })[0] // { unit: 'VN-DN', index: 81.2, rank: 1, ... }
 */
export function computeLinkageIndex(
  ids: readonly string[],
  parts: { adjacency: AdjacencyRow[]; distances: DistanceRow[]; gravity: GravityRow[]; hinterland: HinterlandUnitRow[] },
): IndexRow[] {
  const n = ids.length;
  const degree = ids.map((id) => parts.adjacency.filter((r) => r.a === id || r.b === id).length);
  const closeness = ids.map((id) => {
    let sum = 0;
    let reach = 0;
    for (const r of parts.distances)
      if ((r.a === id || r.b === id) && r.network_km !== null) {
        sum += r.network_km;
        reach++;
      }
    return reach && sum > 0 && n > 1 ? (reach / sum) * (reach / (n - 1)) : 0;
  });
  const gravity = ids.map((id) => parts.gravity.reduce((s, r) => (r.a === id || r.b === id ? s + r.intensity : s), 0));
  const portKm = ids.map((id) => parts.hinterland.find((r) => r.unit === id)?.network_km ?? null);
  const sd = scale(degree);
  const sc = scale(closeness);
  const sg = scale(gravity);
  const sp = scale(
    portKm.map((v) => (v === null ? NaN : v)),
    true,
  );
  const rows = ids.map((id, i) => ({
    unit: id,
    degree: degree[i]!,
    closeness: Number(closeness[i]!.toPrecision(6)),
    gravity_total: Number(gravity[i]!.toPrecision(8)),
    port_km: portKm[i]!,
    index: roundTo((100 * (sd[i]! + sc[i]! + sg[i]! + sp[i]!)) / 4, 1),
    rank: 0,
  }));
  rows.sort((a, b) => b.index - a.index || (a.unit < b.unit ? -1 : 1));
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}
