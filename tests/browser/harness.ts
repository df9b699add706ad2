/**
 * Shared set-up for browser tests and the benchmark: serves dist/ with `vite preview` on
 * loopback and drives Debian's Chromium (software WebGL2, truly offline) with
 * playwright-core. Records every request so a test can prove nothing left the origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS = 'test-results/screenshots';

export { CHROMIUM_ARGS } from '../../cli/chromium.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../cli/chromium.ts';

export interface Server {
  origin: string;
  stop: () => Promise<void>;
}

/** Starts `vite preview` on the given port and waits until it answers. */
export async function startServer(port = 4173): Promise<Server> {
  const child: ChildProcess = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  // A server that exits at once (its port taken by another run) must not let this run talk to the other's.
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`vite preview on port ${port} exited (is another test run using the port?)`);
    try {
      const res = await fetch(origin);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('vite preview did not start within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        // Already gone (killed from outside): nothing to wait for.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** The profile folder: its path is in every process of this browser's command line (the benchmark sums their CPU time). */
  profile: string;
  close: () => Promise<void>;
}

/** Launches a fresh Chromium profile and opens one page of the given size. */
export async function launch(
  width = 1280,
  height = 800,
  extraArgs: string[] = [],
  opts: { deviceScaleFactor?: number; reducedMotion?: 'reduce' | 'no-preference'; hasTouch?: boolean; isMobile?: boolean } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'ntcc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH(),
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width, height },
    headless: true,
    ...(opts.deviceScaleFactor ? { deviceScaleFactor: opts.deviceScaleFactor } : {}),
    ...(opts.reducedMotion ? { reducedMotion: opts.reducedMotion } : {}),
    ...(opts.hasTouch ? { hasTouch: true } : {}),
    ...(opts.isMobile ? { isMobile: true } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    context,
    page,
    requests,
    errors,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the app's map exists and has fired `idle` after its style and tiles loaded, and,
 * where something is for deck.gl to draw (an analysis result, an imported layer), until
 * deck.gl, loaded on first need, has drawn.
 */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__ntcc?.map?.loaded()), null, { timeout, polling: 100 });
  await page.waitForFunction(
    () => {
      const s = window.__ntcc?.store.getState();
      const needsDeck = Boolean(s && ((s.analysisOpen && s.analysis.result) || s.imported.some((l) => l.visible)));
      return !needsDeck || performance.getEntriesByName('deck-first-draw').length > 0;
    },
    null,
    { timeout, polling: 50 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__ntcc?.map;
        if (!map) return resolve();
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

/** How many animation frames the page asks for in `ms` (a still map should ask for almost none). */
export function framesAskedFor(page: Page, ms = 1000): Promise<number> {
  return page.evaluate(
    (wait) =>
      new Promise<number>((resolve) => {
        let n = 0;
        const raf = window.requestAnimationFrame;
        window.requestAnimationFrame = (cb) => {
          n++;
          return raf.call(window, cb);
        };
        setTimeout(() => {
          window.requestAnimationFrame = raf;
          resolve(n);
        }, wait);
      }),
    ms,
  );
}

/** Saves a screenshot under test-results/screenshots/NAME.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * RGBA bytes of the map canvas (the whole of it, or a box x, y, w, h in canvas pixels),
 * read back through a PNG so the map needs preserveDrawingBuffer only.
 */
export async function mapPixels(
  page: Page,
  box?: [number, number, number, number],
): Promise<{ data: number[]; width: number; height: number }> {
  return page.evaluate(async (b) => {
    const canvas = window.__ntcc?.map.getCanvas();
    if (!canvas) throw new Error('no canvas');
    const img = new Image();
    img.src = canvas.toDataURL('image/png');
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(img, 0, 0);
    const [x, y, w, h] = b ?? [0, 0, img.width, img.height];
    return { data: Array.from(ctx.getImageData(x, y, w, h).data), width: img.width, height: img.height };
  }, box);
}
