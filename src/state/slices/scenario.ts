/**
 * The planning scenario being edited: its edits and speeds (with undo), what the map is
 * being clicked for (drawing a corridor, placing a point, picking an isochrone's origin), and
 * what the analysis is compared with. Every analysis runs on the scenario, so an edit reruns
 * the open analysis (its key changes).
 */
import type { StateCreator } from 'zustand';
import { EMPTY_SCENARIO, nextScenarioId, type Scenario, type ScenarioEdit } from '../../core/scenario.ts';
import type { SpeedClass } from '../../core/speeds.ts';
import type { Horizon } from '../../core/layers.ts';
import type { CompareWith, GainWeight } from '../../core/compare.ts';
import type { AppState, Mutators } from '../store.ts';

/** What a click on the map does while the user is placing something. */
export type MapPick =
  | { kind: 'corridor'; coordinates: [number, number][] }
  | { kind: 'point'; coordinates: [number, number] | null }
  | { kind: 'origin' }
  | null;

/** What the analysis is compared with, and how the comparison is shown. */
export interface CompareState {
  with: CompareWith;
  /** The baseline's horizon when comparing with a horizon. */
  horizon: Horizon;
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
  /** Replaces the scenario (a file read, an address); undo brings the previous one back. */
  setScenario: (s: Scenario) => void;
  addScenarioEdit: (e: ScenarioEdit) => void;
  removeScenarioEdit: (index: number) => void;
  /** Sets a class's speed (null: back to the default). */
  setScenarioSpeed: (cls: SpeedClass, kmh: number | null) => void;
  renameScenario: (name: string) => void;
  undoScenario: () => void;
  scenarioOpen: boolean;
  setScenarioOpen: (open: boolean) => void;
  mapPick: MapPick;
  setMapPick: (p: MapPick) => void;
  compare: CompareState;
  setCompare: (c: Partial<CompareState>) => void;
}

const UNDO_DEPTH = 50;

export const createScenarioSlice: StateCreator<AppState, Mutators, [], ScenarioSlice> = (set, get) => {
  const change = (next: Scenario): void =>
    set({ scenario: next, scenarioUndo: [...get().scenarioUndo, get().scenario].slice(-UNDO_DEPTH) });
  return {
    scenario: EMPTY_SCENARIO,
    scenarioUndo: [],
    setScenario: (s) => change(s),
    addScenarioEdit: (e) => {
      const s = get().scenario;
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
    undoScenario: () => {
      const undo = get().scenarioUndo;
      const prev = undo[undo.length - 1];
      if (prev) set({ scenario: prev, scenarioUndo: undo.slice(0, -1) });
    },
    scenarioOpen: false,
    setScenarioOpen: (scenarioOpen) => set(scenarioOpen ? { scenarioOpen } : { scenarioOpen, mapPick: null }),
    mapPick: null,
    setMapPick: (mapPick) => set({ mapPick }),
    compare: { with: 'none', horizon: 'today', view: 'difference', swipe: 0.5, weight: 'population' },
    setCompare: (c) => set({ compare: { ...get().compare, ...c } }),
  };
};
