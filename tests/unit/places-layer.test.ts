/**
 * A point layer of the user's as places in the app: chosen once in the layer panel, it is what
 * each kind's definition says it is (od's places, coverage's extra target, siting's
 * candidates), and nothing to the kinds that take no places; removing the layer forgets it.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { loadInputs } from '../../cli/load.ts';
import { pointsFromCollection } from '../../src/analysis/inputs.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { ANALYSES, ANALYSIS_DEFS, type AnalysisOverrides, type AnalysisResult } from '../../src/core/analysis.ts';
import { analysisOverrides, createAppStore, NO_SERVICES, type AppStore } from '../../src/state/store.ts';

const inputs = loadInputs();

/** Four places of a planner's file: dry ports under study (positions on the coast road, for the test). */
const PLACES: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    [105.77, 18.68, 'Cảng cạn A'],
    [107.08, 16.8, 'Cảng cạn B'],
    [108.8, 15.12, 'Cảng cạn C'],
    [109.19, 12.24, 'Cảng cạn D'],
  ].map(([lon, lat, name], i) => ({
    type: 'Feature',
    properties: { id: `dp${i + 1}`, name },
    geometry: { type: 'Point', coordinates: [lon as number, lat as number] },
  })),
};

function storeWithPlaces(): { store: AppStore; seen: AnalysisOverrides[] } {
  const seen: AnalysisOverrides[] = [];
  const store = createAppStore({
    ...NO_SERVICES,
    runAnalysis: async (params, onProgress, overrides) => {
      seen.push(overrides ?? {});
      return { result: runAnalysis(inputs, params, onProgress, overrides), cached: false };
    },
  });
  store.getState().setThematic({ corridors: inputs.corridors });
  const id = store.getState().addImported({ name: 'cang-can.geojson', fc: PLACES, kinds: ['point'], fields: ['id', 'name'] });
  store.getState().setPlacesLayer(id);
  return { store, seen };
}

async function run<K extends AnalysisResult['kind']>(store: AppStore, kind: K): Promise<Extract<AnalysisResult, { kind: K }>> {
  store.getState().setAnalysisParams({ kind, cellKm: 20, minutes: [60] });
  await store.getState().runAnalysis();
  const r = store.getState().analysis.result;
  if (r?.kind !== kind) throw new Error(`no ${kind} result: ${store.getState().analysis.error ?? ''}`);
  return r as Extract<AnalysisResult, { kind: K }>;
}

describe('a point layer of the user’s as places', () => {
  it('goes to each kind in the role its definition gives, and to no other kind', () => {
    const { store } = storeWithPlaces();
    for (const kind of ANALYSES) {
      store.getState().setAnalysisParams({ kind });
      const o = analysisOverrides(store.getState());
      const role = ANALYSIS_DEFS[kind].userPlaces;
      expect(o.points?.name ?? null, kind).toBe(role === 'points' ? 'cang-can.geojson' : null);
      expect(o.candidates?.name ?? null, kind).toBe(role === 'candidates' ? 'cang-can.geojson' : null);
    }
    expect(ANALYSES.filter((k) => ANALYSIS_DEFS[k].userPlaces).sort()).toEqual(['coverage', 'od', 'siting']);
  });

  it('od runs between the file’s places: all 6 pairs of 4, named as in the file', async () => {
    const { store } = storeWithPlaces();
    const r = await run(store, 'od');
    expect(r.rows).toHaveLength(6);
    expect(new Set(r.rows.flatMap((x) => [x.a, x.b]))).toEqual(new Set(['dp1', 'dp2', 'dp3', 'dp4']));
    expect(r.from_places.map((p) => p.name_vi)).toEqual(['Cảng cạn A', 'Cảng cạn B', 'Cảng cạn C', 'Cảng cạn D']);
  });

  it('siting chooses among the file’s places; coverage counts them as a target', async () => {
    const { store } = storeWithPlaces();
    const s = await run(store, 'siting');
    expect(s.sites.length).toBeGreaterThan(0);
    for (const site of s.sites) expect(['dp1', 'dp2', 'dp3', 'dp4']).toContain(site.id);
    const c = await run(store, 'coverage');
    expect(c.targets).toContain('points');
  });

  it('keeps places apart that share an id in the file (each its own pair and group)', async () => {
    const same: FeatureCollection = {
      ...PLACES,
      features: PLACES.features.map((f, i) => ({ ...f, properties: { ...f.properties, id: i < 3 ? 'x' : 'x~2' } })),
    };
    const ids = pointsFromCollection(same).map((p) => p.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe('x');
    const store = createAppStore({
      ...NO_SERVICES,
      runAnalysis: async (params, onProgress, overrides) => ({ result: runAnalysis(inputs, params, onProgress, overrides), cached: false }),
    });
    store.getState().setThematic({ corridors: inputs.corridors });
    store
      .getState()
      .setPlacesLayer(store.getState().addImported({ name: 'same.geojson', fc: same, kinds: ['point'], fields: ['id', 'name'] }));
    const r = await run(store, 'od');
    expect(r.rows).toHaveLength(6);
    expect(new Set(r.rows.map((x) => [x.a, x.b].sort().join('|'))).size).toBe(6);
  });

  it('is forgotten with its layer: the runs go back to the bundled places', async () => {
    const { store, seen } = storeWithPlaces();
    store.getState().removeImported(store.getState().imported[0]!.id);
    expect(store.getState().placesLayer).toBeNull();
    const r = await run(store, 'od');
    expect(seen.at(-1)?.points ?? null).toBeNull();
    expect(r.rows).toHaveLength(91);
  });
});
