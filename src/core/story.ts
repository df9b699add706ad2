/**
 * A story: scenes that each hold the camera, the layers and filters shown, the analysis
 * (if any), a short caption and speaker notes, in Vietnamese and English.
 */
import type { AnalysisParams } from './analysis.ts';
import type { Horizon, Status, ThematicLayerId } from './layers.ts';
import type { Edition } from './types.ts';
import type { ClassCount, ClassMethod, PaletteName } from './classify.ts';

/** Text in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface SceneCamera {
  center: [number, number];
  zoom: number;
  pitch: number;
  bearing: number;
  /**
   * The map's size (CSS px) when the scene was made. A screen of another size zooms so that
   * it shows the same area (see sceneZoom); without it the zoom is used as it is.
   */
  viewport?: { width: number; height: number };
}

/** A scene's subject: west, south, east, north in degrees. */
export type SceneSubject = [number, number, number, number];

/** Sizes a scene's viewport may have, CSS px. */
export const VIEWPORT_PX = { min: 200, max: 8000 } as const;

/**
 * The zoom that shows a scene's area on a map of `size`: a smaller screen zooms out, a larger
 * one in (within −4 and +2 levels), so a story made on a 1920×1080 screen shows the same
 * region on a phone or a 1024×768 projector.
 * @example sceneZoom(5, { width: 1920, height: 1080 }, { width: 960, height: 540 }) // 4
 */
export function sceneZoom(zoom: number, viewport: SceneCamera['viewport'], size: { width: number; height: number }): number {
  if (!viewport || size.width <= 0 || size.height <= 0) return zoom;
  const k = Math.log2(Math.min(size.width / viewport.width, size.height / viewport.height));
  return zoom + Math.max(-4, Math.min(2, k));
}

/**
 * A user's statistics table shown as a choropleth, by reference: the file's name and the
 * column, with its classes. The figures stay in the user's file; a story or an address that
 * names a table not open in the app says so.
 */
export interface TableRef {
  name: string;
  column: string;
  method: ClassMethod;
  classes: ClassCount;
  palette: PaletteName;
}

/** The longest table name or column a reference keeps. */
export const TABLE_REF_MAX = 200;

export interface Scene {
  /** Stable id (for reordering and the presenter window). */
  id: string;
  camera: SceneCamera;
  edition: Edition;
  /** Thematic layers on. */
  layers: ThematicLayerId[];
  horizon: Horizon;
  statuses: Status[];
  /** The analysis shown, with its parameters, or null for none. */
  analysis: Omit<AnalysisParams, 'edition' | 'horizon'> | null;
  /** The unit selected (highlighted), or null. */
  selected: string | null;
  /** One or two short lines for the screen. */
  caption: Bilingual;
  /** For the presenter only. */
  notes: Bilingual;
  /** Figures shown with the caption, each with its source key (e.g. NQ26, GSO23). */
  figures: { label: Bilingual; value: Bilingual; source: string }[];
  /**
   * The area the scene is about, west, south, east, north in degrees (absent or null: the area
   * its camera shows). While presenting, the camera shows it whole in the part of the screen
   * the caption leaves free, at the scene's bearing and pitch.
   */
  subject?: SceneSubject | null;
  /** The user's table shown, by reference (absent or null: none). */
  table?: TableRef | null;
  /** The user's own road network the scene's analysis runs on, by its file name (absent or null: the bundled corridors). */
  network?: string | null;
  /** The user's population grid the scene's analysis is weighed by, by its file name (absent or null: none). */
  population?: string | null;
  /** The planning scenario the scene's analysis runs on, in its compact address form (absent or null: none). */
  scenario?: string | null;
  /** What the scene's analysis is compared with (absent or null: nothing). */
  compare?: SceneCompare | null;
  /** Show the analysis's chart with the caption while presenting (absent: no). */
  chart?: boolean;
}

/** A scene's comparison: another horizon, no scenario, or another scenario (at a horizon); shown as a difference map or a swipe. */
export interface SceneCompare {
  with: 'horizon' | 'scenario' | 'file';
  horizon: Horizon;
  view: 'difference' | 'swipe';
  /** With `file`: the other scenario, in its address form. */
  scenario?: string | null;
}

/** The longest scenario code a scene keeps (as the address). */
export const SCENE_SCENARIO_MAX = 60_000;

export interface Story {
  title: Bilingual;
  scenes: Scene[];
}

/** The version of the saved-story format written now (see src/export/story-file.ts). */
export const STORY_SCHEMA_VERSION = 1;

/** Seconds per scene that autoplay accepts. */
export const AUTOPLAY_SECONDS = { min: 5, max: 600 } as const;

/** The whole seconds typed into an autoplay field, or null outside AUTOPLAY_SECONDS. */
export function autoplaySeconds(text: string): number | null {
  const v = Math.round(Number(text));
  return v >= AUTOPLAY_SECONDS.min && v <= AUTOPLAY_SECONDS.max ? v : null;
}
