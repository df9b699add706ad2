/**
 * The story as one offline HTML file: written by `ntcc story` (and by the app's story
 * editor), opened from file:// in Chromium with every network address refused. The map
 * draws from the tiles inside the file, the arrow keys step through the scenes (the gravity
 * scene draws its carried result), the language switches, nothing is requested beyond the
 * file (data: and blob: URLs it makes itself), and no policy violation is reported. A file
 * whose data block is damaged or from a newer version says so.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, mapPixels, screenshot, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';
import { writeOfflineStory } from '../../cli/story.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';

const OUT = resolve('test-results/offline');
const FILE = join(OUT, 'story.html');

/** Opens a file with every request other than the file itself refused; returns what was asked for. */
async function openOffline(b: Browser, path: string): Promise<string[]> {
  const refused: string[] = [];
  await b.context.route('**/*', (r) => {
    const url = r.request().url();
    if (url.startsWith('file:')) return r.continue();
    refused.push(url);
    return r.abort();
  });
  await b.page.goto(`file://${path}`);
  return refused;
}

/** How many different colours the map canvas shows (a blank map has one or two). */
async function colours(page: Page): Promise<number> {
  const { data } = await mapPixels(page);
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return seen.size;
}

const settle = (page: Page) => page.waitForFunction(() => !window.__ntcc?.map.isMoving(), null, { timeout: 30_000, polling: 50 });

describe('the offline presentation file', () => {
  before(() => {
    mkdirSync(OUT, { recursive: true });
    const bytes = writeOfflineStory('en', { out: FILE, storyLang: 'vi', version: 'test' });
    console.log(`offline file: ${(bytes / 1e6).toFixed(2)} MB`);
  });

  it('plays from file:// with the network refused: the map draws, keys step the scenes, nothing leaves the file', async () => {
    const b = await launch(1920, 1080);
    try {
      const refused = await openOffline(b, FILE);
      await waitForMapIdle(b.page);
      assert.ok((await colours(b.page)) > 20, 'the map draws from the tiles in the file');
      const csp = await b.page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      );
      assert.match(csp ?? '', /default-src 'none'/);
      await screenshot(b.page, 'offline-start-1920');
      await b.page.getByTestId('offline-present').click();
      await settle(b.page);
      assert.match(await b.page.getByTestId('present-caption').innerText(), /14 tỉnh/);
      const gravity = BUILTIN_STORY.scenes.findIndex((s) => s.analysis?.kind === 'gravity');
      for (let i = 0; i < gravity; i++) {
        await b.page.keyboard.press('ArrowRight');
        await settle(b.page);
      }
      assert.equal(await b.page.evaluate(() => window.__ntcc!.store.getState().storyIndex), gravity);
      await b.page.waitForFunction(() => window.__ntcc!.store.getState().analysis.status === 'done', null, { timeout: 30_000 });
      await waitForMapIdle(b.page);
      assert.equal(await b.page.evaluate(() => window.__ntcc!.store.getState().analysis.result?.kind), 'gravity');
      assert.match(await b.page.getByTestId('present-caption').innerText(), /Lực hút/);
      await screenshot(b.page, 'offline-gravity-1920');
      await b.page.keyboard.press('Escape');
      await b.page.getByTestId('offline-lang-en').click();
      await b.page.getByTestId('offline-present').click();
      await settle(b.page);
      assert.match(await b.page.getByTestId('present-caption').innerText(), /gravity|linkage|pull/i);
      assert.deepEqual(refused, []);
      assert.deepEqual(
        b.requests.filter((u) => !/^(file|data|blob):/.test(u)),
        [],
      );
      assert.deepEqual([...b.errors, ...b.warnings], []);
      // The file's own policy, not only the refused network, stops a request to another host.
      const blocked = await b.page.evaluate(async () => {
        const seen: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
        await fetch('https://example.org/x').catch(() => undefined);
        const img = document.createElement('img');
        img.src = 'https://example.org/x.png';
        document.body.append(img);
        const script = document.createElement('script');
        script.src = 'https://example.org/x.js';
        document.body.append(script);
        await new Promise((r) => setTimeout(r, 500));
        return seen.sort();
      });
      assert.deepEqual(blocked, ['connect-src', 'img-src', 'script-src-elem']);
    } finally {
      await b.close();
    }
  });

  it('a clicker starts it from the title card (→ Page Down Space Enter), steps back (← Page Up) to the card, and B blacks out', async () => {
    const b = await launch(1280, 720);
    const page = b.page;
    const at = (): Promise<{ presenting: boolean; index: number; blackout: boolean }> =>
      page.evaluate(() => {
        const s = window.__ntcc!.store.getState();
        return { presenting: s.presenting, index: s.storyIndex, blackout: s.blackout };
      });
    try {
      const refused = await openOffline(b, FILE);
      await waitForMapIdle(page);
      // The hint names the clicker's keys, and only keys that do something here.
      const hint = await page.getByTestId('offline-start').innerText();
      assert.match(hint, /→ Space Enter PageDown/);
      assert.doesNotMatch(hint, /Home|1–9/);
      for (const key of ['ArrowRight', 'PageDown', ' ', 'Enter']) {
        await page.keyboard.press(key);
        await page.waitForFunction(() => window.__ntcc!.store.getState().presenting, null, { timeout: 5000 });
        assert.deepEqual(await at(), { presenting: true, index: 0, blackout: false }, key);
        await settle(page);
        // ← on the first scene goes back to the title card (the map stays where it is).
        await page.keyboard.press(key === 'PageDown' ? 'PageUp' : 'ArrowLeft');
        await page.getByTestId('offline-start').waitFor();
        assert.equal((await at()).presenting, false, key);
      }
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await page.waitForFunction(() => window.__ntcc!.store.getState().storyIndex === 1);
      await settle(page);
      await page.keyboard.press('PageUp');
      await page.waitForFunction(() => window.__ntcc!.store.getState().storyIndex === 0);
      await page.keyboard.press('b');
      assert.equal(await page.getByTestId('blackout').isVisible(), true);
      await page.keyboard.press('b');
      assert.equal(await page.getByTestId('blackout').count(), 0);
      await page.keyboard.press('Escape');
      await page.getByTestId('offline-start').waitFor();
      // On the title card too.
      await page.keyboard.press('B');
      assert.equal(await page.getByTestId('blackout').isVisible(), true);
      await page.keyboard.press('B');
      assert.equal(await page.getByTestId('blackout').count(), 0);
      await screenshot(page, 'offline-title-1280x720');
      assert.deepEqual(refused, []);
      assert.deepEqual([...b.errors, ...b.warnings], []);
    } finally {
      await b.close();
    }
  });

  it('fits a 1366×768 screen', async () => {
    const b = await launch(1366, 768);
    try {
      await openOffline(b, FILE);
      await waitForMapIdle(b.page);
      await b.page.getByTestId('offline-present').click();
      await settle(b.page);
      await waitForMapIdle(b.page);
      await screenshot(b.page, 'offline-scene1-1366');
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
    }
  });

  it('says so when its data block is damaged or from a newer version', async () => {
    const html = readFileSync(FILE, 'utf8');
    const damaged = join(OUT, 'damaged.html');
    writeFileSync(damaged, html.replace(/(id="ntcc-offline-data">)\{"schema":1/, '$1{"schema":99'));
    const b = await launch(1280, 800);
    try {
      await openOffline(b, damaged);
      assert.match(await b.page.getByTestId('offline-error').innerText(), /newer version \(format 99\)/);
    } finally {
      await b.close();
    }
  });
});

describe('the offline file from the story editor', () => {
  let server: Server;
  let b: Browser;
  before(async () => {
    server = await startServer(4186);
    b = await launch(1366, 768);
    await b.page.goto(`${server.origin}/`);
    await waitForMapIdle(b.page);
  });
  after(async () => {
    await b?.close();
    await server?.stop();
  });

  it('saves the story with its tiles and analysis results, and the file plays', async () => {
    await b.page.getByTestId('story-open').click();
    const [download] = await Promise.all([
      b.page.waitForEvent('download', { timeout: 300_000 }),
      b.page.getByTestId('story-offline').click(),
    ]);
    const path = join(OUT, 'from-app.html');
    await download.saveAs(path);
    assert.match((await b.page.getByTestId('story-pptx-status').textContent()) ?? '', /ntcc-story\.html/);
    const size = statSync(path).size;
    assert.ok(size < 15e6, `${(size / 1e6).toFixed(1)} MB`);
    const block = /id="ntcc-offline-data">([\s\S]*?)<\/script>/.exec(readFileSync(path, 'utf8'))![1]!;
    const payload = JSON.parse(block) as { tiles: Record<string, string>; results: Record<string, unknown> };
    assert.ok(Object.keys(payload.tiles).length > 100);
    // One result per scene with an analysis, and the baseline of each that compares.
    const expected =
      BUILTIN_STORY.scenes.filter((s) => s.analysis).length + BUILTIN_STORY.scenes.filter((s) => s.analysis && s.compare).length;
    assert.equal(Object.keys(payload.results).length, expected);
    const player = await launch(1280, 800);
    try {
      await openOffline(player, path);
      await waitForMapIdle(player.page);
      assert.ok((await colours(player.page)) > 20);
      assert.deepEqual(player.errors, []);
    } finally {
      await player.close();
    }
  });
});
