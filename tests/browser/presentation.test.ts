/**
 * Browser tests of presentation mode at 1920×1080, device pixel ratio 2: keys move between
 * scenes and the camera (the scene's subject whole, clear of the caption) and layers follow; the scene change starts within the key's own
 * event (before the next frame); the presenter window and the audience window stay in
 * step; a captured scene survives a reload; a corrupted saved story leaves the app usable
 * with a message; export then import gives the same story; a deep link opens a scene.
 * Screenshots of three scenes are saved for a look.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, sceneFaults, screenshot, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';

let server: Server;
let browser: Browser;
let page: Page;

const state = <T>(fn: string): Promise<T> =>
  page.evaluate(`(() => { const s = window.__ntcc.store.getState(); return ${fn}; })()`) as Promise<T>;
async function settled(): Promise<void> {
  await page.waitForFunction(() => !window.__ntcc?.map.isMoving(), null, { timeout: 30_000, polling: 50 });
  await waitForMapIdle(page);
}
async function press(key: string): Promise<void> {
  await page.keyboard.press(key);
  await settled();
}

describe('presentation mode in Chromium (1920×1080, DPR 2)', () => {
  before(async () => {
    server = await startServer(4176);
    browser = await launch(1920, 1080, [], { deviceScaleFactor: 2 });
    page = browser.page;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays the built-in story: keys move between scenes, camera and layers follow', async () => {
    assert.equal(await state<number>('s.story.scenes.length'), BUILTIN_STORY.scenes.length);
    await page.getByTestId('story-open').click();
    await page.getByTestId('story-present').click();
    await settled();
    assert.equal(await state<boolean>('s.presenting'), true);
    assert.equal(await page.locator('.toolbar').isVisible(), false);
    assert.match(await page.getByTestId('present-caption').innerText(), /14 tỉnh/);
    await screenshot(page, 'present-scene-1');

    await press('ArrowRight');
    assert.equal(await state<number>('s.storyIndex'), 1);
    assert.equal(await state<string>('s.edition'), '2025');
    await press('4');
    assert.equal(await state<number>('s.storyIndex'), 3);
    assert.deepEqual(await state<string[]>('Object.keys(s.layers).filter((k) => s.layers[k].visible)'), ['corridors', 'border-gates']);
    // The camera shows the scene's subject whole, clear of the caption, at the scene's pitch.
    const cam = BUILTIN_STORY.scenes[3]!.camera;
    assert.deepEqual(await sceneFaults(page, { width: 1920, height: 1080 }), []);
    assert.ok(Math.abs((await page.evaluate(() => window.__ntcc!.map.getPitch())) - cam.pitch) < 0.5);
    assert.ok(Math.abs((await page.evaluate(() => window.__ntcc!.map.getBearing())) - cam.bearing) < 0.5);
    await screenshot(page, 'present-scene-4');
    await press('PageDown');
    await press(' ');
    assert.equal(await state<number>('s.storyIndex'), 5);
    await page.waitForFunction(() => window.__ntcc?.store.getState().analysis.status === 'done', null, { timeout: 60_000 });
    await settled();
    assert.equal(await state<string>('s.analysis.result.kind'), 'gravity');
    await screenshot(page, 'present-scene-6');
    await press('PageUp');
    assert.equal(await state<number>('s.storyIndex'), 4);
    await press('End');
    assert.equal(await state<number>('s.storyIndex'), BUILTIN_STORY.scenes.length - 1);
    await press('ArrowRight'); // already at the end: stays
    assert.equal(await state<number>('s.storyIndex'), BUILTIN_STORY.scenes.length - 1);
    await press('Home');
    assert.equal(await state<number>('s.storyIndex'), 0);
    await page.keyboard.press('b');
    assert.equal(await page.getByTestId('blackout').isVisible(), true);
    await page.keyboard.press('.');
    assert.equal(await page.getByTestId('blackout').count(), 0);
  });

  it('starts the scene change within the key press, before the next frame', async () => {
    const r = await page.evaluate(
      () =>
        new Promise<{ startedInEvent: boolean; frameAfterStart: boolean }>((resolve) => {
          const map = window.__ntcc!.map;
          let started = false;
          let frameBeforeStart = false;
          map.once('movestart', () => (started = true));
          window.addEventListener(
            'keydown',
            () => {
              requestAnimationFrame(() => {
                frameBeforeStart = !started;
              });
            },
            { capture: true, once: true },
          );
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
          const startedInEvent = started;
          requestAnimationFrame(() => resolve({ startedInEvent, frameAfterStart: !frameBeforeStart }));
        }),
    );
    assert.deepEqual(r, { startedInEvent: true, frameAfterStart: true });
    await settled();
  });

  it('keeps the presenter window and the audience window in step, whichever is driven', async () => {
    await press('Home');
    const presenter = await browser.context.newPage();
    await presenter.goto(`${server.origin}/#presenter`);
    await presenter.getByTestId('presenter-caption').waitFor();
    assert.equal(await presenter.getByTestId('presenter-caption').innerText(), BUILTIN_STORY.scenes[0]!.caption.vi);
    assert.equal(await presenter.getByTestId('presenter-next').innerText(), BUILTIN_STORY.scenes[1]!.caption.vi);
    // Driven from the presenter window.
    await presenter.bringToFront();
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__ntcc?.store.getState().storyIndex === 2, null, { timeout: 10_000 });
    assert.match(await presenter.getByTestId('presenter-notes').innerText(), /1.554/);
    // Driven from the audience window.
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await presenter.waitForFunction(
      (n) => document.querySelector('[data-testid="presenter-count"]')?.textContent?.includes(`4/${n}`),
      BUILTIN_STORY.scenes.length,
      {
        timeout: 10_000,
      },
    );
    assert.equal(await presenter.getByTestId('presenter-caption').innerText(), BUILTIN_STORY.scenes[3]!.caption.vi);
    await presenter.screenshot({ path: 'test-results/screenshots/presenter-view.png' });
    await presenter.close();
    await settled();
    await page.keyboard.press('Escape');
    assert.equal(await state<boolean>('s.presenting'), false);
  });

  it('a captured scene, with its caption, survives a reload', async () => {
    await page.evaluate(() => window.__ntcc!.store.getState().setStoryOpen(true));
    await page.evaluate(() => window.__ntcc!.store.getState().flyTo([108.2, 16.05], 8));
    await settled();
    await page.getByTestId('story-capture').click();
    await page.getByTestId('story-caption-vi').fill('Cảnh thử: Đà Nẵng');
    const n = await state<number>('s.story.scenes.length');
    assert.equal(n, BUILTIN_STORY.scenes.length + 1);
    await page.waitForTimeout(500); // saved after 200 ms
    await page.reload();
    await waitForMapIdle(page);
    const reloaded = await state<{ n: number; captions: string[] }>(
      '({ n: s.story.scenes.length, captions: s.story.scenes.map((x) => x.caption.vi) })',
    );
    assert.equal(reloaded.n, n);
    assert.ok(reloaded.captions.includes('Cảnh thử: Đà Nẵng'));
    // Undo the capture: back to the built-in scenes.
    await page.evaluate(() => window.__ntcc!.store.getState().setStoryOpen(true));
    await page.getByTestId('story-reset').click();
    assert.equal(await state<number>('s.story.scenes.length'), BUILTIN_STORY.scenes.length);
    await page.getByTestId('story-undo').click();
    assert.equal(await state<number>('s.story.scenes.length'), n);
  });

  it('exports the story to a file and imports it back unchanged; a bad file changes nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('story-export').click()]);
    const path = await download.path();
    const text = readFileSync(path!, 'utf8');
    const original = await state<unknown>('s.story');
    await page.getByTestId('story-reset').click();
    await page.getByTestId('story-import').setInputFiles({ name: 'story.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => window.__ntcc?.store.getState().notice?.key === 'Story.Imported');
    assert.deepEqual(await state<unknown>('s.story'), original);
    const bad = JSON.stringify({ schema: 1, story: { title: { vi: 'x', en: 'x' }, scenes: [{ id: 'a' }] } });
    await page.getByTestId('story-import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await page.waitForFunction(() => window.__ntcc?.store.getState().notice?.key === 'Story.ImportFailed');
    assert.deepEqual(await state<unknown>('s.story'), original);
    assert.match(await page.getByTestId('notice').innerText(), /không hợp lệ/);
  });

  it('a corrupted saved story leaves the app usable, with a message, and is set aside, not lost', async () => {
    const broken = '{"schema":1,"story":{"title":5,"scenes":"oops"';
    // Let the last edit's save (200 ms after it) land first, or it would write over the broken value.
    await page.waitForTimeout(500);
    await page.evaluate((b) => localStorage.setItem('ntcc.story', b), broken);
    await page.reload();
    await waitForMapIdle(page);
    assert.equal(await page.getByTestId('notice').getAttribute('role'), 'alert');
    assert.match(await page.getByTestId('notice').innerText(), /không đọc được/);
    assert.equal(await state<number>('s.story.scenes.length'), BUILTIN_STORY.scenes.length);
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('ntcc.story.unreadable.'))
        .map((k) => localStorage.getItem(k)),
    );
    assert.deepEqual(kept, [broken]);
    await screenshot(page, 'story-unreadable');
    // Still usable: the story plays.
    await page.evaluate(() => window.__ntcc!.store.getState().startPresentation(0));
    await press('ArrowRight');
    assert.equal(await state<number>('s.storyIndex'), 1);
    await page.keyboard.press('Escape');
  });

  it('a deep link opens the story at a scene', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#story=5`);
    await page.waitForFunction(() => window.__ntcc?.store.getState().presenting === true, null, { timeout: 30_000 });
    await settled();
    assert.equal(await state<number>('s.storyIndex'), 4);
    assert.match(await page.getByTestId('present-caption').innerText(), /Cảng biển/);
    assert.deepEqual(browser.errors, []);
  });

  it('cuts to the next scene instead of flying when the system asks for reduced motion', async () => {
    const reduced = await launch(1280, 800, [], { reducedMotion: 'reduce' });
    try {
      const p = reduced.page;
      await p.goto(`${server.origin}/`);
      await waitForMapIdle(p);
      await p.evaluate(() => window.__ntcc!.store.getState().startPresentation(2));
      await p.waitForFunction(() => window.__ntcc?.store.getState().captionBox !== null);
      const r = await p.evaluate(() => {
        const map = window.__ntcc!.map;
        const was = map.getCenter().toArray();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        // A cut: the camera is already there, in the same task, and nothing is animating.
        return { was, centre: map.getCenter().toArray(), pitch: map.getPitch(), moving: map.isMoving() };
      });
      const cam = BUILTIN_STORY.scenes[3]!.camera;
      assert.notDeepEqual(r.centre, r.was);
      assert.ok(Math.abs(r.pitch - cam.pitch) < 1e-6, JSON.stringify(r));
      assert.equal(r.moving, false);
      // Once the caption has its new box, the scene's subject is whole and clear of it: no flight either.
      await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      assert.equal(await p.evaluate(() => window.__ntcc!.map.isMoving()), false);
      assert.deepEqual(await sceneFaults(p, { width: 1280, height: 800 }), []);
    } finally {
      await reduced.close();
    }
  });
});
