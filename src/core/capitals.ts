/**
 * Provincial capitals (2022) and administrative centres (2025): the points, their drawn size,
 * and which one lies under a screen point. The map draws them from the tiles' `capitals`
 * layer (map/style.ts); a click finds one by position (capitalNear).
 */
import type { ProvinceFeature } from './types.ts';

/** One capital point: lon/lat in degrees. */
export interface CapitalDatum {
  iso: string;
  name_vi: string;
  name_en: string;
  position: [number, number];
}

/** Drawn radius in pixels, and the selected capital's. */
export const CAPITAL_RADIUS_PX = 4;
export const CAPITAL_SELECTED_RADIUS_PX = 6.4;

/** The capital (2022) or administrative centre (2025) points of the in-region units that have coordinates. */
export function capitalPoints(features: readonly ProvinceFeature[]): CapitalDatum[] {
  const out: CapitalDatum[] = [];
  for (const f of features) {
    const p = f.properties;
    const lon = p.edition === '2022' ? p.capital_lon : p.centre_lon;
    const lat = p.edition === '2022' ? p.capital_lat : p.centre_lat;
    if (lon === null || lat === null || !p.in_region) continue;
    out.push({ iso: p.iso, name_vi: p.name_vi, name_en: p.name_en, position: [lon, lat] });
  }
  return out;
}

/**
 * The capital drawn under a screen point: the nearest within its drawn radius plus a few
 * pixels of slack for a finger or a shaky hand.
 * @param project lon/lat to screen pixels (the map's `project`)
 * @example capitalNear(points, (p) => map.project(p), e.point.x, e.point.y, CAPITAL_SELECTED_RADIUS_PX)
 */
export function capitalNear(
  points: readonly CapitalDatum[],
  project: (lonLat: [number, number]) => { x: number; y: number },
  x: number,
  y: number,
  radiusPx: number,
  slackPx = 4,
): string | null {
  let best: string | null = null;
  let bestD = radiusPx + slackPx;
  for (const p of points) {
    const s = project(p.position);
    const d = Math.hypot(s.x - x, s.y - y);
    if (d <= bestD) {
      bestD = d;
      best = p.iso;
    }
  }
  return best;
}
