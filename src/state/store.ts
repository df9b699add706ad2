/**
 * The app's one store, built from typed slices (zustand). It holds plain, serialisable
 * values only: never a map or deck.gl object.
 */
import { create, type StateCreator } from 'zustand';
import type { Edition, ProvinceCollection, Province2022Props, Province2025Props } from '../core/types.ts';
import { REGION_VIEW } from '../core/region.ts';
import type { Lang, MessageKey } from '../i18n/index.ts';
import type { FeatureCollection } from 'geojson';
import type { Scene, Story } from '../core/story.ts';
import type { HashView } from './url-hash.ts';
import { THEMATIC_LAYERS, type BeltKm, type Horizon, type Status, type ThematicLayerId, STATUSES, existsAt } from '../core/layers.ts';
import type { AnyLayerFeature, LayerCollection, LayerFileId } from '../data/schemas.ts';
import {
  ANALYSIS_DEFS,
  DEFAULT_PARAMS,
  overridesKey,
  paramsKey,
  type AnalysisOverrides,
  type AnalysisParams,
  type AnalysisResult,
} from '../core/analysis.ts';

export type { AnyLayerFeature, LayerFileId };

export type ViewState = HashView;

export interface ViewSlice {
  view: ViewState;
  /** Called by the map when the camera settles. */
  setView: (view: ViewState) => void;
  /**
   * A camera move the UI asks for (search results, story scenes); the map flies there. With a
   * viewport, the zoom is for a map of that size (the map adapts it to its own, see sceneZoom).
   */
  flyTarget: {
    center: [number, number];
    zoom: number;
    bearing?: number;
    pitch?: number;
    viewport?: { width: number; height: number };
    seq: number;
  } | null;
  flyTo: (center: [number, number], zoom: number, bearing?: number, pitch?: number, viewport?: { width: number; height: number }) => void;
  /** The map's size in CSS px (the map sets it), recorded with a captured scene. */
  mapSize: { width: number; height: number } | null;
  setMapSize: (size: { width: number; height: number }) => void;
}

export interface BoundarySlice {
  edition: Edition;
  /** ISO code of the selected unit in the current edition. */
  selected: string | null;
  hovered: string | null;
  /** Switches edition; the selection follows to its counterpart when there is one. */
  setEdition: (edition: Edition) => void;
  select: (iso: string | null) => void;
  hover: (iso: string | null) => void;
}

export interface UiSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
  exportOpen: boolean;
  setExportOpen: (open: boolean) => void;
  /** The layer panel as a drawer, on screens too narrow to keep it beside the map. */
  layersOpen: boolean;
  setLayersOpen: (open: boolean) => void;
  /** A message for the user (already translated keys are rendered by the UI). */
  notice: {
    key: MessageKey;
    vars: Record<string, string | number>;
    /** Further messages shown after the first (e.g. why an import failed, warnings). */
    details?: { key: MessageKey; vars: Record<string, string | number> }[];
    tone?: 'error' | 'info';
  } | null;
  setNotice: (n: UiSlice['notice']) => void;
}

export interface DataSlice {
  data: { provinces2022: ProvinceCollection<Province2022Props>; provinces2025: ProvinceCollection<Province2025Props> } | null;
  setData: (d: DataSlice['data']) => void;
  /** Thematic layer files, once loaded and checked; a file that failed is absent. */
  thematic: Partial<{ [K in LayerFileId]: LayerCollection<K> }>;
  setThematic: (t: DataSlice['thematic']) => void;
  /** Set by the map after its first idle: non-essential work may start. */
  mapReady: boolean;
  setMapReady: () => void;
}

export interface LayerState {
  visible: boolean;
  /** 0–1. */
  opacity: number;
}

/** A selected thematic feature, by layer and feature id. */
export interface FeatureRef {
  layer: LayerFileId;
  id: string;
}

export interface ThematicSlice {
  layers: Record<ThematicLayerId, LayerState>;
  /** Planning horizon: features that do not exist by then are hidden. */
  horizon: Horizon;
  /** Statuses shown. */
  statuses: Status[];
  /** Width of the border-area belt, in km (one of BELT_KM_CHOICES). */
  beltKm: BeltKm;
  feature: FeatureRef | null;
  setLayerVisible: (id: ThematicLayerId, visible: boolean) => void;
  setLayerOpacity: (id: ThematicLayerId, opacity: number) => void;
  setHorizon: (h: Horizon) => void;
  toggleStatus: (s: Status) => void;
  setBeltKm: (km: BeltKm) => void;
  /** Selects a thematic feature (and clears the province selection). */
  selectFeature: (f: FeatureRef | null) => void;
}

/** How the analysis result is drawn (not part of the computation). */
export interface AnalysisView {
  /** Access grid: which distance colours the cells. */
  measure: 'seaport_km' | 'airport_km' | 'gate_km' | 'corridor_km';
  /** Hinterlands: by straight line or along the network. */
  method: 'straight' | 'network';
  extrude: boolean;
  /** Which of the result's tables the panel shows. */
  table: string;
}

/** Runs an analysis somewhere else (the app plugs in its worker); resolves with the result and whether it came from the cache. */
export type AnalysisRunner = (
  params: AnalysisParams,
  onProgress: (done: number) => void,
  overrides?: AnalysisOverrides,
) => Promise<{ result: AnalysisResult; cached: boolean }>;

export interface AnalysisSlice {
  analysisOpen: boolean;
  setAnalysisOpen: (open: boolean) => void;
  /** The analysis and its parameters; edition and horizon follow the map's. */
  analysisParams: AnalysisParams;
  setAnalysisParams: (p: Partial<AnalysisParams>) => void;
  analysis: {
    status: 'idle' | 'running' | 'done' | 'error';
    /** 0–1 while running. */
    progress: number;
    result: AnalysisResult | null;
    cached: boolean;
    error: string | null;
    /** Key of the parameters being run or shown. */
    key: string | null;
  };
  /** The table row (unit id, or pair key `a>b`) under the pointer. */
  analysisHover: string | null;
  setAnalysisHover: (key: string | null) => void;
  analysisView: AnalysisView;
  setAnalysisView: (v: Partial<AnalysisView>) => void;
  /** Runs the current analysis through the registered runner (no-op when the result is already shown). */
  runAnalysis: () => Promise<void>;
}

/** A layer the user brought in (already checked by the importer). */
export interface ImportedLayer {
  id: string;
  name: string;
  fc: FeatureCollection;
  visible: boolean;
  /** Geometry kinds present: 'point', 'line', 'polygon'. */
  kinds: ('point' | 'line' | 'polygon')[];
  /** Attribute names, in first-seen order. */
  fields: string[];
}

/** How an imported polygon layer stands in for the provinces in the analyses. */
export interface UnitsMapping {
  layer: string;
  /** Field holding the unit code (the app's `iso`). */
  code: string;
  /** Field holding the unit name (the app's `name_vi`). */
  name: string;
  /** Field holding the population in persons, or null. */
  population: string | null;
}

export interface ImportSlice {
  imported: ImportedLayer[];
  addImported: (l: Omit<ImportedLayer, 'id' | 'visible'>) => string;
  removeImported: (id: string) => void;
  setImportedVisible: (id: string, visible: boolean) => void;
  /** An imported point layer used as the seaports of the hinterland analysis, or null for the bundled ones. */
  portsLayer: string | null;
  setPortsLayer: (id: string | null) => void;
  /** An imported polygon layer used as the units of the analyses, or null for the bundled provinces. */
  unitsMapping: UnitsMapping | null;
  setUnitsMapping: (m: UnitsMapping | null) => void;
  /** Reads files the user dropped or picked (the app plugs in the importer). */
  importFiles: (files: File[]) => Promise<void>;
}

export interface StorySlice {
  story: Story;
  /** The scene shown (0-based). */
  storyIndex: number;
  /** Full-screen playback: the editing UI is hidden. */
  presenting: boolean;
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
  updateScene: (i: number, patch: Partial<Pick<Scene, 'caption' | 'notes'>>) => void;
  moveScene: (i: number, delta: -1 | 1) => void;
  deleteScene: (i: number) => void;
  undoStory: () => void;
  /** Replaces the story with the built-in one (undoable). */
  resetStoryToBuiltin: () => void;
}

/**
 * When a scene's layers, filters, edition and analysis appear: at once (no map, as in unit
 * tests), or once the camera arrives (the map sets this: new layers drawn during a flight
 * would slow every frame of it, as MapLibre lays out their tiles).
 */
let sceneReveal: 'immediate' | 'on-arrival' = 'immediate';
export function setSceneReveal(mode: 'immediate' | 'on-arrival'): void {
  sceneReveal = mode;
}

let builtinStory: Story | null = null;
/** Registers the built-in story (the app supplies it; the store does not import presentation). */
export function registerBuiltinStory(story: Story): void {
  builtinStory = story;
}

export type AppState = ViewSlice & BoundarySlice & UiSlice & DataSlice & ThematicSlice & AnalysisSlice & ImportSlice & StorySlice;

/** A copy of the map drawn at a chosen size, with what the scale bar and north arrow need. */
export interface MapCapture {
  canvas: HTMLCanvasElement;
  /** Metres per CSS pixel at the centre. */
  metresPerPixel: number;
  bearing: number;
}
let mapCapture: ((size: { width: number; height: number; pixelRatio: number }) => Promise<MapCapture>) | null = null;
/** Plugs in the map's capture (the map registers it when it starts, and removes it when it goes). */
export function registerMapCapture(fn: typeof mapCapture): void {
  mapCapture = fn;
}
/** Draws the map at a size for an image export; null while there is no map. */
export function captureMapImage(size: { width: number; height: number; pixelRatio: number }): Promise<MapCapture> | null {
  return mapCapture ? mapCapture(size) : null;
}

let fileImporter: ((files: File[]) => Promise<void>) | null = null;
/** Plugs in the function that reads and checks imported files. */
export function registerFileImporter(fn: ((files: File[]) => Promise<void>) | null): void {
  fileImporter = fn;
}

let analysisRunner: AnalysisRunner | null = null;
/** Plugs in the function that runs analyses (the app's worker client; a direct call in tests). */
export function registerAnalysisRunner(runner: AnalysisRunner | null): void {
  analysisRunner = runner;
}

/** The parameters an analysis runs with: the panel's, on the map's edition and horizon. */
export function effectiveParams(s: Pick<AppState, 'analysisParams' | 'edition' | 'horizon'>): AnalysisParams {
  return { ...s.analysisParams, edition: s.edition, horizon: s.horizon };
}

/** The user's imported layers the analyses use instead of the bundled ones. */
export function analysisOverrides(s: Pick<AppState, 'imported' | 'portsLayer' | 'unitsMapping'>): AnalysisOverrides {
  const ports = s.imported.find((l) => l.id === s.portsLayer);
  const unitsLayer = s.imported.find((l) => l.id === s.unitsMapping?.layer);
  const m = s.unitsMapping;
  return {
    ports: ports ? { layer: ports.id, name: ports.name, fc: ports.fc } : null,
    units:
      unitsLayer && m
        ? { layer: unitsLayer.id, name: unitsLayer.name, fc: unitsLayer.fc, code: m.code, nameField: m.name, population: m.population }
        : null,
  };
}

/** The key that identifies what the analysis would compute now (parameters and overrides). */
export function analysisKey(s: AppState): string {
  return `${paramsKey(effectiveParams(s))}|${overridesKey(analysisOverrides(s))}`;
}

export const DEFAULT_LAYERS = Object.fromEntries(THEMATIC_LAYERS.map((l) => [l.id, { visible: l.defaultOn, opacity: 1 }])) as Record<
  ThematicLayerId,
  LayerState
>;

export const DEFAULT_VIEW: ViewState = { center: REGION_VIEW.center, zoom: REGION_VIEW.zoom, bearing: 0, pitch: 0 };

const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: DEFAULT_VIEW,
  setView: (view) => set({ view }),
  flyTarget: null,
  flyTo: (center, zoom, bearing, pitch, viewport) =>
    set((s) => ({
      flyTarget: {
        center,
        zoom,
        ...(bearing === undefined ? {} : { bearing }),
        ...(pitch === undefined ? {} : { pitch }),
        ...(viewport === undefined ? {} : { viewport }),
        seq: (s.flyTarget?.seq ?? 0) + 1,
      },
    })),
  mapSize: null,
  setMapSize: (mapSize) => set({ mapSize }),
});

/** The unit in `to` that corresponds to `iso` in the other edition, or null. */
export function counterpartIn(data: DataSlice['data'], iso: string, to: Edition): string | null {
  if (!data) return null;
  if (to === '2025') {
    if (data.provinces2025.features.some((f) => f.properties.iso === iso)) return iso;
    return data.provinces2022.features.find((f) => f.properties.iso === iso)?.properties.unit_2025 ?? null;
  }
  return data.provinces2022.features.some((f) => f.properties.iso === iso) ? iso : null;
}

const createBoundarySlice: StateCreator<AppState, [], [], BoundarySlice> = (set, get) => ({
  edition: '2022',
  selected: null,
  hovered: null,
  setEdition: (edition) => {
    const { selected, data, edition: current } = get();
    if (edition === current) return;
    set({ edition, hovered: null, selected: selected ? counterpartIn(data, selected, edition) : null });
  },
  select: (selected) => set(selected ? { selected, feature: null } : { selected }),
  hover: (hovered) => set({ hovered }),
});

const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: 'vi',
  setLang: (lang) => set({ lang }),
  exportOpen: false,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  layersOpen: false,
  setLayersOpen: (layersOpen) => set({ layersOpen }),
  notice: null,
  setNotice: (notice) => set({ notice }),
});

const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
  data: null,
  // A selection made before the data arrived (from the URL hash) is checked here: kept,
  // moved to its counterpart in the current edition, or dropped with a notice.
  setData: (data) => {
    const { selected, edition } = get();
    if (!selected || !data) return set({ data });
    const kept = counterpartIn(data, selected, edition);
    set({ data, selected: kept });
    if (!kept) get().setNotice({ key: 'Hash.Invalid', vars: { keys: 'sel' } });
  },
  thematic: {},
  // A feature selected before the files arrived (from the URL hash) is dropped if it does not exist.
  setThematic: (thematic) => {
    const { feature } = get();
    const exists = !feature || thematic[feature.layer]?.features.some((f) => f.properties.id === feature.id);
    set(exists ? { thematic } : { thematic, feature: null });
    if (!exists) get().setNotice({ key: 'Hash.Invalid', vars: { keys: 'ft' } });
  },
  mapReady: false,
  setMapReady: () => set({ mapReady: true }),
});

const createThematicSlice: StateCreator<AppState, [], [], ThematicSlice> = (set, get) => ({
  layers: DEFAULT_LAYERS,
  horizon: '2045',
  statuses: [...STATUSES],
  beltKm: 10,
  feature: null,
  setLayerVisible: (id, visible) => set({ layers: { ...get().layers, [id]: { ...get().layers[id], visible } } }),
  setLayerOpacity: (id, opacity) =>
    set({ layers: { ...get().layers, [id]: { ...get().layers[id], opacity: Math.min(1, Math.max(0, opacity)) } } }),
  setHorizon: (horizon) => set({ horizon }),
  toggleStatus: (status) => {
    const cur = get().statuses;
    set({ statuses: cur.includes(status) ? cur.filter((x) => x !== status) : STATUSES.filter((x) => x === status || cur.includes(x)) });
  },
  setBeltKm: (beltKm) => set({ beltKm }),
  selectFeature: (feature) => set(feature ? { feature, selected: null } : { feature }),
});

const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  analysisOpen: false,
  setAnalysisOpen: (analysisOpen) => set({ analysisOpen }),
  analysisParams: DEFAULT_PARAMS,
  setAnalysisParams: (p) => {
    const next = { ...get().analysisParams, ...p };
    const patch: Partial<AppState> = { analysisParams: next };
    if (p.kind && p.kind !== get().analysisParams.kind)
      patch.analysisView = { ...get().analysisView, table: ANALYSIS_DEFS[p.kind].mainTable };
    set(patch);
  },
  analysis: { status: 'idle', progress: 0, result: null, cached: false, error: null, key: null },
  analysisHover: null,
  setAnalysisHover: (analysisHover) => set({ analysisHover }),
  analysisView: { measure: 'seaport_km', method: 'network', extrude: false, table: ANALYSIS_DEFS[DEFAULT_PARAMS.kind].mainTable },
  setAnalysisView: (v) => set({ analysisView: { ...get().analysisView, ...v } }),
  runAnalysis: async () => {
    const params = effectiveParams(get());
    const overrides = analysisOverrides(get());
    const key = analysisKey(get());
    const cur = get().analysis;
    if (cur.key === key && (cur.status === 'done' || cur.status === 'running')) return;
    if (!analysisRunner) return;
    set({ analysis: { ...cur, status: 'running', progress: 0, error: null, key } });
    try {
      const { result, cached } = await analysisRunner(
        params,
        (progress) => {
          if (get().analysis.key === key) set({ analysis: { ...get().analysis, progress } });
        },
        overrides,
      );
      if (get().analysis.key === key) set({ analysis: { status: 'done', progress: 1, result, cached, error: null, key } });
    } catch (e) {
      if (get().analysis.key === key)
        set({ analysis: { ...get().analysis, status: 'error', error: e instanceof Error ? e.message : String(e) } });
    }
  },
});

let importSeq = 0;
const createImportSlice: StateCreator<AppState, [], [], ImportSlice> = (set, get) => ({
  imported: [],
  addImported: (l) => {
    const id = `import-${++importSeq}`;
    set({ imported: [...get().imported, { ...l, id, visible: true }] });
    return id;
  },
  removeImported: (id) =>
    set({
      imported: get().imported.filter((l) => l.id !== id),
      portsLayer: get().portsLayer === id ? null : get().portsLayer,
      unitsMapping: get().unitsMapping?.layer === id ? null : get().unitsMapping,
    }),
  setImportedVisible: (id, visible) => set({ imported: get().imported.map((l) => (l.id === id ? { ...l, visible } : l)) }),
  portsLayer: null,
  setPortsLayer: (portsLayer) => set({ portsLayer }),
  unitsMapping: null,
  setUnitsMapping: (unitsMapping) => set({ unitsMapping }),
  importFiles: async (files) => {
    if (fileImporter) await fileImporter(files);
  },
});

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
    layers: (Object.keys(s.layers) as ThematicLayerId[]).filter((k) => s.layers[k].visible),
    horizon: s.horizon,
    statuses: [...s.statuses],
    analysis: s.analysisOpen ? analysis : null,
    selected: s.selected,
    caption: { vi: '', en: '' },
    notes: { vi: '', en: '' },
    figures: [],
  };
}

const createStorySlice: StateCreator<AppState, [], [], StorySlice> = (set, get) => {
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
    blackout: false,
    autoplay: { on: false, seconds: 20 },
    presentStarted: null,
    storyOpen: false,
    setStoryOpen: (storyOpen) => set({ storyOpen }),
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
      for (const id of Object.keys(cur) as ThematicLayerId[])
        hideOnly[id] = { ...cur[id], visible: cur[id].visible && sc.layers.includes(id) };
      // Leaving: hide what the next scene does not show and close an analysis it does not have
      // (cheap); the rest is revealed on arrival when the map says it defers (see revealScene).
      set({
        storyIndex: index,
        blackout: false,
        layers: hideOnly,
        feature: null,
        ...(sc.analysis === null ? { analysisOpen: false } : {}),
        pendingScene: sceneReveal === 'on-arrival' ? index : null,
      });
      if (sceneReveal === 'immediate') get().revealScene(index);
      get().flyTo(sc.camera.center, sc.camera.zoom, sc.camera.bearing, sc.camera.pitch, sc.camera.viewport);
    },
    pendingScene: null,
    revealScene: (i) => {
      const sc = get().story.scenes[i ?? get().pendingScene ?? -1];
      if (!sc) return;
      const layers = { ...get().layers };
      for (const id of Object.keys(layers) as ThematicLayerId[]) layers[id] = { ...layers[id], visible: sc.layers.includes(id) };
      const patch: Partial<AppState> = {
        pendingScene: null,
        layers,
        horizon: sc.horizon,
        statuses: STATUSES.filter((x) => sc.statuses.includes(x)),
        selected: sc.selected,
        analysisOpen: sc.analysis !== null,
      };
      if (sc.analysis) patch.analysisParams = { ...get().analysisParams, ...sc.analysis };
      if (sc.edition !== get().edition) patch.edition = sc.edition;
      set(patch);
    },
    nextScene: () => get().goToScene(get().storyIndex + 1),
    prevScene: () => get().goToScene(get().storyIndex - 1),
    startPresentation: (i) => {
      set({ presenting: true, presentStarted: Date.now(), storyOpen: false, exportOpen: false });
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
      if (builtinStory) {
        const b = builtinStory;
        edit(() => b, 0);
      }
    },
    undoStory: () => {
      const h = get().storyHistory;
      const prev = h[h.length - 1];
      if (!prev) return;
      set({ story: prev, storyHistory: h.slice(0, -1), storyIndex: Math.min(get().storyIndex, prev.scenes.length - 1) });
    },
  };
};

/**
 * Features of a loaded layer that exist at the chosen horizon and have a chosen status.
 * @example shownFeatures(state, 'corridors').length
 */
export function shownFeatures<K extends LayerFileId>(
  s: Pick<AppState, 'thematic' | 'horizon' | 'statuses'>,
  layer: K,
): LayerCollection<K>['features'] {
  const fc = s.thematic[layer];
  if (!fc) return [];
  return (fc.features as AnyLayerFeature[]).filter(
    (f) => existsAt(f.properties.horizon, s.horizon) && s.statuses.includes(f.properties.status),
  ) as LayerCollection<K>['features'];
}

/** The selected thematic feature, if loaded. */
export function selectedFeature(s: Pick<AppState, 'thematic' | 'feature'>): AnyLayerFeature | null {
  if (!s.feature) return null;
  const fc = s.thematic[s.feature.layer] as { features: AnyLayerFeature[] } | undefined;
  return fc?.features.find((f) => f.properties.id === s.feature?.id) ?? null;
}

export const useAppStore = create<AppState>()((...a) => ({
  ...createViewSlice(...a),
  ...createBoundarySlice(...a),
  ...createUiSlice(...a),
  ...createDataSlice(...a),
  ...createThematicSlice(...a),
  ...createAnalysisSlice(...a),
  ...createImportSlice(...a),
  ...createStorySlice(...a),
}));

const initialState = useAppStore.getState();
/** Restores the initial state (for tests). */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true);
}

/** Features of the current edition. */
export function featuresOf(s: Pick<AppState, 'data' | 'edition'>) {
  if (!s.data) return [];
  return s.edition === '2022' ? s.data.provinces2022.features : s.data.provinces2025.features;
}

/** ISO codes, in the other edition, of the selected unit's counterparts. */
export function counterpartsOf(s: Pick<AppState, 'data' | 'edition' | 'selected'>): string[] {
  if (!s.data || !s.selected) return [];
  if (s.edition === '2022') {
    const f = s.data.provinces2022.features.find((x) => x.properties.iso === s.selected);
    return f?.properties.unit_2025 ? [f.properties.unit_2025] : [];
  }
  const u = s.data.provinces2025.features.find((x) => x.properties.iso === s.selected);
  return u ? u.properties.members_2022 : [];
}
