/**
 * Linkage index per unit: a composite of four parts, each scaled 0–1 across the ranked
 * units by min–max, then averaged with equal weights and given as 0–100:
 * 1. degree: number of units it shares a border with (adjacency);
 * 2. network closeness: reachable partners / sum of network km to them, times the reachable
 *    share (Wasserman–Faust closeness, so an unreachable partner lowers it);
 * 3. gravity total: the sum of its gravity intensities with every other unit;
 * 4. port access: network km from its centre to the nearest seaport (shorter is better; a
 *    unit with no network path to a port scores 0 on this part).
 * A part that is equal for every ranked unit tells them apart in nothing: it is left out
 * of the mean (and the result says which), instead of giving every unit free points.
 * A unit whose gravity total is unknown (no mass in the run's base) gets no index.
 */
import {
  INDEX_PARTS,
  type AdjacencyRow,
  type DistanceRow,
  type GravityRow,
  type HinterlandUnitRow,
  type IndexPart,
  type IndexRow,
} from '../core/analysis.ts';
import { roundTo } from './geo.ts';

/** Min–max scaling of the finite values (NaN stays NaN); null where every finite value is the same. */
const scale = (values: number[], invert = false): number[] | null => {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return null;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (max === min) return null;
  return values.map((v) => {
    if (Number.isNaN(v)) return NaN;
    const s = (v - min) / (max - min);
    return invert ? 1 - s : s;
  });
};

/** The index rows, and which parts entered the mean. */
export interface LinkageIndex {
  rows: IndexRow[];
  parts_used: IndexPart[];
  /** Parts equal for every ranked unit, left out of the mean. */
  parts_dropped: IndexPart[];
}

/**
 * Combines the four parts into the index and ranks the units.
 * @param ids - the units to rank, by id
 * @param parts - the analyses the parts come from; `massive` lists the units that have a mass
 *   (a unit missing from it has an unknown gravity total); partners may include units
 *   that are not ranked (context)
 * @param partners - how many other units each could reach (for closeness); default ids.length − 1
 * @returns rows best first (rank 1; units without an index last), and the parts used
 * @example computeLinkageIndex(ids, { adjacency, distances, gravity, hinterland }).rows[0] // { unit: 'VN-DN', index: 81.2, rank: 1, ... }
 */
export function computeLinkageIndex(
  ids: readonly string[],
  parts: {
    adjacency: AdjacencyRow[];
    distances: DistanceRow[];
    gravity: GravityRow[];
    hinterland: HinterlandUnitRow[];
    massive?: ReadonlySet<string>;
  },
  partners = ids.length - 1,
): LinkageIndex {
  const degree = ids.map((id) => parts.adjacency.filter((r) => r.a === id || r.b === id).length);
  const closeness = ids.map((id) => {
    let sum = 0;
    let reach = 0;
    for (const r of parts.distances)
      if ((r.a === id || r.b === id) && r.network_km !== null) {
        sum += r.network_km;
        reach++;
      }
    return reach && sum > 0 && partners > 0 ? (reach / sum) * (reach / partners) : 0;
  });
  const gravity = ids.map((id) =>
    parts.massive && !parts.massive.has(id) ? NaN : parts.gravity.reduce((s, r) => (r.a === id || r.b === id ? s + r.intensity : s), 0),
  );
  const portKm = ids.map((id) => parts.hinterland.find((r) => r.unit === id)?.network_km ?? null);
  // No path to a port is the worst access, not an unknown one: it scores 0 on this part.
  const portScaled =
    scale(
      portKm.map((v) => (v === null ? NaN : v)),
      true,
    )?.map((v, i) => (portKm[i] === null ? 0 : v)) ?? null;
  const scaled: Record<IndexPart, number[] | null> = {
    degree: scale(degree),
    closeness: scale(closeness),
    gravity_total: scale(gravity),
    port_km: portScaled,
  };
  const used = INDEX_PARTS.filter((k) => scaled[k] !== null);
  const rows: IndexRow[] = ids.map((id, i) => {
    const values = used.map((k) => scaled[k]![i]!);
    const known = values.every((v) => !Number.isNaN(v)) && !Number.isNaN(gravity[i]!);
    return {
      unit: id,
      degree: degree[i]!,
      closeness: Number(closeness[i]!.toPrecision(6)),
      gravity_total: Number.isNaN(gravity[i]!) ? null : Number(gravity[i]!.toPrecision(8)),
      port_km: portKm[i]!,
      index: known && used.length ? roundTo((100 * values.reduce((s, v) => s + v, 0)) / used.length, 1) : null,
      rank: null,
    };
  });
  rows.sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || (a.unit < b.unit ? -1 : 1));
  let rank = 0;
  for (const r of rows) if (r.index !== null) r.rank = ++rank;
  return { rows, parts_used: [...used], parts_dropped: INDEX_PARTS.filter((k) => scaled[k] === null) };
}
