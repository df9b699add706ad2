/**
 * Browser tests of export and import: the PNG map image (size, not blank, looked at), a
 * layer as GeoJSON and GeoPackage (read back by GDAL), a bundle without restricted layers,
 * and every file of the bad-input corpus refused with its message while the app keeps its
 * state; a good file becomes a layer.
 */
import { THEMATIC_LAYERS } from '../../src/core/layers.ts';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { importFile } from '../../src/export/formats.ts';
import { main } from '../../cli/ntcc.ts';
import { t, type MessageKey } from '../../src/i18n/index.ts';
import { launch, SCREENSHOTS, screenshot, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let page: Page;
const OUT = 'test-results/downloads';

async function save(d: Download): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, d.suggestedFilename());
  await d.saveAs(path);
  return path;
}
async function openDialog(): Promise<void> {
  if (
    !(await page
      .getByTestId('export-dialog')
      .isVisible()
      .catch(() => false))
  )
    await page.getByTestId('export-open').click();
  await page.getByTestId('export-dialog').waitFor();
}
const pngSize = (b: Buffer): [number, number] => [b.readUInt32BE(16), b.readUInt32BE(20)];

/** The layers of a GeoPackage and their feature counts, as GDAL reads them. */
const layersOf = (f: string): string[] =>
  [...execFileSync('ogrinfo', ['-so', '-al', f], { encoding: 'utf8' }).matchAll(/Layer name: (\S+)[\s\S]*?Feature Count: (\d+)/g)]
    .map((m) => `${m[1]}:${m[2]}`)
    .sort();

describe('export and import in Chromium', () => {
  before(async () => {
    server = await startServer(4178);
    browser = await launch(1280, 800);
    page = browser.page;
    await page.goto(`${server.origin}/#ly=corridors,seaports`);
    await waitForMapIdle(page);
    await page.waitForFunction((n) => Object.keys(window.__ntcc?.store.getState().thematic ?? {}).length === n, THEMATIC_LAYERS.length, {
      timeout: 30_000,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports the map as a PNG of the chosen size and pixel ratio, with something drawn on it', async () => {
    const widthBefore = await page.evaluate(() => window.__ntcc!.map.getCanvas().width);
    await openDialog();
    await page.getByTestId('export-width').fill('1000');
    await page.getByTestId('export-height').fill('700');
    await page.getByTestId('export-pixel-ratio').selectOption('2');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-png').click()]);
    const path = await save(download);
    const png = readFileSync(path);
    assert.deepEqual(pngSize(png), [2000, 1400]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'export-map.png'), png);
    // Not blank: many distinct colours across the image.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    }, png.toString('base64'));
    assert.ok(colours > 200, `distinct colours sampled: ${colours}`);
    // The app is back as it was.
    const w = await page.evaluate(() => window.__ntcc!.map.getCanvas().width);
    assert.equal(w, widthBefore);
  });

  it('exports one layer as GeoJSON and as GeoPackage (read back by GDAL)', async () => {
    await openDialog();
    await page.getByTestId('export-layer-provinces-2022').uncheck();
    await page.getByTestId('export-layer-seaports').check();
    let [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
    const gj = JSON.parse(readFileSync(await save(download), 'utf8')) as { features: { properties: { name_vi: string } }[] };
    assert.equal(gj.features.length, 25);
    assert.ok(gj.features.some((f) => f.properties.name_vi === 'Vũng Áng'));
    await page.getByTestId('export-format-geojson').uncheck();
    await page.getByTestId('export-format-gpkg').check();
    [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-run').click()]);
    const gpkg = await save(download);
    const info = execFileSync('ogrinfo', ['-so', '-al', gpkg], { encoding: 'utf8' });
    assert.match(info, /Feature Count: 25/);
    assert.match(info, /ID\["EPSG",4326\]/);
  });

  it('bundles layers with metadata; restricted layers stay out until ticked', async () => {
    await openDialog();
    await page.getByTestId('export-format-geojson').check();
    assert.equal(await page.getByTestId('export-layer-military-regions').isDisabled(), true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-run').click()]);
    const zipPath = await save(download);
    const list = execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' });
    assert.match(list, /layers\/seaports\.geojson/);
    assert.match(list, /layers\/seaports\.gpkg/);
    const meta = JSON.parse(execFileSync('unzip', ['-p', zipPath, 'metadata.json'], { encoding: 'utf8' })) as {
      restricted_included: boolean;
      boundary_edition: string;
    };
    assert.equal(meta.restricted_included, false);
    assert.equal(meta.boundary_edition, '2022');
    await screenshot(page, 'export-dialog');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('export-dialog').count(), 0);
  });

  it('exports the border belt at the width the map draws, once restricted layers are ticked', async () => {
    await page.evaluate(() => window.__ntcc!.store.getState().setBeltKm(20));
    await openDialog();
    for (const id of ['provinces-2022', 'seaports']) await page.getByTestId(`export-layer-${id}`).uncheck();
    for (const f of ['gpkg', 'csv']) await page.getByTestId(`export-format-${f}`).uncheck();
    await page.getByTestId('export-format-geojson').check();
    assert.equal(await page.getByTestId('export-layer-border-belt').isDisabled(), true);
    await page.getByTestId('export-restricted').check();
    await page.getByTestId('export-layer-border-belt').check();
    assert.match((await page.getByTestId('export-belt-hint').textContent()) ?? '', /20 km/);
    await screenshot(page, 'export-belt');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
    const gj = JSON.parse(readFileSync(await save(download), 'utf8')) as {
      features: { properties: { km: number; sensitivity: string } }[];
    };
    assert.deepEqual(
      gj.features.map((f) => [f.properties.km, f.properties.sensitivity]),
      [[20, 'restricted']],
    );
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.__ntcc!.store.getState().setBeltKm(10));
  });

  it('writes the same files as the command line: analysis rows with unit polygons, several layers as one GeoPackage', async () => {
    // An analysis table, from the app and from `ntcc analyze … --format geojson`.
    await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      s.setAnalysisParams({ kind: 'index' });
      s.setAnalysisOpen(true);
    });
    await page.waitForFunction(() => window.__ntcc?.store.getState().analysis.result?.kind === 'index', null, { timeout: 60_000 });
    await openDialog();
    for (const box of await page.locator('[data-testid^="export-layer-"]:checked').all()) await box.uncheck();
    for (const box of await page.locator('[data-testid^="export-format-"]:checked').all()) await box.uncheck();
    if (await page.getByTestId('export-restricted').isChecked()) await page.getByTestId('export-restricted').uncheck();
    await page.getByTestId('export-layer-index-rows').check();
    await page.getByTestId('export-format-geojson').check();
    let [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-run').click()]);
    assert.equal(download.suggestedFilename(), 'index-rows.geojson');
    const app = JSON.parse(readFileSync(await save(download), 'utf8')) as GeoJSON.FeatureCollection;
    let cli = '';
    assert.equal(await main(['analyze', 'index', '--format', 'geojson', '--horizon', '2045'], (x) => (cli += x)), 0);
    const fromCli = JSON.parse(cli) as GeoJSON.FeatureCollection;
    assert.equal(app.features.length, 14);
    assert.match(app.features[0]!.geometry!.type, /Polygon/);
    assert.deepEqual(
      app.features.map((f) => [f.properties?.['unit'], f.properties?.['rank'], f.geometry]),
      fromCli.features.map((f) => [f.properties?.['unit'], f.properties?.['rank'], f.geometry]),
    );
    // Several layers in GeoPackage: one file with a table each, as `ntcc export` writes.
    await page.getByTestId('export-layer-index-rows').uncheck();
    await page.getByTestId('export-format-geojson').uncheck();
    await page.getByTestId('export-format-gpkg').check();
    await page.getByTestId('export-layer-seaports').check();
    await page.getByTestId('export-layer-airports').check();
    [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-run').click()]);
    assert.match(download.suggestedFilename(), /\.gpkg$/);
    const gpkg = await save(download);
    const cliGpkg = join(OUT, 'cli-two.gpkg');
    assert.equal(await main(['export', '--layers', 'seaports,airports', '--format', 'gpkg', '--out', cliGpkg]), 0);
    assert.deepEqual(layersOf(gpkg), layersOf(cliGpkg));
    assert.deepEqual(layersOf(gpkg), ['airports:11', 'seaports:25']);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.__ntcc!.store.getState().setAnalysisOpen(false));
  });

  it('imports a good CSV as a layer', async () => {
    const csv = 'name,lon,lat\nCảng thử A,106.4,18.1\nCảng thử B,109.2,13.8\n';
    await page.getByTestId('import-input').setInputFiles({ name: 'cang-thu.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => window.__ntcc!.store.getState().imported.length === 1);
    assert.match(await page.getByTestId('notice').innerText(), /cang-thu.*2/);
    await screenshot(page, 'import-good-csv');
  });

  it('uses the imported points as places: the travel-time matrix runs between them, named as in the file', async () => {
    const id = await page.evaluate(() => window.__ntcc!.store.getState().imported.at(-1)!.id);
    await page.getByTestId(`use-places-${id}`).check();
    await page.evaluate(() => {
      const st = window.__ntcc!.store.getState();
      st.setAnalysisOpen(true);
      st.setAnalysisParams({ kind: 'od' });
    });
    await page.waitForFunction(
      () => {
        const a = window.__ntcc!.store.getState().analysis;
        return a.status === 'done' && a.result?.kind === 'od';
      },
      null,
      { timeout: 90_000 },
    );
    const rows = page.locator('[data-testid="analysis-table"] tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /Cảng thử A[\s\S]*Cảng thử B/);
    // The panel says the file's places stand in for the bundled sets.
    assert.match(await page.getByTestId('param-points').innerText(), /cang-thu/);
    await screenshot(page, 'od-imported-places');
    // The analysis panel takes the layer panel's place: closed, the layer panel shows the tick box again.
    await page.evaluate(() => window.__ntcc!.store.getState().setAnalysisOpen(false));
    await page.getByTestId(`use-places-${id}`).uncheck();
  });

  it('imports a file dropped on the map', async () => {
    const count = await page.evaluate(() => window.__ntcc!.store.getState().imported.length);
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'Điểm thả' }, geometry: { type: 'Point', coordinates: [107.6, 16.4] } }],
    });
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'diem-tha.geojson', { type: 'application/geo+json' }));
      const target = document.querySelector('.maplibregl-canvas')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, geojson);
    await page.waitForFunction((n) => window.__ntcc!.store.getState().imported.length === n + 1, count);
    assert.equal(await page.evaluate(() => window.__ntcc!.store.getState().imported.at(-1)?.name), 'diem-tha');
  });

  it('refuses every bad input of the corpus with its message, and keeps the app as it was', async () => {
    const dir = 'tests/fixtures/bad-inputs';
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Record<string, { code?: string }>;
    const stateBefore = await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      return JSON.stringify({ n: s.imported.length, view: s.view, edition: s.edition, layers: s.layers, selected: s.selected });
    });
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f !== 'expected.json')) {
      const exp = expected[file]!;
      if (!exp.code) continue;
      const bytes = readFileSync(join(dir, file));
      const r = await importFile(file, new Uint8Array(bytes));
      assert.equal(r.ok, false, file);
      if (r.ok) continue;
      const message = t('vi', `Import.${r.error.code}` as MessageKey, r.error.vars);
      await page.evaluate(() => window.__ntcc!.store.getState().setNotice(null));
      await page.getByTestId('import-input').setInputFiles({ name: file, mimeType: 'application/octet-stream', buffer: bytes });
      await page.getByTestId('notice').waitFor({ timeout: 10_000 });
      const text = await page.getByTestId('notice').innerText();
      assert.ok(text.includes(message), `${file}: notice "${text}" lacks "${message}"`);
      assert.equal(await page.getByTestId('notice').getAttribute('role'), 'alert', file);
      checked++;
    }
    assert.ok(checked >= 50, `bad files checked in the browser: ${checked}`);
    const afterState = await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      return JSON.stringify({ n: s.imported.length, view: s.view, edition: s.edition, layers: s.layers, selected: s.selected });
    });
    assert.equal(afterState, stateBefore);
    await screenshot(page, 'import-bad-file');
    assert.deepEqual(browser.errors, []);
  });
});
