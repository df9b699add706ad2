/**
 * A story: scenes that each hold the camera, the layers and filters shown, the analysis
 * (if any), a short caption and speaker notes, in Vietnamese and English.
 */
import type { AnalysisParams } from './analysis.ts';
import type { Horizon, Status, ThematicLayerId } from './layers.ts';
import type { Edition } from './types.ts';

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
}

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
}

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
