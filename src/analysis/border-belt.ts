/**
 * The border-area belt: the land within `km` of the land border, on the Vietnamese side.
 * An analysis buffer, not a legal zone (the legal belt widths vary and are not at hand).
 * The data build (scripts/build-layers.ts) computes it at each width the app offers.
 */
import { buffer } from '@turf/buffer';
import { intersect } from '@turf/intersect';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';

/**
 * Buffers the border lines by `km` and keeps the part inside the given provinces.
 * @param lines - border lines (lon/lat)
 * @param provinces - the provinces whose land the belt may cover
 * @param km - belt width in kilometres
 * @returns the belt as polygons (each a list of rings)
 * @example borderBelt(borderLine.features, provinces2022.features, 10)
 */
export function borderBelt(
  lines: readonly Feature<MultiLineString>[],
  provinces: readonly Feature<Polygon | MultiPolygon>[],
  km: number,
): number[][][][] {
  const out: number[][][][] = [];
  for (const line of lines) {
    const belt = buffer(line, km, { units: 'kilometers', steps: 8 });
    if (!belt) continue;
    for (const p of provinces) {
      const part = intersect({ type: 'FeatureCollection', features: [belt, p] });
      if (!part) continue;
      if (part.geometry.type === 'Polygon') out.push(part.geometry.coordinates);
      else out.push(...part.geometry.coordinates);
    }
  }
  return out;
}
