/**
 * The benchmark's baseline: a bare MapLibre page with the app's own basemap style and
 * font, no React, no province layers, no deck.gl.
 *
 * `?w=980&h=740&at=lon,lat,zoom` sizes the map to the app's map and opens it at the app's
 * camera (bench/page-params.ts): the ratios then compare the same pixels of the same place,
 * not the app's layout. Without them the map fills the window at the region's view.
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/be-vietnam-pro/400.css';
import { LABEL_FONT } from '../src/core/region.ts';
import { cameraParam, sizeParam } from './page-params.ts';
import { buildBasemapStyle } from '../src/map/style.ts';

setWorkerUrl(workerUrl);
const size = sizeParam();
const container = document.getElementById('map') as HTMLElement;
if (size) Object.assign(container.style, { width: `${size[0]}px`, height: `${size[1]}px` });
await document.fonts.load(`16px "${LABEL_FONT}"`, 'Đà Nẵng Biển Đông');
const map = new MaplibreMap({
  container,
  style: buildBasemapStyle({ base: new URL('../', window.location.href).href, edition: '2022', lang: 'vi' }),
  ...cameraParam(),
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
performance.mark('map-created');
map.once('load', () => performance.mark('map-load'));
map.once('idle', () => performance.mark('map-first-idle'));
(window as unknown as { __bare: MaplibreMap }).__bare = map;
