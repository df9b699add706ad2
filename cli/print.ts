/**
 * `ntcc print`: a map to print at a true scale, A4 to A0, with the app's print layout
 * (src/export/print): a PDF whose layers, analysis and text are vectors over a basemap drawn
 * at 300 dpi, or a PNG of that page at 300 dpi (the PDF rasterised by pdftoppm). The basemap
 * is captured from the built app in Debian's Chromium, as `ntcc story --format pptx` draws its
 * maps (vite preview on loopback, playwright-core), in tiles of at most 2040 pixels a side.
 * Without Chromium or a build it says which is missing and exits 1, writing nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import type { FeatureCollection } from 'geojson';
import type { AnalysisOverrides, AnalysisParams, AnalysisResult } from '../src/core/analysis.ts';
import { firstMeasure } from '../src/core/analysis.ts';
import { HORIZONS, STATUSES, THEMATIC_LAYERS, type Horizon, type ThematicLayerId } from '../src/core/layers.ts';
import { REGION_BOUNDS, TILE_BOUNDS } from '../src/core/region.ts';
import { sceneBounds } from '../src/export/print/projection.ts';
import { EDITIONS, type Edition } from '../src/core/types.ts';
import type { Story } from '../src/core/story.ts';
import { ORIENTATIONS, PAPERS, paperOf, type Orientation, type Paper } from '../src/export/print/paper.ts';
import type { BasemapPlan } from '../src/export/print/projection.ts';
import { t, type Lang } from '../src/i18n/index.ts';

/** A bad argument (exit 2) or a failure (exit 1), with its message in the user's language. */
export class PrintCliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'PrintCliError';
  }
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist/');
const VITE_CONFIG = join(ROOT, 'vite.config.ts');

/** The print's own options (the analysis options are added by the caller, as `ntcc analyze` has them). */
export function printOptions(
  cmd: Command,
  lang: Lang,
  describe: (lang: Lang, label: string, accepts?: string, byDefault?: string) => string,
): Command {
  const layers = THEMATIC_LAYERS.map((l) => l.id);
  return cmd
    .addOption(new Option('--paper <paper>', describe(lang, t(lang, 'Cli.Opt.paper'), PAPERS.join(', '), 'A3')))
    .addOption(new Option('--orientation <o>', describe(lang, t(lang, 'Cli.Opt.orientation'), ORIENTATIONS.join(', '), 'landscape')))
    .addOption(new Option('--scale <n>', describe(lang, t(lang, 'Cli.Opt.scale'), undefined, 'fit')))
    .addOption(new Option('--center <lon,lat>', t(lang, 'Cli.Opt.center')))
    .addOption(new Option('--scene <n>', t(lang, 'Cli.Opt.scene')))
    .addOption(new Option('--story <file.json>', t(lang, 'Cli.Opt.storyFile')))
    .addOption(new Option('--title <text>', describe(lang, t(lang, 'Cli.Opt.title'), undefined, t(lang, 'App.Title'))))
    .addOption(new Option('--subtitle <text>', t(lang, 'Cli.Opt.subtitle')))
    .addOption(new Option('--layers <list>', describe(lang, t(lang, 'Cli.Opt.printLayers'), `${layers.join(', ')}, all, none`)))
    .addOption(new Option('--include-restricted', t(lang, 'Cli.Opt.includeRestricted')))
    .addOption(new Option('--analysis <kind>', t(lang, 'Cli.Opt.analysis')))
    .addOption(new Option('--out <file>', t(lang, 'Cli.Opt.printOut')));
}

/** What `ntcc print` needs of the analysis command's parsing (cli/ntcc.ts). */
export interface PrintDeps {
  analysisArgs: (
    lang: Lang,
    kind: string,
    v: Record<string, string | boolean | undefined>,
  ) => Promise<{
    params: AnalysisParams;
    overrides: AnalysisOverrides;
    inputs: import('../src/analysis/inputs.ts').AnalysisInputs;
    baseline: { params: AnalysisParams; scenario: import('../src/core/scenario.ts').Scenario | null } | null;
  }>;
}

/** Where the print is centred and at what scale, what it shows, checked. */
export interface PrintRequest {
  paper: Paper;
  orientation: Orientation;
  scale: number | 'fit';
  centre: [number, number] | null;
  fitBounds: [number, number, number, number];
  title: string;
  subtitle: string;
  edition: Edition;
  horizon: Horizon;
  layers: ThematicLayerId[];
  analysis: { kind: string; fromScene: Record<string, string> | null } | null;
  out: string;
  format: 'pdf' | 'png';
}

const bad = (message: string): never => {
  throw new PrintCliError(message, 2);
};

/** Reads a story file, checked as the app checks it, or the built-in story. */
async function storyOf(lang: Lang, file: string | undefined): Promise<Story> {
  if (file === undefined) return (await import('../src/presentation/builtin-story.ts')).BUILTIN_STORY;
  const { readStory } = await import('../src/export/story-file.ts');
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    bad(t(lang, 'Cli.ReadError', { file, message: e instanceof Error ? e.message : String(e) }));
  }
  const r = readStory(text);
  if (!r.ok) bad(t(lang, 'Cli.BadFile', { file, message: r.error.code }));
  return (r as { ok: true; story: Story }).story;
}

/** Checks the print's arguments (exit 2 on a bad one). */
export async function printRequest(lang: Lang, v: Record<string, string | boolean | undefined>): Promise<PrintRequest> {
  const out = typeof v['out'] === 'string' ? v['out'] : bad(t(lang, 'Cli.NeedOut', { format: 'pdf' }));
  const format = /\.pdf$/i.test(out) ? 'pdf' : /\.png$/i.test(out) ? 'png' : bad(t(lang, 'Print.BadOut', { file: out }));
  const paperText = String(v['paper'] ?? 'A3');
  const paper = paperOf(paperText) ?? bad(t(lang, 'Cli.BadValue', { flag: 'paper', value: paperText, allowed: PAPERS.join(', ') }));
  const orientation = String(v['orientation'] ?? 'landscape');
  if (!(ORIENTATIONS as readonly string[]).includes(orientation))
    bad(t(lang, 'Cli.BadValue', { flag: 'orientation', value: orientation, allowed: ORIENTATIONS.join(', ') }));
  const { SCALE_RANGE } = await import('../src/export/print/layout.ts');
  const scaleText = String(v['scale'] ?? 'fit')
    .replace(/^1:/, '')
    .replace(/[ ,._]/g, '');
  const scale = scaleText === 'fit' ? 'fit' : Number(scaleText);
  if (scale !== 'fit' && (!Number.isInteger(scale) || scale < SCALE_RANGE[0] || scale > SCALE_RANGE[1]))
    bad(t(lang, 'Cli.BadValue', { flag: 'scale', value: String(v['scale']), allowed: `fit, ${SCALE_RANGE[0]}–${SCALE_RANGE[1]}` }));
  let centre: [number, number] | null = null;
  if (typeof v['center'] === 'string') {
    const [lon, lat] = v['center'].split(',').map((x) => Number(x.trim()));
    const [w, s, e, n] = TILE_BOUNDS;
    if (lon === undefined || lat === undefined || !(lon >= w && lon <= e && lat >= s && lat <= n))
      bad(t(lang, 'Print.BadCenter', { value: v['center'], lon: `${w}–${e}`, lat: `${s}–${n}` }));
    centre = [lon!, lat!];
  }
  const editionText = String(v['edition'] ?? '2022');
  const horizonText = String(v['horizon'] ?? 'today');
  if (!(EDITIONS as readonly string[]).includes(editionText))
    bad(t(lang, 'Cli.BadValue', { flag: 'edition', value: editionText, allowed: EDITIONS.join(', ') }));
  if (!(HORIZONS as readonly string[]).includes(horizonText))
    bad(t(lang, 'Cli.BadValue', { flag: 'horizon', value: horizonText, allowed: HORIZONS.join(', ') }));
  let edition = editionText as Edition;
  let horizon = horizonText as Horizon;
  let layers: ThematicLayerId[] = THEMATIC_LAYERS.filter((l) => l.defaultOn).map((l) => l.id);
  let fitBounds: [number, number, number, number] = REGION_BOUNDS;
  let analysis: PrintRequest['analysis'] = typeof v['analysis'] === 'string' ? { kind: v['analysis'], fromScene: null } : null;
  // A scene of the story: its view, edition, horizon, layers and analysis (flags given override them).
  if (v['scene'] !== undefined) {
    if (centre) bad(t(lang, 'Print.CenterOrScene'));
    const story = await storyOf(lang, typeof v['story'] === 'string' ? v['story'] : undefined);
    const n = Number(v['scene']);
    const scene = Number.isInteger(n) ? story.scenes[n - 1] : undefined;
    if (!scene) return bad(t(lang, 'Print.BadScene', { n: String(v['scene']), max: story.scenes.length }));
    centre = scene.camera.center;
    fitBounds = sceneBounds(scene.camera);
    if (v['edition'] === undefined) edition = scene.edition;
    if (v['horizon'] === undefined) horizon = scene.horizon;
    layers = scene.layers;
    if (!analysis && scene.analysis) {
      const { PARAM_DEFS, writeParam } = await import('../src/core/analysis.ts');
      const fromScene: Record<string, string> = {};
      // Keyed as commander keys the flags (`cell-km` → `cellKm`), as the analysis flags are read.
      for (const [k, val] of Object.entries(scene.analysis))
        if (k !== 'kind' && k in PARAM_DEFS)
          fromScene[PARAM_DEFS[k as keyof typeof PARAM_DEFS].flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = writeParam(
            k as never,
            val as never,
          );
      analysis = { kind: scene.analysis.kind, fromScene };
    }
  }
  if (typeof v['layers'] === 'string') {
    const list =
      v['layers'] === 'all' ? THEMATIC_LAYERS.map((l) => l.id) : v['layers'] === 'none' ? [] : v['layers'].split(',').map((x) => x.trim());
    const known = THEMATIC_LAYERS.map((l) => l.id) as string[];
    for (const id of list) if (!known.includes(id)) bad(t(lang, 'Cli.UnknownLayer', { layer: id, layers: known.join(', ') }));
    layers = list as ThematicLayerId[];
  }
  // Defence and security layers only when asked for explicitly, as in exports.
  const restricted = layers.filter((id) => THEMATIC_LAYERS.find((l) => l.id === id)?.sensitivity === 'restricted');
  if (restricted.length && !v['includeRestricted']) {
    if (typeof v['layers'] === 'string' && v['layers'] !== 'all') bad(t(lang, 'Cli.Restricted', { layer: restricted[0]! }));
    layers = layers.filter((id) => !restricted.includes(id));
  }
  return {
    paper,
    orientation: orientation as Orientation,
    scale,
    centre,
    fitBounds,
    title: typeof v['title'] === 'string' ? v['title'] : t(lang, 'App.Title'),
    subtitle: typeof v['subtitle'] === 'string' ? v['subtitle'] : '',
    edition,
    horizon,
    layers,
    analysis,
    out,
    format,
  };
}

/** The font files of @fontsource/be-vietnam-pro, by weight and subset. */
export async function loadFonts(): Promise<import('../src/export/print/pdf.ts').PrintFonts> {
  const { FONT_SUBSETS, FONT_WEIGHTS, fontFile } = await import('../src/export/print/pdf.ts');
  const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
  const out = {} as import('../src/export/print/pdf.ts').PrintFonts;
  for (const w of FONT_WEIGHTS) {
    out[w] = {} as (typeof out)[400];
    for (const s of FONT_SUBSETS) out[w][s.name] = new Uint8Array(readFileSync(join(dir, fontFile(s.name, w))));
  }
  return out;
}

/** A JSON file of data/geojson. */
const dataFile = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(join(ROOT, 'data/geojson', name), 'utf8')) as FeatureCollection;

/**
 * The built app in Chromium, drawing the basemap at the print's zoom: one capture per tile of
 * the plan (JPEG), through the app's own map capture (basemap only).
 */
export async function basemapBrowser(
  lang: Lang,
  edition: Edition,
): Promise<{ capture: (plan: BasemapPlan, i: number) => Promise<Uint8Array>; close: () => Promise<void> }> {
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('./chromium.ts');
  const { preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await preview({ configFile: VITE_CONFIG, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, open: false } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH(), args: CHROMIUM_ARGS });
  try {
    const origin = server.resolvedUrls?.local[0] ?? '';
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${origin}#lang=${lang}&ed=${edition}&ly=none`);
    await page.waitForFunction(() => Boolean(window.__ntcc?.map?.loaded()), null, { timeout: 120_000 });
    const capture = async (plan: BasemapPlan, i: number): Promise<Uint8Array> => {
      const tile = plan.tiles[i]!;
      const url = await page.evaluate(
        async (req) => {
          const cap = await window.__ntcc!.store.getState().captureMap({
            width: req.width,
            height: req.height,
            pixelRatio: req.pixelRatio,
            camera: { center: req.centre, zoom: req.zoom, bearing: 0, pitch: 0 },
            basemapOnly: true,
          });
          if (!cap) throw new Error('no map');
          return cap.canvas.toDataURL('image/jpeg', 0.92);
        },
        { width: tile.width, height: tile.height, pixelRatio: plan.pixelRatio, centre: tile.centre, zoom: plan.zoom },
      );
      return new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
    };
    return {
      capture,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (e) {
    await browser.close();
    await server.close();
    throw e;
  }
}

/**
 * Makes the print.
 * @returns the file written and its size in bytes
 */
export async function printCmd(
  lang: Lang,
  v: Record<string, string | boolean | undefined>,
  deps: PrintDeps,
): Promise<{ file: string; bytes: number; fraction: string; paper: Paper }> {
  const req = await printRequest(lang, v);
  // The analysis, parsed as `ntcc analyze` parses it (a scene's parameters under the flags given).
  const parsed = req.analysis
    ? await deps.analysisArgs(lang, req.analysis.kind, { ...req.analysis.fromScene, ...v, edition: req.edition, horizon: req.horizon })
    : null;
  // What the print needs and this machine may lack: say which, write nothing.
  const { CHROMIUM_PATH } = await import('./chromium.ts');
  if (!existsSync(CHROMIUM_PATH())) throw new PrintCliError(t(lang, 'Print.NoChromium', { path: CHROMIUM_PATH() }), 1);
  if (!existsSync(join(DIST, 'index.html'))) throw new PrintCliError(t(lang, 'Print.NoBuild'), 1);
  if (req.format === 'png') {
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    } catch {
      throw new PrintCliError(t(lang, 'Print.NoPdftoppm'), 1);
    }
  }
  const [{ printLayout, regionCentre }, { printWriter }, { readBasemapTile, INSET_TILE }, { runAnalysis }, { loadLayer }] =
    await Promise.all([
      import('../src/export/print/layout.ts'),
      import('../src/export/print/pdf.ts'),
      import('../src/export/print/tiles.ts'),
      import('../src/analysis/run.ts'),
      import('./load.ts'),
    ]);
  let analysis: import('../src/export/print/layout.ts').PrintData['analysis'] = null;
  if (parsed) {
    const { params, overrides, inputs, baseline } = parsed;
    const result: AnalysisResult = runAnalysis(inputs, params, undefined, overrides);
    const base = baseline
      ? runAnalysis(inputs, { ...baseline.params, kind: params.kind }, undefined, { ...overrides, scenario: baseline.scenario })
      : null;
    analysis = {
      result,
      view: { measure: firstMeasure(params.metric), method: params.metric === 'minutes' ? 'minutes' : 'network', baseline: base },
      ...(overrides.units ? { units: overrides.units.fc } : {}),
    };
  }
  const units = loadLayer(`provinces-${req.edition}`);
  const thematic: Partial<Record<ThematicLayerId, FeatureCollection>> = {};
  for (const id of req.layers) thematic[id] = loadLayer(id);
  const tileFile = join(DIST, `tiles/${INSET_TILE.z}/${INSET_TILE.x}/${INSET_TILE.y}.pbf`);
  const basemap = readBasemapTile(existsSync(tileFile) ? new Uint8Array(readFileSync(tileFile)) : new Uint8Array(0));
  const writer = printWriter(await loadFonts());
  const layout = printLayout(
    {
      paper: req.paper,
      orientation: req.orientation,
      scale: req.scale,
      centre: req.centre ?? (req.scale === 'fit' ? null : regionCentre(units)),
      fitBounds: req.fitBounds,
      title: req.title,
      subtitle: req.subtitle,
      lang,
      edition: req.edition,
      horizon: req.horizon,
      statuses: STATUSES,
      beltKm: 10,
      layers: req.layers,
      date: new Date(),
    },
    // The corridors carry the date the transport data is current to, shown or not.
    {
      units,
      thematic: { ...thematic, corridors: thematic.corridors ?? loadLayer('corridors') },
      archipelagos: dataFile('archipelagos.geojson'),
      basemap,
      analysis,
    },
    writer.measure,
  );
  const browser = await basemapBrowser(lang, req.edition);
  let pdf: Uint8Array;
  try {
    pdf = await writer.write(layout, { image: (i) => browser.capture(layout.plan, i), title: req.title, lang });
  } finally {
    await browser.close();
  }
  const tmp = mkdtempSync(join(tmpdir(), 'ntcc-print-'));
  try {
    const pdfFile = join(tmp, 'print.pdf');
    writeFileSync(pdfFile, pdf);
    let made = pdfFile;
    if (req.format === 'png') {
      execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', pdfFile, join(tmp, 'print')], { stdio: 'ignore' });
      made = join(tmp, 'print.png');
    }
    try {
      renameSync(made, req.out);
    } catch {
      try {
        copyFileSync(made, req.out);
      } catch (e) {
        throw new PrintCliError(t(lang, 'Cli.WriteError', { file: req.out, message: e instanceof Error ? e.message : String(e) }), 1);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { file: req.out, bytes: statSync(req.out).size, fraction: layout.fraction, paper: req.paper };
}
