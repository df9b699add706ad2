/**
 * The thematic layers as MapLibre style layers, drawn from the same vector tiles as the
 * basemap (source layers th_corridors, th_points, th_zones, th_regions, th_border) and a
 * GeoJSON source for the computed border belt. Colours and sizes come from
 * core/thematic-style, which the legend reads too.
 *
 * Why MapLibre and not deck.gl: measured in Chromium (SwiftShader), the five default
 * layers as deck.gl layers cut panning from ~17 to ~10 fps; MapLibre draws the same
 * paths, dashes and sized circles in its own pass for a fraction of that.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { existsAt, HORIZONS, type Horizon, type Status, type ThematicLayerId } from '../core/layers.ts';
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
} from '../core/thematic-style.ts';

const rgb = (c: RGB, a = 1): string => `rgba(${c[0]},${c[1]},${c[2]},${a})`;
const HIGHLIGHT = '#ffd600';
const SOURCE = 'basemap';
export const BELT_SOURCE = 'border-belt';

type PointLayerId = 'border-gates' | 'airports' | 'seaports' | 'islands' | 'baseline-points';
const POINT_LAYERS: PointLayerId[] = ['border-gates', 'airports', 'seaports', 'islands', 'baseline-points'];

/** The MapLibre layer ids that draw each thematic layer, and the paint property that holds its opacity. */
export const MAP_LAYERS: Record<ThematicLayerId, { id: string; opacity: string[] }[]> = {
  'border-belt': [{ id: 'th-border-belt', opacity: ['fill-opacity'] }],
  'economic-zones': [
    { id: 'th-economic-zones-fill', opacity: ['fill-opacity'] },
    { id: 'th-economic-zones-line', opacity: ['line-opacity'] },
  ],
  'military-regions': [{ id: 'th-military-regions', opacity: ['line-opacity'] }],
  'border-line': [{ id: 'th-border-line', opacity: ['line-opacity'] }],
  corridors: [
    { id: 'th-corridors-solid', opacity: ['line-opacity'] },
    { id: 'th-corridors-dashed', opacity: ['line-opacity'] },
  ],
  'border-gates': [{ id: 'th-border-gates', opacity: ['circle-opacity', 'circle-stroke-opacity'] }],
  airports: [{ id: 'th-airports', opacity: ['circle-opacity', 'circle-stroke-opacity'] }],
  seaports: [{ id: 'th-seaports', opacity: ['circle-opacity', 'circle-stroke-opacity'] }],
  islands: [{ id: 'th-islands', opacity: ['circle-opacity', 'circle-stroke-opacity'] }],
  'baseline-points': [{ id: 'th-baseline-points', opacity: ['circle-opacity', 'circle-stroke-opacity'] }],
};
/** Pick order: points first, then lines, then areas. */
export const PICK_ORDER: ThematicLayerId[] = [...POINT_LAYERS, 'corridors', 'border-line', 'military-regions', 'economic-zones'];
export const SELECTED_LAYERS = ['th-selected-area', 'th-selected-line', 'th-selected-point'] as const;

/** Features that exist at the horizon and have a shown status (and, optionally, match more). */
export function thematicFilter(horizon: Horizon, statuses: readonly Status[], ...more: FilterSpecification[]): FilterSpecification {
  const horizons = HORIZONS.filter((h) => existsAt(h, horizon));
  return [
    'all',
    ['in', ['get', 'horizon'], ['literal', horizons]],
    ['in', ['get', 'status'], ['literal', [...statuses]]],
    ...(more as ExpressionSpecification[]),
  ] as FilterSpecification;
}

/** The extra condition each MapLibre layer adds to the shared filter. */
export const LAYER_CONDITION: Record<string, FilterSpecification | null> = {
  'th-corridors-solid': ['==', ['get', 'status'], 'existing'],
  'th-corridors-dashed': ['!=', ['get', 'status'], 'existing'],
  ...Object.fromEntries(POINT_LAYERS.map((l) => [`th-${l}`, ['==', ['get', 'layer'], l]])),
};

const notBuilt: ExpressionSpecification = ['!=', ['get', 'status'], 'existing'];

/** All thematic style layers, hidden; the map shows and filters them from the store. */
export function thematicStyleLayers(): LayerSpecification[] {
  const none = { visibility: 'none' as const };
  const corridorColor: ExpressionSpecification = [
    'match',
    ['get', 'axis'],
    'north_south',
    rgb(CORRIDOR_COLORS.north_south),
    'east_west',
    rgb(CORRIDOR_COLORS.east_west),
    rgb(CORRIDOR_COLORS.coastal),
  ];
  const corridorWidth: ExpressionSpecification = [
    'match',
    ['get', 'mode'],
    'expressway',
    CORRIDOR_WIDTH_PX.expressway,
    'high_speed_railway',
    CORRIDOR_WIDTH_PX.high_speed_railway,
    'railway',
    CORRIDOR_WIDTH_PX.railway,
    CORRIDOR_WIDTH_PX.road,
  ];
  const points: LayerSpecification[] = POINT_LAYERS.map((l) => {
    const c = rgb(POINT_COLORS[l]);
    const radius: number | ExpressionSpecification =
      l === 'seaports'
        ? ['match', ['get', 'class'], 'I', SEAPORT_RADIUS_PX.I, 'II', SEAPORT_RADIUS_PX.II, SEAPORT_RADIUS_PX.III]
        : l === 'baseline-points'
          ? SMALL_POINT_RADIUS_PX
          : POINT_RADIUS_PX;
    return {
      id: `th-${l}`,
      type: 'circle',
      source: SOURCE,
      'source-layer': 'th_points',
      filter: ['==', ['get', 'layer'], l],
      layout: none,
      paint: {
        'circle-radius': radius,
        'circle-color': ['case', notBuilt, '#ffffff', c],
        'circle-stroke-color': ['case', notBuilt, c, '#ffffff'],
        'circle-stroke-width': ['case', notBuilt, 2, 1.2],
      },
    };
  });
  return [
    {
      id: 'th-border-belt',
      type: 'fill',
      source: BELT_SOURCE,
      layout: none,
      paint: { 'fill-color': rgb(AREA_COLORS['border-belt']), 'fill-opacity': 0.25 },
    },
    {
      id: 'th-economic-zones-fill',
      type: 'fill',
      source: SOURCE,
      'source-layer': 'th_zones',
      layout: none,
      paint: { 'fill-color': rgb(AREA_COLORS['economic-zones']), 'fill-opacity': 0.28 },
    },
    {
      id: 'th-economic-zones-line',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_zones',
      layout: none,
      paint: { 'line-color': rgb(AREA_COLORS['economic-zones']), 'line-width': 1.5, 'line-dasharray': DASH },
    },
    {
      id: 'th-military-regions',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_regions',
      layout: none,
      paint: { 'line-color': rgb(AREA_COLORS['military-regions']), 'line-width': 2.5 },
    },
    {
      id: 'th-border-line',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_border',
      layout: none,
      paint: { 'line-color': rgb(BORDER_LINE_COLOR), 'line-width': 2.5 },
    },
    {
      id: 'th-corridors-solid',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_corridors',
      layout: { ...none, 'line-cap': 'round' },
      paint: { 'line-color': corridorColor, 'line-width': corridorWidth },
    },
    {
      id: 'th-corridors-dashed',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_corridors',
      layout: none,
      paint: { 'line-color': corridorColor, 'line-width': corridorWidth, 'line-dasharray': DASH },
    },
    ...points,
    // The selected feature, emphasised (filters set by the map).
    {
      id: 'th-selected-area',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_zones',
      filter: ['==', ['get', 'id'], ''],
      paint: { 'line-color': HIGHLIGHT, 'line-width': 4 },
    },
    {
      id: 'th-selected-line',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_corridors',
      filter: ['==', ['get', 'id'], ''],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': HIGHLIGHT, 'line-width': 7, 'line-opacity': 0.8 },
    },
    {
      id: 'th-selected-point',
      type: 'circle',
      source: SOURCE,
      'source-layer': 'th_points',
      filter: ['==', ['get', 'id'], ''],
      paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 4 },
    },
  ];
}
