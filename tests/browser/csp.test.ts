/**
 * The Content-Security-Policy keeps the page on its own origin: the app, with the planning
 * layers, an analysis, an export and a presentation, raises no violation of its own, while a
 * fetch, an image and a script pointed at another host are blocked by the policy itself.
 * The presenter window carries the same policy.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;

/** Records every policy violation of the page, from its first script on. */
const RECORD = (): void => {
  const w = window as unknown as { ntccViolations: string[] };
  w.ntccViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.ntccViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
};

describe('Content-Security-Policy in Chromium', () => {
  before(async () => {
    server = await startServer(4182);
    browser = await launch(1280, 800);
    await browser.context.addInitScript(RECORD);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the built page and its server both state the policy', async () => {
    const res = await fetch(`${server.origin}/`);
    const header = res.headers.get('content-security-policy') ?? '';
    const html = await res.text();
    assert.match(header, /default-src 'self'/);
    assert.match(header, /object-src 'none'/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;/);
  });

  it('the app draws the plan, runs an analysis, exports and presents with no violation of its own', async () => {
    const page = browser.page;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
    await page.waitForFunction(() => Object.keys(window.__ntcc?.store.getState().thematic ?? {}).length > 0, null, { timeout: 60_000 });
    await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      s.setAnalysisParams({ kind: 'gravity' });
      s.setAnalysisOpen(true);
    });
    await page.waitForFunction(() => window.__ntcc?.store.getState().analysis.status === 'done', null, { timeout: 60_000 });
    // A GeoPackage export compiles SQLite (WebAssembly) under the policy.
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-format-geojson').uncheck();
    await page.getByTestId('export-format-gpkg').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-run').click()]);
    assert.match(download.suggestedFilename(), /\.gpkg$/);
    await page.keyboard.press('Escape');
    await page.getByTestId('present-start').click();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__ntcc?.store.getState().storyIndex === 1);
    await page.keyboard.press('Escape');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { ntccViolations: string[] }).ntccViolations), []);
    assert.deepEqual(browser.errors, []);
  });

  it('a fetch, an image and a script aimed at another host are blocked by the policy', async () => {
    const page = browser.page;
    const failed = new Map<string, string>();
    page.on('requestfailed', (r) => failed.set(r.url(), r.failure()?.errorText ?? ''));
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { ntccViolations: string[] };
      w.ntccViolations = [];
      let fetched = 'allowed';
      try {
        await fetch('https://tiles.example.org/0/0/0.pbf');
      } catch {
        fetched = 'refused';
      }
      const img = new Image();
      img.src = 'https://tiles.example.org/logo.png';
      const script = document.createElement('script');
      script.src = 'https://cdn.example.org/lib.js';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 300));
      // The header and the meta tag are two copies of one policy: each reports the same block.
      return { fetched, violations: [...new Set(w.ntccViolations)].sort() };
    });
    assert.equal(outcome.fetched, 'refused');
    assert.deepEqual(outcome.violations, [
      'connect-src https://tiles.example.org/0/0/0.pbf',
      'img-src https://tiles.example.org/logo.png',
      'script-src-elem https://cdn.example.org/lib.js',
    ]);
    // Blocked by the page itself, before any network: each one that got as far as a request failed on the policy.
    const outside = browser.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    for (const u of outside) assert.match(failed.get(u) ?? '', /^csp$|BLOCKED_BY_CSP/, u);
  });

  it('the presenter window carries the same policy, with no violation', async () => {
    const presenter = await browser.context.newPage();
    await presenter.goto(`${server.origin}/#presenter`);
    await presenter.waitForLoadState('networkidle');
    const meta = await presenter.evaluate(() =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    );
    assert.match(meta ?? '', /default-src 'self'/);
    assert.deepEqual(await presenter.evaluate(() => (window as unknown as { ntccViolations: string[] }).ntccViolations), []);
    await presenter.close();
  });
});
