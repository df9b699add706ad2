/**
 * deck.gl made ready while the map is still (src/map/deck-warm.ts): after the warm-up, the first
 * run of every analysis kind links no deck.gl program (each link, and luma.gl's questions about a
 * new program, holds the page until the GPU process has caught up), and the warm-up draws
 * nothing: the canvas is the same before and after it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYSES } from '../../src/core/analysis.ts';
import { launch, mapPixels, startServer, waitForAnalysis, waitForDeckWarm, waitForMapIdle, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;

/** Counts the programs linked whose vertex shader is luma.gl's (deck.gl's), by the prologue luma.gl writes. */
const COUNT_LINKS = `(() => {
  const P = WebGL2RenderingContext.prototype;
  const source = new WeakMap();
  const vertex = new WeakMap();
  const shaderSource = P.shaderSource, attachShader = P.attachShader, linkProgram = P.linkProgram;
  window.__deckLinks = [];
  P.shaderSource = function (s, text) { source.set(s, text); return shaderSource.call(this, s, text); };
  P.attachShader = function (p, s) { const t = source.get(s) || ''; if (t.includes('SHADER_TYPE_VERTEX')) vertex.set(p, t); return attachShader.call(this, p, s); };
  P.linkProgram = function (p) { const t = vertex.get(p); if (t) window.__deckLinks.push((t.match(/#define SHADER_NAME (\\S+)/) || [])[1] || 'deck'); return linkProgram.call(this, p); };
})()`;

describe('deck.gl made ready while the map is still', () => {
  before(async () => {
    server = await startServer(4193);
    browser = await launch(1280, 800);
    await browser.page.addInitScript(COUNT_LINKS);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('starts after the first idle, draws nothing, and leaves no program for a first analysis to link', async () => {
    const { page, errors } = browser;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
    const pixels = async (): Promise<string> => {
      const { data, width, height } = await mapPixels(page);
      let h = 0;
      for (let i = 0; i < data.length; i += 97) h = (h * 31 + data[i]!) >>> 0;
      return `${width}x${height}:${h}`;
    };
    const canvasBefore = await pixels();
    await waitForDeckWarm(page);
    const marks = await page.evaluate(() => ({
      idle: performance.getEntriesByName('map-first-idle')[0]!.startTime,
      added: performance.getEntriesByName('deck-added')[0]!.startTime,
      drawn: performance.getEntriesByName('deck-first-draw').length,
    }));
    assert.ok(marks.added > marks.idle, `deck.gl added at ${marks.added} ms, the map first idle at ${marks.idle} ms`);
    // The warm-up's empty layers are not a draw of the app's own.
    assert.equal(marks.drawn, 0);
    // deck.gl draws with the luma.gl device the app made for the map's context before adding it
    // (made between frames, not in one), not with one of its own.
    const device = (await page.evaluate(`(() => {
      const gl = window.__ntcc.map.getCanvas().getContext('webgl2');
      const deck = window.__ntcc.overlay['_deck'];
      return { id: gl.luma && gl.luma.device ? gl.luma.device.id : null, same: Boolean(deck && deck.device === gl.luma.device) };
    })()`)) as { id: string | null; same: boolean };
    assert.deepEqual(device, { id: 'ntcc-map', same: true });
    await page.evaluate(
      () =>
        new Promise<void>((r) => {
          window.__ntcc!.map.once('idle', () => r());
          window.__ntcc!.map.triggerRepaint();
        }),
    );
    assert.equal(await pixels(), canvasBefore, 'the warm-up left something on the canvas');
    const warmed = (await page.evaluate('window.__deckLinks.slice()')) as string[];
    assert.ok(warmed.length >= 6, `programs linked by the warm-up: ${warmed.join(', ')}`);

    await page.evaluate(() => window.__ntcc!.store.getState().setAnalysisOpen(true));
    for (const kind of ANALYSES) {
      await page.evaluate((k) => window.__ntcc!.store.getState().setAnalysisParams({ kind: k, cellKm: 20 } as never), kind);
      await waitForAnalysis(page, kind);
      await waitForMapIdle(page);
    }
    const links = (await page.evaluate('window.__deckLinks.slice()')) as string[];
    assert.deepEqual(links.slice(warmed.length), [], `linked after the warm-up, by a first run: ${links.slice(warmed.length).join(', ')}`);
    assert.deepEqual(errors, []);
  });
});
