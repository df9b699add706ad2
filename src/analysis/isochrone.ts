/**
 * Isochrones: the land reachable from one place within some minutes on the corridor network.
 *
 * Travel minutes from the place are sampled on a regular square grid (side `cellKm`, laid out
 * in a local planar frame true at the units' mean latitude, like the hexagonal grid), with one
 * search over the network and one look-up per grid point that lies on land. Each threshold's
 * area is then traced by marching squares: its edge crosses a grid side where one end is
 * within the threshold and the other is not, at the point interpolated linearly between the
 * two ends' minutes; where the other end is off the land (outside every unit), halfway to it,
 * since the coast or border lies somewhere between the two. The areas are nested (the
 * 60-minute area holds the 30-minute one): each is "everything within t minutes", not the ring
 * between two thresholds.
 *
 * Accuracy: minutes are exact at the grid points, and the edges between them are interpolated,
 * so an edge is right to about one cell; a reachable patch narrower than a cell (a road
 * corridor far out, a small island) can be missed or drawn a cell wide. Areas are measured on
 * the sphere (Turf's `area`).
 */
import { area } from '@turf/area';
import type { IsochroneCurve, AnalysisUnit } from '../core/analysis.ts';
import { meanLat, planar, pointInRings, ringsOf, roundTo } from './geo.ts';
import { graphOf, type Travel } from './travel-graph.ts';

/** The area reachable within `minutes`, as a MultiPolygon (lon, lat), with its area in km². */
export interface IsochroneBand {
  minutes: number;
  area_km2: number;
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** Marks grid points off the land: never within any threshold. */
const OFF_LAND = 1e9;

/** How close an edge's crossing may come to a grid point, in cells: keeps every ring's vertices apart. */
const EPS = 0.01;

/** A regular grid of points in a planar frame, with the minutes at each (row-major, row 0 the southernmost). */
interface Grid {
  nx: number;
  ny: number;
  x0: number;
  y0: number;
  step: number;
  /** Minutes from the place; OFF_LAND off the land. */
  value: Float64Array;
}

/**
 * Per grid point, whether it lies inside a unit: each unit's ring sides are cut by the grid's
 * columns, and each column is filled between pairs of cuts (even–odd, holes included), as in
 * hex-grid.ts.
 */
function landMask(
  rings: readonly (readonly (readonly [number, number])[])[][],
  nx: number,
  ny: number,
  x0: number,
  y0: number,
  step: number,
): Uint8Array {
  const land = new Uint8Array(nx * ny);
  const cuts: number[][] = Array.from({ length: nx }, () => []);
  for (const unitRings of rings) {
    for (const c of cuts) c.length = 0;
    for (const r of unitRings)
      for (let k = 0; k + 1 < r.length; k++) {
        const [xa, ya] = r[k]!;
        const [xb, yb] = r[k + 1]!;
        const first = Math.max(0, Math.ceil((Math.min(xa, xb) - x0) / step));
        const last = Math.min(nx - 1, Math.floor((Math.max(xa, xb) - x0) / step));
        for (let i = first; i <= last; i++) {
          const x = x0 + i * step;
          if (xa <= x !== xb <= x) cuts[i]!.push(ya + ((x - xa) / (xb - xa)) * (yb - ya));
        }
      }
    cuts.forEach((ys, i) => {
      ys.sort((a, b) => a - b);
      for (let k = 0; k + 1 < ys.length; k += 2)
        for (let j = Math.max(0, Math.ceil((ys[k]! - y0) / step)); j < ny && y0 + j * step <= ys[k + 1]!; j++) land[j * nx + i] = 1;
    });
  }
  return land;
}

/**
 * Where a threshold crosses grid side `id` (2·point for the side to the east, 2·point + 1 for
 * the side to the north), as a fraction along it from its first point.
 */
function crossingAt(g: Grid, id: number, t: number): number {
  const p = id >> 1;
  const q = id & 1 ? p + g.nx : p + 1;
  const a = g.value[p]!;
  const b = g.value[q]!;
  const s = a >= OFF_LAND || b >= OFF_LAND ? 0.5 : (t - a) / (b - a);
  return Math.min(1 - EPS, Math.max(EPS, s));
}

/**
 * The rings of the area within `t` minutes, in planar km: outer rings counter-clockwise,
 * holes clockwise (the inside always on the left).
 */
function traceRings(g: Grid, t: number): [number, number][][] {
  const { nx, ny, value } = g;
  const inside = (p: number): boolean => value[p]! <= t && value[p]! < OFF_LAND;
  // next[side] = the side the edge goes on to; each crossed side starts exactly one segment.
  const next = new Int32Array(2 * nx * ny).fill(-1);
  const corner = [0, 0, 0, 0];
  const side = [0, 0, 0, 0];
  const cross: number[] = [];
  const leaves: boolean[] = [];
  for (let j = 0; j + 1 < ny; j++)
    for (let i = 0; i + 1 < nx; i++) {
      const bl = j * nx + i;
      // Corners and sides counter-clockwise: bottom, right, top, left.
      corner[0] = bl;
      corner[1] = bl + 1;
      corner[2] = bl + nx + 1;
      corner[3] = bl + nx;
      side[0] = 2 * bl;
      side[1] = 2 * (bl + 1) + 1;
      side[2] = 2 * (bl + nx);
      side[3] = 2 * bl + 1;
      cross.length = 0;
      leaves.length = 0;
      for (let k = 0; k < 4; k++) {
        const here = inside(corner[k]!);
        if (here !== inside(corner[(k + 1) & 3]!)) {
          cross.push(side[k]!);
          leaves.push(here);
        }
      }
      if (cross.length === 2) {
        // From the side where the area is left to the side where it is entered again.
        if (leaves[0]) next[cross[0]!] = cross[1]!;
        else next[cross[1]!] = cross[0]!;
      } else if (cross.length === 4) {
        // A saddle: the two corners within reach are joined through the middle when all four
        // corners are on land and their mean is within reach; otherwise they stay apart.
        const c = corner.map((p) => value[p]!);
        const joined = c.every((v) => v < OFF_LAND) && (c[0]! + c[1]! + c[2]! + c[3]!) / 4 <= t;
        for (let k = 0; k < 4; k++) if (leaves[k]) next[cross[k]!] = cross[(k + (joined ? 1 : 3)) & 3]!;
      }
    }
  const rings: [number, number][][] = [];
  for (let start = 0; start < next.length; start++) {
    if (next[start]! < 0) continue;
    const ring: [number, number][] = [];
    let id = start;
    while (next[id]! >= 0) {
      const s = crossingAt(g, id, t);
      const p = id >> 1;
      const i = p % nx;
      const j = (p - i) / nx;
      ring.push(id & 1 ? [g.x0 + i * g.step, g.y0 + (j + s) * g.step] : [g.x0 + (i + s) * g.step, g.y0 + j * g.step]);
      const to = next[id]!;
      next[id] = -1;
      id = to;
    }
    rings.push(ring);
  }
  return rings;
}

/** Twice the signed area of a ring (positive when counter-clockwise). */
function signedArea2(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s;
}

/** A ring's bounding box: min x, min y, max x, max y. */
function boxOf(ring: readonly (readonly number[])[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    b[0] = Math.min(b[0], x!);
    b[1] = Math.min(b[1], y!);
    b[2] = Math.max(b[2], x!);
    b[3] = Math.max(b[3], y!);
  }
  return b;
}

/** Rings as polygons: each hole goes into the smallest outer ring around it. */
function polygonsOf(rings: readonly [number, number][][]): [number, number][][][] {
  const outers: { ring: [number, number][]; area: number; box: [number, number, number, number]; holes: [number, number][][] }[] = [];
  const holes: [number, number][][] = [];
  for (const r of rings) {
    const a = signedArea2(r);
    if (a > 0) outers.push({ ring: r, area: a, box: boxOf(r), holes: [] });
    else if (a < 0) holes.push(r);
  }
  outers.sort((a, b) => a.area - b.area);
  for (const h of holes) {
    const [x, y] = h[0]!;
    const home = outers.find((o) => x > o.box[0] && x < o.box[2] && y > o.box[1] && y < o.box[3] && pointInRings(x, y, [o.ring]));
    home?.holes.push(h);
  }
  return outers.map((o) => [o.ring, ...o.holes]);
}

/** A planar ring as a closed lon/lat ring, rounded to 5 decimals (about a metre); null when too small to keep. */
function toLonLat(ring: readonly [number, number][], lonOf: (x: number) => number, latOf: (y: number) => number): number[][] | null {
  const out: number[][] = [];
  for (const [x, y] of ring) {
    const p = [roundTo(lonOf(x), 5), roundTo(latOf(y), 5)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0]![0] === out[out.length - 1]![0] && out[0]![1] === out[out.length - 1]![1]) out.pop();
  if (out.length < 3) return null;
  out.push([out[0]![0]!, out[0]![1]!]);
  return out;
}

/**
 * The areas reachable from a place within each of some numbers of minutes.
 * @param tn - the corridor network with its speeds (`buildTimeNetwork`)
 * @param from - the place, [lon, lat]
 * @param minutes - the thresholds; sorted and deduplicated (non-finite ones dropped), one band each
 * @param units - the land the areas may cover (the region's provinces)
 * @param cellKm - the side of the sampling grid, km: edges are right to about this
 * @param onProgress - called with 0–1 as the work advances
 * @returns one band per threshold, smallest first, and how many grid points were looked up
 * @example computeIsochrones(tn, [108.2022, 16.0544], [30, 60, 120], units, 5).bands[1].area_km2 // km² within an hour of Đà Nẵng
 */
export function computeIsochrones(
  tn: Travel,
  from: [number, number],
  minutes: readonly number[],
  units: readonly Pick<AnalysisUnit, 'geometry'>[],
  cellKm: number,
  onProgress?: (done: number) => void,
): { bands: IsochroneBand[]; sampled: number; curve: IsochroneCurve } {
  const thresholds = [...new Set(minutes.filter((m) => Number.isFinite(m)))].sort((a, b) => a - b);
  const unitRings = units.map((u) => ringsOf(u.geometry));
  if (!thresholds.length || !unitRings.length || !(cellKm > 0)) {
    onProgress?.(1);
    return { bands: [], sampled: 0, curve: { minutes: [], area_km2: [] } };
  }
  const lat0 = Math.round(meanLat(unitRings.flat()) * 100) / 100;
  const proj = planar(lat0);
  const rings = unitRings.map((rs) => rs.map((r) => r.map((c) => [proj.x(c[0]!), proj.y(c[1]!)] as [number, number])));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rs of rings)
    for (const r of rs)
      for (const [x, y] of r) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
  // One step of margin all round, so every edge closes on the land's side of the grid.
  const i0 = Math.floor(minX / cellKm) - 1;
  const j0 = Math.floor(minY / cellKm) - 1;
  const nx = Math.ceil(maxX / cellKm) + 1 - i0 + 1;
  const ny = Math.ceil(maxY / cellKm) + 1 - j0 + 1;
  const x0 = i0 * cellKm;
  const y0 = j0 * cellKm;
  const land = landMask(rings, nx, ny, x0, y0, cellKm);
  onProgress?.(0.1);

  const times = graphOf(tn).timesFrom([from], 'from');
  const value = new Float64Array(nx * ny).fill(OFF_LAND);
  let sampled = 0;
  for (let j = 0; j < ny; j++) {
    const lat = proj.lat(y0 + j * cellKm);
    for (let i = 0; i < nx; i++) {
      const p = j * nx + i;
      if (!land[p]) continue;
      value[p] = times.nearestTo(proj.lon(x0 + i * cellKm), lat).minutes;
      sampled++;
    }
    if (onProgress && j % 16 === 0) onProgress(0.1 + (0.7 * j) / ny);
  }
  const grid: Grid = { nx, ny, x0, y0, step: cellKm, value };
  onProgress?.(0.8);

  const bands = thresholds.map((t, k): IsochroneBand => {
    const coordinates: number[][][][] = [];
    for (const poly of polygonsOf(traceRings(grid, t))) {
      const outer = toLonLat(poly[0]!, proj.lon, proj.lat);
      if (!outer) continue;
      const polygon = [outer];
      for (const h of poly.slice(1)) {
        const hole = toLonLat(h, proj.lon, proj.lat);
        if (hole) polygon.push(hole);
      }
      coordinates.push(polygon);
    }
    const geometry = { type: 'MultiPolygon' as const, coordinates };
    onProgress?.(0.8 + (0.2 * (k + 1)) / thresholds.length);
    // Turf's area is in m²; km² to the tenth.
    return { minutes: t, area_km2: coordinates.length ? roundTo(area(geometry) / 1e6, 1) : 0, geometry };
  });
  return { bands, sampled, curve: areaCurve(value, cellKm, thresholds.at(-1)!) };
}

/**
 * The land within t minutes of the origin for t from 0 to `upTo` in twelve steps, km²: each
 * sample stands for one square of the grid (so a step's area is close to, not equal to, a
 * band's traced area).
 */
function areaCurve(value: Float64Array, cellKm: number, upTo: number): IsochroneCurve {
  const steps = Array.from({ length: 13 }, (_, k) => roundTo((upTo * k) / 12, 1));
  const within = steps.map(() => 0);
  for (const v of value) {
    if (!Number.isFinite(v) || v === OFF_LAND) continue;
    for (let k = 0; k < steps.length; k++) if (v <= steps[k]!) within[k] = within[k]! + cellKm * cellKm;
  }
  return { minutes: steps, area_km2: within.map((a) => roundTo(a, 1)) };
}
