/**
 * The benchmark's peer page (bench/peer.ts) draws the same thematic features as the app:
 * with the default layers and with every layer on, at the app's map size and camera, the
 * features each page has drawn (MapLibre's rendered features) carry the same ids per layer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildReferencePages } from '../../bench/pages.ts';
import { THEMATIC_LAYERS } from '../../src/core/layers.ts';
import { BENCH_PAGES, MAP_FRAME_SCRIPT, sizedPath, type MapFrame } from '../../bench/page-scripts.ts';
import { launch, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;

type Drawn = Record<string, string[]>;

/** The app's drawn thematic features, per layer: its style layers th-* (not the selection's). */
const APP_DRAWN = (): Drawn => {
  const map = window.__ntcc!.map;
  const layers = map
    .getStyle()
    .layers.map((l) => l.id)
    .filter((id) => id.startsWith('th-') && !id.startsWith('th-selected'));
  const out: Record<string, Set<string>> = {};
  for (const f of map.queryRenderedFeatures({ layers })) {
    const layer = String(f.properties['layer']);
    (out[layer] ??= new Set()).add(String(f.properties['id']));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
};

/** The peer's drawn features, per layer: one style layer per thematic layer, named by it. */
const PEER_DRAWN = (): Drawn => {
  const w = window as unknown as { __peer: import('maplibre-gl').Map; __peerIds: Record<string, string[]> };
  const out: Drawn = {};
  for (const layer of Object.keys(w.__peerIds)) {
    const ids = new Set(w.__peer.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties['id'])));
    if (ids.size) out[layer] = [...ids].sort();
  }
  return out;
};

async function compare(app: 'app' | 'all', peer: 'peer' | 'peerAll'): Promise<Drawn> {
  const a = await browser.context.newPage();
  const p = await browser.context.newPage();
  try {
    await a.goto(`${server.origin}${BENCH_PAGES[app].path}`);
    await a.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, BENCH_PAGES[app].mark, { timeout: 60_000 });
    await waitForMapIdle(a);
    const frame = (await a.evaluate(`(${MAP_FRAME_SCRIPT})()`)) as MapFrame;
    const appDrawn = await a.evaluate(APP_DRAWN);
    await p.goto(`${server.origin}${sizedPath(peer, frame)}`);
    await p.waitForFunction(() => performance.getEntriesByName('map-first-idle').length > 0, null, { timeout: 60_000 });
    const peerDrawn = await p.evaluate(PEER_DRAWN);
    assert.deepEqual(peerDrawn, appDrawn);
    return appDrawn;
  } finally {
    await a.close();
    await p.close();
  }
}

describe('the benchmark peer page', () => {
  before(async () => {
    await buildReferencePages();
    server = await startServer(4183);
    browser = await launch(1280, 800);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws the same features as the app with the default layers', async () => {
    const drawn = await compare('app', 'peer');
    const defaults = THEMATIC_LAYERS.filter((l) => l.defaultOn).map((l) => l.id);
    assert.deepEqual(Object.keys(drawn).sort(), [...defaults].sort());
  });

  it('draws the same features as the app with every layer on', async () => {
    const drawn = await compare('all', 'peerAll');
    // Every layer has features in the opening view.
    assert.deepEqual(Object.keys(drawn).sort(), THEMATIC_LAYERS.map((l) => l.id).sort());
  });
});
