/**
 * Browser tests of the thematic layers: every layer group changes the pixels where its
 * features are, the horizon control hides planned features, search finds "vung ang",
 * and a property holding HTML shows as text.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, mapPixels, screenshot, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';
import { THEMATIC_LAYERS } from '../../src/core/layers.ts';

let server: Server;
let browser: Browser;
let page: Page;

async function waitForLayers(): Promise<void> {
  await waitForMapIdle(page);
  await page.waitForFunction((n) => Object.keys(window.__ntcc?.store.getState().thematic ?? {}).length === n, THEMATIC_LAYERS.length, {
    timeout: 30_000,
  });
}

/** The 31×31 box of canvas pixels at the centre. */
async function centreBox(): Promise<number[]> {
  const size = await page.evaluate(() => {
    const c = window.__ntcc?.map.getCanvas();
    return [c?.width ?? 0, c?.height ?? 0];
  });
  const w = size[0] ?? 0;
  const h = size[1] ?? 0;
  return (await mapPixels(page, [Math.floor(w / 2) - 15, Math.floor(h / 2) - 15, 31, 31])).data;
}
/** Mean absolute RGB difference per pixel between two reads. */
const diff = (a: number[], b: number[]) => {
  let s = 0;
  for (let i = 0; i < a.length; i += 4)
    s += Math.abs((a[i] ?? 0) - (b[i] ?? 0)) + Math.abs((a[i + 1] ?? 0) - (b[i + 1] ?? 0)) + Math.abs((a[i + 2] ?? 0) - (b[i + 2] ?? 0));
  return s / (a.length / 4);
};

/** Redraws and waits for the map (and deck.gl, which draws inside it) to settle. */
async function settle(): Promise<void> {
  await page.evaluate(() => window.__ntcc?.map.triggerRepaint());
  await waitForMapIdle(page);
}

describe('thematic layers in Chromium', () => {
  before(async () => {
    server = await startServer(4175);
    browser = await launch(1280, 800);
    page = browser.page;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
    await waitForLayers();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // Where each layer has something to draw that no other layer covers.
  const SAMPLES: [string, [number, number], number][] = [
    ['corridors', [104.45, 19.28], 9], // QL7 at Tương Dương
    ['seaports', [106.39, 18.1], 9], // Vũng Áng
    ['airports', [105.4678, 19.9017], 9], // Thọ Xuân
    ['border-gates', [0, 0], 9], // Lao Bảo, where the build placed it
    ['economic-zones', [109.3, 12.65], 9], // Vân Phong
    ['military-regions', [0, 0], 8], // a vertex of a region outline
    ['border-line', [0, 0], 8], // a vertex of the border line
    ['border-belt', [0, 0], 8], // 3 km inside the border
    ['islands', [109.12, 15.38], 9], // Lý Sơn
    ['baseline-points', [109.4667, 12.65], 10], // A7 Hòn Đôi
  ];

  for (const [layer, fixed, zoom] of SAMPLES) {
    it(`toggling ${layer} changes the pixels where its features are`, async () => {
      const at = await page.evaluate(
        ([name, given]) => {
          const s = window.__ntcc?.store.getState();
          if (!s) throw new Error('no store');
          if (name === 'border-gates')
            return s.thematic['border-gates']?.features.find((f) => f.properties.id === 'lao-bao')?.geometry.coordinates;
          if (name === 'military-regions') {
            const g = s.thematic['military-regions']?.features[0]?.geometry;
            const ring = g?.type === 'MultiPolygon' ? g.coordinates[0]?.[0] : g?.coordinates[0];
            return ring?.[Math.floor(ring.length / 3)];
          }
          if (name === 'border-line' || name === 'border-belt') {
            const line = s.thematic['border-line']?.features[0]?.geometry.coordinates[0];
            const p = line?.[Math.floor((line?.length ?? 0) / 2)];
            return name === 'border-line' ? p : p && [p[0] + 0.03, p[1]];
          }
          return given;
        },
        [layer, fixed] as const,
      );
      assert.ok(at, `no sample position for ${layer}`);
      await page.evaluate(([x, y, z]) => window.__ntcc?.map.jumpTo({ center: [x, y], zoom: z }), [at[0] ?? 0, at[1] ?? 0, zoom] as const);
      const toggle = page.getByTestId(`toggle-${layer}`);
      const wasOn = await toggle.isChecked();
      if (!wasOn) await toggle.check();
      await settle();
      const on = await centreBox();
      await toggle.uncheck();
      await settle();
      const off = await centreBox();
      const d = diff(on, off);
      assert.ok(d > 3, `${layer}: mean pixel change ${d.toFixed(2)} is too small`);
      if (wasOn) await toggle.check();
    });
  }

  it('hides planned features at the "today" horizon', async () => {
    // Corridors drawn in the whole region's view, by id.
    const drawn = async () => {
      await settle();
      return page.evaluate(() => {
        const feats = window.__ntcc?.map.queryRenderedFeatures(undefined, { layers: ['th-lines'] }) ?? [];
        return [...new Set(feats.filter((f) => f.properties['layer'] === 'corridors').map((f) => String(f.properties['id'])))];
      });
    };
    await page.evaluate(() => window.__ntcc?.map.jumpTo({ center: [107.6, 15.3], zoom: 5.4 }));
    await page.getByTestId('toggle-corridors').check();
    await page.getByTestId('horizon-2045').click();
    assert.ok((await drawn()).includes('cao-toc-khanh-hoa-bmt'));
    assert.ok((await drawn()).includes('duong-sat-toc-do-cao'));
    await page.getByTestId('horizon-today').click();
    const today = await drawn();
    assert.ok(!today.includes('cao-toc-khanh-hoa-bmt') && !today.includes('duong-sat-toc-do-cao'), today.join(','));
    assert.ok(today.includes('ql1'));
    // Shown of all: the count the catalogue's file holds (49 since the network's sections; 24 before).
    const total = await page.evaluate(() => window.__ntcc?.store.getState().thematic.corridors?.features.length ?? 0);
    assert.match((await page.getByTestId('count-corridors').textContent()) ?? '', new RegExp(`^${today.length}/${total}$`));
    assert.match(page.url(), /hz=today/);
    await screenshot(page, '10-layers-today');
    await page.getByTestId('horizon-2045').click();
  });

  it('finds Vũng Áng by typing "vung ang" and opens its panel', async () => {
    await page.getByTestId('search').fill('vung ang');
    await page.getByTestId('search-results').waitFor();
    await page.getByTestId('search').press('Enter');
    await page.getByTestId('info-name').waitFor();
    assert.equal(await page.getByTestId('info-name').textContent(), 'Vũng Áng');
    assert.match((await page.getByTestId('info-panel').textContent()) ?? '', /Cảng biển Hà Tĩnh/);
    await page.waitForFunction(
      () => {
        const c = window.__ntcc?.map.getCenter();
        return c !== undefined && Math.abs(c.lng - 106.39) < 0.05 && Math.abs(c.lat - 18.1) < 0.05;
      },
      null,
      { timeout: 15_000 },
    );
    await settle();
    await screenshot(page, '11-search-vung-ang');
    assert.match(page.url(), /ft=seaports:vung-ang/);
  });

  it('shows a property holding HTML as text', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.route(/airports-[^/]*\.geojson$/, async (route) => {
      const res = await route.fetch();
      const json = (await res.json()) as { features: { properties: Record<string, unknown> }[] };
      const f = json.features.find((x) => x.properties['id'] === 'vinh');
      if (f) {
        f.properties['name_vi'] = payload;
        f.properties['note_vi'] = payload;
      }
      await route.fulfill({ response: res, json });
    });
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#map=9/18.7376/105.671&ft=airports:vinh`);
    await waitForLayers();
    await page.getByTestId('info-name').waitFor();
    assert.equal(await page.getByTestId('info-name').textContent(), payload);
    assert.match((await page.getByTestId('info-panel').textContent()) ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(dialogs, 0);
    await screenshot(page, '12-html-as-text');
    await page.unroute(/airports-[^/]*\.geojson$/);
  });

  it('draws every control, the belt width included, in the bundled font (no system font needed)', async () => {
    await page.evaluate(() => window.__ntcc?.store.getState().setLayerVisible('border-belt', true));
    await page.waitForSelector('[data-testid="belt-km"]');
    const offenders = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, textarea, label, p, span, li, h1, h2, h3, th, td')]
        .filter((el) => !getComputedStyle(el).fontFamily.startsWith('"Be Vietnam Pro"'))
        .map((el) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`),
    );
    assert.deepEqual(offenders, []);
    await page.evaluate(() => window.__ntcc?.store.getState().setLayerVisible('border-belt', false));
  });

  it('kept the console free of errors and every request on the origin', () => {
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(
      browser.requests.filter(
        (u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:blank',
      ),
      [],
    );
  });
});
