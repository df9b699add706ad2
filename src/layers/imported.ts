/**
 * deck.gl layer factory for a layer the user imported: points, lines and polygons drawn in
 * one colour per layer (the same as its swatch in the layer panel).
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';
import { CATEGORICAL } from '../core/analysis-style.ts';

export interface ImportedLayerProps {
  /** Stable id of the imported layer. */
  id: string;
  /** Its position in the list of imported layers (picks the colour). */
  index: number;
  beforeId: string | null;
}

/**
 * Builds the layer.
 * @example createImportedLayer({ id: 'import-1', index: 0, beforeId: null }, fc)
 */
export function createImportedLayer(props: ImportedLayerProps, data: FeatureCollection) {
  const c = CATEGORICAL[props.index % CATEGORICAL.length]!;
  return new GeoJsonLayer({
    id: `imported-${props.id}`,
    ...(props.beforeId ? { beforeId: props.beforeId } : {}),
    data,
    // Nothing reads a pick of an imported feature: no picking render on pointer moves.
    pickable: false,
    stroked: true,
    filled: true,
    pointType: 'circle',
    getPointRadius: 5,
    pointRadiusUnits: 'pixels',
    getFillColor: [c[0], c[1], c[2], 110],
    getLineColor: [c[0], c[1], c[2], 255],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    parameters: { depthCompare: 'always' },
  });
}
