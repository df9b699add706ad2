/**
 * Starts the data and font downloads and MapLibre's worker as the very first thing the
 * page evaluates (the first import of main.tsx), before React and the app's modules
 * initialise.
 */
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import { loadLabelFont } from './label-font.ts';
import { loadProvinces } from '../data/provinces.ts';
import { startMapWorker } from '../map/worker.ts';

/** The presenter's window shows the story's controls, not a map. */
export const presenterWindow = /(^#|&)presenter(&|$)/.test(window.location.hash);

if (!presenterWindow) startMapWorker();

/** The bundled boundaries of both editions, checked. */
export const provincesPromise = loadProvinces();

/** Labels render with the local web font: its Vietnamese glyphs must be loaded before the map draws. */
export const fontsPromise = loadLabelFont();
// Failures are handled where the promises are awaited; this stops an "unhandled rejection" warning before then.
provincesPromise.catch(() => {});
