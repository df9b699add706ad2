/**
 * MapLibre's worker: its URL (Vite does not copy the file by itself), and an early start.
 * Started from the page's first module, the worker fetches and evaluates its script while
 * React renders and the font loads, instead of after the map is created: measured under
 * software WebGL, the first tile arrived about 0.7–0.9 s after the map asked for it when
 * the worker only started with the map.
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);

/** Starts the shared worker pool now; the first map then reuses it. */
export function startMapWorker(): void {
  prewarm();
}
