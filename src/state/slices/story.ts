/** The story: its scenes, the one shown, playing it, and editing it with undo. */
import type { StateCreator } from 'zustand';
import { THEMATIC_LAYER_IDS, STATUSES } from '../../core/layers.ts';
import { viewMeasures } from '../../core/analysis.ts';
import type { Scene, Story } from '../../core/story.ts';
import type { ScreenBox } from '../../core/screen.ts';
import type { AppServices, AppState, Mutators } from '../store.ts';
import { tableRefOf } from './tables.ts';
import { ownRefOf } from './own-data.ts';
import { knownCorridors } from './scenario.ts';
import { EMPTY_SCENARIO, isEmptyScenario, scenarioKey, type Scenario } from '../../core/scenario.ts';
import { decodeScenario, encodeScenario } from '../../data/scenario.ts';

export interface StorySlice {
  story: Story;
  /** The scene shown (0-based). */
  storyIndex: number;
  /** Full-screen playback: the editing UI is hidden. */
  presenting: boolean;
  /** The caption's box on the map while presenting, or the offline file's title card (measured by each; the camera keeps the scene's subject clear of it). */
  captionBox: ScreenBox | null;
  setCaptionBox: (box: ScreenBox | null) => void;
  /** The screen is blacked out (B or .). */
  blackout: boolean;
  /** Autoplay: on, and seconds per scene. */
  autoplay: { on: boolean; seconds: number };
  /** When the presentation started (ms since epoch), for the presenter's clock. */
  presentStarted: number | null;
  storyOpen: boolean;
  setStoryOpen: (open: boolean) => void;
  /** Earlier versions of the story, for undo (most recent last). */
  storyHistory: Story[];
  loadStory: (story: Story, opts?: { keepHistory?: boolean }) => void;
  /** Shows scene `i` (clamped): camera, layers, filters, analysis. `from` says who asked (a remote window does not echo). */
  goToScene: (i: number, from?: 'local' | 'remote') => void;
  /** A scene whose layers, filters, edition and analysis wait for the camera to arrive. */
  pendingScene: number | null;
  /** A scene whose scenarios wait for the corridors to load (a remove or slow must name one). */
  sceneScenariosPending: number | null;
  /** Shows scene i's scenario and the scenario it compares with. */
  applySceneScenarios: (i: number) => void;
  /** Shows the content of scene `i` (or the pending one): layers, filters, edition, analysis. */
  revealScene: (i?: number) => void;
  nextScene: () => void;
  prevScene: () => void;
  startPresentation: (i?: number) => void;
  stopPresentation: () => void;
  setBlackout: (on: boolean) => void;
  setAutoplay: (a: Partial<StorySlice['autoplay']>) => void;
  /** Adds the current map as a new scene after the current one. */
  captureScene: () => void;
  updateScene: (i: number, patch: Partial<Pick<Scene, 'caption' | 'notes' | 'chart'>>) => void;
  moveScene: (i: number, delta: -1 | 1) => void;
  deleteScene: (i: number) => void;
  undoStory: () => void;
  /** Replaces the story with the built-in one (undoable). */
  resetStoryToBuiltin: () => void;
  /** The story used when there is none of the user's (it arrives in its own chunk, after the map). */
  builtinStory: Story | null;
  setBuiltinStory: (story: Story) => void;
  /** A scene the address asked to present (1-based), started once the map is ready. */
  askedScene: number | null;
  /** Takes the scene the address asked to present, once. */
  takeAskedScene: () => number | null;
}

/** The scene's references to the user's network and grid: present only where one is used (or awaited). */
function ownRefsOfScene(s: AppState): Pick<Scene, 'network' | 'population'> {
  const r = ownRefOf(s);
  return { ...(r.network ? { network: r.network } : {}), ...(r.population ? { population: r.population } : {}) };
}

const EMPTY_STORY: Story = {
  title: { vi: 'Câu chuyện', en: 'Story' },
  scenes: [],
};
const HISTORY_LIMIT = 30;

/** The scene that holds what the map shows now. */
export function sceneFromState(s: AppState, id: string): Scene {
  const { edition: _e, horizon: _h, ...analysis } = s.analysisParams;
  return {
    id,
    camera: {
      center: s.view.center,
      zoom: s.view.zoom,
      pitch: s.view.pitch,
      bearing: s.view.bearing,
      ...(s.mapSize ? { viewport: s.mapSize } : {}),
    },
    edition: s.edition,
    layers: THEMATIC_LAYER_IDS.filter((k) => s.layers[k].visible),
    horizon: s.horizon,
    statuses: [...s.statuses],
    analysis: s.analysisOpen ? analysis : null,
    selected: s.selected,
    caption: { vi: '', en: '' },
    notes: { vi: '', en: '' },
    figures: [],
    table: tableRefOf(s),
    ...ownRefsOfScene(s),
    scenario: isEmptyScenario(s.scenario) ? null : encodeScenario(s.scenario),
    compare:
      s.analysisOpen && s.compare.with !== 'none'
        ? {
            with: s.compare.with,
            horizon: s.compare.horizon,
            view: s.compare.view,
            ...(s.compare.with === 'file' && s.compare.other && !isEmptyScenario(s.compare.other)
              ? { scenario: encodeScenario(s.compare.other) }
              : {}),
          }
        : null,
  };
}

/**
 * The scenario a scene runs on: its own (read against the corridors), or none. A code that
 * cannot be read gives a notice and no scenario.
 */
function sceneScenario(s: AppState, code: string | null | undefined): Scenario {
  if (!code) return EMPTY_SCENARIO;
  const r = decodeScenario(code, knownCorridors(s));
  if (r.ok) return r.scenario;
  s.setNotice({
    key: 'Scenario.BadAddress',
    vars: { message: { key: `Scenario.err.${r.error.code}`, vars: r.error.vars } },
    tone: 'error',
  });
  return EMPTY_SCENARIO;
}

export const createStorySlice =
  (services: AppServices): StateCreator<AppState, Mutators, [], StorySlice> =>
  (set, get) => {
    const edit = (change: (st: Story) => Story, index?: number): void => {
      const before = get().story;
      const story = change(before);
      set({
        story,
        storyHistory: [...get().storyHistory, before].slice(-HISTORY_LIMIT),
        ...(index === undefined ? {} : { storyIndex: Math.max(0, Math.min(index, story.scenes.length - 1)) }),
      });
    };
    return {
      story: EMPTY_STORY,
      storyIndex: 0,
      presenting: false,
      captionBox: null,
      setCaptionBox: (captionBox) => set({ captionBox }),
      blackout: false,
      autoplay: { on: false, seconds: 20 },
      presentStarted: null,
      storyOpen: false,
      setStoryOpen: (storyOpen) => set(storyOpen ? { storyOpen, scenarioOpen: false, mapPick: null } : { storyOpen }),
      storyHistory: [],
      loadStory: (story, opts) =>
        set({
          story,
          storyIndex: Math.min(get().storyIndex, story.scenes.length - 1),
          ...(opts?.keepHistory ? { storyHistory: [...get().storyHistory, get().story].slice(-HISTORY_LIMIT) } : {}),
        }),
      goToScene: (i) => {
        const { story } = get();
        if (!story.scenes.length) return;
        const index = Math.max(0, Math.min(i, story.scenes.length - 1));
        const sc = story.scenes[index]!;
        const cur = get().layers;
        const hideOnly = { ...cur };
        for (const id of THEMATIC_LAYER_IDS) hideOnly[id] = { ...cur[id], visible: cur[id].visible && sc.layers.includes(id) };
        // Leaving: hide what the next scene does not show and close an analysis it does not have
        // (cheap); the rest is revealed on arrival when the map says it defers (see revealScene).
        set({
          storyIndex: index,
          blackout: false,
          layers: hideOnly,
          feature: null,
          ...(sc.analysis === null ? { analysisOpen: false } : {}),
          pendingScene: services.sceneReveal === 'on-arrival' ? index : null,
        });
        if (services.sceneReveal === 'immediate') get().revealScene(index);
        get().flyTo(sc.camera.center, sc.camera.zoom, sc.camera.bearing, sc.camera.pitch, {
          viewport: sc.camera.viewport,
          subject: sc.subject,
        });
      },
      pendingScene: null,
      revealScene: (i) => {
        const index = i ?? get().pendingScene ?? -1;
        const sc = get().story.scenes[index];
        if (!sc) return;
        const layers = { ...get().layers };
        for (const id of THEMATIC_LAYER_IDS) layers[id] = { ...layers[id], visible: sc.layers.includes(id) };
        const patch: Partial<AppState> = {
          pendingScene: null,
          layers,
          horizon: sc.horizon,
          statuses: STATUSES.filter((x) => sc.statuses.includes(x)),
          selected: sc.selected,
          analysisOpen: sc.analysis !== null,
        };
        if (sc.analysis) {
          patch.analysisParams = { ...get().analysisParams, ...sc.analysis };
          // A kind coloured by a measure opens with its first (minutes to a seaport with the minutes metric).
          const first = viewMeasures({ ...patch.analysisParams, edition: sc.edition, horizon: sc.horizon }, null)[0];
          if (first) patch.analysisView = { ...get().analysisView, measure: first };
        }
        if (sc.edition !== get().edition) patch.edition = sc.edition;
        patch.compare = sc.compare
          ? { ...get().compare, with: sc.compare.with, horizon: sc.compare.horizon, view: sc.compare.view, other: null }
          : { ...get().compare, with: 'none' };
        set(patch);
        // The scene's scenarios are read against the corridors: now, or once they have loaded.
        const needs = Boolean(sc.scenario || sc.compare?.scenario);
        if (!needs || get().thematic.corridors) get().applySceneScenarios(index);
        else set({ sceneScenariosPending: index });
        get().showTableRef(sc.table ?? null);
        get().showOwnRefs({ network: sc.network ?? null, population: sc.population ?? null });
      },
      sceneScenariosPending: null,
      applySceneScenarios: (i) => {
        const sc = get().story.scenes[i];
        set({ sceneScenariosPending: null });
        if (!sc) return;
        if (sc.compare?.with === 'file') set({ compare: { ...get().compare, other: sceneScenario(get(), sc.compare.scenario) } });
        // The scene's scenario (or none); the user's own can be had back with undo.
        const scenario = sceneScenario(get(), sc.scenario);
        if (scenarioKey(scenario) !== scenarioKey(get().scenario)) get().showSceneScenario(scenario);
      },
      nextScene: () => get().goToScene(get().storyIndex + 1),
      prevScene: () => get().goToScene(get().storyIndex - 1),
      startPresentation: (i) => {
        set({ presenting: true, presentStarted: Date.now(), storyOpen: false, exportOpen: false, printOpen: false });
        get().goToScene(i ?? get().storyIndex);
      },
      stopPresentation: () => set({ presenting: false, blackout: false, autoplay: { ...get().autoplay, on: false } }),
      setBlackout: (blackout) => set({ blackout }),
      setAutoplay: (a) => set({ autoplay: { ...get().autoplay, ...a } }),
      captureScene: () => {
        const s = get();
        const scene = sceneFromState(s, `scene-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`);
        const at = s.story.scenes.length ? s.storyIndex + 1 : 0;
        edit((st) => ({ ...st, scenes: [...st.scenes.slice(0, at), scene, ...st.scenes.slice(at)] }), at);
      },
      updateScene: (i, patch) => edit((st) => ({ ...st, scenes: st.scenes.map((sc, k) => (k === i ? { ...sc, ...patch } : sc)) })),
      moveScene: (i, delta) => {
        const j = i + delta;
        if (j < 0 || j >= get().story.scenes.length) return;
        edit((st) => {
          const scenes = [...st.scenes];
          [scenes[i], scenes[j]] = [scenes[j]!, scenes[i]!];
          return { ...st, scenes };
        }, j);
      },
      deleteScene: (i) => {
        if (get().story.scenes.length <= 1) return;
        edit((st) => ({ ...st, scenes: st.scenes.filter((_, k) => k !== i) }), Math.min(i, get().story.scenes.length - 2));
      },
      resetStoryToBuiltin: () => {
        const b = get().builtinStory;
        if (b) edit(() => b, 0);
      },
      builtinStory: null,
      setBuiltinStory: (builtinStory) => set({ builtinStory }),
      askedScene: null,
      takeAskedScene: () => {
        const n = get().askedScene;
        if (n !== null) set({ askedScene: null });
        return n;
      },
      undoStory: () => {
        const h = get().storyHistory;
        const prev = h[h.length - 1];
        if (!prev) return;
        set({ story: prev, storyHistory: h.slice(0, -1), storyIndex: Math.min(get().storyIndex, prev.scenes.length - 1) });
      },
    };
  };
