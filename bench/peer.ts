/**
 * The benchmark's peer: the app's content drawn the way a competent MapLibre user would draw
 * it, without the app: the same basemap tiles, then the region's provinces, their names and
 * capitals, and each thematic layer as a GeoJSON source with a fill, line or circle layer of
 * the same colours and sizes. No React, no deck.gl, no vector-tiled thematic data.
 *
 * `?ly=a,b` names the thematic layers (default: the five the app opens with); `?w=&h=&at=`
 * size the map and place the camera as the app's (bench/page-params.ts). `window.__peer` is the map; `window.__peerIds`
 * lists, per layer, the ids of the features it draws (a test compares them with the app's).
 */
import { Map as MaplibreMap, setWorkerUrl, type ExpressionSpecification, type LayerSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/be-vietnam-pro/400.css';
import type { FeatureCollection } from 'geojson';
import { LABEL_FONT } from '../src/core/region.ts';
import { cameraParam, sizeParam } from './page-params.ts';
import { COLORS } from '../src/core/palette.ts';
import { THEMATIC_LAYERS, type ThematicLayerId } from '../src/core/layers.ts';
import {
  AREA_COLORS,
  BORDER_LINE_COLOR,
  CORRIDOR_COLORS,
  CORRIDOR_WIDTH_PX,
  DASH,
  POINT_COLORS,
  POINT_RADIUS_PX,
  SEAPORT_RADIUS_PX,
  SMALL_POINT_RADIUS_PX,
  type RGB,
} from '../src/core/thematic-style.ts';
import { buildBasemapStyle } from '../src/map/style.ts';

setWorkerUrl(workerUrl);
const q = new URLSearchParams(window.location.search);
const size = sizeParam();
const container = document.getElementById('map') as HTMLElement;
if (size) Object.assign(container.style, { width: `${size[0]}px`, height: `${size[1]}px` });
const shown = (q.get('ly')?.split(',') ?? THEMATIC_LAYERS.filter((l) => l.defaultOn).map((l) => l.id)) as ThematicLayerId[];

const FILES = import.meta.glob<string>('../data/geojson/*.geojson', { query: '?url', import: 'default', eager: true });
const load = async (file: string): Promise<FeatureCollection> =>
  (await fetch(FILES[`../data/geojson/${file}`]!)).json() as Promise<FeatureCollection>;
const rgb = (c: RGB): string => `rgb(${c[0]},${c[1]},${c[2]})`;
const notBuilt: ExpressionSpecification = ['!=', ['get', 'status'], 'existing'];

await document.fonts.load(`16px "${LABEL_FONT}"`, 'Đà Nẵng Biển Đông');
const [provinces, ...layers] = await Promise.all([
  load('provinces-2022.geojson'),
  ...shown.map((id) => load(THEMATIC_LAYERS.find((l) => l.id === id)!.file)),
]);
const data = Object.fromEntries(shown.map((id, i) => [id, layers[i]!])) as Record<ThematicLayerId, FeatureCollection>;
// The 10 km belt, as the app opens with.
if (data['border-belt'])
  data['border-belt'] = { ...data['border-belt'], features: data['border-belt'].features.filter((f) => f.properties?.['km'] === 10) };

const points = (fc: FeatureCollection, lon: string, lat: string, keep: (p: Record<string, unknown>) => boolean): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features
    .filter((f) => keep(f.properties ?? {}) && f.properties?.[lon] !== null && f.properties?.[lon] !== undefined)
    .map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Point', coordinates: [f.properties![lon], f.properties![lat]] },
    })),
});

/** The style layers of one thematic layer, as a MapLibre user would write them. */
function styleOf(id: ThematicLayerId): LayerSpecification[] {
  const source = `th-${id}`;
  switch (id) {
    case 'corridors':
      return [
        {
          id,
          type: 'line',
          source,
          paint: {
            'line-color': [
              'match',
              ['get', 'axis'],
              'north_south',
              rgb(CORRIDOR_COLORS.north_south),
              'east_west',
              rgb(CORRIDOR_COLORS.east_west),
              rgb(CORRIDOR_COLORS.coastal),
            ],
            'line-width': [
              'match',
              ['get', 'mode'],
              'expressway',
              CORRIDOR_WIDTH_PX.expressway,
              'high_speed_railway',
              CORRIDOR_WIDTH_PX.high_speed_railway,
              'railway',
              CORRIDOR_WIDTH_PX.railway,
              CORRIDOR_WIDTH_PX.road,
            ],
            'line-dasharray': ['case', notBuilt, ['literal', DASH], ['literal', [1, 0]]],
          },
        },
      ];
    case 'military-regions':
    case 'border-line':
      return [
        {
          id,
          type: 'line',
          source,
          paint: { 'line-color': rgb(id === 'border-line' ? BORDER_LINE_COLOR : AREA_COLORS[id]), 'line-width': 2.5 },
        },
      ];
    case 'economic-zones':
    case 'border-belt':
      return [
        { id, type: 'fill', source, paint: { 'fill-color': rgb(AREA_COLORS[id]), 'fill-opacity': id === 'border-belt' ? 0.25 : 0.3 } },
      ];
    default: {
      const color = rgb(POINT_COLORS[id]);
      const radius: ExpressionSpecification | number =
        id === 'seaports'
          ? ['match', ['get', 'class'], 'I', SEAPORT_RADIUS_PX.I, 'II', SEAPORT_RADIUS_PX.II, SEAPORT_RADIUS_PX.III]
          : id === 'baseline-points'
            ? SMALL_POINT_RADIUS_PX
            : POINT_RADIUS_PX;
      return [
        {
          id,
          type: 'circle',
          source,
          paint: {
            'circle-radius': radius,
            'circle-color': ['case', notBuilt, '#ffffff', color],
            'circle-stroke-color': ['case', notBuilt, color, '#ffffff'],
            'circle-stroke-width': ['case', notBuilt, 2, 1.2],
          },
        },
      ];
    }
  }
}

const base = buildBasemapStyle({ base: new URL('../', window.location.href).href, edition: '2022', lang: 'vi' });
const firstSymbol = base.layers.findIndex((l) => l.type === 'symbol');
const inRegion: ExpressionSpecification = ['==', ['get', 'in_region'], true];
const map = new MaplibreMap({
  container,
  style: {
    ...base,
    sources: {
      ...base.sources,
      provinces: { type: 'geojson', data: provinces },
      'province-labels': { type: 'geojson', data: points(provinces, 'label_lon', 'label_lat', () => true) },
      capitals: { type: 'geojson', data: points(provinces, 'capital_lon', 'capital_lat', (p) => p['in_region'] === true) },
      ...Object.fromEntries(shown.map((id) => [`th-${id}`, { type: 'geojson' as const, data: data[id] }])),
    },
    layers: [
      ...base.layers.slice(0, firstSymbol),
      {
        id: 'provinces-fill',
        type: 'fill',
        source: 'provinces',
        paint: { 'fill-color': ['case', inRegion, COLORS.regionFillFlat, COLORS.contextFillFlat] },
      },
      {
        id: 'provinces-line',
        type: 'line',
        source: 'provinces',
        filter: inRegion,
        paint: { 'line-color': COLORS.provinceLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.6] },
      },
      // The panel's order, reversed: the layer listed first is drawn on top (as in the app).
      ...[...THEMATIC_LAYERS]
        .reverse()
        .filter((l) => shown.includes(l.id))
        .flatMap((l) => styleOf(l.id)),
      {
        id: 'capitals',
        type: 'circle',
        source: 'capitals',
        paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': '#1e1e1e', 'circle-stroke-width': 1.5 },
      },
      ...base.layers.slice(firstSymbol),
      {
        id: 'province-labels',
        type: 'symbol',
        source: 'province-labels',
        layout: {
          'text-field': ['get', 'name_vi'],
          'text-font': [LABEL_FONT],
          'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 15],
          'text-max-width': 7,
        },
        paint: { 'text-color': COLORS.label, 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
      },
    ],
  },
  ...cameraParam(),
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
performance.mark('map-created');
map.once('idle', () => performance.mark('map-first-idle'));
const w2 = window as unknown as { __peer: MaplibreMap; __peerIds: Record<string, string[]> };
w2.__peer = map;
w2.__peerIds = Object.fromEntries(shown.map((id) => [id, data[id].features.map((f) => String(f.properties?.['id'])).sort()]));
