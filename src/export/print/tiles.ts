/**
 * The app's basemap vector tiles (public/tiles, built from Natural Earth with the sovereignty
 * fixes of the data build) read back as GeoJSON: the print layout's inset map and the names of
 * countries, seas and archipelagos come from them, so they are the same as on the app's map.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, FeatureCollection } from 'geojson';

/** The tile that holds the inset: z3 x6 y3 covers 90–135° E, 0–41° N (all of Viet Nam, Hoàng Sa and Trường Sa). */
export const INSET_TILE = { z: 3, x: 6, y: 3 } as const;

/** What the print layout reads from the basemap tiles. */
export interface BasemapVectors {
  /** Country polygons, `vn: 1` for Viet Nam (Hoàng Sa and Trường Sa included). */
  countries: FeatureCollection;
  /** Name points: `kind` country | sea | archipelago | province, `name_vi`, `name_en`, `edition`. */
  labels: FeatureCollection;
}

/** An empty basemap (no tiles at hand: the layout then draws no inset land and no basemap names). */
export const NO_BASEMAP: BasemapVectors = {
  countries: { type: 'FeatureCollection', features: [] },
  labels: { type: 'FeatureCollection', features: [] },
};

/**
 * Reads a tile's `countries` and `labels` layers in lon/lat.
 * @param bytes - the .pbf file (empty: nothing)
 */
export function readBasemapTile(bytes: Uint8Array, at: { z: number; x: number; y: number } = INSET_TILE): BasemapVectors {
  if (!bytes.length) return NO_BASEMAP;
  const tile = new VectorTile(new PbfReader(bytes));
  const layer = (name: string): FeatureCollection => {
    const l = tile.layers[name];
    const features: Feature[] = [];
    if (l) for (let i = 0; i < l.length; i++) features.push(l.feature(i).toGeoJSON(at.x, at.y, at.z) as Feature);
    return { type: 'FeatureCollection', features };
  };
  return { countries: layer('countries'), labels: layer('labels') };
}
