/**
 * Browser tests of the user's statistics tables: a yearbook-style CSV read and matched (the
 * report, a row picked for a unit), drawn as a choropleth (the darkest class where the
 * largest figure is, a legend with the class limits), hatched and listed where the 2025 units
 * lack a member, the selected unit's figures, and a bad file refused without loss.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { launch, mapPixels, screenshot, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let page: Page;

const fixture = (name: string) => readFileSync(`tests/fixtures/tables/${name}`);

/** Opens a table file through the layer panel's picker and waits for the join dialog. */
async function openTable(name: string): Promise<void> {
  await page.getByTestId('table-input').setInputFiles({ name, mimeType: 'text/csv', buffer: fixture(name) });
  await page.getByTestId('table-dialog').waitFor();
}

/** The canvas pixels of a 9×9 box around a point, and the class colour drawn there. */
async function drawnAt(lon: number, lat: number): Promise<{ rgb: number[]; color: string | null }> {
  const at = await page.evaluate(
    ([x, y]) => {
      const map = window.__ntcc!.map;
      const p = map.project([x!, y!]);
      const hit = map.queryRenderedFeatures(p, { layers: ['user-table-fill'] })[0];
      const ratio = window.devicePixelRatio;
      return { x: Math.round(p.x * ratio), y: Math.round(p.y * ratio), color: (hit?.properties['color'] as string | undefined) ?? null };
    },
    [lon, lat],
  );
  const { data } = await mapPixels(page, [at.x - 4, at.y - 4, 9, 9]);
  const mean = [0, 1, 2].map((k) => data.filter((_, i) => i % 4 === k).reduce((a, b) => a + b, 0) / (data.length / 4));
  return { rgb: mean, color: at.color };
}

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - (b[i] ?? 0)));

describe('statistics tables', () => {
  before(async () => {
    server = await startServer(4184);
    browser = await launch(1366, 768);
    page = browser.page;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads a yearbook CSV, reports the matching, draws the figures in classes with a legend', async () => {
    // The opening view has the thematic layers on; the test reads the province fills under them.
    await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      for (const id of Object.keys(s.layers) as (keyof typeof s.layers)[]) s.setLayerVisible(id, false);
    });
    const plain = await drawnAt(105.05, 19.75);
    await openTable('grdp-vi-semicolon.csv');
    assert.match((await page.getByTestId('table-matched').textContent()) ?? '', /14\/15/);
    // The total row matched no unit and is offered for a pick, not dropped.
    assert.equal(await page.getByTestId('table-pick-18').inputValue(), '');
    assert.match((await page.getByTestId('table-columns').textContent()) ?? '', /4 ô không có số liệu/);
    await page.getByTestId('table-source').fill('Niên giám thống kê (giả định)');
    await page.getByTestId('table-add').click();
    await waitForMapIdle(page);
    const legend = page.getByTestId('choropleth-legend');
    assert.equal(await legend.getByTestId('choropleth-class').count(), 5);
    const text = (await legend.textContent()) ?? '';
    assert.match(text, /30\.000 – 51\.200/);
    assert.match(text, /252\.673/);
    // Thanh Hóa has the largest GRDP: the darkest class, drawn.
    const thanhHoa = await drawnAt(105.05, 19.75);
    const colors = await page.evaluate(() => {
      const c = window.__ntcc!.store.getState().tables[0]!;
      return { column: c.column, sourceNote: c.sourceNote };
    });
    assert.equal(colors.column, 'GRDP (tỷ đồng)');
    assert.equal(colors.sourceNote, 'Niên giám thống kê (giả định)');
    assert.ok(thanhHoa.color, 'a class colour at Thanh Hóa');
    const swatches = await legend
      .locator('[data-testid=choropleth-class] .swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    assert.equal(swatches.length, 5);
    // The fill is drawn at 0.85 opacity over the map beneath.
    const expected = hexRgb(thanhHoa.color).map((v, i) => 0.85 * v + 0.15 * (plain.rgb[i] ?? 0));
    assert.ok(distance(thanhHoa.rgb, expected) < 25, `drawn ${thanhHoa.rgb.map(Math.round)}, expected ${expected.map(Math.round)}`);
    assert.ok(distance(plain.rgb, expected) > 80, 'the choropleth changed the pixels');
    // Ninh Thuận has the smallest: the lightest class.
    const ninhThuan = await drawnAt(108.85, 11.75);
    assert.notEqual(ninhThuan.color, thanhHoa.color);
    await screenshot(page, 'table-choropleth-2022');
  });

  it("reads the selected unit's figures, and on the 2025 units hatches and lists those lacking a member", async () => {
    await page.evaluate(() => window.__ntcc!.store.getState().select('VN-27'));
    const figures = page.getByTestId('unit-figures');
    assert.match((await figures.textContent()) ?? '', /GRDP \(tỷ đồng\)120\.300/);
    await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      s.select(null);
      s.setEdition('2025');
    });
    await waitForMapIdle(page);
    const text = (await page.getByTestId('choropleth-legend').textContent()) ?? '';
    // Kon Tum, Gia Lai, Đắk Lắk and Lâm Đồng have no row: their 2025 units get no partial sum.
    assert.match(text, /Không có số liệu: Quảng Ngãi, Gia Lai, Đắk Lắk, Lâm Đồng/);
    const quangNgai = await drawnAt(108.0, 14.6);
    assert.equal(quangNgai.color, null);
    await page.evaluate(() => window.__ntcc!.store.getState().select('VN-29'));
    assert.match((await page.getByTestId('unit-figures').textContent()) ?? '', /Kon Tum/);
    // Đà Nẵng 2025 = Đà Nẵng + Quảng Nam: GRDP summed, the growth rate a population-weighted mean.
    await page.evaluate(() => window.__ntcc!.store.getState().select('VN-DN'));
    const dn = (await page.getByTestId('unit-figures').textContent()) ?? '';
    assert.match(dn, /GRDP \(tỷ đồng\)250\.300,5/);
    await screenshot(page, 'table-choropleth-2025');
    await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      s.select(null);
      s.setEdition('2022');
    });
  });

  it('takes a pick for an unmatched row, switches columns, and refuses a bad file without losing the table', async () => {
    await page.getByTestId('lang-en').click();
    await openTable('invest-en.csv');
    assert.match((await page.getByTestId('table-matched').textContent()) ?? '', /Matched 4 of 5 rows/);
    await page.getByTestId('table-pick-5').selectOption('VN-DN');
    assert.match((await page.getByTestId('table-matched').textContent()) ?? '', /Matched 5 of 5 rows/);
    await page.getByTestId('table-add').click();
    await waitForMapIdle(page);
    const tables = await page.evaluate(() => window.__ntcc!.store.getState().tables.map((t) => [t.name, t.visible]));
    assert.deepEqual(tables, [
      ['grdp-vi-semicolon.csv', false],
      ['invest-en.csv', true],
    ]);
    const id = await page.evaluate(() => window.__ntcc!.store.getState().tables[1]!.id);
    await page.getByTestId(`table-column-${id}`).selectOption('Tourists (thousand)');
    assert.match((await page.getByTestId('choropleth-legend').textContent()) ?? '', /Tourists \(thousand\)/);
    assert.match((await page.getByTestId('choropleth-legend').textContent()) ?? '', /No figure: .*Khanh Hoa/);
    await page
      .getByTestId('table-input')
      .setInputFiles({ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('not a workbook') });
    await page.getByTestId('notice').waitFor();
    assert.match((await page.getByTestId('notice').textContent()) ?? '', /old\.xls/);
    assert.equal(await page.getByTestId('table-dialog').count(), 0);
    assert.equal(await page.evaluate(() => window.__ntcc!.store.getState().tables.length), 2);
    await screenshot(page, 'table-choropleth-en');
  });

  it("weighs gravity by a table's column, named in the result, null where the table has no figure", async () => {
    await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      s.setAnalysisParams({ kind: 'gravity' });
      s.setAnalysisOpen(true);
    });
    const first = await page.evaluate(() => window.__ntcc!.store.getState().tables[0]!.id);
    await page.getByTestId('param-mass-table').selectOption(`${first}\u0000GRDP (tỷ đồng)`);
    // Population or area no longer apply: their switches are gone.
    assert.equal(await page.getByTestId('param-mass-area').count(), 0);
    await page.waitForFunction(
      () => {
        const a = window.__ntcc!.store.getState().analysis;
        return a.status === 'done' && a.result?.mass_table?.field === 'GRDP (tỷ đồng)';
      },
      null,
      { timeout: 60_000 },
    );
    const masses = await page.evaluate(() =>
      Object.fromEntries(window.__ntcc!.store.getState().analysis.result!.units.map((u) => [u.id, u.mass])),
    );
    assert.equal(masses['VN-21'], 252672.5);
    assert.match((await page.getByTestId('analysis-model').textContent()) ?? '', /GRDP \(tỷ đồng\).*grdp-vi-semicolon\.csv/);
    await screenshot(page, 'table-gravity-mass');
    // Back to population: the switch returns, the result no longer names the table.
    await page.getByTestId('param-mass-table').selectOption('');
    await page.getByTestId('param-mass-area').waitFor();
    await page.waitForFunction(() => {
      const a = window.__ntcc!.store.getState().analysis;
      return a.status === 'done' && !a.result?.mass_table;
    });
  });

  it('exports the joined tables in the research bundle, with their names and the note on the source', async () => {
    await page.evaluate(() => window.__ntcc!.store.getState().setAnalysisOpen(false));
    if (await page.getByTestId('menu-toggle').isVisible()) await page.getByTestId('menu-toggle').click();
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-dialog').waitFor();
    await page.getByTestId('export-layer-provinces-2022').uncheck();
    await page.getByTestId('export-layer-table-grdp-vi-semicolon').check();
    await page.getByTestId('export-layer-table-invest-en').check();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('export-run').click()]);
    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const metadata = JSON.parse(new TextDecoder().decode(files['metadata.json'])) as {
      layers: { id: string; table?: { name: string; source_note: string; matched_rows: number } }[];
    };
    assert.deepEqual(
      metadata.layers.map((l) => [l.id, l.table?.name, l.table?.source_note, l.table?.matched_rows]),
      [
        ['table-grdp-vi-semicolon', 'grdp-vi-semicolon.csv', 'Niên giám thống kê (giả định)', 14],
        ['table-invest-en', 'invest-en.csv', '', 5],
      ],
    );
    const gj = JSON.parse(new TextDecoder().decode(files['layers/table-grdp-vi-semicolon.geojson'])) as {
      features: { properties: Record<string, unknown> }[];
    };
    const thanhHoa = gj.features.find((f) => f.properties['iso'] === 'VN-21')!.properties;
    assert.equal(thanhHoa['GRDP (tỷ đồng)'], 252672.5);
    assert.equal(thanhHoa['table_source'], 'Niên giám thống kê (giả định)');
    await page.keyboard.press('Escape');
  });

  it('opens an address that names a table: says it is not open, then shows it as the address asked once joined', async () => {
    await page.goto('about:blank');
    const column = encodeURIComponent('Tốc độ tăng (%)');
    await page.goto(`${server.origin}/#map=5.5/16/107&ed=2022&lang=vi&tb=grdp-vi-semicolon.csv&tbc=${column}&tbm=equal&tbk=4`);
    await waitForMapIdle(page);
    assert.match((await page.getByTestId('notice').textContent()) ?? '', /grdp-vi-semicolon\.csv.*chưa được mở/);
    assert.equal(await page.getByTestId('choropleth-legend').count(), 0);
    await openTable('grdp-vi-semicolon.csv');
    await page.getByTestId('table-add').click();
    await waitForMapIdle(page);
    const legend = page.getByTestId('choropleth-legend');
    assert.match((await legend.textContent()) ?? '', /Tốc độ tăng \(%\)/);
    assert.equal(await legend.getByTestId('choropleth-class').count(), 4);
    // The address keeps naming it.
    assert.match(
      await page.evaluate(() => decodeURIComponent(location.hash)),
      /tb=grdp-vi-semicolon\.csv&tbc=Tốc độ tăng \(%\)&tbm=equal&tbk=4/,
    );
  });
});
