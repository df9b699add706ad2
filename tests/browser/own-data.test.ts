/**
 * Browser tests of the user's own road network and population grid (issue 27): an OpenStreetMap
 * extract picked in the layer panel is built in the worker with its stages shown, summarised
 * and drawn by class; accessibility in minutes runs on it (the model line names it) and a
 * GeoTIFF grid gives the cells a population (a column of the table); a build is cancelled, a
 * damaged file refused with the reason while the network in use stays; a Vietnamese roads
 * layer goes through the fields dialog (keyboard, and touch on a phone); an address naming a
 * file not open says which to open. Screenshots at 390×844, 820×1180 and 1366×768.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, mapPixels, screenshot, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';
import { writeFixtureFiles } from '../unit/helpers/road-fixture.ts';
import { streetGrid } from '../../bench/synthetic-network.ts';

let server: Server;
let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'own-data-browser-'));
let files: { xml: string; pbf: string; geojson: string; tif: string; big: string; bad: string };

/** A population grid over the town (WGS 84, 20 × 20 cells of 0.005°), written by GDAL. */
function writeGrid(): string {
  const rows: string[] = [];
  for (let j = 0; j < 20; j++) rows.push(Array.from({ length: 20 }, (_, i) => ((i * 7 + j * 3) % 13) + 1).join(' '));
  const asc = join(dir, 'pop.asc');
  writeFileSync(
    asc,
    ['ncols 20', 'nrows 20', 'xllcorner 105.15', 'yllcorner 19.05', 'cellsize 0.005', 'NODATA_value -9999', ...rows].join('\n') + '\n',
  );
  const tif = join(dir, 'danso.tif');
  execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:4326', '-of', 'GTiff', asc, tif]);
  return tif;
}

const upload = (testid: string, path: string, name = path.split('/').pop()!) =>
  page.getByTestId(testid).setInputFiles({ name, mimeType: 'application/octet-stream', buffer: readFileSync(path) });

const state = <T>(fn: (s: ReturnType<NonNullable<Window['__ntcc']>['store']['getState']>) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__ntcc.store.getState())`) as Promise<T>;

/** Mean absolute RGB difference per pixel between two reads. */
const diff = (a: number[], b: number[]) => {
  let s = 0;
  for (let i = 0; i < a.length; i += 4)
    s += Math.abs((a[i] ?? 0) - (b[i] ?? 0)) + Math.abs((a[i + 1] ?? 0) - (b[i + 1] ?? 0)) + Math.abs((a[i + 2] ?? 0) - (b[i + 2] ?? 0));
  return s / (a.length / 4);
};

/** Redraws and waits for the map and deck.gl to settle. */
async function settle(): Promise<void> {
  await page.evaluate(() => window.__ntcc?.map.triggerRepaint());
  await waitForMapIdle(page);
}

/** The 121×121 canvas box at the map's centre. */
async function centreBox(): Promise<number[]> {
  const [w, h] = await page.evaluate(() => {
    const c = window.__ntcc!.map.getCanvas();
    return [c.width, c.height];
  });
  return (await mapPixels(page, [Math.floor(w! / 2) - 60, Math.floor(h! / 2) - 60, 121, 121])).data;
}

describe('your own road network and population grid', () => {
  before(async () => {
    const fx = writeFixtureFiles(dir);
    const big = join(dir, 'luoi-duong.osm.pbf');
    await streetGrid(big, 300, 330);
    const pbf = readFileSync(fx.pbf);
    const bad = join(dir, 'hong.osm.pbf');
    writeFileSync(bad, pbf.subarray(0, Math.floor(pbf.length * 0.6)));
    files = { ...fx, tif: writeGrid(), big, bad };
    server = await startServer(4195);
    browser = await launch(1366, 768);
    page = browser.page;
    await page.goto(`${server.origin}/#lang=vi`);
    await waitForMapIdle(page);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds an OpenStreetMap extract in the worker with its stages, shows what it holds and draws it by class', async () => {
    // Every stage the page is told of, in order.
    await page.evaluate(() => {
      const w = window as unknown as { ownPhases: string[] };
      w.ownPhases = [];
      window.__ntcc!.store.subscribe((s) => {
        const j = s.ownJob;
        if (j && w.ownPhases.at(-1) !== j.phase) w.ownPhases.push(j.phase);
      });
    });
    await upload('network-input', files.pbf);
    await page.getByTestId('own-network').waitFor({ timeout: 60_000 });
    const phases = await page.evaluate(() => (window as unknown as { ownPhases: string[] }).ownPhases);
    assert.ok(phases.includes('ways') && phases.includes('nodes'), phases.join(','));
    const summary = (await page.getByTestId('network-summary').textContent()) ?? '';
    const edges = await state((s) => s.userNetwork!.info.meta.edges);
    assert.match(summary, new RegExp(`${edges} cạnh`));
    assert.match(summary, /2025-04-01/);
    assert.match(summary, /thành phần liên thông|liên thông/);
    const legend = (await page.getByTestId('network-legend').textContent()) ?? '';
    assert.match(legend, /km/);
    assert.equal(await page.getByTestId('legend-network').count(), 1);
    assert.equal((await page.getByTestId('notice').textContent())?.includes('town.osm.pbf'), true);
    // Drawn: the streets change the pixels of the town; hidden, they are gone.
    await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      for (const id of Object.keys(s.layers) as (keyof typeof s.layers)[]) s.setLayerVisible(id, false);
      window.__ntcc!.map.jumpTo({ center: [105.216, 19.116], zoom: 14 });
    });
    await page.waitForFunction(() => performance.getEntriesByName('deck-first-draw').length > 0, null, { timeout: 60_000 });
    await settle();
    const shown = await centreBox();
    await screenshot(page, 'own-network-1366x768');
    await page.getByTestId('network-visible').uncheck();
    await settle();
    const hidden = await centreBox();
    assert.ok(diff(shown, hidden) > 3, `the network changes the town's pixels by ${diff(shown, hidden)}`);
    assert.equal(await page.getByTestId('legend-network').count(), 0);
    await page.getByTestId('network-visible').check();
    await settle();
  });

  it('reads a population grid, then runs accessibility in minutes on the network with a population column', async () => {
    await upload('grid-input', files.tif);
    await page.getByTestId('own-grid').waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId('grid-summary').textContent()) ?? '', /EPSG:4326/);
    await page.getByTestId('analysis-open').click();
    await page.getByTestId('param-kind').selectOption('access');
    await page.getByTestId('param-metric-minutes').click();
    await page.waitForFunction(
      () => {
        const a = window.__ntcc!.store.getState().analysis;
        return a.status === 'done' && a.result?.kind === 'access' && a.result.params.metric === 'minutes';
      },
      null,
      { timeout: 120_000, polling: 100 },
    );
    const model = (await page.getByTestId('analysis-model').textContent()) ?? '';
    assert.match(model, /town\.osm\.pbf/);
    assert.match(model, /danso\.tif/);
    const r = await state((s) => {
      const res = s.analysis.result!;
      return res.kind === 'access'
        ? { network: res.network?.file, pop: res.grid.population ? Array.from(res.grid.population).reduce((a, b) => a + b, 0) : null }
        : null;
    });
    assert.equal(r?.network, 'town.osm.pbf');
    assert.ok(r?.pop && r.pop > 0, String(r?.pop));
    assert.match((await page.getByTestId('analysis-table').locator('thead').textContent()) ?? '', /Dân số/);
    await settle();
    await screenshot(page, 'own-analysis-1366x768');
    // Back in the layer panel: each unit's grid total against its official figure, from this run.
    await page.getByTestId('analysis-open').click();
    await page.getByTestId('grid-units').waitFor({ state: 'attached' });
    assert.ok((await page.getByTestId('grid-units').locator('tbody tr').count()) >= 1);
  });

  it('cancels a build, and keeps the network in use', async () => {
    const kept = await state((s) => s.userNetwork?.info.id);
    await upload('network-input', files.big);
    await page.getByTestId('own-progress').waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId('own-progress-text').textContent()) ?? '', /luoi-duong\.osm\.pbf/);
    await screenshot(page, 'own-progress-1366x768');
    await page.getByTestId('own-cancel').click();
    await page.getByTestId('own-progress').waitFor({ state: 'detached' });
    assert.match((await page.getByTestId('notice').textContent()) ?? '', /Đã hủy/);
    // The worker stops at its next step; whatever it finishes is never used.
    await page.waitForTimeout(3000);
    assert.equal(await state((s) => s.userNetwork?.info.id), kept);
    assert.equal(await state((s) => s.ownJob), null);
  });

  it('refuses a damaged PBF with the reason, in the language shown, and keeps the network', async () => {
    await upload('network-input', files.bad);
    await page.waitForFunction(() => window.__ntcc!.store.getState().notice?.key === 'Own.NetworkFailed', null, { timeout: 30_000 });
    const notice = page.getByTestId('notice');
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.match((await notice.textContent()) ?? '', /hong\.osm\.pbf.*PBF/s);
    assert.equal(await state((s) => s.userNetwork?.info.name), 'town.osm.pbf');
    await page.getByTestId('lang-en').click();
    assert.match((await notice.textContent()) ?? '', /cannot be used.*PBF/s);
    await page.getByTestId('lang-vi').click();
    // A grid in a system the app does not read: the grid in use stays.
    const merc = join(dir, 'merc.tif');
    execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:3857', '-a_ullr', '11700000', '2160000', '11710000', '2150000', files.tif, merc]);
    await upload('grid-input', merc);
    await page.waitForFunction(() => window.__ntcc!.store.getState().notice?.key === 'Own.GridFailed', null, { timeout: 30_000 });
    assert.match((await notice.textContent()) ?? '', /EPSG:3857/);
    assert.equal(await state((s) => s.userGrid?.info.name), 'danso.tif');
  });

  it('a Vietnamese roads layer goes through the fields dialog, by keyboard', async () => {
    await upload('network-input', files.geojson);
    const dialog = page.getByTestId('lines-dialog');
    await dialog.waitFor({ timeout: 30_000 });
    // Focus is in the dialog; Escape closes it and changes nothing.
    assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="lines-dialog"]'))), true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await state((s) => s.userNetwork?.info.name), 'town.osm.pbf');
    await upload('network-input', files.geojson);
    await dialog.waitFor();
    assert.equal(await page.getByTestId('lines-class-field').inputValue(), 'cap_duong');
    assert.equal(await page.getByTestId('lines-speed-field').inputValue(), 'toc_do');
    assert.equal(await page.getByTestId('lines-oneway-field').inputValue(), 'mot_chieu');
    await screenshot(page, 'own-lines-dialog-1366x768');
    // Every value has a class: the build button is reached and pressed from the keyboard.
    await page.getByTestId('lines-build').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__ntcc!.store.getState().userNetwork?.info.name === 'town.geojson', null, { timeout: 60_000 });
    assert.match((await page.getByTestId('network-summary').textContent()) ?? '', /town\.geojson/);
  });

  it('an address naming a network not open here says which file to open', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#lang=vi&net=vietnam-latest.osm.pbf&grid=worldpop.tif`);
    await waitForMapIdle(page);
    const text = (await page.getByTestId('notice').textContent()) ?? '';
    assert.match(text, /vietnam-latest\.osm\.pbf/);
    assert.match(text, /worldpop\.tif/);
    assert.match(await page.evaluate(() => location.hash), /net=vietnam-latest\.osm\.pbf/);
    assert.equal(await page.getByTestId('network-pending').count(), 1);
    assert.deepEqual(browser.errors, []);
  });

  it('a .osm.pbf dropped on the map is built as the road network (not imported as a layer), and the address names it', async () => {
    const b64 = readFileSync(files.pbf).toString('base64');
    await page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'town.osm.pbf'));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, b64);
    await page.waitForFunction(() => window.__ntcc!.store.getState().userNetwork?.info.name === 'town.osm.pbf', null, { timeout: 60_000 });
    assert.equal(await state((s) => s.imported.length), 0);
    assert.equal(await state((s) => s.pendingNetwork), null);
    assert.match(await page.evaluate(() => location.hash), /net=town\.osm\.pbf/);
    assert.match(await page.evaluate(() => location.hash), /grid=worldpop\.tif/);
  });

  for (const [w, h] of [
    [820, 1180],
    [390, 844],
  ] as const)
    it(`the section and the dialog fit a ${w}×${h} screen, by touch`, async () => {
      const small = await launch(w, h, [], { hasTouch: true, isMobile: w < 500, deviceScaleFactor: 1 });
      try {
        const p = small.page;
        await p.goto(`${server.origin}/#lang=vi`);
        await waitForMapIdle(p);
        await p.evaluate(() => window.__ntcc!.store.getState().setLayersOpen(true));
        const section = p.getByTestId('own-data');
        await section.scrollIntoViewIfNeeded();
        await p
          .getByTestId('network-input')
          .setInputFiles({ name: 'town.osm.pbf', mimeType: 'application/octet-stream', buffer: readFileSync(files.pbf) });
        await p.getByTestId('own-network').waitFor({ timeout: 60_000 });
        await p.getByTestId('own-network').scrollIntoViewIfNeeded();
        await screenshot(p, `own-network-${w}x${h}`);
        await p
          .getByTestId('network-input')
          .setInputFiles({ name: 'town.geojson', mimeType: 'application/geo+json', buffer: readFileSync(files.geojson) });
        const dialog = p.getByTestId('lines-dialog');
        await dialog.waitFor({ timeout: 30_000 });
        const box = (await dialog.boundingBox())!;
        assert.ok(box.x >= 0 && box.x + box.width <= w + 0.5, `dialog ${box.x}+${box.width} within ${w}`);
        await screenshot(p, `own-lines-dialog-${w}x${h}`);
        // A class chosen by touch, then the build.
        await p.getByTestId('lines-class-0').scrollIntoViewIfNeeded();
        await p.getByTestId('lines-class-0').tap();
        await p.getByTestId('lines-build').scrollIntoViewIfNeeded();
        await p.getByTestId('lines-build').tap();
        await p.waitForFunction(() => window.__ntcc!.store.getState().userNetwork?.info.name === 'town.geojson', null, { timeout: 60_000 });
        assert.deepEqual(small.errors, []);
      } finally {
        await small.close();
      }
    });
});
