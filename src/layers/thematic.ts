/**
 * deck.gl layer factories for the thematic layers: corridors (paths, width by mode,
 * dashed when not built), points (seaports sized by class, airports, gates, islands,
 * baseline points; hollow when not built), schematic zones, military regions, the border
 * line and the border-area belt. Colours and sizes come from core/thematic-style, which
 * the legend reads too. Each factory takes plain features and returns layers with stable ids.
 */
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { PathStyleExtension } from '@deck.gl/extensions';
import type { Layer } from '@deck.gl/core';
import type { Status } from '../core/layers.ts';
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
  notBuilt,
  type RGB,
} from '../core/thematic-style.ts';

type Pos = number[];
interface Base {
  id: string;
  status: Status;
}
/** A point feature as the layer files hold it (only what the factories read). */
export interface PointFeature {
  properties: Base & { class?: 'I' | 'II' | 'III' };
  geometry: { type: 'Point'; coordinates: Pos };
}
export interface LineFeature {
  properties: Base & { axis: keyof typeof CORRIDOR_COLORS; mode: keyof typeof CORRIDOR_WIDTH_PX };
  geometry: { type: 'LineString'; coordinates: Pos[] };
}
export interface AreaFeature {
  properties: Base;
  geometry: { type: 'Polygon'; coordinates: Pos[][] } | { type: 'MultiPolygon'; coordinates: Pos[][][] };
}
export interface MultiLineFeature {
  properties: Base;
  geometry: { type: 'MultiLineString'; coordinates: Pos[][] };
}

export interface ThematicProps {
  /** 0–1. */
  opacity: number;
  /** Id of the selected feature, drawn emphasised. */
  selectedId: string | null;
  /** Draw beneath this MapLibre layer (labels stay on top). */
  beforeId: string | null;
}

const HIGHLIGHT: RGB = [255, 214, 0];
const alpha = (c: RGB, a = 255): [number, number, number, number] => [c[0], c[1], c[2], a];
const common = (p: ThematicProps) => ({
  opacity: p.opacity,
  pickable: true,
  parameters: { depthCompare: 'always' as const },
  ...(p.beforeId ? { beforeId: p.beforeId } : {}),
});

/** Corridor paths: colour by axis, width by mode, dashed when not built. */
export function createCorridorsLayer(data: LineFeature[], p: ThematicProps): Layer[] {
  return [
    new PathLayer<LineFeature, { getDashArray: (d: LineFeature) => [number, number] }>({
      id: 'thematic-corridors',
      data,
      ...common(p),
      getPath: (d) => d.geometry.coordinates as [number, number][],
      getColor: (d) => (d.properties.id === p.selectedId ? alpha(HIGHLIGHT) : alpha(CORRIDOR_COLORS[d.properties.axis])),
      getWidth: (d) => CORRIDOR_WIDTH_PX[d.properties.mode] * (d.properties.id === p.selectedId ? 1.6 : 1),
      widthUnits: 'pixels',
      capRounded: true,
      jointRounded: false,
      getDashArray: (d) => (notBuilt(d.properties.status) ? DASH : [0, 0]),
      extensions: [new PathStyleExtension({ dash: true })],
      updateTriggers: { getColor: [p.selectedId], getWidth: [p.selectedId] },
    }),
  ];
}

type PointLayerId = keyof typeof POINT_COLORS;

/** Point symbols; seaports sized by class; hollow rings for what is not built. */
export function createPointsLayer(layer: PointLayerId, data: PointFeature[], p: ThematicProps): Layer[] {
  const color = POINT_COLORS[layer];
  const radius = (d: PointFeature): number => {
    const r =
      layer === 'seaports'
        ? SEAPORT_RADIUS_PX[d.properties.class ?? 'III']
        : layer === 'baseline-points'
          ? SMALL_POINT_RADIUS_PX
          : POINT_RADIUS_PX;
    return d.properties.id === p.selectedId ? r * 1.5 : r;
  };
  return [
    new ScatterplotLayer<PointFeature>({
      id: `thematic-${layer}`,
      data,
      ...common(p),
      getPosition: (d) => d.geometry.coordinates as [number, number],
      radiusUnits: 'pixels',
      getRadius: radius,
      stroked: true,
      filled: true,
      lineWidthUnits: 'pixels',
      getLineWidth: (d) => (notBuilt(d.properties.status) ? 2 : 1.2),
      getFillColor: (d) =>
        d.properties.id === p.selectedId ? alpha(HIGHLIGHT) : notBuilt(d.properties.status) ? [255, 255, 255, 230] : alpha(color),
      getLineColor: (d) => (notBuilt(d.properties.status) ? alpha(color) : [255, 255, 255, 255]),
      updateTriggers: { getRadius: [p.selectedId], getFillColor: [p.selectedId] },
    }),
  ];
}

function rings(f: AreaFeature): Pos[][] {
  return f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
}
function polygons(f: AreaFeature): Pos[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Schematic zones: a light fill and a dashed outline, so no one takes them for surveyed boundaries. */
export function createZonesLayer(data: AreaFeature[], p: ThematicProps): Layer[] {
  const c = AREA_COLORS['economic-zones'];
  const outlines = data.flatMap((f) => rings(f).map((ring) => ({ f, ring })));
  return [
    new SolidPolygonLayer<AreaFeature>({
      id: 'thematic-economic-zones-fill',
      data,
      ...common(p),
      getPolygon: (d) => polygons(d)[0] as [number, number][][],
      getFillColor: (d) => (d.properties.id === p.selectedId ? alpha(HIGHLIGHT, 120) : alpha(c, 70)),
      updateTriggers: { getFillColor: [p.selectedId] },
    }),
    new PathLayer<{ f: AreaFeature; ring: Pos[] }, { getDashArray: () => [number, number] }>({
      id: 'thematic-economic-zones-outline',
      data: outlines,
      ...common(p),
      pickable: false,
      getPath: (d) => d.ring as [number, number][],
      getColor: alpha(c),
      getWidth: 1.5,
      widthUnits: 'pixels',
      getDashArray: () => DASH,
      extensions: [new PathStyleExtension({ dash: true })],
    }),
  ];
}

/** Military regions as outlines (the groups of whole provinces). */
export function createMilitaryRegionsLayer(data: AreaFeature[], p: ThematicProps): Layer[] {
  const outlines = data.flatMap((f) => rings(f).map((ring) => ({ f, ring })));
  return [
    new PathLayer<{ f: AreaFeature; ring: Pos[] }>({
      id: 'thematic-military-regions',
      data: outlines,
      ...common(p),
      getPath: (d) => d.ring as [number, number][],
      getColor: (d) => (d.f.properties.id === p.selectedId ? alpha(HIGHLIGHT) : alpha(AREA_COLORS['military-regions'])),
      getWidth: 2.5,
      widthUnits: 'pixels',
      updateTriggers: { getColor: [p.selectedId] },
    }),
  ];
}

/** The land border line. */
export function createBorderLineLayer(data: MultiLineFeature[], p: ThematicProps): Layer[] {
  const lines = data.flatMap((f) => f.geometry.coordinates.map((path) => ({ f, path })));
  return [
    new PathLayer<{ f: MultiLineFeature; path: Pos[] }>({
      id: 'thematic-border-line',
      data: lines,
      ...common(p),
      getPath: (d) => d.path as [number, number][],
      getColor: (d) => (d.f.properties.id === p.selectedId ? alpha(HIGHLIGHT) : alpha(BORDER_LINE_COLOR)),
      getWidth: 2.5,
      widthUnits: 'pixels',
      updateTriggers: { getColor: [p.selectedId] },
    }),
  ];
}

/** The border-area belt (an analysis buffer of the border line). */
export function createBeltLayer(polys: Pos[][][], p: ThematicProps): Layer[] {
  return [
    new SolidPolygonLayer<Pos[][]>({
      id: 'thematic-border-belt',
      data: polys,
      ...common(p),
      pickable: false,
      getPolygon: (d) => d as [number, number][][],
      getFillColor: alpha(AREA_COLORS['border-belt'], 60),
    }),
  ];
}
