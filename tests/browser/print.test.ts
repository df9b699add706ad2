/**
 * Print layouts at true scale with the basemap from the built app (issue 29's Done when):
 * `ntcc print` at A3 landscape 1:1,000,000 in Vietnamese and at A0 1:250,000 in English gives a
 * page of exactly that paper, every font embedded, the title, the fraction in the language's
 * format, Hoàng Sa, Trường Sa and Natural Earth as text, at least 200 vector paths over the
 * basemap images, and two capitals as far apart on paper as the scale says (within 1 %); a PNG
 * at 300 dpi; and the app's Print / PDF… dialog makes a PDF download, from the keyboard, on a
 * phone-sized screen too. The pages are rendered to PNG under test-results/ for a look.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launch, SCREENSHOTS, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';
import { firstPageContent, readDrawing } from '../pdf-content.ts';
import { EARTH_RADIUS_KM } from '../../src/core/geo.ts';

const OUT = 'test-results/print';

/** Great-circle km on the analyses' sphere. */
function km(a: readonly number[], b: readonly number[]): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b[1]! - a[1]!) * r) / 2) ** 2 + Math.cos(a[1]! * r) * Math.cos(b[1]! * r) * Math.sin(((b[0]! - a[0]!) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

const provinces = (
  JSON.parse(readFileSync('data/geojson/provinces-2022.geojson', 'utf8')) as { features: { properties: Record<string, unknown> }[] }
).features;
const capital = (iso: string): [number, number] => {
  const p = provinces.find((f) => f.properties['iso'] === iso)!.properties;
  return [p['capital_lon'] as number, p['capital_lat'] as number];
};

/** Checks a print: paper, fonts, text, paths, basemap images, and the scale measured between two capitals. */
function checkPdf(
  file: string,
  o: { paper: string; size: [number, number]; title: string; fraction: string; scale: number; sea: string },
): void {
  const info = /Page size:\s+([\d.]+) x ([\d.]+) pts \((A\d)\)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  assert.ok(info, 'pdfinfo names the paper');
  assert.equal(info[3], o.paper);
  assert.ok(Math.abs(Number(info[1]) - o.size[0]) < 0.1 && Math.abs(Number(info[2]) - o.size[1]) < 0.1, info[0]);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  assert.ok(fonts.length >= 2);
  for (const row of fonts) assert.match(row, /BeVietnamPro\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  for (const s of [o.title, o.fraction, 'Hoàng Sa', 'Trường Sa', 'Natural Earth', o.sea])
    assert.ok(text.replace(/\s+/g, ' ').includes(s), `text holds “${s}”`);
  const pdf = new Uint8Array(readFileSync(file));
  const drawing = readDrawing(firstPageContent(pdf));
  assert.ok(drawing.paths >= 200, `${drawing.paths} vector paths`);
  assert.ok(drawing.images >= 4, `${drawing.images} basemap images`);
  // Đà Nẵng and Tam Kỳ, both in the frame near its centre: paper distance × scale = ground distance.
  const a = drawing.marks.get('VN-DN');
  const b = drawing.marks.get('VN-27');
  assert.ok(a && b, 'both capitals are drawn and marked');
  const groundKm = ((Math.hypot(a[0] - b[0], a[1] - b[1]) / (72 / 25.4)) * o.scale) / 1e6;
  const truth = km(capital('VN-DN'), capital('VN-27'));
  assert.ok(Math.abs(groundKm / truth - 1) < 0.01, `${groundKm.toFixed(2)} km on paper, ${truth.toFixed(2)} km on the ground`);
  execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', file, join(SCREENSHOTS, `print-${o.paper}`)]);
}

describe('print layouts at true scale', () => {
  before(() => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  it('ntcc print A3 landscape 1:1,000,000 in Vietnamese', () => {
    const title = 'Liên kết vùng Bắc Trung Bộ và duyên hải Trung Bộ';
    const file = join(OUT, 'a3-vi.pdf');
    execFileSync(
      'node',
      [
        'bin/ntcc.js',
        'print',
        '--paper',
        'A3',
        '--orientation',
        'landscape',
        '--scale',
        '1000000',
        '--lang',
        'vi',
        '--title',
        title,
        '--out',
        file,
      ],
      {
        timeout: 600_000,
        stdio: 'pipe',
      },
    );
    checkPdf(file, { paper: 'A3', size: [1190.55, 841.89], title, fraction: '1:1.000.000', scale: 1_000_000, sea: 'Biển Đông' });
  });

  it('ntcc print A0 1:250,000 in English', () => {
    const title = 'North Central and Central Coast: transport corridors';
    const file = join(OUT, 'a0-en.pdf');
    execFileSync('node', ['bin/ntcc.js', 'print', '--paper', 'A0', '--scale', '250000', '--lang', 'en', '--title', title, '--out', file], {
      timeout: 900_000,
      stdio: 'pipe',
    });
    checkPdf(file, { paper: 'A0', size: [3370.39, 2383.94], title, fraction: '1:250,000', scale: 250_000, sea: 'East Sea' });
  });

  it('ntcc print to a PNG at 300 dpi, with an analysis drawn', () => {
    const file = join(OUT, 'a4.png');
    execFileSync(
      'node',
      ['bin/ntcc.js', 'print', '--paper', 'A4', '--analysis', 'access', '--metric', 'minutes', '--lang', 'en', '--out', file],
      {
        timeout: 600_000,
        stdio: 'pipe',
      },
    );
    const png = readFileSync(file);
    // A4 landscape, 297 × 210 mm at 300 dpi: 3507.9 × 2480.3 pixels, rounded up by pdftoppm.
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(Math.abs(w - 3508) <= 1 && Math.abs(h - 2480) <= 1, `${w} × ${h}`);
  });
});

describe('Print / PDF… in the app', () => {
  let server: Server;
  let browser: Browser;
  before(async () => {
    server = await startServer(4188);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('makes an A4 PDF of the current view from the keyboard, with progress, and the map is put back', async () => {
    browser = await launch(1280, 800);
    const { page } = browser;
    await page.goto(`${server.origin}/#lang=en`);
    await waitForMapIdle(page);
    const was = await page.evaluate(() => window.__ntcc!.map.getCenter().toArray());
    await page.getByTestId('print-open').click();
    const dialog = page.getByTestId('print-dialog');
    await dialog.waitFor();
    // Focus starts in the dialog; the paper is chosen with the keyboard.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'print-paper');
    await page.getByTestId('print-paper').selectOption('A4');
    await page.getByTestId('print-title-input').fill('Print test: the region');
    await page.getByTestId('print-make').focus();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.keyboard.press('Enter')]);
    const file = join(OUT, 'app-a4.pdf');
    await download.saveAs(file);
    assert.match((await page.getByTestId('print-message').textContent()) ?? '', /ntcc-A4-.*\.pdf/);
    assert.match(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), /Page size:\s+841\.89 x 595\.2\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const s of ['Print test: the region', 'Scale 1:', 'Hoàng Sa', 'Trường Sa', 'Natural Earth']) assert.ok(text.includes(s), s);
    const drawing = readDrawing(firstPageContent(new Uint8Array(readFileSync(file))));
    assert.ok(drawing.images >= 1 && drawing.paths >= 200, `${drawing.images} images, ${drawing.paths} paths`);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-singlefile', file, join(SCREENSHOTS, 'print-app-A4')]);
    const now = await page.evaluate(() => window.__ntcc!.map.getCenter().toArray());
    assert.ok(Math.abs(now[0]! - was[0]!) < 1e-6 && Math.abs(now[1]! - was[1]!) < 1e-6, 'the map is put back');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('fits a 390 px phone screen and can be cancelled', async () => {
    await browser?.close();
    browser = await launch(390, 844, [], { isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const { page } = browser;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('print-open').click();
    const box = await page.getByTestId('print-dialog').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `dialog ${JSON.stringify(box)}`);
    await page.getByTestId('print-paper').selectOption('A0');
    await page.getByTestId('print-fixed').check();
    await page.getByTestId('print-scale').fill('250000');
    await page.getByTestId('print-make').click();
    await page.getByTestId('print-progress').waitFor({ timeout: 60_000 });
    await page.getByTestId('print-cancel').click();
    await page.getByTestId('print-message').waitFor();
    assert.match((await page.getByTestId('print-message').textContent()) ?? '', /Đã hủy/);
  });
});
