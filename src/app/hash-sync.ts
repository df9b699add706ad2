/**
 * Keeps the URL hash and the store in step: the hash is read once at start and on every
 * `hashchange`; store changes are written back with `history.replaceState`.
 */
import { formatHash, parseHash } from '../state/url-hash.ts';
import { ANALYSIS_DEFS, firstMeasure } from '../core/analysis.ts';
import { counterpartIn, featuresOf, knownCorridors, ownRefOf, tableRefOf, type AppState, type AppStore } from '../state/store.ts';
import { decodeScenario, encodeScenario } from '../data/scenario.ts';
import { isEmptyScenario, scenarioKey, type Scenario } from '../core/scenario.ts';

/** Runs `fn` once the corridors are loaded (a scenario's remove or slow must name one of them). */
function whenCorridors(store: AppStore, fn: (s: AppState) => void): void {
  if (store.getState().thematic.corridors) return fn(store.getState());
  const stop = store.subscribe((s) => {
    if (!s.thematic.corridors) return;
    stop();
    fn(s);
  });
}

/** A scenario from the address; a bad one is left out with a notice (null). */
function readCode(s: AppState, code: string): Scenario | null {
  const r = decodeScenario(code, knownCorridors(s));
  if (r.ok) return r.scenario;
  s.setNotice({
    key: 'Scenario.BadAddress',
    vars: { message: { key: `Scenario.err.${r.error.code}`, vars: r.error.vars } },
    tone: 'error',
  });
  return null;
}

/** The address's scenario, unless it is the one already open. */
function applyScenarioCode(s: AppState, code: string): void {
  const scenario = readCode(s, code);
  if (scenario && scenarioKey(scenario) !== scenarioKey(s.scenario)) s.setScenario(scenario);
}

/** The address form of each scenario, worked out once per scenario (they are replaced, never changed). */
const codes = new WeakMap<Scenario, string>();
function scenarioCode(s: Scenario): string | null {
  if (isEmptyScenario(s)) return null;
  let c = codes.get(s);
  if (c === undefined) {
    c = encodeScenario(s);
    codes.set(s, c);
  }
  return c;
}

/** Applies a hash to the store; invalid parts are ignored and reported as a notice. */
export function applyHash(store: AppStore, hash: string): void {
  const { state, invalid } = parseHash(hash);
  const s = store.getState();
  const patch: Partial<AppState> = {};
  if (state.view) patch.view = state.view;
  if (state.edition) patch.edition = state.edition;
  if (state.lang) patch.lang = state.lang;
  if (state.selected !== undefined && !s.data) {
    // The data is not loaded yet: the store checks the selection when it arrives (setData).
    patch.selected = state.selected;
  } else if (state.selected !== undefined) {
    const edition = state.edition ?? s.edition;
    const exists = featuresOf({ data: s.data, edition }).some((f) => f.properties.iso === state.selected);
    if (exists) patch.selected = state.selected;
    else if (state.selected && s.data) {
      const mapped = counterpartIn(s.data, state.selected, edition);
      if (mapped) patch.selected = mapped;
      else invalid.push('sel');
    }
  }
  if (state.visibleLayers) {
    const layers = { ...s.layers };
    for (const id of Object.keys(layers) as (keyof typeof layers)[])
      layers[id] = { ...layers[id], visible: state.visibleLayers.includes(id) };
    patch.layers = layers;
  }
  if (state.horizon) patch.horizon = state.horizon;
  if (state.statuses) patch.statuses = state.statuses;
  if (state.beltKm !== undefined) patch.beltKm = state.beltKm;
  if (state.feature !== undefined) {
    patch.feature = state.feature;
    if (state.feature) patch.selected = null;
  }
  if (state.analysis) {
    patch.analysisOpen = true;
    patch.analysisParams = { ...s.analysisParams, ...state.analysis };
    patch.analysisView = {
      ...s.analysisView,
      table: ANALYSIS_DEFS[state.analysis.kind].mainTable,
      measure: firstMeasure(state.analysis.metric),
    };
  }
  // Another scenario to compare with is set only once it has been read (a bad one changes nothing).
  const cmp = state.compare;
  if (cmp && cmp.with !== 'file') patch.compare = { ...s.compare, with: cmp.with, horizon: cmp.horizon, view: cmp.view, other: null };
  store.setState(patch);
  const code = state.scenarioCode;
  if (code) whenCorridors(store, (st) => applyScenarioCode(st, code));
  const otherCode = cmp?.with === 'file' ? cmp.scenario : null;
  if (cmp && otherCode)
    whenCorridors(store, (st) => {
      const other = readCode(st, otherCode);
      if (other) st.setCompare({ with: 'file', horizon: cmp.horizon, view: cmp.view, other });
    });
  if (state.table) s.showTableRef(state.table);
  // The user's network and grid, by name: used when open here, else a notice names the files to open.
  if (state.network !== undefined || state.population !== undefined)
    s.showOwnRefs({
      ...(state.network !== undefined ? { network: state.network } : {}),
      ...(state.population !== undefined ? { population: state.population } : {}),
    });
  if (state.storyScene) store.setState({ askedScene: state.storyScene });
  if (invalid.length) s.setNotice({ key: 'Hash.Invalid', vars: { keys: invalid.join(', ') } });
}

/** Starts syncing; returns a function that stops it. */
export function startHashSync(store: AppStore): () => void {
  applyHash(store, window.location.hash);
  let last = '';
  const write = (): void => {
    const s = store.getState();
    const hash = formatHash({
      view: s.view,
      edition: s.edition,
      lang: s.lang,
      selected: s.selected,
      visibleLayers: (Object.keys(s.layers) as (keyof typeof s.layers)[]).filter((id) => s.layers[id].visible),
      horizon: s.horizon,
      statuses: s.statuses,
      beltKm: s.beltKm,
      feature: s.feature,
      analysis: s.analysisOpen ? s.analysisParams : null,
      storyScene: s.presenting ? s.storyIndex + 1 : null,
      table: tableRefOf(s),
      ...ownRefOf(s),
      scenarioCode: scenarioCode(s.scenario),
      // A comparison with another scenario is written only with that scenario.
      compare:
        s.compare.with === 'none' || (s.compare.with === 'file' && !s.compare.other)
          ? null
          : {
              with: s.compare.with,
              horizon: s.compare.horizon,
              view: s.compare.view,
              scenario: s.compare.with === 'file' && s.compare.other ? scenarioCode(s.compare.other) : null,
            },
    });
    if (hash !== last && hash !== window.location.hash) {
      last = hash;
      window.history.replaceState(null, '', hash);
    }
  };
  write();
  const unsub = store.subscribe((s, prev) => {
    if (
      s.view !== prev.view ||
      s.edition !== prev.edition ||
      s.lang !== prev.lang ||
      s.selected !== prev.selected ||
      s.layers !== prev.layers ||
      s.horizon !== prev.horizon ||
      s.statuses !== prev.statuses ||
      s.beltKm !== prev.beltKm ||
      s.feature !== prev.feature ||
      s.analysisOpen !== prev.analysisOpen ||
      s.presenting !== prev.presenting ||
      s.storyIndex !== prev.storyIndex ||
      s.analysisParams !== prev.analysisParams ||
      s.tables !== prev.tables ||
      s.pendingTable !== prev.pendingTable ||
      s.userNetwork !== prev.userNetwork ||
      s.userGrid !== prev.userGrid ||
      s.pendingNetwork !== prev.pendingNetwork ||
      s.pendingGrid !== prev.pendingGrid ||
      s.scenario !== prev.scenario ||
      s.compare !== prev.compare
    )
      write();
  });
  const onHashChange = (): void => {
    if (window.location.hash !== last) applyHash(store, window.location.hash);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsub();
    window.removeEventListener('hashchange', onHashChange);
  };
}
