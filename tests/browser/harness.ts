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

/** Starts `vite preview` on the given port (serving dist/, or `outDir`) and waits until it answers. */
export async function startServer(port = 4173, outDir?: string): Promise<Server> {
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(outDir ? ['--outDir', outDir] : [])];
  const child: ChildProcess = spawn('node_modules/.bin/vite', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  // A server that exits at once (its port taken by another run) must not let this run talk to the other's.
  let exited = false;
  child.once('exit', () => (exited = true));
  // A port on the Fetch standard's list of bad ports (4190, for one) is refused by Node's fetch and by Chromium alike.
  let lastError = '';
  for (;;) {
    if (exited) throw new Error(`vite preview on port ${port} exited (is another test run using the port?)`);
    try {
      const res = await fetch(origin);
      if (res.ok) break;
      lastError = `HTTP ${res.status}`;
    } catch (e) {
      lastError = String((e as { cause?: unknown }).cause ?? e);
    }
    if (Date.now() > deadline) {
      // Never leave the server running: its pipes would keep this test file (and the whole run) alive.
      child.kill('SIGTERM');
      throw new Error(`vite preview on port ${port} did not answer within 30 s (${lastError})`);
    }
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
  /** Console messages of type warning (of every page of the browser). */
  warnings: string[];
  /** The profile folder: its path is in every process of this browser's command line (the benchmark sums their CPU time). */
  profile: string;
  close: () => Promise<void>;
}

/** Launches a fresh Chromium profile and opens one page of the given size. */
export async function launch(
  width = 1280,
  height = 800,
  extraArgs: string[] = [],
  opts: {
    deviceScaleFactor?: number;
    reducedMotion?: 'reduce' | 'no-preference';
    hasTouch?: boolean;
    isMobile?: boolean;
    /** Let the app's service worker run (pwa.test.ts, console.test.ts); blocked otherwise, so that routed and recorded requests are the page's own. */
    serviceWorkers?: boolean;
  } = {},
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
    serviceWorkers: opts.serviceWorkers ? 'allow' : 'block',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  context.on('console', (m) => {
    // Playwright's own word when it blocks the app's service worker (see `serviceWorkers`), not the app's.
    if (m.type() === 'warning' && m.text() !== 'Service Worker registration blocked by Playwright') warnings.push(m.text());
  });
  return {
    context,
    page,
    requests,
    errors,
    warnings,
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

/** Waits until the app's analysis of `kind` is done (its result in the store). */
export async function waitForAnalysis(page: Page, kind: string, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (k) => {
      const a = window.__ntcc?.store.getState().analysis;
      return a?.status === 'done' && a.result?.kind === k;
    },
    kind,
    { timeout, polling: 50 },
  );
}

/**
 * Waits until the app has made deck.gl ready (src/map/deck-warm.ts): it does so once the map is
 * first idle and still, asking for frames and holding the page briefly, which a test of a still
 * map or of the page's pauses should not count.
 */
export async function waitForDeckWarm(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('deck-warm').length > 0, null, { timeout, polling: 200 });
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

/**
 * What is wrong with the story scene on screen now (empty: all well): the caption's card off
 * the screen, scrolling, or with anything in it hidden, clipped or outside it; the scene's
 * subject (its box's corners, projected at the scene's pitch and bearing) off the screen or
 * under the card; the map's attribution off the screen or under the card, the scene counter or
 * the progress bar.
 */
export async function sceneFaults(page: Page, size: { width: number; height: number }): Promise<string[]> {
  return page.evaluate(({ width, height }) => {
    const out: string[] = [];
    const card = document.querySelector<HTMLElement>('[data-testid="present-caption"]');
    if (!card) return ['no caption'];
    const c = card.getBoundingClientRect();
    if (c.left < 0 || c.top < 0 || c.right > width || c.bottom > height)
      out.push(
        `card ${Math.round(c.left)},${Math.round(c.top)}–${Math.round(c.right)},${Math.round(c.bottom)} off a ${width}×${height} screen`,
      );
    // Whatever spills from anything in the card is part of what the card would scroll.
    if (card.scrollHeight > card.clientHeight) out.push(`content ${card.scrollHeight} px in a ${card.clientHeight} px card`);
    if (card.scrollWidth > card.clientWidth) out.push(`content ${card.scrollWidth} px wide in a ${card.clientWidth} px card`);
    for (const el of Array.from(card.querySelectorAll<HTMLElement>('*'))) {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') out.push(`${el.getAttribute('class') || el.tagName} hidden`);
      if (/hidden|clip|scroll|auto/.test(cs.overflowX + cs.overflowY))
        out.push(`${el.getAttribute('class') || el.tagName} clips (overflow ${cs.overflow})`);
      if (cs.textOverflow === 'ellipsis') out.push(`${el.getAttribute('class') || el.tagName} ends in an ellipsis`);
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5))
        out.push(`${el.getAttribute('class') || el.tagName} outside the card`);
    }
    // The map's attribution stays readable: on the screen, clear of the card, the scene counter and the progress bar.
    const attrib = document.querySelector<HTMLElement>('.maplibregl-ctrl-attrib');
    if (!attrib) out.push('no attribution');
    else {
      const a = attrib.getBoundingClientRect();
      if (a.left < 0 || a.top < 0 || a.right > width || a.bottom > height) out.push('attribution off the screen');
      for (const sel of ['[data-testid="present-caption"]', '[data-testid="present-count"]', '.present-progress']) {
        const o = document.querySelector(sel)?.getBoundingClientRect();
        if (o && a.left < o.right && a.right > o.left && a.top < o.bottom && a.bottom > o.top) out.push(`attribution under ${sel}`);
      }
    }
    const s = window.__ntcc!.store.getState();
    const subject = s.story.scenes[s.storyIndex]?.subject;
    if (!subject) return [...out, 'no subject'];
    const [w, so, e, n] = subject;
    const map = window.__ntcc!.map;
    const m = map.getContainer().getBoundingClientRect();
    const pts = [
      [w, so],
      [e, so],
      [e, n],
      [w, n],
    ].map(([x, y]) => map.project([x!, y!]));
    const box = {
      left: m.left + Math.min(...pts.map((p) => p.x)),
      right: m.left + Math.max(...pts.map((p) => p.x)),
      top: m.top + Math.min(...pts.map((p) => p.y)),
      bottom: m.top + Math.max(...pts.map((p) => p.y)),
    };
    const fmt = `${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`;
    if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5)
      out.push(`subject ${fmt} off the screen`);
    if (box.left < c.right && box.right > c.left && box.top < c.bottom && box.bottom > c.top) out.push(`subject ${fmt} under the card`);
    return out;
  }, size);
}
