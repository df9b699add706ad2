/**
 * Every built-in scene on every screen, from a phone held sideways to 4K, in the app and the
 * offline file: the caption lies whole inside the screen (nothing scrolled, cut or hidden in
 * the card or anything in it) and the scene's subject (its `subject` box, projected at the
 * scene's pitch and bearing) lies on the screen clear of the caption. The presenter window
 * shows the current caption and its figures whole too. Screenshots of the last scene at
 * each size are saved for a look.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, sceneFaults, screenshot, startServer, waitForMapIdle, type Server } from './harness.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';
import { writeOfflineStory } from '../../cli/story.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
  { width: 844, height: 390 },
] as const;
/** Also: 4K, a phone and a tablet held upright. */
const MORE = [
  { width: 3840, height: 2160 },
  { width: 390, height: 844 },
  { width: 820, height: 1180 },
] as const;

/** Shows scene i while presenting and waits until its camera has arrived and its caption has settled. */
async function showScene(page: Page, i: number): Promise<void> {
  await page.evaluate((k) => window.__ntcc!.store.getState().goToScene(k), i);
  await page.waitForFunction(
    (k) => {
      const s = window.__ntcc?.store.getState();
      return s?.storyIndex === k && s.pendingScene === null && s.captionBox !== null && !window.__ntcc!.map.isMoving();
    },
    i,
    { timeout: 20_000, polling: 50 },
  );
  // A scene with a chart: it is part of the caption, so the card is checked with it drawn.
  if (BUILTIN_STORY.scenes[i]?.chart) {
    await page.waitForSelector('[data-testid="present-chart"] svg.chart-svg', { timeout: 60_000 });
    // The card is fitted again in the frame after the chart arrives (in software WebGL that frame
    // can come a second later), and its new box goes to the store, which moves the camera. Wait (at
    // most 10 s) until the card fits and the store holds its box as it is now; the faults are read after.
    await page
      .waitForFunction(
        () => {
          const c = document.querySelector<HTMLElement>('[data-testid="present-caption"]');
          const root = document.querySelector<HTMLElement>('[data-testid="presentation"]');
          const box = window.__ntcc?.store.getState().captionBox;
          if (!c || !root || !box) return false;
          const r = c.getBoundingClientRect();
          const o = root.getBoundingClientRect();
          const told =
            Math.abs(r.left - o.left - box.left) < 1 &&
            Math.abs(r.top - o.top - box.top) < 1 &&
            Math.abs(r.right - o.left - box.right) < 1 &&
            Math.abs(r.bottom - o.top - box.bottom) < 1;
          return told && c.scrollHeight <= c.clientHeight && c.scrollWidth <= c.clientWidth;
        },
        null,
        { timeout: 10_000, polling: 50 },
      )
      .catch(() => undefined);
  }
  // Two frames: the caption's fit and the camera's answer to its box are done.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForFunction(() => !window.__ntcc!.map.isMoving(), null, { timeout: 20_000, polling: 50 });
}

/** Walks every scene in both languages at each size; returns the faults, by size, scene and language. */
async function walk(
  page: Page,
  sizes: readonly { width: number; height: number }[],
  shots: string,
  langs: readonly ('vi' | 'en')[] = ['vi', 'en'],
): Promise<{ total: number; faults: string[] }> {
  const faults: string[] = [];
  let total = 0;
  for (const size of sizes) {
    await page.setViewportSize(size);
    for (const lang of langs) {
      await page.evaluate((l) => window.__ntcc!.store.getState().setLang(l), lang);
      for (let i = 0; i < BUILTIN_STORY.scenes.length; i++) {
        await showScene(page, i);
        total++;
        for (const f of await sceneFaults(page, size)) faults.push(`${size.width}×${size.height} scene ${i + 1} (${lang}): ${f}`);
        if (i === BUILTIN_STORY.scenes.length - 1 && lang === 'vi') {
          await waitForMapIdle(page);
          await screenshot(page, `${shots}-last-scene-${size.width}x${size.height}`);
        }
      }
    }
  }
  return { total, faults };
}

describe('every scene fits every screen', () => {
  let server: Server;
  before(async () => {
    server = await startServer(4189);
  });
  after(async () => {
    await server?.stop();
  });

  it('in the app: each caption whole and each subject on screen clear of it, at five sizes in both languages, and at 4K and on two upright screens', async () => {
    const b = await launch(SIZES[0].width, SIZES[0].height, [], { reducedMotion: 'reduce' });
    try {
      await b.page.goto(`${server.origin}/`);
      await waitForMapIdle(b.page);
      await b.page.evaluate(() => window.__ntcc!.store.getState().startPresentation(0));
      // Both languages at the five sizes; Vietnamese (the longer captions) at the others (4K draws slowly in software).
      const five = await walk(b.page, SIZES, 'fit-app');
      const more = await walk(b.page, MORE, 'fit-app', ['vi']);
      const total = five.total + more.total;
      const faults = [...five.faults, ...more.faults];
      const bad = new Set(faults.map((f) => f.split(':')[0] ?? f));
      const n = SIZES.length * BUILTIN_STORY.scenes.length;
      const badFive = [...bad].filter((k) => k.endsWith('(vi)') && SIZES.some((z) => k.startsWith(`${z.width}×${z.height} `))).length;
      console.log(
        `scenes that fit at the five sizes (Vietnamese): ${n - badFive} of ${n}; every size and language walked: ${total - bad.size} of ${total}`,
      );
      assert.equal(total, BUILTIN_STORY.scenes.length * (SIZES.length * 2 + MORE.length));
      assert.deepEqual(faults, []);
      assert.deepEqual([...b.errors, ...b.warnings], []);
    } finally {
      await b.close();
    }
  });

  it('in the offline file, from file://: the same at 844×390 and 1280×720', async () => {
    const dir = resolve('test-results/offline');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'fit.html');
    writeOfflineStory('vi', { out: file, storyLang: 'vi', version: 'test' });
    const b = await launch(1280, 720, [], { reducedMotion: 'reduce' });
    try {
      await b.page.goto(`file://${file}`);
      await waitForMapIdle(b.page);
      await b.page.keyboard.press('ArrowRight');
      await b.page.waitForFunction(() => window.__ntcc?.store.getState().presenting === true);
      const { faults } = await walk(b.page, [SIZES[4], SIZES[0]], 'fit-offline');
      assert.deepEqual(faults, []);
      assert.deepEqual([...b.errors, ...b.warnings], []);
    } finally {
      await b.close();
    }
  });

  it('in the presenter window: the current caption and its figures whole at each size', async () => {
    const b = await launch(SIZES[0].width, SIZES[0].height);
    try {
      await b.page.goto(`${server.origin}/`);
      await waitForMapIdle(b.page);
      await b.page.evaluate(() => window.__ntcc!.store.getState().startPresentation(0));
      const presenter = await b.context.newPage();
      await presenter.goto(`${server.origin}/#presenter`);
      await presenter.getByTestId('presenter-caption').waitFor();
      const faults: string[] = [];
      for (const size of [...SIZES, { width: 390, height: 844 }]) {
        await presenter.setViewportSize(size);
        for (let i = 0; i < BUILTIN_STORY.scenes.length; i++) {
          await b.page.evaluate((k) => window.__ntcc!.store.getState().goToScene(k), i);
          await presenter.waitForFunction(
            (k) => document.querySelector('[data-testid="presenter-count"]')?.textContent?.includes(`${k + 1}/`),
            i,
          );
          const f = await presenter.evaluate(({ width, height }) => {
            const out: string[] = [];
            const el = document.querySelector<HTMLElement>('[data-testid="presenter-current-card"]');
            if (!el) return ['no card'];
            const r = el.getBoundingClientRect();
            if (r.left < 0 || r.top < 0 || r.right > width || r.bottom > height)
              out.push(`card ${Math.round(r.top)}–${Math.round(r.bottom)} off screen`);
            if (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)
              out.push(`content ${el.scrollHeight} px in ${el.clientHeight} px`);
            return out;
          }, size);
          for (const x of f) faults.push(`${size.width}×${size.height} scene ${i + 1}: ${x}`);
        }
        await presenter.screenshot({ path: `test-results/screenshots/fit-presenter-${size.width}x${size.height}.png` });
      }
      assert.deepEqual(faults, []);
    } finally {
      await b.close();
    }
  });
});
