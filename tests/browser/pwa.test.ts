/**
 * The installable app (PWA), from `vite preview` on loopback (a secure origin for a service
 * worker): the built app has a web manifest with 192 and 512 px icons (plain and maskable) and
 * a theme colour; after one visit its service worker controls the page, and with the network
 * cut and the server stopped a reload opens the app, draws the map, runs an analysis, an export
 * and the story with no failed request and no policy violation. A new version is offered,
 * never while presenting, and taken on the user's word. The offline presentation file has no
 * manifest and no service worker.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, mapPixels, screenshot, startServer, waitForMapIdle, type Browser } from './harness.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';

const pngSize = (b: Buffer): [number, number] => [b.readUInt32BE(16), b.readUInt32BE(20)];

/** How many different colours the map canvas shows (a blank map has one or two). */
async function colours(page: Page): Promise<number> {
  const { data } = await mapPixels(page);
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  return seen.size;
}

/** Waits until a service worker controls the page and has finished installing (its precache complete). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 60_000, polling: 100 });
}

/** Requests that failed, and answers that were errors, from now on. */
function watchFailures(b: Browser): string[] {
  const failed: string[] = [];
  b.context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
  b.context.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.url()} (${r.status()})`);
  });
  return failed;
}

describe('the installable app', () => {
  it('has a web manifest with 192 and 512 px icons, plain and maskable, and a theme colour; the offline file has neither manifest nor service worker', () => {
    const html = readFileSync('dist/index.html', 'utf8');
    assert.match(html, /<link rel="manifest" href="\.\/manifest\.webmanifest">/);
    assert.match(html, /<meta name="theme-color" content="#1d6f66"/);
    const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8')) as {
      name: string;
      short_name: string;
      lang: string;
      theme_color: string;
      display: string;
      start_url: string;
      name_localized: { en: string };
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    assert.equal(manifest.lang, 'vi');
    assert.match(manifest.name, /Bắc Trung Bộ/);
    assert.match(manifest.name_localized.en, /North Central/);
    assert.equal(manifest.theme_color, '#1d6f66');
    assert.equal(manifest.display, 'standalone');
    for (const purpose of ['any', 'maskable'])
      for (const px of [192, 512]) {
        const icon = manifest.icons.find((i) => i.purpose === purpose && i.sizes === `${px}x${px}`);
        assert.ok(icon, `${purpose} ${px}`);
        assert.deepEqual(pngSize(readFileSync(join('dist', icon.src))), [px, px], icon.src);
      }
    const player = readFileSync('dist/offline/offline.html', 'utf8');
    assert.doesNotMatch(player, /rel="manifest"/);
    assert.doesNotMatch(player, /serviceWorker|registerSW|workbox/);
  });

  it('after one visit, with the network cut and the server gone, a reload opens the app, draws the map, runs an analysis, an export and the story, with no failed request', async () => {
    const server = await startServer(4296);
    const b = await launch(1280, 800, [], { serviceWorkers: true });
    let stopped = false;
    try {
      const page = b.page;
      await page.goto(`${server.origin}/`);
      await waitForMapIdle(page);
      await controlled(page);
      // Nothing left to reach: the browser is offline and the server is gone.
      await b.context.setOffline(true);
      await server.stop();
      stopped = true;
      const failed = watchFailures(b);
      const violations: string[] = [];
      await page.exposeFunction('ntccViolation', (v: string) => violations.push(v));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { ntccViolation: (v: string) => void }).ntccViolation(`${e.effectiveDirective} ${e.blockedURI}`),
        ),
      );
      await page.reload();
      await waitForMapIdle(page);
      assert.ok((await colours(page)) > 20, 'the map draws from the cached tiles');
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      await page.waitForFunction(() => Object.keys(window.__ntcc?.store.getState().thematic ?? {}).length > 0, null, { timeout: 30_000 });
      await screenshot(page, 'pwa-offline-home');

      // An analysis (the panel's code and the worker load from the cache).
      await page.getByTestId('analysis-open').click();
      await page.waitForFunction(() => window.__ntcc?.store.getState().analysis.status === 'done', null, { timeout: 60_000 });
      await waitForMapIdle(page);
      await page.getByTestId('analysis-open').click();

      // An export: a layer as GeoJSON.
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-dialog').waitFor();
      await page.getByTestId('export-layer-provinces-2022').uncheck();
      await page.getByTestId('export-layer-seaports').check();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
      const dir = resolve('test-results/downloads');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `pwa-${download.suggestedFilename()}`);
      await download.saveAs(path);
      assert.equal((JSON.parse(readFileSync(path, 'utf8')) as { features: unknown[] }).features.length, 25);
      await page.keyboard.press('Escape');

      // The story, up to the gravity scene and its analysis.
      await page.getByTestId('present-start').click();
      await page.waitForFunction(() => window.__ntcc?.store.getState().presenting === true);
      const gravity = BUILTIN_STORY.scenes.findIndex((s) => s.analysis?.kind === 'gravity');
      for (let i = 0; i < gravity; i++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(
        (k) => {
          const s = window.__ntcc?.store.getState();
          return s?.storyIndex === k && s.pendingScene === null && s.analysis.status === 'done' && !window.__ntcc!.map.isMoving();
        },
        gravity,
        { timeout: 60_000 },
      );
      await waitForMapIdle(page);
      assert.equal(await page.evaluate(() => window.__ntcc!.store.getState().analysis.result?.kind), 'gravity');
      await screenshot(page, 'pwa-offline-story');
      await page.keyboard.press('Escape');

      assert.deepEqual(failed, []);
      assert.deepEqual(violations, []);
      assert.deepEqual(b.errors, []);
    } finally {
      await b.close();
      if (!stopped) await server.stop();
    }
  });

  describe('a new version', () => {
    // A copy of the build whose service worker can be changed, as a new release would change it.
    const DIR = resolve('test-results/pwa-dist');
    before(() => {
      rmSync(DIR, { recursive: true, force: true });
      cpSync('dist', DIR, { recursive: true });
    });
    after(() => {
      if (existsSync(DIR)) rmSync(DIR, { recursive: true, force: true });
    });

    it('is offered ("Có phiên bản mới — tải lại"), not while presenting, and taken only on the user’s word', async () => {
      const server = await startServer(4297, DIR);
      const b = await launch(1280, 800, [], { serviceWorkers: true });
      try {
        const page = b.page;
        await page.goto(`${server.origin}/`);
        await waitForMapIdle(page);
        await controlled(page);
        // A new release: the service worker's bytes change.
        writeFileSync(join(DIR, 'sw.js'), `${readFileSync(join(DIR, 'sw.js'), 'utf8')}\n// release 2\n`);
        // Presenting when it arrives: nothing is offered, nothing is swapped in.
        await page.evaluate(() => window.__ntcc!.store.getState().startPresentation(0));
        await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
        await page.waitForFunction(() => window.__ntcc?.store.getState().updateReady === true, null, { timeout: 60_000 });
        assert.equal(await page.getByTestId('update-prompt').count(), 0);
        assert.equal(await page.evaluate(() => window.__ntcc!.store.getState().presenting), true);
        const waiting = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null));
        assert.equal(waiting, 'installed');
        // Leaving the presentation: the offer shows, in the user's language.
        await page.keyboard.press('Escape');
        await page.getByTestId('update-prompt').waitFor();
        assert.equal(await page.getByTestId('update-reload').innerText(), 'Có phiên bản mới — tải lại');
        await page.evaluate(() => window.__ntcc!.store.getState().setLang('en'));
        assert.equal(await page.getByTestId('update-reload').innerText(), 'A new version is ready — reload');
        await screenshot(page, 'pwa-update-prompt');
        // Taken on the user's word: the page reloads under the new service worker.
        await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.getByTestId('update-reload').click()]);
        await waitForMapIdle(page);
        const now = await page.evaluate(() =>
          navigator.serviceWorker.getRegistration().then((r) => ({ waiting: r?.waiting ?? null, active: r?.active?.state })),
        );
        assert.deepEqual(now, { waiting: null, active: 'activated' });
        assert.equal(await page.getByTestId('update-prompt').count(), 0);
        assert.deepEqual(b.errors, []);
      } finally {
        await b.close();
        await server.stop();
      }
    });
  });
});
