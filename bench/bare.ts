/**
 * The benchmark's baseline: a bare MapLibre page with the app's own basemap style and
 * font, no React, no province layers, no deck.gl.
 */
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/be-vietnam-pro/400.css';
import { LABEL_FONT, REGION_VIEW } from '../src/core/region.ts';
import { buildBasemapStyle } from '../src/map/style.ts';

setWorkerUrl(workerUrl);
await document.fonts.load(`16px "${LABEL_FONT}"`, 'Đà Nẵng Biển Đông');
const map = new MaplibreMap({
  container: 'map',
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
