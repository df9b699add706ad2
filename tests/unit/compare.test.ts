/**
 * Comparing runs, and the scenario in the store: the baseline runs beside the analysis, units'
 * gains are weighted as asked, the linkage index gives its change in rank, the built-in 2030
 * scene's figures are what the app computes, and the scenario and comparison travel through
 * the address and story scenes. The scenario store: edits, undo, speeds, bad files.
 */
import { render } from '../../src/i18n/index.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { DEFAULT_PARAMS, type AnalysisResult } from '../../src/core/analysis.ts';
import { cellDelta, indexChanges, symmetricExtent, unitGains } from '../../src/core/compare.ts';
import { EMPTY_SCENARIO, type Scenario } from '../../src/core/scenario.ts';
import { encodeScenario, writeScenario } from '../../src/data/scenario.ts';
import { readStory, writeStory } from '../../src/export/story-file.ts';
import { deltaTable, resultTables } from '../../src/export/results.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';
import { baselineOf, createAppStore, NO_SERVICES, sceneFromState, type AppStore } from '../../src/state/store.ts';
import { formatHash, parseHash } from '../../src/state/url-hash.ts';

import { addedCorridor } from './helpers/scenario.ts';

const inputs = loadInputs();

/** A store whose runner runs the analyses here (no worker), with the corridors loaded. */
function storeWithRunner(): AppStore {
  const store = createAppStore({
    ...NO_SERVICES,
    runAnalysis: async (params, onProgress, overrides) => ({ result: runAnalysis(inputs, params, onProgress, overrides), cached: false }),
  });
  store.getState().setThematic({ corridors: inputs.corridors });
  return store;
}

const WEIGHTS = new Map(
  inputs.provinces2022.features.map((f) => [
    f.properties.iso,
    { population: f.properties.population_2023, area: f.properties.area_computed_km2 },
  ]),
);

const ROAD: Scenario = {
  name: 'Đường thử',
  speeds: {},
  edits: [
    addedCorridor({
      coordinates: [
        [107.2, 14.6],
        [108.8, 15.12],
      ],
    }),
  ],
};

/** A linkage-index result with the given (unit, index, rank) rows. */
const indexResult = (rows: [string, number | null, number | null][]): AnalysisResult =>
  ({
    ...runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'adjacency' }),
    kind: 'index',
    rows: rows.map(([unit, index, rank]) => ({ unit, index, rank, degree: 0, closeness: 0, gravity_total: null, port_km: null })),
    parts_used: [],
    parts_dropped: [],
    context_used: false,
  }) as AnalysisResult;

describe('comparing runs', () => {
  let store: AppStore;
  beforeEach(() => {
    store = storeWithRunner();
  });

  it('runs the baseline beside the analysis: 2030 against today, minutes to a seaport', async () => {
    const st = store.getState();
    st.setAnalysisOpen(true);
    st.setAnalysisParams({ kind: 'access', metric: 'minutes', cellKm: 10 });
    st.setHorizon('2030');
    st.setCompare({ with: 'horizon', horizon: 'today' });
    await store.getState().runAnalysis();
    const s = store.getState();
    expect(s.analysis.status).toBe('done');
    expect(s.baseline.status).toBe('done');
    expect(s.baseline.key).toBe(baselineOf(s)!.key);
    expect(s.baseline.result!.params.horizon).toBe('today');
    const delta = cellDelta(s.analysis.result!, s.baseline.result!, 'minutes_to_seaport');
    // The 2030 expressways bring some cells nearer and none farther.
    expect([...delta].some((d) => d < -5)).toBe(true);
    expect([...delta].every((d) => d <= 1e-3)).toBe(true);
    // Comparing with nothing forgets the baseline.
    store.getState().setCompare({ with: 'none' });
    await store.getState().runAnalysis();
    expect(store.getState().baseline.result).toBeNull();
  });

  it('runs the baseline once, without its own sensitivity runs, when the analysis has them', async () => {
    const seen: boolean[] = [];
    const counting = createAppStore({
      ...NO_SERVICES,
      runAnalysis: async (params, onProgress, overrides) => {
        seen.push(params.sensitivity);
        return { result: runAnalysis(inputs, params, onProgress, overrides), cached: false };
      },
    });
    counting.getState().setThematic({ corridors: inputs.corridors });
    const st = counting.getState();
    st.setAnalysisParams({ kind: 'gravity', sensitivity: true });
    st.setHorizon('2030');
    st.setCompare({ with: 'horizon', horizon: 'today' });
    await counting.getState().runAnalysis();
    const s = counting.getState();
    expect(s.analysis.result?.sensitivity?.runs.length ?? 0).toBeGreaterThan(0);
    expect(s.baseline.status).toBe('done');
    expect(s.baseline.result!.params.sensitivity).toBe(false);
    expect(seen).toEqual([true, false]);
  });

  it('ranks units by mean gain; the region mean is weighted by population or area as asked', () => {
    const p = { ...DEFAULT_PARAMS, kind: 'access' as const, metric: 'minutes' as const, cellKm: 10 };
    const after = runAnalysis(inputs, { ...p, horizon: '2030' });
    const before = runAnalysis(inputs, p);
    const byPop = unitGains(after, before, 'minutes_to_seaport', 'population', WEIGHTS);
    const byArea = unitGains(after, before, 'minutes_to_seaport', 'area', WEIGHTS);
    expect(byPop.rows.map((r) => r.gain)).toEqual(byPop.rows.map((r) => r.gain).sort((a, b) => b! - a!));
    const mean = (g: typeof byPop): number =>
      g.rows.reduce((s, r) => s + r.gain! * r.weight!, 0) / g.rows.reduce((s, r) => s + r.weight!, 0);
    expect(byPop.region).toBeCloseTo(mean(byPop), 9);
    expect(byArea.region).toBeCloseTo(mean(byArea), 9);
    expect(byPop.region).not.toBeCloseTo(byArea.region!, 3);
    // A unit's mean over its cells, by hand.
    const row = byPop.rows[0]!;
    const k = after.units.findIndex((u) => u.id === row.unit);
    if (after.kind !== 'access' || before.kind !== 'access') throw new Error('not access');
    let sum = 0;
    let n = 0;
    after.grid.unit.forEach((u, i) => {
      if (u !== k) return;
      sum += before.grid.minutes_to_seaport![i]! - after.grid.minutes_to_seaport![i]!;
      n++;
    });
    expect(row.gain).toBeCloseTo(sum / n, 3);
    // Without a weight for one unit, the region has no mean, rather than a partial one.
    const missing = new Map(WEIGHTS);
    missing.set(row.unit, { population: null, area: 1 });
    expect(unitGains(after, before, 'minutes_to_seaport', 'population', missing).region).toBeNull();
  });

  it('the built-in 2030 scene says what the app computes', () => {
    const scene = BUILTIN_STORY.scenes.find((s) => s.id === 'network-2030')!;
    expect(scene.compare).toEqual({ with: 'horizon', horizon: 'today', view: 'difference' });
    const p = { ...DEFAULT_PARAMS, ...scene.analysis!, edition: scene.edition, horizon: scene.horizon };
    const after = runAnalysis(inputs, p);
    const before = runAnalysis(inputs, { ...p, horizon: scene.compare!.horizon });
    const g = unitGains(after, before, 'minutes_to_seaport', 'population', WEIGHTS);
    // The first figure is the unit that gains most (the rows come ranked), the second the region.
    const top = g.rows[0]!;
    const name = inputs.provinces2022.features.find((f) => f.properties.iso === top.unit)!.properties.name_vi;
    expect(scene.figures[0]!.label.vi).toContain(name);
    expect(scene.figures[0]!.value.en).toBe(`≈ ${top.gain!.toFixed(1)} min`);
    expect(scene.figures[1]!.value.en).toBe(`≈ ${g.region!.toFixed(1)} min`);
    // Each figure is said in the notes too, in both languages.
    expect(scene.notes.en).toContain(`${top.gain!.toFixed(1)} minutes`);
    expect(scene.notes.vi).toContain(`${top.gain!.toFixed(1).replace('.', ',')} phút`);
  });

  it('differences an isochrone band by band (matched on its minutes), a pair row by its pair', () => {
    const p = { ...DEFAULT_PARAMS, kind: 'isochrone' as const, cellKm: 10 };
    const after = resultTables(runAnalysis(inputs, { ...p, horizon: '2030' }))[0]!;
    const before = resultTables(runAnalysis(inputs, { ...p, horizon: 'today' }))[0]!;
    const d = deltaTable(after, before);
    expect(d.columns).toEqual(['minutes', 'area_km2', 'delta_area_km2']);
    d.rows.forEach((r, i) =>
      expect(r['delta_area_km2']).toBeCloseTo((after.rows[i]!['area_km2'] as number) - (before.rows[i]!['area_km2'] as number), 6),
    );
    const g = resultTables(runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'gravity', beta: 1 }))[0]!;
    const g2 = resultTables(runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'gravity', beta: 2 }))[0]!;
    const dg = deltaTable(g, g2);
    const row = dg.rows[5]!;
    const same = g2.rows.find((r) => r['a'] === row['a'] && r['b'] === row['b'])!;
    expect(row['delta_intensity']).toBeCloseTo((row['intensity'] as number) - (same['intensity'] as number), 3);
    expect(dg.columns).not.toContain('delta_a');
  });

  it('gives the linkage index before and after, with the change in rank', () => {
    const before = indexResult([
      ['A', 80, 1],
      ['B', 60, 2],
      ['C', null, null],
    ]);
    const after = indexResult([
      ['B', 90, 1],
      ['A', 70, 2],
      ['C', 10, 3],
    ]);
    expect(indexChanges(after, before)).toEqual([
      { unit: 'B', index_before: 60, index_after: 90, rank_before: 2, rank_after: 1, rank_change: 1 },
      { unit: 'A', index_before: 80, index_after: 70, rank_before: 1, rank_after: 2, rank_change: -1 },
      { unit: 'C', index_before: null, index_after: 10, rank_before: null, rank_after: 3, rank_change: null },
    ]);
    expect(symmetricExtent([0, 0, NaN])).toBe(0);
    expect(symmetricExtent([-3, 2])).toBe(3);
  });

  it('an edit to the scenario reruns the analysis on it', async () => {
    const st = store.getState();
    st.setAnalysisOpen(true);
    st.setAnalysisParams({ kind: 'access', metric: 'minutes', cellKm: 10 });
    await store.getState().runAnalysis();
    const first = store.getState().analysis.key;
    store.getState().setScenario(ROAD);
    expect(store.getState().analysis.key).toBe(first);
    await store.getState().runAnalysis();
    const s = store.getState();
    expect(s.analysis.key).not.toBe(first);
    expect(s.analysis.result!.scenario).toMatchObject({ name: 'Đường thử', add: 1 });
  });
});

describe('comparing two scenarios', () => {
  it('takes another scenario file as the baseline, at the chosen horizon; it travels in the address and scenes', async () => {
    const store = storeWithRunner();
    const st = () => store.getState();
    st().setAnalysisOpen(true);
    st().setAnalysisParams({ kind: 'gravity', impedance: 'minutes' });
    st().setScenario(ROAD);
    const other: Scenario = { name: 'Chậm', speeds: { national_road: 30 }, edits: [{ action: 'slow', target: 'ql1', speed_kmh: 30 }] };
    st().openCompareFile('cham.geojson', new TextEncoder().encode(writeScenario(other)));
    expect(st().compare).toMatchObject({ with: 'file', other });
    const b = baselineOf(st())!;
    expect(b.overrides.scenario).toEqual(other);
    expect(b.params.horizon).toBe(st().compare.horizon);
    await st().runAnalysis();
    expect(st().baseline.result?.scenario).toMatchObject({ name: 'Chậm', slow: 1, speeds: 1 });
    expect(st().analysis.result?.scenario).toMatchObject({ name: 'Đường thử', add: 1 });
    // The address and a scene carry the other scenario too.
    const code = encodeScenario(other);
    const hash = formatHash({
      view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022',
      lang: 'vi',
      selected: null,
      analysis: { ...DEFAULT_PARAMS, kind: 'gravity' },
      compare: { with: 'file', horizon: '2030', view: 'difference', scenario: code },
    });
    expect(hash).toContain(`cmp=file:2030&cmps=${code}`);
    expect(parseHash(hash).state.compare).toEqual({ with: 'file', horizon: '2030', view: 'difference', scenario: code });
    expect(parseHash('#an=gravity&cmp=file:today').invalid).toEqual(['cmp']);
    const scene = sceneFromState(st(), 'two');
    expect(scene.compare).toMatchObject({ with: 'file', scenario: code });
    st().loadStory({ ...BUILTIN_STORY, scenes: [{ ...scene, id: 'plain', compare: null }, scene] });
    st().revealScene(0);
    expect(st().compare.with).toBe('none');
    st().revealScene(1);
    expect(st().compare).toMatchObject({ with: 'file', other });
  });
});

describe('the scenario and the comparison travel', () => {
  it('through the address: sc=, cmp=, cmpv=, from= and mins=, bad values named', () => {
    const code = encodeScenario(ROAD);
    const hash = formatHash({
      view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022',
      lang: 'vi',
      selected: null,
      analysis: { ...DEFAULT_PARAMS, kind: 'isochrone', from: [107.5, 16.4], minutes: [45, 90] },
      scenarioCode: code,
      compare: { with: 'horizon', horizon: 'today', view: 'swipe' },
    });
    expect(hash).toContain(`sc=${code}`);
    expect(hash).toContain('cmp=horizon:today&cmpv=swipe');
    expect(hash).toContain('from=107.5,16.4&mins=45,90');
    const { state, invalid } = parseHash(hash);
    expect(invalid).toEqual([]);
    expect(state.scenarioCode).toBe(code);
    expect(state.compare).toEqual({ with: 'horizon', horizon: 'today', view: 'swipe' });
    expect(state.analysis).toMatchObject({ kind: 'isochrone', from: [107.5, 16.4], minutes: [45, 90] });
    // Defaults are not written.
    const plain = formatHash({
      view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022',
      lang: 'vi',
      selected: null,
      analysis: { ...DEFAULT_PARAMS, kind: 'isochrone' },
    });
    expect(plain).not.toMatch(/from=|mins=|sc=|cmp=/);
    expect(parseHash('#an=isochrone&from=200,1&mins=30,0,9999&cmp=horizon:2099&sc=no!pe').invalid.sort()).toEqual(
      ['cmp', 'from', 'mins', 'sc'].sort(),
    );
  });

  it('through a story scene, and a scene brings its own scenario and comparison back', () => {
    const store = storeWithRunner();
    const st = store.getState();
    st.setScenario(ROAD);
    st.setAnalysisOpen(true);
    st.setCompare({ with: 'scenario', view: 'difference' });
    const scene = sceneFromState(store.getState(), 'with-road');
    expect(scene.scenario).toBe(encodeScenario(ROAD));
    expect(scene.compare).toEqual({ with: 'scenario', horizon: 'today', view: 'difference' });
    const r = readStory(writeStory({ ...BUILTIN_STORY, scenes: [scene] }));
    expect(r.ok && r.story.scenes[0]).toEqual(scene);
    // Showing a scene without a scenario clears it (undo brings it back); showing this one restores it.
    store.getState().loadStory({ ...BUILTIN_STORY, scenes: [{ ...scene, id: 'plain', scenario: null, compare: null }, scene] });
    store.getState().revealScene(0);
    expect(store.getState().scenario).toEqual(EMPTY_SCENARIO);
    expect(store.getState().compare.with).toBe('none');
    store.getState().revealScene(1);
    expect(store.getState().scenario).toEqual(ROAD);
    expect(store.getState().compare.with).toBe('scenario');
  });
});

describe('a scene shown before the corridors load', () => {
  it('reads its scenario once they arrive (a remove must name a loaded corridor), without a notice', () => {
    const store = createAppStore({ ...NO_SERVICES });
    const withRemove: Scenario = { name: 'Bỏ QL1', speeds: {}, edits: [{ action: 'remove', target: 'ql1' }] };
    const scene = { ...BUILTIN_STORY.scenes[0]!, id: 'remove', scenario: encodeScenario(withRemove) };
    store.getState().loadStory({ ...BUILTIN_STORY, scenes: [scene] });
    store.getState().revealScene(0);
    expect(store.getState().scenario).toEqual(EMPTY_SCENARIO);
    expect(store.getState().sceneScenariosPending).toBe(0);
    store.getState().setThematic({ corridors: inputs.corridors });
    expect(store.getState().scenario).toEqual(withRemove);
    expect(store.getState().notice).toBeNull();
  });
});

describe('the scenario store', () => {
  it('adds, deletes and undoes edits; deleting an added corridor takes its slow with it; speeds set and unset', () => {
    const store = storeWithRunner();
    const st = () => store.getState();
    st().addScenarioEdit({ ...ROAD.edits[0]!, id: '' } as Scenario['edits'][number]);
    expect(st().scenario.edits[0]).toMatchObject({ id: 'sc-1' });
    st().addScenarioEdit({ action: 'slow', target: 'sc-1', speed_kmh: 40 });
    st().addScenarioEdit({ action: 'remove', target: 'ql1' });
    st().removeScenarioEdit(0);
    expect(st().scenario.edits).toEqual([{ action: 'remove', target: 'ql1' }]);
    st().undoScenario();
    expect(st().scenario.edits).toHaveLength(3);
    st().setScenarioSpeed('expressway', 110);
    expect(st().scenario.speeds).toEqual({ expressway: 110 });
    st().setScenarioSpeed('expressway', null);
    expect(st().scenario.speeds).toEqual({});
  });

  it('opens a scenario file, and a bad one leaves the scenario as it was with a message in the user language', () => {
    const store = storeWithRunner();
    const st = () => store.getState();
    st().openScenarioFile('road.geojson', new TextEncoder().encode(writeScenario(ROAD)));
    expect(st().scenario).toEqual(ROAD);
    expect(st().notice?.key).toBe('Scenario.Loaded');
    st().setLang('en');
    st().openScenarioFile(
      'bad.geojson',
      new TextEncoder().encode(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"action":"remove","target":"nowhere"},"geometry":null}]}',
      ),
    );
    expect(st().scenario).toEqual(ROAD);
    expect(st().notice).toMatchObject({ key: 'Scenario.BadFile', tone: 'error' });
    expect(render('en', st().notice!)).toMatch(/no corridor “nowhere”/);
  });
});
