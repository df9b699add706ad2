/**
 * deck.gl layer factory for provincial capitals (2022) or administrative centres (2025).
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Edition, ProvinceFeature } from '../core/types.ts';

/** One capital point: lon/lat in degrees. */
export interface CapitalDatum {
  iso: string;
  name_vi: string;
  name_en: string;
  position: [number, number];
}

export interface CapitalsLayerProps {
  edition: Edition;
  selected: string | null;
  /** Radius in pixels. */
  radiusPx: number;
  /** Interleaved with MapLibre: the id of the map layer to draw beneath, or null for the top. */
  beforeId: string | null;
}

export const CAPITALS_DEFAULTS: CapitalsLayerProps = { edition: '2022', selected: null, radiusPx: 4, beforeId: null };

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
 * pixels of slack for a finger or a shaky hand. The app picks capitals this way, not by
 * deck.gl's picking pass, so the overlay needs no pickable layer and runs no picking render
 * while the pointer moves.
 * @param project lon/lat to screen pixels (the map's `project`)
 * @example capitalNear(points, (p) => map.project(p), e.point.x, e.point.y, CAPITALS_DEFAULTS.radiusPx)
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

/**
 * Builds the capitals layer. Stable id per edition; `updateTriggers` name what changes colours.
 * @example createCapitalsLayer({ ...CAPITALS_DEFAULTS, edition: '2025' }, capitalPoints(features))
 */
export function createCapitalsLayer(props: CapitalsLayerProps, data: CapitalDatum[]) {
  const { selected, radiusPx, edition, beforeId } = props;
  return new ScatterplotLayer<CapitalDatum>({
    id: `capitals-${edition}`,
    ...(beforeId ? { beforeId } : {}),
    data,
    getPosition: (d) => d.position,
    getRadius: (d) => (d.iso === selected ? radiusPx * 1.6 : radiusPx),
    radiusUnits: 'pixels',
    // Picked by position (capitalNear), never by deck.gl: no picking render on pointer moves.
    pickable: false,
    stroked: true,
    getFillColor: (d) => (d.iso === selected ? [200, 30, 45, 255] : [255, 255, 255, 255]),
    getLineColor: [30, 30, 30, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    parameters: { depthCompare: 'always' },
    updateTriggers: { getRadius: [selected, radiusPx], getFillColor: [selected] },
  });
}
