/**
 * Browser tests of planning scenarios, comparison and isochrones: a corridor drawn by clicks
 * on the map and given its details joins the scenario, is drawn, and the open analysis reruns
 * on it; a bad scenario file is refused without loss; 2030 against today draws the cell that
 * gains most in the "nearer" blue of the difference map, and the swipe line moves; an
 * isochrone's origin is picked on the map and its nearest band is drawn there. Screenshots
 * in both languages, at desktop and phone sizes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, mapPixels, screenshot, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;
let page: Page;

/** Where a place is on the page (CSS px) and on the canvas (device px). */
async function placeOf(lon: number, lat: number): Promise<{ x: number; y: number; cx: number; cy: number }> {
  return page.evaluate(
    ([x, y]) => {
      const map = window.__ntcc!.map;
      const p = map.project([x!, y!]);
      const box = map.getCanvas().getBoundingClientRect();
      const ratio = window.devicePixelRatio;
      return { x: box.left + p.x, y: box.top + p.y, cx: Math.round(p.x * ratio), cy: Math.round(p.y * ratio) };
    },
    [lon, lat],
  );
}

/** The mean colour of a 7×7 box of the canvas around a place. */
async function colourAt(lon: number, lat: number): Promise<number[]> {
  const at = await placeOf(lon, lat);
  const { data } = await mapPixels(page, [at.cx - 3, at.cy - 3, 7, 7]);
  return [0, 1, 2].map((k) => data.filter((_, i) => i % 4 === k).reduce((a, b) => a + b, 0) / (data.length / 4));
}

/** Waits until the analysis (and its baseline, when comparing) is done. */
async function analysisDone(): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__ntcc?.store.getState();
      return s?.analysis.status === 'done' && (s.compare.with === 'none' || s.baseline.status === 'done');
    },
    null,
    { timeout: 120_000 },
  );
  await waitForMapIdle(page);
  await page.waitForTimeout(500);
}

describe('scenarios, comparison and isochrones', () => {
  before(async () => {
    server = await startServer(4187);
    browser = await launch(1366, 768);
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws a corridor by clicks, adds it with its details, draws it and reruns the analysis on it', async () => {
    await page.goto(`${server.origin}/#map=7/15.2/107.6&lang=en&an=access&metric=minutes&cell=10`);
    await analysisDone();
    const firstKey = await page.evaluate(() => window.__ntcc!.store.getState().analysis.key);
    await page.getByTestId('scenario-open').click();
    await page.getByTestId('scenario-draw').click();
    // The first point on National Road 1 near Quảng Ngãi (its vertex nearest 108.79, 15.12 in the
    // bundled data, so the test follows the road wherever the data draws it); then inland.
    const onQl1 = await page.evaluate(() => {
      const ql1 = window.__ntcc!.store.getState().thematic.corridors!.features.find((f) => f.properties.id === 'ql1')!.geometry
        .coordinates as [number, number][];
      return ql1.reduce((a, b) => (Math.hypot(b[0] - 108.79, b[1] - 15.12) < Math.hypot(a[0] - 108.79, a[1] - 15.12) ? b : a));
    });
    const pts: [number, number][] = [onQl1, [108.3, 14.95], [107.9, 14.6]];
    for (const [lon, lat] of pts) {
      const at = await placeOf(lon, lat);
      await page.mouse.click(at.x, at.y);
    }
    assert.equal(await page.evaluate(() => (window.__ntcc!.store.getState().mapPick as { coordinates: unknown[] }).coordinates.length), 3);
    // The first click, on National Road 1, put its vertex on the nearest road there (so the new line
    // joins the network): at this zoom a pixel is about a kilometre, and the expressway runs within a
    // few pixels of the road, so the nearest may be either; never the railway, which joins no road.
    const offRoad = await page.evaluate(() => {
      const st = window.__ntcc!.store.getState();
      const [x, y] = (st.mapPick as { coordinates: [number, number][] }).coordinates[0]!;
      let best = Infinity;
      for (const f of st.thematic.corridors!.features) {
        if (f.properties.mode === 'railway' || f.properties.mode === 'high_speed_railway') continue;
        const line = f.geometry.coordinates as [number, number][];
        for (let i = 0; i + 1 < line.length; i++) {
          const [a, b] = [line[i]!, line[i + 1]!];
          const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
          const len2 = dx * dx + dy * dy;
          const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - a[0]) * dx + (y - a[1]) * dy) / len2)) : 0;
          best = Math.min(best, Math.hypot(a[0] + t * dx - x, a[1] + t * dy - y));
        }
      }
      return best;
    });
    assert.ok(offRoad < 1e-5, `the first vertex lies on a road or expressway (${offRoad}° off)`);
    await page.keyboard.press('Enter');
    await page.getByTestId('scenario-form').waitFor();
    // Names in both languages are asked for.
    await page.getByTestId('scenario-add').click();
    assert.match(await page.getByTestId('scenario-form').innerText(), /Names in both languages/);
    await page.getByTestId('scenario-name-vi').fill('Cao tốc Quảng Ngãi – Kon Tum (thử)');
    await page.getByTestId('scenario-name-en').fill('Quảng Ngãi – Kon Tum expressway (test)');
    await page.getByTestId('scenario-add').click();
    assert.match(await page.getByTestId('scenario-edits').innerText(), /Add corridor: Quảng Ngãi – Kon Tum expressway/);
    // The run on the scenario (not the one shown before the edit, which may still read as done).
    await page
      .waitForFunction(
        () => {
          const a = window.__ntcc!.store.getState().analysis;
          return a.status === 'done' && a.result?.scenario?.add === 1;
        },
        null,
        { timeout: 120_000 },
      )
      .catch(() => undefined);
    await analysisDone();
    const s = await page.evaluate(() => {
      const st = window.__ntcc!.store.getState();
      return { key: st.analysis.key, scenario: st.analysis.result?.scenario, hash: window.location.hash };
    });
    assert.notEqual(s.key, firstKey);
    assert.equal(s.scenario?.add, 1);
    assert.match(s.hash, /sc=[A-Za-z0-9_-]+/);
    // The line is drawn in the scenario's magenta halfway along its first segment.
    const [r, g, b] = await colourAt((pts[0]![0] + pts[1]![0]) / 2, (pts[0]![1] + pts[1]![1]) / 2);
    assert.ok(r! > 120 && b! > 80 && g! < 110, `magenta expected, got ${[r, g, b].map((v) => Math.round(v ?? 0)).join(',')}`);
    await screenshot(page, 'scenario-drawn-en');
  });

  it('refuses a bad scenario file with a message and keeps the scenario', async () => {
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { action: 'slow', target: 'nowhere', speed_kmh: 30 }, geometry: null }],
    });
    await page
      .getByTestId('scenario-import')
      .setInputFiles({ name: 'bad.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(bad) });
    await page.getByText(/Could not open the scenario bad\.geojson: Feature 1: there is no corridor “nowhere”/).waitFor();
    assert.equal(await page.evaluate(() => window.__ntcc!.store.getState().scenario.edits.length), 1);
  });

  for (const lang of ['vi', 'en'] as const)
    it(`compares 2030 with today: the cell that gains most is drawn blue, the swipe line moves (${lang})`, async () => {
      await page.goto(`${server.origin}/#map=7/17.2/106.2&lang=${lang}&hz=2030&an=access&metric=minutes&cmp=horizon:today`);
      await page.reload();
      await analysisDone();
      const best = await page.evaluate(() => {
        const s = window.__ntcc!.store.getState();
        const a = s.analysis.result!;
        const b = s.baseline.result!;
        if (a.kind !== 'access' || b.kind !== 'access') throw new Error('not access');
        let k = 0;
        let gain = 0;
        a.grid.minutes_to_seaport!.forEach((m, i) => {
          const g = b.grid.minutes_to_seaport![i]! - m;
          if (g > gain) {
            gain = g;
            k = i;
          }
        });
        return { lon: a.grid.centres[2 * k]!, lat: a.grid.centres[2 * k + 1]!, gain };
      });
      assert.ok(best.gain > 20, `a cell gains over 20 minutes (${best.gain})`);
      await page.evaluate(([lon, lat]) => window.__ntcc!.map.jumpTo({ center: [lon!, lat!], zoom: 8 }), [best.lon, best.lat]);
      await waitForMapIdle(page);
      await page.waitForTimeout(500);
      const [r, , b] = await colourAt(best.lon, best.lat);
      assert.ok(b! > r! + 60, `blue expected where the gain is largest, got r=${r} b=${b}`);
      assert.match(await page.getByTestId('compare-region').innerText(), lang === 'vi' ? /trọng số theo dân số/ : /weighted by population/);
      await page.evaluate(() => window.__ntcc!.map.jumpTo({ center: [106.2, 17.2], zoom: 7 }));
      await waitForMapIdle(page);
      await screenshot(page, `compare-difference-${lang}`);
      await page.getByTestId('compare-view-swipe').click();
      const line = page.getByTestId('swipe-line');
      await line.waitFor();
      const handle = line.getByRole('slider');
      const box = (await handle.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x - 150, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      const swipe = await page.evaluate(() => window.__ntcc!.store.getState().compare.swipe);
      assert.ok(swipe < 0.4, `the line moved left (${swipe})`);
      await handle.focus();
      await page.keyboard.press('ArrowRight');
      assert.ok((await page.evaluate(() => window.__ntcc!.store.getState().compare.swipe)) > swipe);
      await waitForMapIdle(page);
      await page.waitForTimeout(500);
      await screenshot(page, `compare-swipe-${lang}`);
    });

  for (const lang of ['vi', 'en'] as const)
    it(`draws an isochrone from a place picked on the map (${lang})`, async () => {
      await page.goto(`${server.origin}/#map=8/16.3/107.9&lang=${lang}&an=isochrone`);
      await page.reload();
      await analysisDone();
      await page.getByTestId('pick-origin').click();
      const at = await placeOf(107.59, 16.46);
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction(() => window.__ntcc!.store.getState().analysisParams.from[1] > 16.4, null, { timeout: 10_000 });
      // The run from the new origin (the one before it stays "done" until the new one starts).
      await page.waitForFunction(
        () => {
          const a = window.__ntcc!.store.getState().analysis;
          return a.status === 'done' && a.result?.kind === 'isochrone' && a.result.from[1] > 16.4;
        },
        null,
        { timeout: 120_000 },
      );
      await analysisDone();
      const r = await page.evaluate(() => {
        const res = window.__ntcc!.store.getState().analysis.result!;
        return res.kind === 'isochrone' ? { from: res.from, areas: res.bands.map((b) => b.area_km2) } : null;
      });
      assert.ok(r && Math.abs(r.from[0] - 107.59) < 0.02 && Math.abs(r.from[1] - 16.46) < 0.02, JSON.stringify(r?.from));
      assert.ok(r.areas[0]! > 0 && r.areas[0]! < r.areas[1]! && r.areas[1]! < r.areas[2]!, `nested bands ${r.areas.join(', ')}`);
      // The origin's marker (the highlight red) is drawn where it was clicked.
      const [red, green] = await colourAt(107.59, 16.46);
      assert.ok(red! > 150 && green! < 110, `the origin's red, got ${red},${green}`);
      await screenshot(page, `isochrone-${lang}`);
    });

  it('fits a phone: the scenario panel and the compare view', async () => {
    const phone = await launch(390, 844);
    try {
      await phone.page.goto(`${server.origin}/#lang=vi&hz=2030&an=access&metric=minutes&cmp=horizon:today`);
      await phone.page.waitForFunction(() => window.__ntcc?.store.getState().baseline.status === 'done', null, { timeout: 120_000 });
      await waitForMapIdle(phone.page);
      await screenshot(phone.page, 'compare-phone-vi');
      await phone.page.evaluate(() => window.__ntcc!.store.getState().setScenarioOpen(true));
      await phone.page.getByTestId('scenario-panel').waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no sideways scroll (${width})`);
      await screenshot(phone.page, 'scenario-phone-vi');
      // Drawing on a phone: the panels make way for the map, a bar says what a tap does.
      await phone.page.getByTestId('scenario-draw').click();
      await phone.page.getByTestId('pick-bar').waitFor();
      assert.equal(await phone.page.getByTestId('scenario-panel').isVisible(), false);
      assert.equal(await phone.page.getByTestId('analysis-panel').isVisible(), false);
      const taps: [number, number][] = [
        [120, 300],
        [220, 360],
      ];
      for (const [x, y] of taps) await phone.page.mouse.click(x, y);
      await screenshot(phone.page, 'scenario-phone-drawing-vi');
      await phone.page.getByTestId('pick-bar').getByRole('button', { name: 'Xong' }).click();
      await phone.page.getByTestId('scenario-form').waitFor();
      assert.equal(await phone.page.getByTestId('pick-bar').count(), 0);
    } finally {
      await phone.close();
    }
  });
});
