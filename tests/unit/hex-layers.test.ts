/**
 * The analyses' hexagon layers hand deck.gl finished geometry (binary rings and triangles), so
 * nothing is tessellated on the page's thread: each cell's ring is closed and clockwise, its
 * triangles cover it, and a row's colour is its cell's.
 */
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { runAnalysis } from '../../src/analysis/run.ts';
import { DEFAULT_PARAMS, hexCorners } from '../../src/core/analysis.ts';
import { ANALYSIS_LAYER_DEFAULTS, createAnalysisLayers } from '../../src/layers/analysis.ts';
import { loadInputs } from '../../cli/load.ts';

interface Binary {
  length: number;
  startIndices: Uint32Array;
  attributes: { getPolygon: { value: Float64Array; size: number }; indices: Uint32Array };
}
type Accessor = (o: unknown, info: { index: number }) => number[];

const inputs = loadInputs();
const layerOf = (layers: Layer[], id: string): Layer => layers.find((l) => l.id === id)!;

/** Twice the signed area of a ring (positive anticlockwise). */
const signedArea = (xy: number[][]): number => xy.slice(0, -1).reduce((a, p, k) => a + p[0]! * xy[k + 1]![1]! - xy[k + 1]![0]! * p[1]!, 0);

describe('hexagon layers', () => {
  it('draws every access cell as a closed clockwise ring with four triangles inside it', () => {
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access', cellKm: 10 });
    if (r.kind !== 'access') throw new Error('not access');
    const layer = layerOf(createAnalysisLayers(ANALYSIS_LAYER_DEFAULTS, r, []), 'analysis-access');
    const data = layer.props.data as unknown as Binary;
    const cells = r.grid.centres.length / 2;
    expect(cells).toBeGreaterThan(100);
    expect(data.length).toBe(cells);
    expect((layer.props as unknown as Record<string, unknown>)['_normalize']).toBe(false);
    const { value } = data.attributes.getPolygon;
    const { indices } = data.attributes;
    expect(indices.length).toBe(cells * 12);
    for (const i of [0, Math.floor(cells / 2), cells - 1]) {
      const from = data.startIndices[i]!;
      const to = data.startIndices[i + 1]!;
      expect(to - from).toBe(7);
      const ring = Array.from({ length: to - from }, (_, k) => [value[2 * (from + k)]!, value[2 * (from + k) + 1]!]);
      expect(ring[0]).toEqual(ring[6]);
      expect(signedArea(ring)).toBeLessThan(0);
      // The same six corners as the grid's hexagon.
      const corners = hexCorners(r.grid.centres[2 * i]!, r.grid.centres[2 * i + 1]!, r.grid.cellKm, r.grid.lat0);
      expect(new Set(ring.slice(0, 6).map((p) => p.join()))).toEqual(new Set(corners.map((p) => p.join())));
      // Four triangles of the cell's own corners whose areas add up to the hexagon's.
      const tris = Array.from(indices.subarray(i * 12, i * 12 + 12));
      expect(tris.every((k) => k >= from && k < to - 1)).toBe(true);
      const pt = (k: number) => [value[2 * k]!, value[2 * k + 1]!];
      const triArea = [0, 1, 2, 3].reduce(
        (a, t) => a + Math.abs(signedArea([pt(tris[3 * t]!), pt(tris[3 * t + 1]!), pt(tris[3 * t + 2]!), pt(tris[3 * t]!)])),
        0,
      );
      expect(triArea).toBeCloseTo(Math.abs(signedArea(ring)), 10);
    }
  });

  it("colours a row by its own cell, also when only some cells are drawn (siting's new areas)", () => {
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'siting', cellKm: 10 });
    if (r.kind !== 'siting') throw new Error('not siting');
    const layer = layerOf(createAnalysisLayers(ANALYSIS_LAYER_DEFAULTS, r, []), 'analysis-siting-cells');
    const data = layer.props.data as unknown as Binary;
    const kept = Array.from(r.grid.site).flatMap((k, i) => (k >= 0 ? [i] : []));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(r.grid.site.length);
    expect(data.length).toBe(kept.length);
    const color = (layer.props as unknown as { getFillColor: Accessor }).getFillColor;
    // A row's colour is its cell's site: the existing places' cells fainter, each new site its own colour.
    for (const [row, i] of kept.entries()) expect(color(null, { index: row })[3]).toBe(r.grid.site[i] === 0 ? 110 : 170);
    const first = kept.findIndex((i) => r.grid.site[i] === 1);
    const second = kept.findIndex((i) => r.grid.site[i] === 2);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThanOrEqual(0);
    expect(color(null, { index: first })).not.toEqual(color(null, { index: second }));
    const added = second;
    // Row k's ring is cell kept[k]'s hexagon.
    const k = added;
    const i = kept[k]!;
    const from = data.startIndices[k]!;
    const corners = hexCorners(r.grid.centres[2 * i]!, r.grid.centres[2 * i + 1]!, r.grid.cellKm, r.grid.lat0);
    expect([data.attributes.getPolygon.value[2 * from], data.attributes.getPolygon.value[2 * from + 1]]).toEqual(corners[0]);
  });

  it('hands deck.gl the same data on a redraw (hover, selection), so nothing is rebuilt', () => {
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'coverage', cellKm: 10 });
    const a = layerOf(createAnalysisLayers(ANALYSIS_LAYER_DEFAULTS, r, []), 'analysis-coverage');
    const b = layerOf(createAnalysisLayers({ ...ANALYSIS_LAYER_DEFAULTS, selected: 'VN-DN' }, r, []), 'analysis-coverage');
    expect(b.props.data).toBe(a.props.data);
  });
});
