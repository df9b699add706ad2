/**
 * Fixed facts about the map's extent and the tile pyramid, shared by the tile build,
 * the map and the benchmark.
 */

/** Extent of the basemap tiles: west, south, east, north in degrees (holds Hoàng Sa and Trường Sa). */
export const TILE_BOUNDS: [number, number, number, number] = [100, 6.5, 117.5, 24.5];
/** Lowest and highest zoom levels written to public/tiles. */
export const TILE_MIN_ZOOM = 3;
export const TILE_MAX_ZOOM = 10;
/** The view the map opens on: the 14 provinces from Thanh Hóa to Bình Thuận. */
export const REGION_VIEW = { center: [107.9, 15.1] as [number, number], zoom: 5.4 };
/** Web font used for every label (loaded locally from @fontsource/be-vietnam-pro). */
export const LABEL_FONT = 'Be Vietnam Pro';
