/**
 * Small geometry helpers shared by the analyses: great-circle distance, a local planar
 * projection in kilometres, and point–segment distances. Lengths reported to users are
 * always great-circle (haversine); the planar projection is used only to decide which
 * segments are near each other and where along them.
 */

import { EARTH_RADIUS_KM, roundTo } from '../core/geo.ts';

export { EARTH_RADIUS_KM, roundTo };
const RAD = Math.PI / 180;

/**
 * Great-circle distance between two lon/lat points, km.
 * @example haversineKm(108.2, 16.05, 105.78, 19.81) // ≈ 491
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** An equirectangular projection to kilometres around a reference latitude. */
export interface Planar {
  kx: number;
  ky: number;
  lat0: number;
  x: (lon: number) => number;
  y: (lat: number) => number;
  lon: (x: number) => number;
  lat: (y: number) => number;
}

/**
 * A local planar projection in km: x = lon·kx, y = lat·ky, with kx taken at `lat0`.
 * Within ±5° of lat0 east–west distances are off by under 3 %.
 */
export function planar(lat0: number): Planar {
  const ky = EARTH_RADIUS_KM * RAD;
  const kx = ky * Math.cos(lat0 * RAD);
  return { kx, ky, lat0, x: (lon) => lon * kx, y: (lat) => lat * ky, lon: (x) => x / kx, lat: (y) => y / ky };
}

/** Mean latitude of a set of rings or lines (for choosing the projection). */
export function meanLat(coordsList: readonly (readonly (readonly number[])[])[]): number {
  let s = 0;
  let n = 0;
  for (const cs of coordsList)
    for (const c of cs) {
      s += c[1] ?? 0;
      n++;
    }
  return n ? s / n : 0;
}

/** The outer and inner rings of a Polygon or MultiPolygon. */
export function ringsOf(
  g: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] },
): number[][][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Closest point on segment (ax,ay)–(bx,by) to (px,py), in planar units.
 * @returns t in [0, 1] along the segment and the squared distance
 */
export function closestOnSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): { t: number; d2: number } {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return { t, d2: qx * qx + qy * qy };
}

/** Even–odd point-in-polygon test over all rings of a unit (holes included). */
export function pointInRings(x: number, y: number, rings: readonly (readonly (readonly number[])[])[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!;
      const b = ring[j]!;
      const ay = a[1]!;
      const by = b[1]!;
      if (ay > y !== by > y) {
        const xi = a[0]! + ((y - ay) / (by - ay)) * (b[0]! - a[0]!);
        if (x < xi) inside = !inside;
      }
    }
  }
  return inside;
}
