/**
 * Every analysis kind in the browser, walked from the registry: the address `#an=<kind>`
 * opens the panel, runs it in the worker, and shows its legend, model line, table and chart (an
 * SVG image named by its finding, with at least five marks; a unit's bar selects the unit) with
 * no error on the page. A kind added to ANALYSES is tested here without a line more.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ANALYSES } from '../../src/core/analysis.ts';
import { launch, screenshot, startServer, waitForAnalysis, waitForMapIdle, type Browser, type Server } from './harness.ts';

let server: Server;
let browser: Browser;

describe('every analysis kind opens from the address', () => {
  before(async () => {
    server = await startServer(4191);
    browser = await launch(1366, 768);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const kind of ANALYSES)
    it(`${kind}: legend, model and table`, async () => {
      const { page, errors } = browser;
      errors.length = 0;
      await page.goto('about:blank');
      // Coarse cells keep the grid kinds quick; kinds without cells ignore it.
      await page.goto(`${server.origin}/#an=${kind}&cell=20`);
      await waitForAnalysis(page, kind);
      await waitForMapIdle(page);
      const panel = page.getByTestId('analysis-panel');
      assert.ok(await panel.isVisible(), 'the analysis panel is open');
      assert.ok(await page.getByTestId('analysis-legend').first().isVisible(), 'a legend');
      const model = (await page.getByTestId('analysis-model').textContent()) ?? '';
      assert.ok(model.length > 20 && !/\{\w+\}/.test(model), `model line: ${model}`);
      const rows = await page.locator('[data-testid="analysis-table"] tbody tr').count();
      assert.ok(rows > 0, 'the table has rows');
      // A kind of places is named in the reader's language, not by its id.
      if (kind === 'coverage')
        assert.equal(await page.locator('[data-testid="analysis-table"] tbody tr').first().locator('td').first().innerText(), 'cảng biển');
      // A unit's nearest seaport by its name (Thanh Hóa's: Cảng biển Thanh Hóa), not its id.
      if (kind === 'hinterland')
        assert.match(await page.locator('[data-testid="analysis-table"] tbody tr').first().locator('td').nth(1).innerText(), /^Cảng biển /);
      // Its chart: an image named by its main finding, with at least five marks.
      const chart = page.locator('[data-testid="analysis-chart"] svg[role="img"]');
      await chart.waitFor({ timeout: 30_000 });
      const label = (await chart.getAttribute('aria-label')) ?? '';
      assert.ok(label.length > 10 && !/\{\w+\}/.test(label), `chart label: ${label}`);
      const marks = await chart.locator('rect[data-key], circle[data-key]').count();
      assert.ok(marks >= 5, `${marks} marks`);
      // A bar that is a unit selects it on the map.
      const pick = chart.locator('.chart-pick').first();
      if ((await pick.count()) > 0) {
        await pick.click();
        const selected = await page.evaluate(() => window.__ntcc!.store.getState().selected);
        assert.ok(selected, 'clicking a unit’s bar selects it');
      }
      await page.getByTestId('analysis-chart').scrollIntoViewIfNeeded();
      await screenshot(page, `kind-${kind}`);
      assert.deepEqual(errors, []);
    });
});
