/**
 * The print map's projection: Web Mercator (the projection of the app's map and its basemap
 * tiles, so the raster basemap and the vector layers line up exactly), scaled so that the
 * stated scale is true at the centre of the map frame. Mercator is conformal, so at the
 * centre it is true in every direction; away from it the scale grows as sec φ / sec φ₀
 * (about +1.2 % at 1° of latitude north of a centre at 16° N). Ground distances are on the
 * sphere of mean radius 6,371.0088 km that the analyses use.
 */
import { EARTH_RADIUS_KM } from '../../core/geo.ts';

/** Normalised Web Mercator x (0 at 180° W, 1 at 180° E) of a longitude in degrees. */
export const mercX = (lon: number): number => (lon + 180) / 360;
/** Normalised Web Mercator y (0 at the top, 1 at the bottom) of a latitude in degrees. */
export const mercY = (lat: number): number => {
  const r = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + r / 2)) / Math.PI) / 2;
};
const lonOf = (x: number): number => x * 360 - 180;
const latOf = (y: number): number => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** A rectangle on the page, mm from the top-left corner. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Lon/lat bounds: west, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

/** The map frame's projection at a true scale. */
export interface PrintProjection {
  centre: [number, number];
  /** The representative fraction's denominator (250000 for 1:250,000). */
  scale: number;
  frame: Rect;
  /** Paper mm across the whole Mercator world (its width at this scale). */
  worldMm: number;
  /** Page mm of a lon/lat. */
  project: (lon: number, lat: number) => [number, number];
  /** Lon/lat of a point on the page (mm). */
  unproject: (x: number, y: number) => [number, number];
  /** What the frame shows. */
  bounds: Bounds;
}

/** Ground metres along the parallel at `lat` per normalised Mercator unit. */
const groundPerWorld = (lat: number): number => 2 * Math.PI * EARTH_RADIUS_KM * 1000 * Math.cos((lat * Math.PI) / 180);

/**
 * The projection of a frame at a true scale.
 * @param centre - lon, lat of the frame's centre (degrees)
 * @param scale - the denominator of the scale (1:scale), true at the centre
 * @param frame - the map frame on the page, mm
 * @example printProjection([108, 16], 1_000_000, { x: 10, y: 10, width: 380, height: 270 }).project(108, 16) // [200, 145]
 */
export function printProjection(centre: [number, number], scale: number, frame: Rect): PrintProjection {
  // Paper mm per world unit: ground metres per unit ÷ scale, in mm.
  const worldMm = (groundPerWorld(centre[1]) / scale) * 1000;
  const cx = mercX(centre[0]);
  const cy = mercY(centre[1]);
  const ox = frame.x + frame.width / 2;
  const oy = frame.y + frame.height / 2;
  const project = (lon: number, lat: number): [number, number] => [ox + (mercX(lon) - cx) * worldMm, oy + (mercY(lat) - cy) * worldMm];
  const unproject = (x: number, y: number): [number, number] => [lonOf(cx + (x - ox) / worldMm), latOf(cy + (y - oy) / worldMm)];
  const [w, n] = unproject(frame.x, frame.y);
  const [e, s] = unproject(frame.x + frame.width, frame.y + frame.height);
  return { centre, scale, frame, worldMm, project, unproject, bounds: [w, s, e, n] };
}

/** Round scales (the denominator's leading digits) a fitted map is given. */
const NICE = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5];

/** The smallest round scale denominator not below `s`: 1,000,000, 1,250,000, 1,500,000 … */
export function niceScale(s: number): number {
  const p = 10 ** Math.floor(Math.log10(s));
  for (const n of [...NICE, 10]) if (n * p >= s * (1 - 1e-9)) return Math.round(n * p);
  return Math.round(10 * p);
}

/**
 * The centre and round scale that show `bounds` whole in `frame`.
 * @returns the centre (the bounds' middle on the Mercator plane) and the scale denominator
 */
export function fitScale(bounds: Bounds, frame: Rect): { centre: [number, number]; scale: number } {
  const [w, s, e, n] = bounds;
  const cx = (mercX(w) + mercX(e)) / 2;
  const cy = (mercY(n) + mercY(s)) / 2;
  const centre: [number, number] = [lonOf(cx), latOf(cy)];
  const dx = Math.max(mercX(e) - mercX(w), 1e-9);
  const dy = Math.max(mercY(s) - mercY(n), 1e-9);
  const worldMm = Math.min(frame.width / dx, frame.height / dy);
  return { centre, scale: niceScale((groundPerWorld(centre[1]) / worldMm) * 1000) };
}

/** The basemap's print density: 300 device pixels per inch. */
export const PRINT_DPI = 300;
/**
 * Device pixels per CSS pixel of the basemap capture: a CSS pixel is 0.254 mm on paper
 * (100 per inch), near a screen's, so lines keep the widths they have on screen.
 */
export const BASEMAP_PIXEL_RATIO = 3;
/** Paper mm of one CSS pixel of the capture. */
export const CSS_PX_MM = (25.4 / PRINT_DPI) * BASEMAP_PIXEL_RATIO;
/** The largest capture, CSS pixels a side (2040 device pixels: well inside WebGL's limits). */
export const MAX_TILE_CSS = 680;

/** One piece of the basemap: what to capture, and where it goes on the page. */
export interface BasemapTile {
  /** The capture's centre, lon/lat. */
  centre: [number, number];
  /** The capture's size in CSS pixels (device pixels: × BASEMAP_PIXEL_RATIO). */
  width: number;
  height: number;
  /** Where the image is placed, page mm. */
  rect: Rect;
}

/** How the basemap under a frame is captured: one MapLibre zoom and the tiles that cover the frame. */
export interface BasemapPlan {
  /** MapLibre zoom (512 px tiles) at which a CSS pixel is CSS_PX_MM on paper. */
  zoom: number;
  pixelRatio: number;
  tiles: BasemapTile[];
  /** Device pixels of the whole basemap. */
  pixels: { width: number; height: number };
}

/**
 * The captures that cover a frame at 300 dpi, each at most MAX_TILE_CSS a side: an A0 sheet
 * (about 14,000 × 9,900 device pixels) is 35 captures, placed side by side in the PDF.
 */
export function basemapPlan(p: PrintProjection, maxTileCss = MAX_TILE_CSS): BasemapPlan {
  const { frame, worldMm } = p;
  const cssW = Math.ceil(frame.width / CSS_PX_MM);
  const cssH = Math.ceil(frame.height / CSS_PX_MM);
  const zoom = Math.log2(worldMm / (CSS_PX_MM * 512));
  const tiles: BasemapTile[] = [];
  for (let ty = 0; ty * maxTileCss < cssH; ty++)
    for (let tx = 0; tx * maxTileCss < cssW; tx++) {
      const width = Math.min(maxTileCss, cssW - tx * maxTileCss);
      const height = Math.min(maxTileCss, cssH - ty * maxTileCss);
      const rect = {
        x: frame.x + tx * maxTileCss * CSS_PX_MM,
        y: frame.y + ty * maxTileCss * CSS_PX_MM,
        width: width * CSS_PX_MM,
        height: height * CSS_PX_MM,
      };
      tiles.push({ centre: p.unproject(rect.x + rect.width / 2, rect.y + rect.height / 2), width, height, rect });
    }
  return {
    zoom,
    pixelRatio: BASEMAP_PIXEL_RATIO,
    tiles,
    pixels: { width: cssW * BASEMAP_PIXEL_RATIO, height: cssH * BASEMAP_PIXEL_RATIO },
  };
}

/** Graticule spacings on offer, degrees: 10°, 5°, 2°, 1°, 30′, 15′, 10′, 5′. */
const GRATICULE_STEPS = [10, 5, 2, 1, 0.5, 0.25, 1 / 6, 1 / 12];

/** The graticule's spacing for a frame: the widest step that draws at least three lines across its shorter side. */
export function graticuleStep(bounds: Bounds): number {
  const span = Math.min(bounds[2] - bounds[0], bounds[3] - bounds[1]);
  return GRATICULE_STEPS.find((s) => span / s >= 3) ?? GRATICULE_STEPS[GRATICULE_STEPS.length - 1]!;
}

/** The multiples of `step` inside [lo, hi] (degrees, rounded to whole minutes). */
export function stepsWithin(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9; k++) out.push(Math.round(k * step * 60) / 60);
  return out;
}

/**
 * What a map camera shows: the bounds of a viewport (CSS pixels, MapLibre's 512-pixel tiles)
 * around a centre at a zoom; a scene made without a viewport is taken as 1920 × 1080.
 */
export function sceneBounds(camera: { center: [number, number]; zoom: number; viewport?: { width: number; height: number } }): Bounds {
  const vp = camera.viewport ?? { width: 1920, height: 1080 };
  const world = 512 * 2 ** camera.zoom;
  const cx = mercX(camera.center[0]);
  const cy = mercY(camera.center[1]);
  const hw = vp.width / 2 / world;
  const hh = vp.height / 2 / world;
  return [lonOf(cx - hw), latOf(cy + hh), lonOf(cx + hw), latOf(cy - hh)];
}
