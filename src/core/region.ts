/**
 * Fixed facts about the map's extent and the tile pyramid, shared by the tile build,
 * the map and the benchmark.
 */

/** Extent of the basemap tiles: west, south, east, north in degrees (holds Hoàng Sa and Trường Sa). */
export const TILE_BOUNDS: [number, number, number, number] = [100, 6.5, 117.5, 24.5];
/** Lowest and highest zoom levels written to public/tiles. */
export const TILE_MIN_ZOOM = 3;
export const TILE_MAX_ZOOM = 10;
/**
 * The view the map opens on: the 14 provinces from Thanh Hóa to Bình Thuận, Hoàng Sa and
 * Trường Sa, between the info panel over the map's left edge and its right edge (at 1280×800,
 * with the layer panel beside the map).
 */
export const REGION_VIEW = { center: [106.6, 15.2] as [number, number], zoom: 5.2 };
/** Web font used for every label (loaded locally from @fontsource/be-vietnam-pro). */
export const LABEL_FONT = 'Be Vietnam Pro';
