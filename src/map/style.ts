/**
 * The local MapLibre style: the offline basemap tiles (public/tiles) and the province
 * layers of both editions. No glyphs key: labels render locally in the web font.
 */
import type { StyleSpecification, ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { LABEL_FONT, TILE_BOUNDS, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../core/region.ts';
import type { Edition } from '../core/types.ts';
import type { Lang } from '../i18n/index.ts';
import { COLORS } from '../core/palette.ts';
import { CAPITAL_RADIUS_PX, CAPITAL_SELECTED_RADIUS_PX } from '../core/capitals.ts';
import { thematicStyleLayers, type ThematicView } from './thematic-layers.ts';

export { COLORS };

/** Ids of the layers the app changes at run time. */
export const LAYER = {
  fillRegion: (e: Edition) => `provinces-${e}-fill-region`,
  fillContext: (e: Edition) => `provinces-${e}-fill-context`,
  /** Both fill layers of an edition: what a click or hover queries. */
  fills: (e: Edition) => [`provinces-${e}-fill-region`, `provinces-${e}-fill-context`],
  hover: (e: Edition) => `provinces-${e}-hover`,
  line: (e: Edition) => `provinces-${e}-line`,
  selected: (e: Edition) => `provinces-${e}-selected`,
  counterpart: (e: Edition) => `provinces-${e}-counterpart`,
  labels: (e: Edition) => `provinces-${e}-labels`,
  /** Capital circles, beneath every label. */
  capitals: (e: Edition) => `capitals-${e}`,
  /** The selected unit's capital, larger and red. */
  capitalSelected: (e: Edition) => `capitals-${e}-selected`,
  /**
   * Invisible boxes over the capitals, above the labels: circles take no part in MapLibre's
   * label placement, these boxes do, so a province name moves aside or waits instead of
   * covering a capital.
   */
  capitalBoxes: (e: Edition) => `capitals-${e}-boxes`,
  admin1: 'basemap-admin1',
  basemapLabels: 'basemap-labels',
  seaLabels: 'basemap-sea-labels',
} as const;

/** The source and layers of the user's table drawn as a choropleth (data set by the map). */
export const USER_TABLE = { source: 'user-table', fill: 'user-table-fill', noData: 'user-table-nodata', line: 'user-table-line' } as const;
/** The hatch of units without a figure. */
export const HATCH = 'no-data-hatch';
const HATCH_PX = 8;

/** The hatch image MapLibre asks for (its missing-image resolver): grey diagonal lines on transparent. */
export function hatchImage(): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(HATCH_PX * HATCH_PX * 4);
  for (let y = 0; y < HATCH_PX; y++)
    for (let x = 0; x < HATCH_PX; x++)
      if ((x + y) % HATCH_PX === 0 || (x + y + 1) % HATCH_PX === 0) data.set([110, 110, 110, 200], (y * HATCH_PX + x) * 4);
  return { width: HATCH_PX, height: HATCH_PX, data };
}

/** The image of a capital's collision box: transparent, a little larger than the circle (radius 4 px, selected 6.4 px). */
export const CAPITAL_BOX = 'capital-box';
export const CAPITAL_BOX_PX = 14;

/** The transparent image MapLibre asks for (its missing-image resolver) as CAPITAL_BOX. */
export function capitalBoxImage(): { width: number; height: number; data: Uint8Array } {
  return { width: CAPITAL_BOX_PX, height: CAPITAL_BOX_PX, data: new Uint8Array(CAPITAL_BOX_PX * CAPITAL_BOX_PX * 4) };
}

/** Absolute tile URL template under the app's own base path. */
export function tileUrl(base: string): string {
  return `${base.replace(/\/$/, '')}/tiles/{z}/{x}/{y}.pbf`;
}

/** The text-field expression for a language. */
export function nameField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'vi' ? 'name_vi' : 'name_en'];
}

/** Basemap province lines for an edition. */
export function admin1Filter(edition: Edition): FilterSpecification {
  return ['==', ['get', edition === '2022' ? 'e2022' : 'e2025'], 1];
}

/** Basemap place labels (countries, provinces outside the bundled data) for an edition. */
export function basemapLabelFilter(edition: Edition): FilterSpecification {
  return ['all', ['in', ['get', 'kind'], ['literal', ['country', 'province']]], ['in', ['get', 'edition'], ['literal', ['all', edition]]]];
}

export interface BasemapInput {
  /** Absolute URL of the app's base path (or of the offline file's tile protocol). */
  base: string;
  edition: Edition;
  lang: Lang;
  /** The deepest tile zoom on offer (default TILE_MAX_ZOOM; the offline file carries fewer, and deeper views overzoom). */
  maxZoom?: number;
}

/**
 * The offline basemap alone: sea, countries, borders, the basemap's province lines and
 * place labels. The benchmark's bare MapLibre page draws exactly this.
 */
export function buildBasemapStyle({ base, edition, lang, maxZoom = TILE_MAX_ZOOM }: BasemapInput): StyleSpecification {
  const font = [LABEL_FONT];
  return {
    version: 8,
    name: 'ntcc-atlas basemap',
    sources: {
      basemap: {
        type: 'vector',
        tiles: [tileUrl(base)],
        minzoom: TILE_MIN_ZOOM,
        maxzoom: maxZoom,
        bounds: TILE_BOUNDS,
        attribution: 'Natural Earth',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.sea } },
      // Two constant-colour fills rather than one data-driven colour, so both take the opaque pass.
      {
        id: 'basemap-land',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'countries',
        filter: ['!=', ['get', 'vn'], 1],
        paint: { 'fill-color': COLORS.land, 'fill-opacity': 1 },
      },
      {
        id: 'basemap-vietnam',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'countries',
        filter: ['==', ['get', 'vn'], 1],
        paint: { 'fill-color': COLORS.vietnam, 'fill-opacity': 1 },
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
        filter: basemapLabelFilter(edition),
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
    ],
  };
}

/**
 * Builds the whole style: the basemap with both editions' province layers and labels,
 * all drawn from the same vector tiles (layers provinces_2022, provinces_2025, province_labels).
 */
/** The selected unit's capital in an edition's capital layer (nothing when none is selected). */
export function selectedCapitalFilter(e: Edition, selected: string | null): FilterSpecification {
  return ['all', ['==', ['get', 'edition'], e], ['==', ['get', 'iso'], selected ?? '']];
}

export function buildStyle({
  base,
  edition,
  lang,
  maxZoom = TILE_MAX_ZOOM,
  thematic,
  selected = null,
}: BasemapInput & { thematic: ThematicView; selected?: string | null }): StyleSpecification {
  const font = [LABEL_FONT];
  const editionLayers = (e: Edition): StyleSpecification['layers'] => {
    const visibility = e === edition ? 'visible' : 'none';
    return [
      // Constant colour at full opacity: MapLibre draws these in its opaque pass.
      {
        id: LAYER.fillRegion(e),
        type: 'fill',
        source: 'basemap',
        'source-layer': `provinces_${e}`,
        filter: ['==', ['get', 'in_region'], true],
        layout: { visibility },
        paint: { 'fill-color': COLORS.regionFillFlat, 'fill-opacity': 1, 'fill-antialias': false },
      },
      {
        id: LAYER.fillContext(e),
        type: 'fill',
        source: 'basemap',
        'source-layer': `provinces_${e}`,
        filter: ['==', ['get', 'in_region'], false],
        layout: { visibility },
        paint: { 'fill-color': COLORS.contextFillFlat, 'fill-opacity': 1, 'fill-antialias': false },
      },
      {
        id: LAYER.hover(e),
        type: 'fill',
        source: 'basemap',
        'source-layer': `provinces_${e}`,
        filter: ['==', ['get', 'iso'], ''],
        layout: { visibility },
        paint: { 'fill-color': COLORS.regionFill, 'fill-opacity': 0.3 },
      },
      // Outlines of the region's units only: the basemap already draws every other province line.
      // One constant colour and miter joins keep this cheap to redraw while panning.
      {
        id: LAYER.line(e),
        type: 'line',
        source: 'basemap',
        'source-layer': `provinces_${e}`,
        filter: ['==', ['get', 'in_region'], true],
        layout: { visibility },
        paint: {
          'line-color': COLORS.provinceLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.6],
        },
      },
      {
        id: LAYER.counterpart(e),
        type: 'line',
        source: 'basemap',
        'source-layer': `provinces_${e}`,
        filter: ['in', ['get', 'iso'], ['literal', []]],
        layout: { visibility: 'none', 'line-join': 'round' },
        paint: { 'line-color': COLORS.selected, 'line-width': 2, 'line-dasharray': [2, 1.5] },
      },
      {
        id: LAYER.selected(e),
        type: 'line',
        source: 'basemap',
        'source-layer': `provinces_${e}`,
        // As the map sets it (a changed filter re-reads the tiles).
        filter: ['==', ['get', 'iso'], e === edition ? (selected ?? '') : ''],
        layout: { visibility, 'line-join': 'round' },
        paint: { 'line-color': COLORS.selected, 'line-width': 3 },
      },
    ];
  };
  const labelLayer = (e: Edition): StyleSpecification['layers'][number] => ({
    id: LAYER.labels(e),
    type: 'symbol',
    source: 'basemap',
    'source-layer': 'province_labels',
    filter: ['==', ['get', 'edition'], e],
    layout: {
      visibility: e === edition ? 'visible' : 'none',
      'text-field': nameField(lang),
      'text-font': font,
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 15],
      'text-max-width': 7,
      'text-padding': 2,
      // Centred on the unit where there is room; else beside a capital's box, never over it.
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
      'text-radial-offset': 0.6,
    },
    paint: {
      'text-color': COLORS.label,
      'text-halo-color': 'rgba(255,255,255,0.9)',
      'text-halo-width': 1.4,
      'text-opacity': ['case', ['==', ['get', 'in_region'], 1], 1, 0.75],
    },
  });
  const capitalBoxes = (e: Edition): StyleSpecification['layers'][number] => ({
    id: LAYER.capitalBoxes(e),
    type: 'symbol',
    source: 'basemap',
    'source-layer': 'capitals',
    filter: ['==', ['get', 'edition'], e],
    layout: {
      visibility: e === edition ? 'visible' : 'none',
      'icon-image': CAPITAL_BOX,
      'icon-allow-overlap': true,
      'icon-ignore-placement': false,
    },
  });
  const capitalLayers = (e: Edition): StyleSpecification['layers'] => {
    const common = {
      type: 'circle' as const,
      source: 'basemap',
      'source-layer': 'capitals',
      layout: { visibility: e === edition ? ('visible' as const) : ('none' as const) },
    };
    return [
      {
        ...common,
        id: LAYER.capitals(e),
        filter: ['==', ['get', 'edition'], e],
        paint: {
          'circle-radius': CAPITAL_RADIUS_PX,
          'circle-color': '#ffffff',
          'circle-stroke-color': '#1e1e1e',
          'circle-stroke-width': 1.5,
        },
      },
      {
        ...common,
        id: LAYER.capitalSelected(e),
        filter: selectedCapitalFilter(e, e === edition ? selected : null),
        paint: {
          'circle-radius': CAPITAL_SELECTED_RADIUS_PX,
          'circle-color': COLORS.selected,
          'circle-stroke-color': '#1e1e1e',
          'circle-stroke-width': 1.5,
        },
      },
    ];
  };
  const basemap = buildBasemapStyle({ base, edition, lang, maxZoom });
  const firstSymbol = basemap.layers.findIndex((l) => l.type === 'symbol');
  // The user's table: hidden until one is shown; the map sets its data (a unit per feature, with its colour).
  const hidden = { visibility: 'none' as const };
  const userTable: StyleSpecification['layers'] = [
    {
      id: USER_TABLE.fill,
      type: 'fill',
      source: USER_TABLE.source,
      filter: ['!=', ['get', 'color'], null],
      layout: hidden,
      paint: { 'fill-color': ['coalesce', ['get', 'color'], '#000000'], 'fill-opacity': 0.85 },
    },
    {
      id: USER_TABLE.noData,
      type: 'fill',
      source: USER_TABLE.source,
      filter: ['==', ['get', 'color'], null],
      layout: hidden,
      paint: { 'fill-pattern': HATCH },
    },
    {
      id: USER_TABLE.line,
      type: 'line',
      source: USER_TABLE.source,
      layout: hidden,
      paint: { 'line-color': '#ffffff', 'line-width': 0.8, 'line-opacity': 0.9 },
    },
  ];
  return {
    ...basemap,
    name: 'ntcc-atlas',
    sources: { ...basemap.sources, [USER_TABLE.source]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
    layers: [
      ...basemap.layers.slice(0, firstSymbol),
      // The fills, the user's table over them, then the outlines, hover and selection over that.
      ...editionLayers('2022').slice(0, 2),
      ...editionLayers('2025').slice(0, 2),
      ...userTable,
      ...editionLayers('2022').slice(2),
      ...editionLayers('2025').slice(2),
      ...thematicStyleLayers(thematic),
      ...capitalLayers('2022'),
      ...capitalLayers('2025'),
      ...basemap.layers.slice(firstSymbol),
      labelLayer('2022'),
      labelLayer('2025'),
      capitalBoxes('2022'),
      capitalBoxes('2025'),
    ],
  };
}
