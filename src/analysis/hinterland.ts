/**
 * Port hinterlands: each unit (by its centre) and each cell of a hexagonal grid assigned
 * to its nearest seaport, by straight line and along the corridor network; and the
 * population each port serves (the whole population of the units assigned to it).
 * Terminals of one seaport are reported as that seaport.
 */
import type { AnalysisLine, AnalysisPoint, AnalysisUnit, HexGrid, HinterlandPortRow, HinterlandUnitRow } from '../core/analysis.ts';
import { haversineKm, roundTo } from './geo.ts';
import { buildHexGrid } from './hex-grid.ts';
import { attachAll, buildNetwork, reachTarget, shortestPaths, type NetworkLine, type Source } from './network.ts';
import { graphOf, type Travel } from './travel-graph.ts';

export interface HinterlandResult {
  units_rows: HinterlandUnitRow[];
  ports: HinterlandPortRow[];
  /** Grid cells with the index (into port_ids) of their port by straight line and by network; -1 if none. */
  grid: HexGrid & { port_straight: Int32Array; port_network: Int32Array };
  port_ids: string[];
}

/**
 * Computes the hinterlands.
 * @param units - units with centres and population (persons)
 * @param ports - seaport terminals (or a user's own list of ports)
 * @param lines - corridors forming the network
 * @param options - network tolerance and grid cell side, km
 * @example computeHinterland(units, ports, corridors, { toleranceKm: 0.5, cellKm: 5 }).ports[0] // { port: 'da-nang', population_straight: ... }
 */
export function computeHinterland(
  units: readonly Pick<AnalysisUnit, 'id' | 'centre' | 'population' | 'geometry'>[],
  ports: readonly AnalysisPoint[],
  lines: readonly (Pick<AnalysisLine, 'coordinates'> & Pick<NetworkLine, 'lengthFactor'>)[],
  options: { toleranceKm: number; cellKm: number },
  onProgress?: (done: number) => void,
  travel?: Travel,
): HinterlandResult {
  // By travel time too: one search from every port at once, each place to the port it reaches first.
  const times = travel
    ? graphOf(travel).timesFrom(
        ports.map((p) => p.coordinates),
        'to',
      )
    : null;
  const groups = [...new Set(ports.map((p) => p.group))].sort();
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const portGroup = ports.map((p) => groupIndex.get(p.group)!);
  const net = buildNetwork(lines, options.toleranceKm);
  const sources: Source[] = ports.flatMap((p, index) => attachAll(net, p.coordinates[0], p.coordinates[1]).map((att) => ({ att, index })));
  const sp = shortestPaths(net, sources);

  const nearest = (lon: number, lat: number): { straight: number; straightKm: number; network: number; networkKm: number } => {
    let straight = -1;
    let straightKm = Infinity;
    ports.forEach((p, i) => {
      const d = haversineKm(lon, lat, p.coordinates[0], p.coordinates[1]);
      if (d < straightKm) {
        straightKm = d;
        straight = i;
      }
    });
    let network = -1;
    let networkKm = Infinity;
    const r = reachTarget(net, sp, sources, attachAll(net, lon, lat));
    if (Number.isFinite(r.km) && r.src >= 0) {
      network = sources[r.src]!.index;
      networkKm = r.km;
    }
    return { straight, straightKm, network, networkKm };
  };

  const units_rows: HinterlandUnitRow[] = units.map((u) => {
    const r = nearest(u.centre[0], u.centre[1]);
    const row: HinterlandUnitRow = {
      unit: u.id,
      port_straight: r.straight >= 0 ? groups[portGroup[r.straight]!]! : '',
      straight_km: roundTo(r.straightKm, 2),
      port_network: r.network >= 0 ? groups[portGroup[r.network]!]! : null,
      network_km: r.network >= 0 ? roundTo(r.networkKm, 2) : null,
    };
    if (times) {
      const m = times.nearestTo(u.centre[0], u.centre[1]);
      const ok = m.point >= 0 && Number.isFinite(m.minutes);
      row.port_minutes = ok ? groups[portGroup[m.point]!]! : null;
      row.minutes = ok ? roundTo(m.minutes, 1) : null;
    }
    return row;
  });
  onProgress?.(0.2);

  const grid = buildHexGrid(units, options.cellKm);
  const n = grid.unit.length;
  const port_straight = new Int32Array(n).fill(-1);
  const port_network = new Int32Array(n).fill(-1);
  const port_minutes = times ? new Int32Array(n).fill(-1) : undefined;
  for (let i = 0; i < n; i++) {
    const r = nearest(grid.centres[2 * i]!, grid.centres[2 * i + 1]!);
    if (r.straight >= 0) port_straight[i] = portGroup[r.straight]!;
    if (r.network >= 0) port_network[i] = portGroup[r.network]!;
    if (times && port_minutes) {
      const m = times.nearestTo(grid.centres[2 * i]!, grid.centres[2 * i + 1]!);
      if (m.point >= 0 && Number.isFinite(m.minutes)) port_minutes[i] = portGroup[m.point]!;
    }
    if (onProgress && i % 2000 === 0) onProgress(0.2 + (0.8 * i) / n);
  }
  onProgress?.(1);

  // A port serving a unit without a figure in the run's base serves an unknown population (null), never a partial sum.
  const popOf = new Map(units.map((u) => [u.id, u.population]));
  const pop = (list: HinterlandUnitRow[]): number | null => {
    let sum = 0;
    for (const r of list) {
      const v = popOf.get(r.unit);
      if (v === null || v === undefined) return null;
      sum += v;
    }
    return sum;
  };
  const rows: HinterlandPortRow[] = groups.map((g) => {
    const p = ports.find((x) => x.group === g)!;
    const us = units_rows.filter((r) => r.port_straight === g);
    const un = units_rows.filter((r) => r.port_network === g);
    const gi = groupIndex.get(g)!;
    let cs = 0;
    let cn = 0;
    let cm = 0;
    for (let i = 0; i < n; i++) {
      if (port_straight[i] === gi) cs++;
      if (port_network[i] === gi) cn++;
      if (port_minutes?.[i] === gi) cm++;
    }
    const um = units_rows.filter((r) => r.port_minutes === g);
    const byMinutes = times ? { units_minutes: um.length, population_minutes: pop(um), cells_minutes: cm } : {};
    return {
      port: g,
      name_vi: p.group_name_vi,
      name_en: p.group_name_en,
      units_straight: us.length,
      population_straight: pop(us),
      units_network: un.length,
      population_network: pop(un),
      cells_straight: cs,
      cells_network: cn,
      ...byMinutes,
    };
  });
  return {
    units_rows,
    ports: rows,
    grid: { ...grid, port_straight, port_network, ...(port_minutes ? { port_minutes } : {}) },
    port_ids: groups,
  };
}
