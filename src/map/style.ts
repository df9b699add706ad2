/**
 * The local MapLibre style: the offline basemap tiles (public/tiles) and the province
 * layers of both editions. No glyphs key: labels render locally in the web font.
 */
import type { StyleSpecification, ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { LABEL_FONT, TILE_BOUNDS, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../core/region.ts';
import type { Edition, ProvinceCollection } from '../core/types.ts';
import type { Lang } from '../i18n/index.ts';
import { COLORS } from '../core/palette.ts';

export { COLORS };

/** Ids of the layers the app changes at run time. */
export const LAYER = {
  fill: (e: Edition) => `provinces-${e}-fill`,
  line: (e: Edition) => `provinces-${e}-line`,
  selected: (e: Edition) => `provinces-${e}-selected`,
  counterpart: (e: Edition) => `provinces-${e}-counterpart`,
  labels: (e: Edition) => `provinces-${e}-labels`,
  admin1: 'basemap-admin1',
  basemapLabels: 'basemap-labels',
  seaLabels: 'basemap-sea-labels',
} as const;

/** Absolute tile URL template under the app's own base path. */
export function tileUrl(base: string): string {
  return `${base.replace(/\/$/, '')}/tiles/{z}/{x}/{y}.pbf`;
}

/** Label points (one per unit) built from the label_lon/label_lat properties. */
export function labelPoints(fc: ProvinceCollection): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: {
        iso: f.properties.iso,
        name_vi: f.properties.name_vi,
        name_en: f.properties.name_en,
        in_region: f.properties.in_region,
      },
      geometry: { type: 'Point', coordinates: [f.properties.label_lon, f.properties.label_lat] },
    })),
  };
}

/** The text-field expression for a language. */
export function nameField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'vi' ? 'name_vi' : 'name_en'];
}

/** Basemap province lines for an edition. */
export function admin1Filter(edition: Edition): FilterSpecification {
  return ['==', ['get', edition === '2022' ? 'e2022' : 'e2025'], 1];
}

export interface StyleInput {
  base: string;
  provinces2022: ProvinceCollection;
  provinces2025: ProvinceCollection;
  edition: Edition;
  lang: Lang;
}

/** Builds the whole style for the given edition and language. */
export function buildStyle({ base, provinces2022, provinces2025, edition, lang }: StyleInput): StyleSpecification {
  const font = [LABEL_FONT];
  const editionLayers = (e: Edition): StyleSpecification['layers'] => {
    const visibility = e === edition ? 'visible' : 'none';
    return [
      {
        id: LAYER.fill(e),
        type: 'fill',
        source: `provinces-${e}`,
        layout: { visibility },
        paint: {
          'fill-color': ['case', ['get', 'in_region'], COLORS.regionFill, COLORS.contextFill],
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.5, ['get', 'in_region'], 0.22, 0.08],
        },
      },
      {
        id: LAYER.line(e),
        type: 'line',
        source: `provinces-${e}`,
        layout: { visibility, 'line-join': 'round' },
        paint: {
          'line-color': ['case', ['get', 'in_region'], COLORS.provinceLine, COLORS.admin1Line],
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.6],
        },
      },
      {
        id: LAYER.counterpart(e),
        type: 'line',
        source: `provinces-${e}`,
        filter: ['in', ['get', 'iso'], ['literal', []]],
        layout: { visibility: 'none', 'line-join': 'round' },
        paint: { 'line-color': COLORS.selected, 'line-width': 2, 'line-dasharray': [2, 1.5] },
      },
      {
        id: LAYER.selected(e),
        type: 'line',
        source: `provinces-${e}`,
        filter: ['==', ['get', 'iso'], ''],
        layout: { visibility, 'line-join': 'round' },
        paint: { 'line-color': COLORS.selected, 'line-width': 3 },
      },
    ];
  };
  const labelLayer = (e: Edition): StyleSpecification['layers'][number] => ({
    id: LAYER.labels(e),
    type: 'symbol',
    source: `labels-${e}`,
    layout: {
      visibility: e === edition ? 'visible' : 'none',
      'text-field': nameField(lang),
      'text-font': font,
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 15],
      'text-max-width': 7,
      'text-padding': 2,
    },
    paint: {
      'text-color': COLORS.label,
      'text-halo-color': 'rgba(255,255,255,0.9)',
      'text-halo-width': 1.4,
      'text-opacity': ['case', ['get', 'in_region'], 1, 0.75],
    },
  });
  return {
    version: 8,
    name: 'ntcc-atlas',
    sources: {
      basemap: {
        type: 'vector',
        tiles: [tileUrl(base)],
        minzoom: TILE_MIN_ZOOM,
        maxzoom: TILE_MAX_ZOOM,
        bounds: TILE_BOUNDS,
        attribution: 'Natural Earth',
      },
      'provinces-2022': { type: 'geojson', data: provinces2022, promoteId: 'iso' },
      'provinces-2025': { type: 'geojson', data: provinces2025, promoteId: 'iso' },
      'labels-2022': { type: 'geojson', data: labelPoints(provinces2022) },
      'labels-2025': { type: 'geojson', data: labelPoints(provinces2025) },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'basemap-countries',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'countries',
        paint: { 'fill-color': ['case', ['==', ['get', 'vn'], 1], COLORS.vietnam, COLORS.land] },
      },
      {
        id: LAYER.admin1,
        type: 'line',
        source: 'basemap',
        'source-layer': 'admin1_lines',
        filter: admin1Filter(edition),
        paint: { 'line-color': COLORS.admin1Line, 'line-width': 0.7, 'line-dasharray': [3, 2] },
      },
      {
        id: 'basemap-country-lines',
        type: 'line',
        source: 'basemap',
        'source-layer': 'country_lines',
        layout: { 'line-join': 'round' },
        paint: { 'line-color': COLORS.countryLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 9, 2.2] },
      },
      ...editionLayers('2022'),
      ...editionLayers('2025'),
      {
        id: LAYER.seaLabels,
        type: 'symbol',
        source: 'basemap',
        'source-layer': 'labels',
        filter: ['in', ['get', 'kind'], ['literal', ['sea', 'archipelago']]],
        layout: {
          'text-field': nameField(lang),
          'text-font': font,
          'text-size': [
            'interpolate',
            ['linear'],
            ['zoom'],
            4,
            ['match', ['get', 'kind'], 'sea', 14, 11],
            8,
            ['match', ['get', 'kind'], 'sea', 22, 14],
          ],
          'text-letter-spacing': ['match', ['get', 'kind'], 'sea', 0.15, 0.02],
          'text-max-width': 9,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': COLORS.seaLabel, 'text-halo-color': 'rgba(255,255,255,0.6)', 'text-halo-width': 1 },
      },
      {
        id: LAYER.basemapLabels,
        type: 'symbol',
        source: 'basemap',
        'source-layer': 'labels',
        filter: [
          'all',
          ['in', ['get', 'kind'], ['literal', ['country', 'province']]],
          ['in', ['get', 'edition'], ['literal', ['all', edition]]],
        ],
        layout: {
          'text-field': nameField(lang),
          'text-font': font,
          'text-size': ['match', ['get', 'kind'], 'country', 15, 10],
          'text-letter-spacing': ['match', ['get', 'kind'], 'country', 0.2, 0],
          'text-max-width': 8,
        },
        paint: {
          'text-color': ['match', ['get', 'kind'], 'country', '#6b6257', '#7d776e'],
          'text-halo-color': 'rgba(255,255,255,0.8)',
          'text-halo-width': 1,
        },
      },
      labelLayer('2022'),
      labelLayer('2025'),
    ],
  };
}
