/** The camera: where the map looks, and where the UI asks it to fly. */
import type { StateCreator } from 'zustand';
import { REGION_VIEW } from '../../core/region.ts';
import type { SceneSubject } from '../../core/story.ts';
import type { HashView } from '../url-hash.ts';
import type { AppState, Mutators } from '../store.ts';

export type ViewState = HashView;

export interface ViewSlice {
  view: ViewState;
  /** Called by the map when the camera settles. */
  setView: (view: ViewState) => void;
  /**
   * A camera move the UI asks for (search results, story scenes); the map flies there. With a
   * viewport, the zoom is for a map of that size (the map adapts it to its own, see sceneZoom);
   * with a subject (a story scene's), the map shows that area whole instead, clear of the
   * caption while presenting.
   */
  flyTarget: {
    center: [number, number];
    zoom: number;
    bearing?: number;
    pitch?: number;
    viewport?: { width: number; height: number };
    subject?: SceneSubject;
    seq: number;
  } | null;
  flyTo: (
    center: [number, number],
    zoom: number,
    bearing?: number,
    pitch?: number,
    frame?: { viewport?: { width: number; height: number } | undefined; subject?: SceneSubject | null | undefined },
  ) => void;
  /** The map's size in CSS px (the map sets it), recorded with a captured scene. */
  mapSize: { width: number; height: number } | null;
  setMapSize: (size: { width: number; height: number }) => void;
}

export const DEFAULT_VIEW: ViewState = { center: REGION_VIEW.center, zoom: REGION_VIEW.zoom, bearing: 0, pitch: 0 };

export const createViewSlice: StateCreator<AppState, Mutators, [], ViewSlice> = (set) => ({
  view: DEFAULT_VIEW,
  setView: (view) => set({ view }),
  flyTarget: null,
  flyTo: (center, zoom, bearing, pitch, frame) =>
    set((s) => ({
      flyTarget: {
        center,
        zoom,
        ...(bearing === undefined ? {} : { bearing }),
        ...(pitch === undefined ? {} : { pitch }),
        ...(frame?.viewport ? { viewport: frame.viewport } : {}),
        ...(frame?.subject ? { subject: frame.subject } : {}),
        seq: (s.flyTarget?.seq ?? 0) + 1,
      },
    })),
  mapSize: null,
  setMapSize: (mapSize) => set({ mapSize }),
});
