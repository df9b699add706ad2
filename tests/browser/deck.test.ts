/**
 * The story as a PowerPoint deck, made in the app: a slide per scene after the title, each
 * scene's map image at 1920×1080 with its legend, the caption as text; LibreOffice Impress
 * converts it to a PDF with a page per slide and the captions as text (pdftotext), and the
 * pages are rendered to PNG for a look. The map is put back as it was.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { launch, SCREENSHOTS, startServer, waitForMapIdle, type Browser, type Server } from './harness.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';

let server: Server;
let browser: Browser;
let page: Page;
const OUT = 'test-results/deck';

/** Width and height of a PNG. */
const pngSize = (b: Uint8Array): [number, number] => {
  const v = new DataView(b.buffer, b.byteOffset);
  return [v.getUint32(16), v.getUint32(20)];
};

describe('the story as a PowerPoint deck', () => {
  before(async () => {
    server = await startServer(4185);
    browser = await launch(1366, 768);
    page = browser.page;
    await page.goto(`${server.origin}/`);
    await waitForMapIdle(page);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('saves a deck from the story panel, and LibreOffice reads it: a page per slide, the captions as text', async () => {
    const was = await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      return { edition: s.edition, layers: JSON.stringify(s.layers), centre: window.__ntcc!.map.getCenter().toArray() };
    });
    await page.getByTestId('story-open').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('story-pptx').click()]);
    assert.match((await page.getByTestId('story-pptx-status').textContent()) ?? '', /ntcc-story\.pptx/);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const path = join(OUT, 'story.pptx');
    await download.saveAs(path);

    // The map is as it was.
    const now = await page.evaluate(() => {
      const s = window.__ntcc!.store.getState();
      return { edition: s.edition, layers: JSON.stringify(s.layers), centre: window.__ntcc!.map.getCenter().toArray() };
    });
    assert.equal(now.edition, was.edition);
    assert.equal(now.layers, was.layers);
    assert.ok(Math.abs(now.centre[0]! - was.centre[0]!) < 1e-6 && Math.abs(now.centre[1]! - was.centre[1]!) < 1e-6);

    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const n = BUILTIN_STORY.scenes.length;
    // A slide per scene after the title, and a native chart slide after each analysis scene's.
    const charts = chartsOf(files);
    assert.equal(charts.length, BUILTIN_STORY.scenes.filter((sc) => sc.analysis).length);
    const slides = n + 1 + charts.length;
    assert.equal(Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length, slides);
    const media = Object.keys(files).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
    assert.equal(media.length, n);
    for (const m of media) assert.deepEqual(pngSize(files[m]!), [1920, 1080]);
    // The gravity scene's caption is on a slide, as text.
    assert.ok(
      Object.keys(files).some((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f) && /Lực hút liên kết/.test(strFromU8(files[f]!))),
      'the gravity caption',
    );

    // LibreOffice Impress reads it (installed by .ci/run): a page per slide, captions as text.
    let soffice = '';
    try {
      soffice = execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim();
    } catch {
      assert.fail('LibreOffice (soffice) is not installed: bash .ci/run installs libreoffice-impress and poppler-utils');
    }
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', OUT, path], { timeout: 180_000, stdio: 'ignore' });
    const pdf = join(OUT, 'story.pdf');
    assert.match(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }), new RegExp(`Pages:\\s+${slides}\\b`));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const scene of BUILTIN_STORY.scenes) assert.ok(text.includes(scene.caption.vi.slice(0, 24)), scene.caption.vi);
    mkdirSync(SCREENSHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(SCREENSHOTS, 'deck-slide')]);
    assert.equal(readdirSync(SCREENSHOTS).filter((f) => f.startsWith('deck-slide')).length, slides);
  });

  it('is written the same way from the command line, in the language asked for', async () => {
    const out = join(OUT, 'cli.pptx');
    execFileSync('node', ['bin/ntcc.js', 'story', '--format', 'pptx', '--out', out, '--lang', 'en'], { timeout: 600_000, stdio: 'pipe' });
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const charts = chartsOf(files);
    assert.equal(
      Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length,
      BUILTIN_STORY.scenes.length + 1 + charts.length,
    );
    // At least three native charts (editable, their numbers inside), the largest with at least ten points.
    assert.ok(charts.length >= 3, `${charts.length} charts`);
    assert.ok(Math.max(...charts.map((c) => c.points)) >= 10, JSON.stringify(charts.map((c) => c.points)));
    const text = strFromU8(files['ppt/slides/slide2.xml']!);
    assert.ok(text.includes(BUILTIN_STORY.scenes[0]!.caption.en.slice(0, 20)), 'the English caption');
  });
});

/** The deck's native charts (ppt/charts/chartN.xml) and how many values each holds. */
function chartsOf(files: Record<string, Uint8Array>): { file: string; points: number }[] {
  return Object.keys(files)
    .filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
    .map((f) => {
      const xml = strFromU8(files[f]!);
      const points = [...xml.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].reduce((k, m) => k + [...m[0].matchAll(/<c:v>/g)].length, 0);
      return { file: f, points };
    });
}
