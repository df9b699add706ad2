/**
 * The benchmark's in-page code, shared by `npm run bench` (playwright-core) and the GPU
 * driver (bench/gpu/cdp_bench.py, which reads it from dist/bench/scripts.json).
 */

import { ANALYSES } from '../src/core/analysis.ts';
import { THEMATIC_LAYERS } from '../src/core/layers.ts';

/**
 * The pages measured, each with the performance mark that says it is drawn and the window
 * handle its map is reached by: the bare MapLibre page, the app as it opens, and the app
 * with every thematic layer on.
 */
const ALL_LAYERS = THEMATIC_LAYERS.map((l) => l.id).join(',');
export const BENCH_PAGES = {
  bare: { path: '/bench/bare.html', mark: 'map-first-idle', handle: '__bare' },
  app: { path: '/', mark: 'map-first-idle', handle: '__ntcc' },
  all: { path: `/#ly=${ALL_LAYERS}`, mark: 'layers-drawn', handle: '__ntcc' },
  // The same content the usual MapLibre way (bench/peer.ts): the default layers, and every layer.
  peer: { path: '/bench/peer.html', mark: 'map-first-idle', handle: '__peer' },
  peerAll: { path: `/bench/peer.html?ly=${ALL_LAYERS}`, mark: 'map-first-idle', handle: '__peer' },
} as const;

/** The app's map as it opens: its CSS size and its camera (lon, lat, zoom). */
export interface MapFrame {
  size: [number, number];
  at: [number, number, number];
}

/** A page's address with its map at the app's map size and camera (the app's own pages are so already). */
export const sizedPath = (id: keyof typeof BENCH_PAGES, frame: MapFrame): string => {
  const path: string = BENCH_PAGES[id].path;
  if (id === 'app' || id === 'all') return path;
  const at = frame.at.map((v) => v.toFixed(5)).join(',');
  return `${path}${path.includes('?') ? '&' : '?'}w=${frame.size[0]}&h=${frame.size[1]}&at=${at}`;
};

/** In-page code: ms from the app's first idle to the end of deck.gl's warm-up, or null while it runs. */
export const WARM_ENDED_SCRIPT = `() => {
  const warm = performance.getEntriesByName('deck-warm')[0];
  return warm ? warm.startTime - performance.getEntriesByName('map-first-idle')[0].startTime : null;
}`;

/** In-page code: the app's map frame (MapFrame), read at its first idle. */
export const MAP_FRAME_SCRIPT = `() => {
  const map = window.__ntcc.map;
  const c = map.getContainer();
  const p = map.getCenter();
  return { size: [c.clientWidth, c.clientHeight], at: [p.lng, p.lat, map.getZoom()] };
}`;

/** How long the camera pans along the benchmark's path (three legs), per pass. */
export const PAN_MS = 6000;

/**
 * In-page code that pans along a fixed path for `panMs` and returns frames drawn per
 * second. Kept as plain JavaScript text: tsx's transform would add helpers the page lacks.
 */
export const PAN_SCRIPT = `async ({ handle, panMs }) => {
  const h = window[handle];
  const map = h && h.map ? h.map : h;
  map.jumpTo({ center: [106.2, 18.0], zoom: 7, bearing: 0, pitch: 0 });
  await new Promise((r) => map.once('idle', r));
  // Three straight legs, as a user dragging the map would: one movestart/moveend per leg.
  const legs = [[108.2, 16.6], [107.0, 15.2], [106.2, 18.0]];
  const pan = async () => {
    for (const center of legs) {
      await new Promise((r) => { map.once('moveend', r); map.easeTo({ center, duration: panMs / legs.length, easing: (t) => t }); });
    }
  };
  // A first pass loads the tiles along the path; the second, measured, pass only draws.
  await pan();
  await new Promise((r) => map.once('idle', r));
  let frames = 0;
  const onRender = () => { frames++; };
  map.on('render', onRender);
  const t0 = performance.now();
  await pan();
  map.off('render', onRender);
  return frames / ((performance.now() - t0) / 1000);
}`;

/** In-page code: puts the map at the start of the benchmark's path and waits for it to settle. */
export const PAN_START_SCRIPT = `async ({ handle }) => {
  const h = window[handle];
  const map = h && h.map ? h.map : h;
  map.jumpTo({ center: [106.2, 18.0], zoom: 7, bearing: 0, pitch: 0 });
  await new Promise((r) => { if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) { map.once('idle', r); map.triggerRepaint(); } else map.once('idle', r); });
}`;

/** In-page code: one pass along the benchmark's path (three legs); returns the frames drawn and the time. */
export const PAN_PASS_SCRIPT = `async ({ handle, panMs }) => {
  const h = window[handle];
  const map = h && h.map ? h.map : h;
  const legs = [[108.2, 16.6], [107.0, 15.2], [106.2, 18.0]];
  let frames = 0;
  const onRender = () => { frames++; };
  map.on('render', onRender);
  const t0 = performance.now();
  for (const center of legs)
    await new Promise((r) => { map.once('moveend', r); map.easeTo({ center, duration: panMs / legs.length, easing: (t) => t }); });
  const ms = performance.now() - t0;
  map.off('render', onRender);
  return { frames, ms };
}`;

/**
 * In-page code: the longest main-thread task after the first idle while a user ticks every
 * thematic layer off and on, switches the edition there and back, runs every analysis for the
 * first time and opens the export dialog (each step waits for the map to settle).
 */
export const LONG_TASK_SCRIPT = `async () => {
  const h = window.__ntcc;
  const map = h.map;
  const store = h.store;
  // Each task is put down to the step that was running when it started (observers report late).
  const entries = [];
  const steps = [{ at: performance.getEntriesByName('map-first-idle')[0].startTime, during: 'start-up after the first idle' }];
  const step = (during) => steps.push({ at: performance.now(), during });
  new PerformanceObserver((list) => { entries.push(...list.getEntries()); }).observe({ type: 'longtask', buffered: true });
  const settle = () => new Promise((r) => { map.once('idle', r); map.triggerRepaint(); });
  const frames = (n) => new Promise((r) => { const f = () => (--n <= 0 ? r() : requestAnimationFrame(f)); requestAnimationFrame(f); });
  await settle();
  const layers = Object.keys(store.getState().layers);
  for (const id of layers) {
    const on = store.getState().layers[id].visible;
    step('layer ' + id);
    store.getState().setLayerVisible(id, !on);
    await settle();
    store.getState().setLayerVisible(id, on);
    await settle();
  }
  step('edition');
  store.getState().setEdition('2025');
  await settle();
  store.getState().setEdition('2022');
  await settle();
  store.getState().setAnalysisOpen(true);
  for (const kind of ${JSON.stringify(ANALYSES)}) {
    step('analysis ' + kind);
    store.getState().setAnalysisParams({ kind });
    await new Promise((r) => { const t = setInterval(() => { const a = store.getState().analysis; if ((a.status === 'done' && a.result && a.result.kind === kind) || a.status === 'error') { clearInterval(t); r(); } }, 20); });
    await settle();
    await frames(10);
  }
  store.getState().setAnalysisOpen(false);
  await settle();
  step('export dialog');
  store.getState().setExportOpen(true);
  await frames(30);
  store.getState().setExportOpen(false);
  await frames(10);
  await new Promise((r) => setTimeout(r, 200));
  const tasks = entries
    .filter((e) => e.startTime >= steps[0].at)
    .map((e) => ({ ms: Math.round(e.duration), during: steps.filter((s) => s.at <= e.startTime).pop().during }));
  return { longest_ms: tasks.reduce((m, t) => Math.max(m, t.ms), 0), tasks };
}`;

/**
 * In-page code (plain JavaScript, as above) for issue 5: plays scene transitions of the
 * built-in story by key press and returns the frames per second drawn during the fly-to
 * transitions (each from its first movestart to its last moveend before the map is idle),
 * the time from the key event to the map's movestart, and the frame rate of
 * the benchmark's pan in presentation (the transitions' reference, at the same map size).
 */
export const STORY_SCRIPT = `async () => {
  const h = window.__ntcc;
  const map = h.map;
  const store = h.store;
  const idle = () => new Promise((r) => map.once('idle', r));
  const key = (k) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  const play = async (measure) => {
    store.getState().startPresentation(1);
    await new Promise((r) => map.once('moveend', r));
    await idle();
    const out = { frames: 0, ms: 0, latency: [] };
    for (let i = 0; i < 3; i++) {
      // A transition is every move from the key to the map's next idle: a flight re-aimed when the
      // new caption's box is known ends one move and starts another, and both are the transition.
      let t0 = 0;
      let first = -1;
      let last = -1;
      const frames = [];
      const onStart = () => { if (first < 0) first = performance.now(); };
      const onEnd = () => { last = performance.now(); };
      const onRender = () => { frames.push(performance.now()); };
      map.on('movestart', onStart);
      map.on('moveend', onEnd);
      map.on('render', onRender);
      t0 = performance.now();
      key('ArrowRight');
      await idle();
      map.off('movestart', onStart);
      map.off('moveend', onEnd);
      map.off('render', onRender);
      if (first < 0 || last < first) continue;
      out.latency.push(first - t0);
      out.ms += last - first;
      out.frames += frames.filter((t) => t >= first && t <= last).length;
    }
    store.getState().stopPresentation();
    return measure ? out : null;
  };
  await play(false); // loads the tiles and layers along the way
  const r = await play(true);
  // The reference: panning in presentation, where the map fills the window (the layer panel
  // beside it is hidden), so both numbers are drawn at the same size.
  store.getState().startPresentation(1);
  await new Promise((r) => map.once('moveend', r));
  await idle();
  const panFps = await (${PAN_SCRIPT})({ handle: '__ntcc', panMs: ${PAN_MS} });
  store.getState().stopPresentation();
  return { fps: r.frames / (r.ms / 1000), latencyMs: Math.max(...r.latency), panFps };
}`;
