/**
 * The reference pages' address parameters: `?w=&h=` sizes the map (CSS pixels) to the app's
 * map, `?at=lon,lat,zoom` opens it at the app's opening camera, both measured by the benchmark
 * in the same run. The pages then draw the same pixels of the same place as the app.
 */
import { REGION_VIEW } from '../src/core/region.ts';

const q = new URLSearchParams(window.location.search);

const sizeOk = (v: number | undefined): v is number => v !== undefined && Number.isInteger(v) && v >= 100 && v <= 8000;

/** The map's CSS size from `w` and `h`, or null (the map fills the window). */
export function sizeParam(): [number, number] | null {
  const [w, h] = ['w', 'h'].map((n) => Number(q.get(n)));
  return sizeOk(w) && sizeOk(h) ? [w, h] : null;
}

/** The opening camera from `at`, or the region's default view. */
export function cameraParam(): { center: [number, number]; zoom: number } {
  const v = (q.get('at') ?? '').split(',').map(Number);
  const [lon, lat, zoom] = v;
  if (v.length === 3 && v.every(Number.isFinite) && Math.abs(lon!) <= 180 && Math.abs(lat!) <= 85 && zoom! >= 0 && zoom! <= 22)
    return { center: [lon!, lat!], zoom: zoom! };
  return { center: REGION_VIEW.center, zoom: REGION_VIEW.zoom };
}
