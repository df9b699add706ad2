/**
 * The planning scenario being edited: its edits and speeds (with undo), what the map is
 * being clicked for (drawing a corridor, placing a point, picking an isochrone's origin), and
 * what the analysis is compared with. Every analysis runs on the scenario, so an edit reruns
 * the open analysis (its key changes).
 */
import type { StateCreator } from 'zustand';
import { EMPTY_SCENARIO, SCENARIO_LIMITS, isEmptyScenario, nextScenarioId, type Scenario, type ScenarioEdit } from '../../core/scenario.ts';
import type { SpeedClass } from '../../core/speeds.ts';
import type { Horizon } from '../../core/layers.ts';
import type { CompareWith, GainWeight } from '../../core/compare.ts';
import type { AppState, Mutators } from '../store.ts';
import { readScenarioBytes, writeScenario } from '../../data/scenario.ts';

/** What a click on the map does while the user is placing something. */
export type MapPick =
  /** A corridor being drawn; `done` once its line is finished and its details are asked for. */
  | { kind: 'corridor'; coordinates: [number, number][]; done?: boolean }
  | { kind: 'point'; coordinates: [number, number] | null }
  | { kind: 'origin' }
  | null;

/** What the analysis is compared with, and how the comparison is shown. */
export interface CompareState {
  with: CompareWith;
  /** The baseline's horizon when comparing with a horizon or another scenario. */
  horizon: Horizon;
  /** The other scenario (from a file) when comparing with one. */
  other: Scenario | null;
  /** A difference map, or the baseline and this run side by side across a swipe line. */
  view: 'difference' | 'swipe';
  /** Where the swipe line stands, 0–1 of the map's width (the baseline on its left). */
  swipe: number;
  weight: GainWeight;
}

export interface ScenarioSlice {
  scenario: Scenario;
  /** Earlier scenarios, for undo (the last is the one before now). */
  scenarioUndo: Scenario[];
  /** Whether the scenario is a story scene's (showing another scene replaces it without an undo step). */
  scenarioFromScene: boolean;
  /** Shows a story scene's scenario: the user's own is kept for undo once, a scene's is not. */
  showSceneScenario: (s: Scenario) => void;
  /** Replaces the scenario (a file read, an address); undo brings the previous one back. */
  setScenario: (s: Scenario) => void;
  addScenarioEdit: (e: ScenarioEdit) => void;
  removeScenarioEdit: (index: number) => void;
  /** Sets a class's speed (null: back to the default). */
  setScenarioSpeed: (cls: SpeedClass, kmh: number | null) => void;
  renameScenario: (name: string) => void;
  /** Opens a scenario file the user picked: a bad one gets a message and the scenario stays as it was. */
  openScenarioFile: (name: string, bytes: Uint8Array) => void;
  /** The scenario as a file (GeoJSON text). */
  scenarioFileText: () => string;
  /** Opens another scenario file to compare with (a bad one gets a message and changes nothing). */
  openCompareFile: (name: string, bytes: Uint8Array) => void;
  undoScenario: () => void;
  scenarioOpen: boolean;
  setScenarioOpen: (open: boolean) => void;
  mapPick: MapPick;
  setMapPick: (p: MapPick) => void;
  compare: CompareState;
  setCompare: (c: Partial<CompareState>) => void;
}

const UNDO_DEPTH = 50;

/** A scenario file the user picked, read against the corridors; a bad one gets a message (and null). */
function readFile(st: AppState, name: string, bytes: Uint8Array): { scenario: Scenario } | null {
  const r = readScenarioBytes(bytes, knownCorridors(st));
  if (r.ok) return r;
  st.setNotice({
    key: 'Scenario.BadFile',
    vars: { file: name, message: { key: `Scenario.err.${r.error.code}`, vars: r.error.vars } },
    tone: 'error',
  });
  return null;
}

/** The ids a scenario's remove or slow may name: the corridors loaded. */
export const knownCorridors = (s: Pick<AppState, 'thematic'>): Set<string> =>
  new Set((s.thematic.corridors?.features ?? []).map((f) => f.properties.id));

export const createScenarioSlice: StateCreator<AppState, Mutators, [], ScenarioSlice> = (set, get) => {
  const change = (next: Scenario): void =>
    set({ scenario: next, scenarioFromScene: false, scenarioUndo: [...get().scenarioUndo, get().scenario].slice(-UNDO_DEPTH) });
  return {
    scenario: EMPTY_SCENARIO,
    scenarioUndo: [],
    scenarioFromScene: false,
    showSceneScenario: (next) => {
      const { scenario, scenarioFromScene, scenarioUndo } = get();
      const undo = scenarioFromScene || isEmptyScenario(scenario) ? scenarioUndo : [...scenarioUndo, scenario].slice(-UNDO_DEPTH);
      set({ scenario: next, scenarioFromScene: true, scenarioUndo: undo });
    },
    setScenario: (s) => change(s),
    addScenarioEdit: (e) => {
      const s = get().scenario;
      // A scenario the files and the address could not hold is not made.
      if (s.edits.length >= SCENARIO_LIMITS.edits)
        return get().setNotice({ key: 'Scenario.TooMany', vars: { max: SCENARIO_LIMITS.edits }, tone: 'error' });
      if ((e.action === 'remove' || e.action === 'slow') && !e.target) return;
      // An added feature takes the next free id when it has none.
      const edit = e.action === 'add' && !e.id ? { ...e, id: nextScenarioId(s) } : e;
      change({ ...s, edits: [...s.edits, edit] });
    },
    removeScenarioEdit: (index) => {
      const s = get().scenario;
      const gone = s.edits[index];
      if (!gone) return;
      // Removing an added corridor takes the edits that name it with it.
      const id = gone.action === 'add' ? gone.id : null;
      change({
        ...s,
        edits: s.edits.filter((e, i) => i !== index && !(id && (e.action === 'remove' || e.action === 'slow') && e.target === id)),
      });
    },
    setScenarioSpeed: (cls, kmh) => {
      const s = get().scenario;
      const speeds = { ...s.speeds };
      if (kmh === null) delete speeds[cls];
      else speeds[cls] = kmh;
      change({ ...s, speeds });
    },
    renameScenario: (name) => set({ scenario: { ...get().scenario, name } }),
    openScenarioFile: (name, bytes) => {
      const st = get();
      const r = readFile(st, name, bytes);
      if (!r) return;
      change(r.scenario);
      st.setNotice({
        key: 'Scenario.Loaded',
        vars: { name: r.scenario.name || { key: 'Scenario.Untitled' }, n: r.scenario.edits.length },
        tone: 'info',
      });
    },
    scenarioFileText: () => writeScenario(get().scenario),
    undoScenario: () => {
      const undo = get().scenarioUndo;
      const prev = undo[undo.length - 1];
      if (prev) set({ scenario: prev, scenarioUndo: undo.slice(0, -1), scenarioFromScene: false });
    },
    scenarioOpen: false,
    // The scenario and the story editor share the side of the map: opening one closes the other.
    setScenarioOpen: (scenarioOpen) => set(scenarioOpen ? { scenarioOpen, storyOpen: false } : { scenarioOpen, mapPick: null }),
    mapPick: null,
    setMapPick: (mapPick) => set({ mapPick }),
    compare: { with: 'none', horizon: 'today', other: null, view: 'difference', swipe: 0.5, weight: 'population' },
    openCompareFile: (name, bytes) => {
      const r = readFile(get(), name, bytes);
      if (!r) return;
      const other = r.scenario.name ? r.scenario : { ...r.scenario, name };
      set({ compare: { ...get().compare, with: 'file', other, horizon: get().horizon } });
    },
    setCompare: (c) => set({ compare: { ...get().compare, ...c } }),
  };
};
