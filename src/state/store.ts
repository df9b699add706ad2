/**
 * The app's store, built from typed slices (zustand, one file each in `slices/`). It holds
 * plain, serialisable values only: never a map or deck.gl object. What it cannot do itself
 * (run an analysis in a worker, read files, draw the map at another size) it is given when it
 * is made (`createAppStore(services)`), so nothing is registered into module globals; the page
 * hands the store to its components through `StoreProvider`, and to its other modules as an
 * argument.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createStore, useStore, type Mutate, type StoreApi } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createAnalysisSlice, type AnalysisRunner, type AnalysisSlice } from './slices/analysis.ts';
import { createBoundarySlice, type BoundarySlice } from './slices/boundary.ts';
import { createDataSlice, type DataSlice } from './slices/data.ts';
import { createImportSlice, type ImportSlice } from './slices/import.ts';
import { createOwnDataSlice, type OwnDataService, type OwnDataSlice } from './slices/own-data.ts';
import { createScenarioSlice, type ScenarioSlice } from './slices/scenario.ts';
import { createStorySlice, type StorySlice } from './slices/story.ts';
import { createTablesSlice, type TablesSlice } from './slices/tables.ts';
import { createThematicSlice, type ThematicSlice } from './slices/thematic.ts';
import { createUiSlice, type UiSlice } from './slices/ui.ts';
import { createViewSlice, type ViewSlice } from './slices/view.ts';

export * from './slices/analysis.ts';
export * from './slices/boundary.ts';
export * from './slices/data.ts';
export * from './slices/import.ts';
export * from './slices/own-data.ts';
export * from './slices/scenario.ts';
export * from './slices/story.ts';
export * from './slices/tables.ts';
export * from './slices/thematic.ts';
export * from './slices/ui.ts';
export * from './slices/view.ts';

export type { AnyLayerFeature, LayerFeature, LayerFileId } from '../data/schemas.ts';

export type AppState = ViewSlice &
  BoundarySlice &
  UiSlice &
  DataSlice &
  ThematicSlice &
  AnalysisSlice &
  ImportSlice &
  StorySlice &
  TablesSlice &
  ScenarioSlice &
  OwnDataSlice;

/** The middleware every slice is written for: the map subscribes to the parts it draws. */
export type Mutators = [['zustand/subscribeWithSelector', never]];

/** A store of the app (its state, actions, and selector subscriptions). */
export type AppStore = Mutate<StoreApi<AppState>, Mutators>;

/** A copy of the map drawn at a chosen size, with what the scale bar and north arrow need. */
export interface MapCapture {
  canvas: HTMLCanvasElement;
  /** Metres per CSS pixel at the centre. */
  metresPerPixel: number;
  bearing: number;
}

/** The map lends the page its capture here while it is shown (the page makes one and hands it to the store and the map). */
export interface MapBridge {
  /** Lends a capture; returns the function that takes it back. */
  lend: (fn: (size: CaptureRequest) => Promise<MapCapture>) => () => void;
  /** Draws the map at a size, or null while no map has lent its capture. */
  capture: MapCaptureFn;
}

/** A bridge with nothing lent yet. */
export function createMapBridge(): MapBridge {
  let lent: ((size: CaptureRequest) => Promise<MapCapture>) | null = null;
  return {
    lend: (fn) => {
      lent = fn;
      return () => {
        if (lent === fn) lent = null;
      };
    },
    capture: (size) => (lent ? lent(size) : null),
  };
}

/** Draws the map at a size for an image export; null while there is no map. */
/** What a capture draws: a size and pixel ratio, and a scene's camera (else the area on screen). */
export interface CaptureRequest {
  width: number;
  height: number;
  pixelRatio: number;
  camera?: import('../core/story.ts').SceneCamera;
  /** Only the basemap (sea, land, unit fills, borders): no names, capitals, outlines, thematic layers or analysis (a print draws those as vectors). */
  basemapOnly?: boolean;
}

export type MapCaptureFn = (size: CaptureRequest) => Promise<MapCapture> | null;

/** What the store is given when it is made: everything it cannot do with plain values. */
export interface AppServices {
  /** Runs analyses (the app's worker client; a direct call in tests); null: analyses do not run. */
  runAnalysis: AnalysisRunner | null;
  /** Reads and checks files the user dropped or picked, adding layers to this store. */
  importFiles: ((files: File[], store: AppStore) => Promise<void>) | null;
  /** Draws the map at another size (image export): the map lends it while it is shown. */
  captureMap: MapCaptureFn;
  /**
   * When a scene's layers, filters, edition and analysis appear: at once (no map, as in unit
   * tests and the presenter window), or once the camera arrives (new layers drawn during a
   * flight would slow every frame of it, as MapLibre lays out their tiles).
   */
  sceneReveal: 'immediate' | 'on-arrival';
  /** Builds and keeps the user's own road network and population grid (the app's worker); absent: not available. */
  ownData?: OwnDataService | null;
}

/** Services that do nothing: a store for tests, or for a window without a map or worker. */
export const NO_SERVICES: AppServices = {
  runAnalysis: null,
  importFiles: null,
  captureMap: () => null,
  sceneReveal: 'immediate',
};

/**
 * Makes a store.
 * @example const store = createAppStore({ ...NO_SERVICES, sceneReveal: 'on-arrival' })
 */
export function createAppStore(services: AppServices = NO_SERVICES): AppStore {
  const store: AppStore = createStore<AppState>()(
    subscribeWithSelector((...a) => ({
      ...createViewSlice(...a),
      ...createBoundarySlice(...a),
      ...createUiSlice(services)(...a),
      ...createDataSlice(...a),
      ...createThematicSlice(...a),
      ...createAnalysisSlice(services)(...a),
      ...createImportSlice(services, () => store)(...a),
      ...createStorySlice(services)(...a),
      ...createTablesSlice(...a),
      ...createScenarioSlice(...a),
      ...createOwnDataSlice(services)(...a),
    })),
  );
  return store;
}

const StoreContext = createContext<AppStore | null>(null);

/** Gives the page's components their store. */
export function StoreProvider(props: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: props.store }, props.children);
}

/** The store of the page (for actions and reads outside rendering). */
export function useStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('no StoreProvider above this component');
  return store;
}

/** A part of the page's state, re-rendering when it changes (pass `useShallow(…)` for objects). */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreApi(), selector);
}
