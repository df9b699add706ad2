/**
 * Fixed facts about the map's extent and the tile pyramid, shared by the tile build,
 * the map and the benchmark.
 */

/**
 * Extent of the basemap tiles: west, south, east, north in degrees. It holds Hoàng Sa and
 * Trường Sa, and the whole of every built-in scene on a 1920×1080 presentation screen:
 * beyond the tiles MapLibre draws only the sea colour, so at 100–117.5°E the opening
 * scene showed India and Bangladesh as sea and cut the Philippines with a straight edge.
 */
export const TILE_BOUNDS: [number, number, number, number] = [86, 0, 128, 28];
/** Lowest and highest zoom levels written to public/tiles. */
export const TILE_MIN_ZOOM = 3;
export const TILE_MAX_ZOOM = 10;
/**
 * The view the map opens on: the 14 provinces from Thanh Hóa to Bình Thuận, Hoàng Sa and
 * Trường Sa, between the info panel over the map's left edge and its right edge (at 1280×800,
 * with the layer panel beside the map).
 */
export const REGION_VIEW = { center: [106.6, 15.2] as [number, number], zoom: 5.2 };
/**
 * What the opening view must hold on any screen: the region's mainland (Laos border to the
 * coast), Hoàng Sa and Trường Sa; west, south, east, north in degrees. A screen too small for
 * REGION_VIEW (a phone, an upright tablet) zooms out until this fits.
 */
export const REGION_BOUNDS: [number, number, number, number] = [103.8, 8.3, 116.2, 20.7];
/** Web font used for every label (loaded locally from @fontsource/be-vietnam-pro). */
export const LABEL_FONT = 'Be Vietnam Pro';
