/**
 * The thematic layers as MapLibre style layers, drawn from the same vector tiles as the
 * basemap (source layers th_lines: military regions, the border line and corridors; th_points;
 * th_zones; and th_belt: the border belt at each width, computed by the data build). Colours and sizes
 * come from core/thematic-style, which the legend reads too.
 *
 * Why MapLibre and not deck.gl: measured in Chromium (SwiftShader), the five default
 * layers as deck.gl layers cut panning from ~17 to ~10 fps. Why so few style layers: each
 * one is a draw call per tile per frame (about a third of a millisecond of software
 * rendering each), so all point layers share one circle layer, and all line layers one line
 * layer, whose colour, size, dashes and opacity are data-driven; and the style is built with
 * the store's state so that nothing has to be re-laid-out after the map loads.
 *
 * Why the belt is in the tiles too: as a GeoJSON source of its own it cost about a quarter
 * of the panning frame rate under software WebGL (MapLibre redraws its tile stencil masks
 * whenever the source changes between layers), and computing it (buffer and intersection
 * with Turf) held the page's main thread for 1–2 s at each width change.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import {
  existsAt,
  HORIZONS,
  LINE_LAYERS,
  POINT_LAYERS,
  THEMATIC_LAYERS,
  type BeltKm,
  type Horizon,
  type PointLayerId,
  type Status,
  type ThematicLayerId,
} from '../core/layers.ts';
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

const rgb = (c: RGB): string => `rgb(${c[0]},${c[1]},${c[2]})`;
const HIGHLIGHT = '#ffd600';
const SOURCE = 'basemap';

/** What the thematic style depends on. */
export interface ThematicView {
  layers: Record<ThematicLayerId, { visible: boolean; opacity: number }>;
  horizon: Horizon;
  statuses: readonly Status[];
  beltKm: BeltKm;
  /** The selected feature, emphasised. */
  feature: { layer: string; id: string } | null;
}

/**
 * The filter of the selection's style layer for one geometry: the selected feature if it is
 * drawn with that geometry, else nothing. The style is built with it and the map sets it, so
 * the map's first `setFilter` changes nothing (a changed filter re-reads every tile).
 */
export function selectedFeatureFilter(f: { layer: string; id: string } | null, geometry: 'point' | 'line' | 'area'): FilterSpecification {
  const shown = f !== null && THEMATIC_LAYERS.find((l) => l.id === f.layer)?.geometry === geometry;
  return ['all', ['==', ['get', 'layer'], shown ? f.layer : ''], ['==', ['get', 'id'], shown ? f.id : '']];
}

/** Layers a click or hover queries, in pick order: points, then lines, then areas. */
export const PICKABLE = ['th-points', 'th-lines', 'th-economic-zones'];

/** Features that exist at the horizon and have a shown status (and match `more`). */
export function thematicFilter(horizon: Horizon, statuses: readonly Status[], ...more: ExpressionSpecification[]): FilterSpecification {
  const horizons = HORIZONS.filter((h) => existsAt(h, horizon));
  return ['all', ['in', ['get', 'horizon'], ['literal', horizons]], ['in', ['get', 'status'], ['literal', [...statuses]]], ...more];
}

const notBuilt: ExpressionSpecification = ['!=', ['get', 'status'], 'existing'];
const byLayer = <L extends string, T extends string | number | ExpressionSpecification>(
  layers: readonly L[],
  value: (l: L) => T,
  fallback: T,
): ExpressionSpecification =>
  ['match', ['get', 'layer'], ...layers.flatMap((l) => [l, value(l)]), fallback] as unknown as ExpressionSpecification;
const byPointLayer = <T extends string | number>(value: (l: PointLayerId) => T, fallback: T): ExpressionSpecification =>
  byLayer(POINT_LAYERS, value, fallback);

const vis = (shown: boolean) => ({ visibility: shown ? ('visible' as const) : ('none' as const) });

/** Every thematic style layer, with visibility, filters and opacity taken from `v`. */
export function thematicStyleLayers(v: ThematicView): LayerSpecification[] {
  const on = (id: ThematicLayerId) => v.layers[id].visible;
  const op = (id: ThematicLayerId) => v.layers[id].opacity;
  const filter = (...more: ExpressionSpecification[]) => thematicFilter(v.horizon, v.statuses, ...more);
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
  const shownPoints = POINT_LAYERS.filter(on);
  const pointOpacity = byPointLayer((l) => op(l), 1);
  const shownLines = LINE_LAYERS.filter(on);
  const isCorridor: ExpressionSpecification = ['==', ['get', 'layer'], 'corridors'];
  return [
    {
      id: 'th-border-belt',
      type: 'fill',
      source: SOURCE,
      'source-layer': 'th_belt',
      filter: ['==', ['get', 'km'], v.beltKm],
      layout: vis(on('border-belt')),
      // No antialiased outline: one draw per tile instead of two (the border line marks its edge).
      paint: { 'fill-color': rgb(AREA_COLORS['border-belt']), 'fill-opacity': 0.25 * op('border-belt'), 'fill-antialias': false },
    },
    {
      id: 'th-economic-zones',
      type: 'fill',
      source: SOURCE,
      'source-layer': 'th_zones',
      filter: filter(),
      layout: vis(on('economic-zones')),
      paint: {
        'fill-color': rgb(AREA_COLORS['economic-zones']),
        'fill-opacity': 0.3 * op('economic-zones'),
        'fill-antialias': false,
      },
    },
    // One layer for every line: military-region outlines, the border line, then the corridors
    // on top (the tile layer's order), with data-driven dashes for corridors not built.
    {
      id: 'th-lines',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_lines',
      filter: filter(['in', ['get', 'layer'], ['literal', shownLines]]),
      layout: vis(shownLines.length > 0),
      paint: {
        'line-color': byLayer(
          LINE_LAYERS,
          (l) => (l === 'corridors' ? corridorColor : rgb(l === 'border-line' ? BORDER_LINE_COLOR : AREA_COLORS[l])),
          '#000000',
        ),
        'line-width': ['case', isCorridor, corridorWidth, 2.5],
        'line-dasharray': ['case', ['all', isCorridor, notBuilt], ['literal', DASH], ['literal', [1, 0]]],
        'line-opacity': byLayer(LINE_LAYERS, (l) => op(l), 1),
      },
    },
    {
      id: 'th-points',
      type: 'circle',
      source: SOURCE,
      'source-layer': 'th_points',
      filter: filter(['in', ['get', 'layer'], ['literal', shownPoints]]),
      layout: vis(shownPoints.length > 0),
      paint: {
        'circle-radius': [
          'match',
          ['get', 'layer'],
          'seaports',
          ['match', ['get', 'class'], 'I', SEAPORT_RADIUS_PX.I, 'II', SEAPORT_RADIUS_PX.II, SEAPORT_RADIUS_PX.III],
          'baseline-points',
          SMALL_POINT_RADIUS_PX,
          POINT_RADIUS_PX,
        ],
        'circle-color': ['case', notBuilt, '#ffffff', byPointLayer((l) => rgb(POINT_COLORS[l]), '#000000')],
        'circle-stroke-color': ['case', notBuilt, byPointLayer((l) => rgb(POINT_COLORS[l]), '#000000'), '#ffffff'],
        'circle-stroke-width': ['case', notBuilt, 2, 1.2],
        'circle-opacity': pointOpacity,
        'circle-stroke-opacity': pointOpacity,
      },
    },
    // The selected feature, emphasised (filters set by the map).
    {
      id: 'th-selected-area',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_zones',
      filter: selectedFeatureFilter(v.feature, 'area'),
      paint: { 'line-color': HIGHLIGHT, 'line-width': 4 },
    },
    {
      id: 'th-selected-line',
      type: 'line',
      source: SOURCE,
      'source-layer': 'th_lines',
      filter: selectedFeatureFilter(v.feature, 'line'),
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': HIGHLIGHT, 'line-width': 7, 'line-opacity': 0.8 },
    },
    {
      id: 'th-selected-point',
      type: 'circle',
      source: SOURCE,
      'source-layer': 'th_points',
      filter: selectedFeatureFilter(v.feature, 'point'),
      paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 4 },
    },
  ];
}

/** The paint properties of each style layer that change with the store (opacity). */
export const DYNAMIC_PAINT: Record<string, string[]> = {
  'th-border-belt': ['fill-opacity'],
  'th-economic-zones': ['fill-opacity'],
  'th-lines': ['line-opacity'],
  'th-points': ['circle-opacity', 'circle-stroke-opacity'],
};
