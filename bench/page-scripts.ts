/**
 * The benchmark's in-page code, shared by `npm run bench` (playwright-core) and the GPU
 * driver (bench/gpu/cdp_bench.py, which reads it from dist/bench/scripts.json).
 */

import { THEMATIC_LAYERS } from '../src/core/layers.ts';

/**
 * The pages measured, each with the performance mark that says it is drawn and the window
 * handle its map is reached by: the bare MapLibre page, the app as it opens, and the app
 * with every thematic layer on.
 */
export const BENCH_PAGES = {
  bare: { path: '/bench/bare.html', mark: 'map-first-idle', handle: '__bare' },
  app: { path: '/', mark: 'deck-first-draw', handle: '__ntcc' },
  all: { path: `/#ly=${THEMATIC_LAYERS.map((l) => l.id).join(',')}`, mark: 'layers-drawn', handle: '__ntcc' },
} as const;

/** In-page code: the CSS size of the app's map, [width, height] (the bare page is drawn at it). */
export const MAP_SIZE_SCRIPT = `() => {
  const c = window.__ntcc.map.getContainer();
  return [c.clientWidth, c.clientHeight];
}`;

/** The bare page's address with its map at the app's map size (see bench/bare.ts). */
export const barePath = ([w, h]: readonly [number, number]): string => `${BENCH_PAGES.bare.path}?w=${w}&h=${h}`;

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

/**
 * In-page code (plain JavaScript, as above) for issue 5: plays scene transitions of the
 * built-in story by key press and returns the frames per second drawn during the fly-to
 * transitions, the time from the key event to the map's movestart, and the frame rate of
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
      let t0 = 0;
      const started = new Promise((r) => map.once('movestart', () => r(performance.now() - t0)));
      const ended = new Promise((r) => map.once('moveend', r));
      let frames = 0;
      const onRender = () => { frames++; };
      map.on('render', onRender);
      t0 = performance.now();
      key('ArrowRight');
      out.latency.push(await started);
      const s = performance.now();
      await ended;
      out.ms += performance.now() - s;
      map.off('render', onRender);
      out.frames += frames;
      await idle();
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
