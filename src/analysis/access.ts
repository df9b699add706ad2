/**
 * Accessibility surface: a hexagonal grid over the units with, for every cell, the
 * great-circle distance from its centre to the nearest seaport, airport, border gate and
 * corridor (km), and with the minutes metric the travel minutes on the corridor network to
 * the nearest seaport, airport and border gate and to its own unit's centre.
 */
import type { AccessGrid, AnalysisLine, AnalysisPoint, AnalysisUnit } from '../core/analysis.ts';
import { closestOnSegment, haversineKm, planar } from './geo.ts';
import { buildHexGrid } from './hex-grid.ts';
import { graphOf, minutesAll, placesOf as joinedPlaces, type Travel } from './travel-graph.ts';

/**
 * Distance from each (lon, lat) to the nearest point, km; Infinity when there are none.
 * @example nearestPointKm(centres, ports) // Float32Array, one value per cell
 */
export function nearestPointKm(centres: Float64Array, points: readonly Pick<AnalysisPoint, 'coordinates'>[]): Float32Array {
  const n = centres.length / 2;
  const out = new Float32Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const lon = centres[2 * i]!;
    const lat = centres[2 * i + 1]!;
    let best = Infinity;
    for (const p of points) {
      const d = haversineKm(lon, lat, p.coordinates[0], p.coordinates[1]);
      if (d < best) best = d;
    }
    out[i] = best;
  }
  return out;
}

/**
 * Distance from each (lon, lat) to the nearest line, km: the nearest point is found in a
 * planar frame true at `lat0`, the distance to it measured on the sphere.
 */
export function nearestLineKm(centres: Float64Array, lines: readonly Pick<AnalysisLine, 'coordinates'>[], lat0: number): Float32Array {
  const proj = planar(lat0);
  const segs: number[] = [];
  for (const l of lines)
    for (let i = 0; i + 1 < l.coordinates.length; i++) {
      const [a0, a1] = l.coordinates[i]!;
      const [b0, b1] = l.coordinates[i + 1]!;
      segs.push(proj.x(a0), proj.y(a1), proj.x(b0), proj.y(b1));
    }
  const n = centres.length / 2;
  const out = new Float32Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const px = proj.x(centres[2 * i]!);
    const py = proj.y(centres[2 * i + 1]!);
    let best = Infinity;
    let bx = 0;
    let by = 0;
    for (let s = 0; s < segs.length; s += 4) {
      const ax = segs[s]!;
      const ay = segs[s + 1]!;
      const cx = segs[s + 2]!;
      const cy = segs[s + 3]!;
      const c = closestOnSegment(px, py, ax, ay, cx, cy);
      if (c.d2 < best) {
        best = c.d2;
        bx = ax + c.t * (cx - ax);
        by = ay + c.t * (cy - ay);
      }
    }
    if (best < Infinity) out[i] = haversineKm(centres[2 * i]!, centres[2 * i + 1]!, proj.lon(bx), proj.lat(by));
  }
  return out;
}

/** The places of some points. */
const placesOf = (ps: readonly AnalysisPoint[]): [number, number][] => ps.map((p) => p.coordinates);

/**
 * The accessibility grid.
 * @param units - the area to cover
 * @param targets - seaports, airports, border gates and corridors (those that exist at the chosen horizon)
 * @param cellKm - hexagon side, km
 * @example computeAccess(units, { seaports, airports, gates, corridors }, 5).seaport_km[0] // km
 */
export function computeAccess(
  units: readonly Pick<AnalysisUnit, 'geometry' | 'centre'>[],
  targets: {
    seaports: readonly AnalysisPoint[];
    airports: readonly AnalysisPoint[];
    gates: readonly AnalysisPoint[];
    corridors: readonly AnalysisLine[];
  },
  cellKm: number,
  onProgress?: (done: number) => void,
  /** With the minutes metric: the timed network (the bundled corridors, or a user's road network). */
  travel?: Travel,
): AccessGrid {
  const grid = buildHexGrid(units, cellKm);
  onProgress?.(0.2);
  const seaport_km = nearestPointKm(grid.centres, targets.seaports);
  const airport_km = nearestPointKm(grid.centres, targets.airports);
  const gate_km = nearestPointKm(grid.centres, targets.gates);
  onProgress?.(0.5);
  const corridor_km = nearestLineKm(grid.centres, targets.corridors, grid.lat0);
  const out: AccessGrid = { ...grid, seaport_km, airport_km, gate_km, corridor_km };
  if (!travel) {
    onProgress?.(1);
    return out;
  }
  const g = graphOf(travel);
  // Each cell's ways onto the network, found once for every search (coverage reads the same).
  const cells = joinedPlaces(g, grid.centres);
  // From each cell to the nearest of the points: one search from all of them.
  const toNearest = (points: [number, number][]): Float32Array => {
    if (!points.length) return new Float32Array(grid.unit.length).fill(Infinity);
    return minutesAll(g.timesFrom(points, 'to'), cells).minutes;
  };
  out.minutes_to_seaport = toNearest(placesOf(targets.seaports));
  out.minutes_to_airport = toNearest(placesOf(targets.airports));
  out.minutes_to_border_gate = toNearest(placesOf(targets.gates));
  onProgress?.(0.8);
  // To the cell's own unit's centre: one search per unit, which need reach only that unit's cells.
  const cellsOf = units.map(() => [] as number[]);
  for (let i = 0; i < grid.unit.length; i++) cellsOf[grid.unit[i]!]!.push(grid.centres[2 * i]!, grid.centres[2 * i + 1]!);
  const centre = new Float32Array(grid.unit.length);
  const seen = new Int32Array(units.length);
  const ofUnit = units.map((u, k) => minutesAll(g.timesFrom([u.centre], 'to', cellsOf[k]!), joinedPlaces(g, cellsOf[k]!)).minutes);
  for (let i = 0; i < centre.length; i++) {
    const k = grid.unit[i]!;
    centre[i] = ofUnit[k]![seen[k]!++]!;
  }
  out.minutes_to_centre = centre;
  onProgress?.(1);
  return out;
}
