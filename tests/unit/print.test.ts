/**
 * Print layouts at true scale (src/export/print), made in Node without a basemap image: the
 * projection is true at the centre, the page is the paper's size, the fonts are embedded and
 * the text (title, fraction in the language's format, Hoàng Sa, Trường Sa, Natural Earth) is
 * selectable, the first page holds at least 200 vector paths, and two capitals drawn on it
 * lie as far apart as the scale says (measured in the PDF's content stream). The same prints
 * with the basemap from the built app are checked by tests/browser/print.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { STATUSES, THEMATIC_LAYERS, type ThematicLayerId } from '../../src/core/layers.ts';
import { REGION_BOUNDS } from '../../src/core/region.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { DEFAULT_PARAMS } from '../../src/core/analysis.ts';
import { printLayout, fractionText, regionCentre, type PrintData, type PrintOptions } from '../../src/export/print/layout.ts';
import { printWriter, printable, runs } from '../../src/export/print/pdf.ts';
import { basemapPlan, fitScale, niceScale, printProjection, sceneBounds } from '../../src/export/print/projection.ts';
import { degreeLabel } from '../../src/export/print/content.ts';
import { pageSize, PT_PER_MM } from '../../src/export/print/paper.ts';
import { EARTH_RADIUS_KM } from '../../src/core/geo.ts';
import { basemapLayers } from '../../scripts/build-tiles.ts';
import { loadFonts } from '../../cli/print.ts';
import { loadInputs, loadLayer } from '../../cli/load.ts';
import { firstPageContent, readDrawing } from '../pdf-content.ts';
import { runCli as run } from './helpers/run-cli.ts';

/** Great-circle km on the analyses' sphere. */
function km(a: readonly number[], b: readonly number[]): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b[1]! - a[1]!) * r) / 2) ** 2 + Math.cos(a[1]! * r) * Math.cos(b[1]! * r) * Math.sin(((b[0]! - a[0]!) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

const base = basemapLayers();
const DEFAULT_LAYERS = THEMATIC_LAYERS.filter((l) => l.defaultOn).map((l) => l.id);
const archipelagos = JSON.parse(readFileSync('data/geojson/archipelagos.geojson', 'utf8')) as FeatureCollection;

function data(layers: readonly ThematicLayerId[] = DEFAULT_LAYERS, analysis: PrintData['analysis'] = null): PrintData {
  return {
    units: loadLayer('provinces-2022'),
    thematic: { corridors: loadLayer('corridors'), ...Object.fromEntries(layers.map((id) => [id, loadLayer(id)])) },
    archipelagos,
    basemap: { countries: base['countries']!, labels: base['labels']! },
    analysis,
  };
}

function options(o: Partial<PrintOptions>): PrintOptions {
  return {
    paper: 'A3',
    orientation: 'landscape',
    scale: 1_000_000,
    centre: null,
    fitBounds: REGION_BOUNDS,
    title: 'Liên kết vùng Bắc Trung Bộ và duyên hải Trung Bộ',
    subtitle: '',
    lang: 'vi',
    edition: '2022',
    horizon: 'today',
    statuses: STATUSES,
    beltKm: 10,
    layers: DEFAULT_LAYERS,
    date: new Date('2026-12-06T00:00:00Z'),
    ...o,
  };
}

const capital = (iso: string): [number, number] => {
  const f = loadLayer('provinces-2022').features.find((x) => x.properties?.['iso'] === iso)!;
  return [f.properties!['capital_lon'] as number, f.properties!['capital_lat'] as number];
};

async function makePdf(o: PrintOptions, d = data()): Promise<{ pdf: Uint8Array; file: string; layout: ReturnType<typeof printLayout> }> {
  const w = printWriter(await loadFonts());
  const layout = printLayout(o, d, w.measure);
  const pdf = await w.write(layout, { image: async () => null, title: o.title, lang: o.lang });
  const file = join(mkdtempSync(join(tmpdir(), 'ntcc-print-')), 'print.pdf');
  writeFileSync(file, pdf);
  return { pdf, file, layout };
}

const poppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the print projection', () => {
  it('is true to scale at the centre: 1° of longitude there is R·cos φ·π/180 of ground', () => {
    for (const [lat, scale] of [
      [16, 1_000_000],
      [11, 250_000],
      [19.8, 5_000_000],
    ] as const) {
      const p = printProjection([108, lat], scale, { x: 10, y: 10, width: 400, height: 300 });
      const a = p.project(107.9, lat);
      const b = p.project(108.1, lat);
      const groundKm = ((Math.abs(b[0] - a[0]) * scale) / 1e6) as number;
      expect(groundKm / km([107.9, lat], [108.1, lat])).toBeCloseTo(1, 4);
      // Conformal: north–south the same.
      const c = p.project(108, lat - 0.05);
      const d = p.project(108, lat + 0.05);
      expect((Math.abs(c[1] - d[1]) * scale) / 1e6 / km([108, lat - 0.05], [108, lat + 0.05])).toBeCloseTo(1, 3);
      // The centre is the frame's middle, and unproject undoes project.
      expect(p.project(108, lat)).toEqual([210, 160]);
      const back = p.unproject(...p.project(109.3, lat + 1.1));
      expect(back[0]).toBeCloseTo(109.3, 9);
      expect(back[1]).toBeCloseTo(lat + 1.1, 9);
    }
  });

  it('fits bounds at a round scale that shows them whole', () => {
    expect([niceScale(1), niceScale(1_000_000), niceScale(1_000_001), niceScale(2_600_000), niceScale(7_100_000)]).toEqual([
      1, 1_000_000, 1_250_000, 3_000_000, 7_500_000,
    ]);
    const frame = { x: 0, y: 0, width: 250, height: 180 };
    const { centre, scale } = fitScale(REGION_BOUNDS, frame);
    const p = printProjection(centre, scale, frame);
    const [w, s, e, n] = p.bounds;
    expect(w).toBeLessThanOrEqual(REGION_BOUNDS[0]);
    expect(s).toBeLessThanOrEqual(REGION_BOUNDS[1]);
    expect(e).toBeGreaterThanOrEqual(REGION_BOUNDS[2]);
    expect(n).toBeGreaterThanOrEqual(REGION_BOUNDS[3]);
    // A scene's view: what a 1920×1080 screen shows at its zoom.
    const sb = sceneBounds({ center: [108, 16], zoom: 6, viewport: { width: 1920, height: 1080 } });
    expect(sb[2] - sb[0]).toBeCloseTo((1920 / (512 * 64)) * 360, 6);
  });

  it('covers an A0 frame at 300 dpi with captures of at most 2040 pixels a side', () => {
    const page = pageSize('A0', 'landscape');
    expect([page.width, page.height]).toEqual([1189, 841]);
    const frame = { x: 20, y: 20, width: 1100, height: 780 };
    const plan = basemapPlan(printProjection([108, 16], 250_000, frame));
    expect(plan.pixels.width).toBeGreaterThanOrEqual(Math.round((1100 / 25.4) * 300));
    expect(Math.max(...plan.tiles.map((t) => t.width * plan.pixelRatio))).toBeLessThanOrEqual(2040);
    // The captures tile the frame without gaps or overlaps.
    const area = plan.tiles.reduce((s, t) => s + t.rect.width * t.rect.height, 0);
    expect(area / ((plan.pixels.width / 300) * 25.4 * (plan.pixels.height / 300) * 25.4)).toBeCloseTo(1, 6);
    // At MapLibre's zoom, a CSS pixel is 0.254 mm on paper.
    const metresPerCssPx = (2 * Math.PI * EARTH_RADIUS_KM * 1000 * Math.cos((16 * Math.PI) / 180)) / (512 * 2 ** plan.zoom);
    expect(metresPerCssPx / ((0.254 / 1000) * 250_000)).toBeCloseTo(1, 9);
  });
});

describe('the print layout', () => {
  it('writes the fraction and degrees in the language’s format', () => {
    expect(fractionText('vi', 1_000_000)).toBe('1:1.000.000');
    expect(fractionText('en', 1_000_000)).toBe('1:1,000,000');
    expect(fractionText('en', 250_000)).toBe('1:250,000');
    expect(degreeLabel(107.5, 'lon', 'vi')).toBe("107°30' Đ");
    expect(degreeLabel(16, 'lat', 'en')).toBe('16° N');
    expect(degreeLabel(15.75, 'lat', 'vi')).toBe("15°45' B");
  });

  it('sets every letter in a subset of the font that holds it', () => {
    expect(runs('Trường Sa').map((r) => r.subset)).toEqual(['latin', 'vietnamese', 'latin']);
    expect(runs('ŀ').map((r) => r.subset)).toEqual(['latin-ext']);
    expect(
      runs('Đà Nẵng')
        .map((r) => r.text)
        .join(''),
    ).toBe('Đà Nẵng');
    expect(printable('≤ 30 phút')).toBe('<= 30 phút');
  });

  it('centres an uncentred map on the region’s capitals, in Quảng Nam', () => {
    const [lon, lat] = regionCentre(loadLayer('provinces-2022'));
    expect(lon).toBeGreaterThan(107);
    expect(lon).toBeLessThan(109);
    expect(lat).toBeGreaterThan(14.5);
    expect(lat).toBeLessThan(16.5);
  });

  it.each([
    ['A3', 'landscape', 1_000_000, 'vi', '1:1.000.000', [1190.55, 841.89]],
    ['A0', 'landscape', 250_000, 'en', '1:250,000', [3370.39, 2383.94]],
    ['A4', 'portrait', 'fit', 'en', '1:', [595.28, 841.89]],
  ] as const)(
    '%s %s at %s (%s): the paper size, embedded fonts, the text and at least 200 vector paths',
    async (paper, orientation, scale, lang, fraction, size) => {
      const o = options({ paper, orientation, scale, lang, centre: scale === 'fit' ? null : regionCentre(loadLayer('provinces-2022')) });
      const { pdf, file, layout } = await makePdf(o);
      expect(layout.fraction.startsWith(fraction)).toBe(true);
      expect(layout.legendLeftOut).toBe(0);
      // The page is the paper: MediaBox in points.
      const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(Buffer.from(pdf).toString('latin1'))!;
      expect(Number(box[1])).toBeCloseTo(size[0], 1);
      expect(Number(box[2])).toBeCloseTo(size[1], 1);
      const drawing = readDrawing(firstPageContent(pdf));
      expect(drawing.paths).toBeGreaterThanOrEqual(200);
      if (!poppler) return;
      // pdfinfo reads the page as exactly that paper (it names ISO sizes within a point).
      const info = /Page size:\s+([\d.]+) x ([\d.]+) pts \((A\d)\)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
      expect([Number(info[1]), Number(info[2]), info[3]]).toEqual([expect.closeTo(size[0], 1), expect.closeTo(size[1], 1), paper]);
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      // name, type (two words), encoding, emb, sub, uni, object id.
      for (const row of fonts) expect(row).toMatch(/BeVietnamPro\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      for (const s of [o.title.split(' ')[0]!, 'Hoàng Sa', 'Trường Sa', 'Natural Earth', layout.fraction]) expect(text).toContain(s);
      if (lang === 'vi') expect(text).toContain('Biển Đông');
      else expect(text).toContain('East Sea');
    },
  );

  it('is true to scale on paper: two capitals drawn lie as far apart as the scale says (within 1 %)', async () => {
    for (const [paper, scale, a, b] of [
      ['A3', 1_000_000, 'VN-DN', 'VN-27'],
      ['A0', 250_000, 'VN-26', 'VN-DN'],
    ] as const) {
      const ca = capital(a);
      const cb = capital(b);
      const o = options({ paper, scale, centre: [(ca[0] + cb[0]) / 2, (ca[1] + cb[1]) / 2] });
      const { pdf } = await makePdf(o);
      const { marks } = readDrawing(firstPageContent(pdf));
      const pa = marks.get(a)!;
      const pb = marks.get(b)!;
      const paperMm = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) / PT_PER_MM;
      const groundKm = (paperMm * scale) / 1e6;
      expect(Math.abs(groundKm / km(ca, cb) - 1)).toBeLessThan(0.01);
    }
  });

  it('draws an analysis and its legend: accessibility in minutes as cells, the ramp with its range', async () => {
    const inputs = loadInputs();
    const result = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes' });
    const plain = readDrawing(firstPageContent((await makePdf(options({ centre: regionCentre(loadLayer('provinces-2022')) }))).pdf));
    const { pdf, file } = await makePdf(
      options({ centre: regionCentre(loadLayer('provinces-2022')) }),
      data(DEFAULT_LAYERS, { result, view: { measure: 'minutes_to_seaport', method: 'network', baseline: null } }),
    );
    const drawn = readDrawing(firstPageContent(pdf));
    expect(drawn.paths - plain.paths).toBeGreaterThan(300);
    if (poppler) expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toMatch(/Khả năng tiếp cận[^]*phút/);
  });
});

describe('ntcc print', () => {
  it('refuses bad arguments (exit 2) and says what is missing without Chromium (exit 1), writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-print-cli-'));
    const out = join(dir, 'x.pdf');
    for (const args of [
      ['--paper', 'A5'],
      ['--scale', '12'],
      ['--center', '200,16'],
      ['--orientation', 'sideways'],
      ['--scene', '99'],
      ['--layers', 'border-line'],
    ]) {
      const r = await run(['print', ...args, '--out', out, '--lang', 'en']);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await run(['print', '--out', join(dir, 'x.svg'), '--lang', 'en'])).code).toBe(2);
    const chromium = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = join(dir, 'no-chromium');
    let r;
    try {
      r = await run(['print', '--paper', 'A4', '--out', out, '--lang', 'en']);
    } finally {
      if (chromium === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = chromium;
    }
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs Chromium.*apt install chromium.*Nothing was written/);
    expect(existsSync(out)).toBe(false);
  });
});
