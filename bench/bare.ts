/**
 * The benchmark's baseline: a bare MapLibre page with the app's own basemap style and
 * font, no React, no province layers, no deck.gl.
 *
 * `?w=980&h=740` sizes the map (CSS pixels) to the app's map, measured by the benchmark in
 * the same run: the ratios then compare the same number of pixels drawn, not the app's
 * layout. Without it the map fills the window.
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/be-vietnam-pro/400.css';
import { LABEL_FONT, REGION_VIEW } from '../src/core/region.ts';
import { buildBasemapStyle } from '../src/map/style.ts';

setWorkerUrl(workerUrl);
const size = (name: string): number | null => {
  const v = Number(new URLSearchParams(window.location.search).get(name));
  return Number.isInteger(v) && v >= 100 && v <= 8000 ? v : null;
};
const [w, h] = [size('w'), size('h')];
const container = document.getElementById('map') as HTMLElement;
if (w && h) Object.assign(container.style, { width: `${w}px`, height: `${h}px` });
await document.fonts.load(`16px "${LABEL_FONT}"`, 'Đà Nẵng Biển Đông');
const map = new MaplibreMap({
  container,
  style: buildBasemapStyle({ base: new URL('../', window.location.href).href, edition: '2022', lang: 'vi' }),
  center: REGION_VIEW.center,
  zoom: REGION_VIEW.zoom,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
performance.mark('map-created');
map.once('load', () => performance.mark('map-load'));
map.once('idle', () => performance.mark('map-first-idle'));
(window as unknown as { __bare: MaplibreMap }).__bare = map;
