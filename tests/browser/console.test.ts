/**
 * A quiet console: a user's tour of every view (every layer on and off, the horizons, both
 * editions, both languages, each analysis kind, the export dialog, every scene of the story,
 * the presenter window) leaves no warning and no error in the console, on a desktop and on a
 * phone, with the service worker installing meanwhile. Only the messages of ALLOWED pass, each outside the app's control.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';
import { ANALYSES } from '../../src/core/analysis.ts';
import { THEMATIC_LAYERS } from '../../src/core/layers.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';

/**
 * Messages outside the app's control that may pass, each with why (a pattern and a reason).
 * None today: Debian's Chromium with software WebGL says nothing while the app runs.
 */
const ALLOWED: { pattern: RegExp; why: string }[] = [];

/** What the console said that no entry of ALLOWED explains. */
const unexplained = (b: Browser): string[] => [...b.errors, ...b.warnings].filter((m) => !ALLOWED.some((a) => a.pattern.test(m)));

const idle = (page: Page): Promise<void> =>
  page
    .waitForFunction(() => !window.__ntcc?.map.isMoving() && window.__ntcc?.store.getState().pendingScene === null, null, {
      timeout: 30_000,
      polling: 50,
    })
    .then(() => waitForMapIdle(page));

/** Opens the menu where the toolbar folds one, then clicks a control in it. */
async function fromMenu(page: Page, testid: string): Promise<void> {
  if (await page.getByTestId('menu-toggle').isVisible()) await page.getByTestId('menu-toggle').click();
  await page.getByTestId(testid).click();
}

describe('a quiet console', () => {
  let server: Server;
  before(async () => {
    server = await startServer(4298);
  });
  after(async () => {
    await server?.stop();
  });

  it('on a desktop: layers, horizons, editions, languages, each analysis, export, the story and the presenter window', async () => {
    const b = await launch(1366, 768, [], { serviceWorkers: true });
    const page = b.page;
    try {
      await page.goto(`${server.origin}/`);
      await waitForMapIdle(page);
      await page.waitForFunction(() => Object.keys(window.__ntcc?.store.getState().thematic ?? {}).length > 0, null, { timeout: 60_000 });
      // Every layer on (the defence layers too), then as it was.
      const on = await page.evaluate(() => {
        const l = window.__ntcc!.store.getState().layers;
        return Object.keys(l).filter((k) => l[k as keyof typeof l].visible);
      });
      for (const l of THEMATIC_LAYERS) if (!on.includes(l.id)) await page.getByTestId(`toggle-${l.id}`).check();
      await idle(page);
      for (const h of ['today', '2030', '2045']) {
        await page.getByTestId(`horizon-${h}`).click();
        await idle(page);
      }
      for (const l of THEMATIC_LAYERS) if (!on.includes(l.id)) await page.getByTestId(`toggle-${l.id}`).uncheck();
      await page.getByTestId('edition-2025').click();
      await idle(page);
      await page.getByTestId('lang-en').click();
      await idle(page);
      await page.getByTestId('edition-2022').click();
      await page.getByTestId('lang-vi').click();
      await idle(page);
      // Each analysis kind, as the panel runs it.
      await page.getByTestId('analysis-open').click();
      for (const kind of ANALYSES) {
        await page.getByTestId('param-kind').selectOption(kind);
        await page.waitForFunction(
          (k) => {
            const s = window.__ntcc?.store.getState();
            return s?.analysisParams.kind === k && (s.analysis.status === 'done' || s.analysis.status === 'error');
          },
          kind,
          { timeout: 120_000 },
        );
        await idle(page);
      }
      await page.getByTestId('analysis-open').click();
      await page.getByTestId('export-open').click();
      await page.getByTestId('export-dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
      // The story, every scene, with the presenter window open.
      await page.getByTestId('present-start').click();
      const presenter = await b.context.newPage();
      presenter.on('pageerror', (e) => b.errors.push(String(e)));
      presenter.on('console', (m) => {
        if (m.type() === 'error') b.errors.push(m.text());
      });
      await presenter.goto(`${server.origin}/#presenter`);
      await presenter.getByTestId('presenter-caption').waitFor();
      await page.bringToFront();
      for (let i = 1; i < BUILTIN_STORY.scenes.length; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((k) => window.__ntcc?.store.getState().storyIndex === k, i);
        await idle(page);
        await page.waitForFunction(() => {
          const s = window.__ntcc!.store.getState();
          return !s.analysisOpen || s.analysis.status === 'done' || s.analysis.status === 'error';
        });
      }
      await page.keyboard.press('Escape');
      await presenter.close();
      assert.deepEqual(unexplained(b), []);
    } finally {
      await b.close();
    }
  });

  it('on a phone: the opening view, the layer sheet, an analysis and a scene', async () => {
    const b = await launch(390, 844, [], { hasTouch: true, isMobile: true, serviceWorkers: true });
    const page = b.page;
    try {
      await page.goto(`${server.origin}/`);
      await waitForMapIdle(page);
      await fromMenu(page, 'layers-open');
      await page.getByTestId('layer-panel').waitFor();
      await page.getByTestId('toggle-airports').uncheck();
      await page.getByTestId('layer-panel').getByRole('button', { name: /Đóng/ }).click();
      await fromMenu(page, 'analysis-open');
      await page.waitForFunction(() => window.__ntcc?.store.getState().analysis.status === 'done', null, { timeout: 60_000 });
      await idle(page);
      await page.getByTestId('present-start').click();
      await page.waitForFunction(() => window.__ntcc?.store.getState().presenting === true);
      await idle(page);
      assert.deepEqual(unexplained(b), []);
    } finally {
      await b.close();
    }
  });
});
