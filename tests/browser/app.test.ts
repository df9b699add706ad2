/**
 * Browser tests of the foundation in Debian's Chromium (software WebGL2): the map draws,
 * provinces can be clicked, editions and languages switch, the hash restores state, and
 * no request leaves the app's origin (page requests and Chromium's own NetLog).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  framesAskedFor,
  launch,
  mapPixels,
  screenshot,
  startServer,
  waitForDeckWarm,
  waitForMapIdle,
  type Browser,
  type Server,
} from './harness.ts';

let server: Server;
let browser: Browser;
let page: Page;
const netlogDir = mkdtempSync(join(tmpdir(), 'ntcc-netlog-'));
const netlog = join(netlogDir, 'netlog.json');

/** Unique ISO codes of in-region units drawn in the current viewport. */
async function drawnInRegion(edition: '2022' | '2025'): Promise<string[]> {
  return page.evaluate((e) => {
    const map = window.__ntcc?.map;
    const feats = map?.queryRenderedFeatures(undefined, { layers: [`provinces-${e}-fill-region`, `provinces-${e}-fill-context`] }) ?? [];
    return [...new Set(feats.filter((f) => f.properties['in_region']).map((f) => String(f.properties['iso'])))].sort();
  }, edition);
}

/** Clicks the map at a lon/lat. */
async function clickLonLat(lon: number, lat: number): Promise<void> {
  const pt = await page.evaluate(
    ([x, y]) => {
      const map = window.__ntcc?.map;
      if (!map) throw new Error('no map');
      const p = map.project([x, y]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    [lon, lat] as const,
  );
  await page.mouse.click(pt.x, pt.y);
}

/** Share of canvas pixels whose colour is not the sea background, and the count of distinct colours. */
async function canvasStats(): Promise<{ nonSea: number; colours: number }> {
  const { data: d } = await mapPixels(page);
  let nonSea = 0;
  const colours = new Set<number>();
  for (let i = 0; i < d.length; i += 16) {
    const r = d[i] ?? 0;
    const g = d[i + 1] ?? 0;
    const b = d[i + 2] ?? 0;
    colours.add((r << 16) | (g << 8) | b);
    // Sea background is #c9dfeb.
    if (Math.abs(r - 0xc9) + Math.abs(g - 0xdf) + Math.abs(b - 0xeb) > 12) nonSea++;
  }
  return { nonSea: nonSea / (d.length / 16), colours: colours.size };
}

describe('ntcc-atlas in Chromium', () => {
  before(async () => {
    server = await startServer(4173);
    browser = await launch(1280, 800, [`--log-net-log=${netlog}`, '--net-log-capture-mode=Default']);
    page = browser.page;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the region in Vietnamese and draws a map that is not blank', async () => {
    await screenshot(page, '01-open-2022-vi');
    assert.equal(await page.locator('h1').textContent(), 'Bản đồ liên kết vùng Bắc Trung Bộ và duyên hải Trung Bộ');
    const stats = await canvasStats();
    assert.ok(stats.nonSea > 0.3, `only ${(stats.nonSea * 100).toFixed(1)} % of the canvas is not sea`);
    assert.ok(stats.colours > 20, `only ${stats.colours} colours on the canvas`);
    const labels = await page.evaluate(
      () =>
        window.__ntcc?.map
          .queryRenderedFeatures(undefined, { layers: ['basemap-sea-labels'] })
          .map((f) => String(f.properties['name_vi'])) ?? [],
    );
    assert.ok(labels.includes('Biển Đông'), `sea labels drawn: ${labels.join(', ')}`);
    assert.ok(labels.includes('Quần đảo Hoàng Sa (Việt Nam)'), `labels drawn: ${labels.join(', ')}`);
  });

  it('draws the provincial capitals from the tiles, beneath the labels, and a click near one selects its unit', async () => {
    // Thematic features win over a capital (the airport and port are beside it): off for this test.
    const on = await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      const ids = Object.entries(s.layers).flatMap(([id, l]) => (l.visible ? [id] : []));
      for (const id of ids) s.setLayerVisible(id as keyof typeof s.layers, false);
      window.__ntcc?.map.jumpTo({ center: [108.21, 16.05], zoom: 6 });
      return ids;
    });
    await waitForMapIdle(page);
    const at = await page.evaluate(() => {
      const map = window.__ntcc?.map;
      if (!map) return null;
      const p = map.project([108.21, 16.05]); // Đà Nẵng, from the brief
      const r = map.getCanvas().getBoundingClientRect();
      const drawn = map.queryRenderedFeatures([p.x, p.y], { layers: ['capitals-2022'] }).map((f) => f.properties['iso']);
      const selected = map.queryRenderedFeatures({ layers: ['capitals-2022-selected'] }).length;
      // 7 px south of the point, just off the drawn dot (4 px radius): the province beneath is Quảng Nam.
      const below = map.queryRenderedFeatures([p.x, p.y + 7], { layers: ['provinces-2022-fill-region'] })[0]?.properties['iso'];
      return { x: r.left + p.x, y: r.top + p.y + 7, below, drawn, selected };
    });
    assert.ok(at);
    assert.deepEqual(at.drawn, ['VN-DN']);
    assert.equal(at.selected, 0);
    assert.equal(at.below, 'VN-27');
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => window.__ntcc?.store.getState().selected === 'VN-DN');
    await waitForMapIdle(page);
    // The selected unit's capital is drawn larger, in red.
    const selected = await page.evaluate(() =>
      window.__ntcc!.map.queryRenderedFeatures({ layers: ['capitals-2022-selected'] }).map((f) => f.properties['iso']),
    );
    assert.deepEqual(selected, ['VN-DN']);
    await page.evaluate((ids) => {
      const s = window.__ntcc!.store.getState();
      s.select(null);
      for (const id of ids) s.setLayerVisible(id as keyof typeof s.layers, true);
    }, on);
    // Drawn beneath the labels, so place names stay readable; deck.gl is not on the way to the
    // map's first idle (it starts after it, when the map is still: deck-warm.ts).
    const order = await page.evaluate(() => window.__ntcc?.map.getLayersOrder() ?? []);
    assert.ok(order.indexOf('capitals-2022') < order.indexOf('provinces-2022-labels'), order.join(', '));
    const marks = await page.evaluate(() => ({
      idle: performance.getEntriesByName('map-first-idle')[0]?.startTime ?? NaN,
      added: performance.getEntriesByName('deck-added').map((m) => m.startTime),
    }));
    assert.ok(
      marks.added.every((t) => t > marks.idle),
      JSON.stringify(marks),
    );
  });

  it('highlights the province under the pointer', async () => {
    await page.evaluate(() => window.__ntcc?.map.jumpTo({ center: [108.1, 16.0], zoom: 8 }));
    await waitForMapIdle(page);
    const pt = await page.evaluate(() => {
      const map = window.__ntcc?.map;
      if (!map) throw new Error('no map');
      const p = map.project([107.9, 15.7]); // inside Quảng Nam
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    });
    await page.mouse.move(pt.x, pt.y);
    await page.waitForFunction(() => window.__ntcc?.store.getState().hovered === 'VN-27');
    const filter = await page.evaluate(() => window.__ntcc?.map.getFilter('provinces-2022-hover'));
    assert.deepEqual(filter, ['==', ['get', 'iso'], 'VN-27']);
    // The pointer cursor says it can be clicked, and stays: deck.gl does not set its own over it.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    assert.equal(await page.evaluate(() => getComputedStyle(window.__ntcc!.map.getCanvas()).cursor), 'pointer');
  });

  it('asks for no animation frames while the map is still', async () => {
    await waitForMapIdle(page);
    // deck.gl is loaded by now (made ready once the map was first still): its loop, which asked
    // for a frame at every display refresh (about 60 a second), asks for none.
    await waitForDeckWarm(page);
    const still = await framesAskedFor(page);
    assert.ok(still <= 2, `${still} frames asked for in 1 s of a still map`);
    // With an analysis shown, the same holds: analysis.test.ts; and deck.gl still draws a change
    // made while the map is still: analysis.test.ts, hovering a row.
  });

  it('emphasises a selected port, and nothing when none is selected', async () => {
    const drawn = () =>
      page.evaluate(() => window.__ntcc!.map.queryRenderedFeatures({ layers: ['th-selected-point'] }).map((f) => f.properties['id']));
    await page.evaluate(() => window.__ntcc?.map.jumpTo({ center: [105.81, 19.32], zoom: 8 }));
    await waitForMapIdle(page);
    assert.deepEqual(await drawn(), []);
    await page.evaluate(() => window.__ntcc?.store.getState().selectFeature({ layer: 'seaports', id: 'nghi-son' }));
    await waitForMapIdle(page);
    assert.deepEqual(await drawn(), ['nghi-son']);
    await page.evaluate(() => window.__ntcc?.store.getState().selectFeature(null));
    await waitForMapIdle(page);
    assert.deepEqual(await drawn(), []);
  });

  it('opens the info panel of Đà Nẵng when it is clicked', async () => {
    await page.evaluate(() => window.__ntcc?.map.jumpTo({ center: [108.1, 16.0], zoom: 8 }));
    await waitForMapIdle(page);
    // Inside Đà Nẵng, 6 km from any corridor (the point used before, 108.05, 16.08, now lies on the
    // high-speed railway's published alignment, so a click there picks the railway).
    await clickLonLat(108.02, 16.03);
    await page.getByTestId('info-name').waitFor();
    assert.equal(await page.getByTestId('info-name').textContent(), 'Đà Nẵng');
    assert.match((await page.getByTestId('info-panel').textContent()) ?? '', /VN-DN/);
    await waitForMapIdle(page);
    await screenshot(page, '02-da-nang-selected');
    assert.match(page.url(), /sel=VN-DN/);
  });

  it('draws 14 in-region units in 2022 and 11 in 2025, and outlines counterparts', async () => {
    await page.evaluate(() => window.__ntcc?.map.jumpTo({ center: [107.6, 15.3], zoom: 5 }));
    await waitForMapIdle(page);
    assert.equal((await drawnInRegion('2022')).length, 14);
    await page.getByTestId('edition-2025').click();
    await waitForMapIdle(page);
    const units = await drawnInRegion('2025');
    assert.equal(units.length, 11, units.join(','));
    // Đà Nẵng 2025 is selected (same code), and its 2022 members are outlined.
    assert.equal(await page.getByTestId('info-name').textContent(), 'Đà Nẵng');
    const outlined = await page.evaluate(() => window.__ntcc?.map.getFilter('provinces-2022-counterpart'));
    assert.deepEqual(outlined, ['in', ['get', 'iso'], ['literal', ['VN-DN', 'VN-27']]]);
    await screenshot(page, '03-edition-2025');
  });

  it('switches the UI and the map labels to English', async () => {
    await page.getByTestId('lang-en').click();
    assert.equal(await page.locator('h1').textContent(), 'North Central and Central Coast regional linkage atlas');
    assert.equal(await page.getByTestId('info-name').textContent(), 'Da Nang');
    await waitForMapIdle(page);
    const names = await page.evaluate(
      () =>
        window.__ntcc?.map
          .queryRenderedFeatures(undefined, { layers: ['basemap-sea-labels'] })
          .map((f) => String(f.properties['name_en'])) ?? [],
    );
    assert.ok(names.includes('East Sea'));
    const field = await page.evaluate(() => window.__ntcc?.map.getLayoutProperty('provinces-2025-labels', 'text-field'));
    assert.deepEqual(field, ['get', 'name_en']);
    await screenshot(page, '04-english');
  });

  it('restores view, edition, language and selection from the hash after a reload', async () => {
    await page.goto(`${server.origin}/#map=7.2/16.4/107.6&ed=2025&lang=en&sel=VN-25`);
    await page.reload();
    await waitForMapIdle(page);
    const view = await page.evaluate(() => {
      const m = window.__ntcc?.map;
      return { zoom: m?.getZoom(), lng: m?.getCenter().lng, lat: m?.getCenter().lat };
    });
    assert.ok(
      Math.abs((view.zoom ?? 0) - 7.2) < 0.01 && Math.abs((view.lng ?? 0) - 107.6) < 0.001 && Math.abs((view.lat ?? 0) - 16.4) < 0.001,
      JSON.stringify(view),
    );
    assert.equal(await page.getByTestId('info-name').textContent(), 'Quang Tri');
    assert.equal(await page.getByTestId('edition-2025').getAttribute('aria-checked'), 'true');
    await screenshot(page, '05-restored-from-hash');
  });

  it('ignores a bad hash value with a message and keeps the rest', async () => {
    // A fresh load: on the open page the hash would be cleaned up before a reload.
    await page.goto('about:blank');
    await page.goto(`${server.origin}/#map=7/16/200&ed=2025&lang=vi&sel=<img src=x onerror=alert(1)>`);
    await waitForMapIdle(page);
    const notice = await page.getByTestId('notice').textContent();
    assert.match(notice ?? '', /không hợp lệ.*map, sel/);
    assert.equal(await page.getByTestId('edition-2025').getAttribute('aria-checked'), 'true');
    assert.equal(await page.locator('img[src=x]').count(), 0);
  });

  it('makes no request outside its own origin (page and NetLog), with no console errors', async () => {
    const off = browser.requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(off, []);
    assert.ok(
      browser.requests.some((u) => /\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(u)),
      'tiles were requested',
    );
    assert.deepEqual(browser.errors, []);
    await browser.close();
    const log = readFileSync(netlog, 'utf8');
    const urls = [...log.matchAll(/"url":"([a-z][a-z0-9+.-]*:\/\/[^"]+)"/gi)].map((m) => m[1] ?? '');
    const outside = urls.filter(
      (u) =>
        !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u) &&
        !u.startsWith('data:') &&
        !u.startsWith('blob:') &&
        !u.startsWith('chrome'),
    );
    assert.ok(urls.length > 0, 'the NetLog recorded URLs');
    assert.deepEqual([...new Set(outside)], []);
    rmSync(netlogDir, { recursive: true, force: true });
  });
});
