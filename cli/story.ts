/**
 * `ntcc story`: the story as one offline HTML file (the built player page with the story,
 * the tiles its scenes need and their analysis results written in), or as a PowerPoint deck
 * made by the built app in Debian's Chromium. The story is the built-in one, or a story file
 * (`--story`, checked as the app checks it).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysisParams, AnalysisResult } from '../src/core/analysis.ts';
import { paramsKey, overridesKey } from '../src/core/analysis.ts';
import type { Story } from '../src/core/story.ts';
import { runAnalysis } from '../src/analysis/run.ts';
import { readStory, writeStory } from '../src/export/story-file.ts';
import { storyTiles, writeOfflineFile } from '../src/export/offline-file.ts';
import { BUILTIN_STORY } from '../src/presentation/builtin-story.ts';
import { render, t, type Lang } from '../src/i18n/index.ts';
import { loadInputs } from './load.ts';

/** The player page `npm run build` writes. */
export const PLAYER = fileURLToPath(new URL('../dist/offline/offline.html', import.meta.url));
const TILES_DIR = fileURLToPath(new URL('../public/tiles/', import.meta.url));

/** A bad argument or file (exit 2) or a failure (exit 1), with its message. */
export class StoryCliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'StoryCliError';
  }
}

/** The results each scene with an analysis shows, by the key the player asks with. */
export function sceneResults(story: Story): Record<string, AnalysisResult> {
  const inputs = loadInputs();
  const out: Record<string, AnalysisResult> = {};
  for (const sc of story.scenes) {
    if (!sc.analysis) continue;
    const params: AnalysisParams = { ...sc.analysis, edition: sc.edition, horizon: sc.horizon };
    const key = `${paramsKey(params)}|${overridesKey({})}`;
    out[key] ??= runAnalysis(inputs, params, () => {}, {});
  }
  return out;
}

/** Reads the story asked for (a file, checked) or the built-in one. */
function storyOf(lang: Lang, file: string | undefined): Story {
  if (file === undefined) return BUILTIN_STORY;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new StoryCliError(t(lang, 'Cli.ReadError', { file, message: e instanceof Error ? e.message : String(e) }), 2);
  }
  const r = readStory(text);
  if (r.ok) return r.story;
  const e = r.error;
  const vars = e.code === 'future-version' ? { version: e.version } : e.code === 'invalid' ? { path: e.path } : {};
  throw new StoryCliError(t(lang, 'Cli.BadFile', { file, message: render(lang, { key: `Story.reason.${e.code}`, vars }) }), 2);
}

/**
 * Writes the offline file of a story.
 * @returns the file's size in bytes
 */
export function writeOfflineStory(lang: Lang, opts: { story?: string; out: string; storyLang: Lang; version: string }): number {
  const story = storyOf(lang, opts.story);
  if (!existsSync(PLAYER)) throw new StoryCliError(t(lang, 'Offline.NoTemplate'), 1);
  const template = readFileSync(PLAYER, 'utf8');
  const { keys, maxZoom } = storyTiles(story);
  const tiles: Record<string, Uint8Array> = {};
  for (const k of keys) {
    const path = `${TILES_DIR}${k}.pbf`;
    if (existsSync(path)) tiles[k] = new Uint8Array(readFileSync(path));
  }
  const html = writeOfflineFile(template, {
    story,
    lang: opts.storyLang,
    results: sceneResults(story),
    tiles,
    maxZoom,
    version: opts.version,
    made: new Date().toISOString(),
  });
  try {
    writeFileSync(opts.out, html);
  } catch (e) {
    throw new StoryCliError(t(lang, 'Cli.WriteError', { file: opts.out, message: e instanceof Error ? e.message : String(e) }), 1);
  }
  return Buffer.byteLength(html);
}

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const VITE_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/**
 * Writes the PowerPoint deck of a story as the app makes it (Story → Save as PowerPoint):
 * the built app is served on loopback and driven in Debian's Chromium, whose map images the
 * deck needs. Without Chromium, or without a build, it says what is missing (exit 1).
 * @returns the file's size in bytes
 */
export async function writeDeckStory(lang: Lang, opts: { story?: string; out: string; storyLang: Lang }): Promise<number> {
  const story = opts.story === undefined ? null : storyOf(lang, opts.story);
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('./chromium.ts');
  if (!existsSync(CHROMIUM_PATH())) throw new StoryCliError(t(lang, 'Cli.NoChromium', { path: CHROMIUM_PATH() }), 1);
  if (!existsSync(`${DIST}index.html`)) throw new StoryCliError(t(lang, 'Cli.NoBuild'), 1);
  const { preview } = await import('vite');
  const { chromium } = await import('playwright-core');
  const server = await preview({ configFile: VITE_CONFIG, logLevel: 'silent', preview: { host: '127.0.0.1', port: 0, open: false } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH(), args: CHROMIUM_ARGS });
  try {
    const origin = server.resolvedUrls?.local[0] ?? '';
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    await page.goto(`${origin}#lang=${opts.storyLang}`);
    await page.waitForFunction(() => Boolean(window.__ntcc?.map?.loaded()), null, { timeout: 120_000 });
    await page.getByTestId('story-open').click();
    if (story) {
      await page
        .getByTestId('story-import')
        .setInputFiles({ name: 'story.json', mimeType: 'application/json', buffer: Buffer.from(writeStory(story)) });
      await page.waitForFunction((n) => window.__ntcc?.store.getState().story.scenes.length === n, story.scenes.length);
    }
    // The deck, or the app's own message when it could not make one.
    const failed = page
      .locator('[data-testid=story-pptx-status][role=alert]')
      .waitFor({ timeout: 900_000 })
      .then(async () => {
        throw new StoryCliError((await page.getByTestId('story-pptx-status').textContent()) ?? 'deck failed', 1);
      });
    failed.catch(() => undefined);
    const [download] = await Promise.all([
      Promise.race([page.waitForEvent('download', { timeout: 900_000 }), failed]),
      page.getByTestId('story-pptx').click(),
    ]);
    const failure = await download.failure();
    if (failure) throw new StoryCliError(failure, 1);
    try {
      await download.saveAs(opts.out);
    } catch (e) {
      throw new StoryCliError(t(lang, 'Cli.WriteError', { file: opts.out, message: e instanceof Error ? e.message : String(e) }), 1);
    }
    return statSync(opts.out).size;
  } finally {
    await browser.close();
    await server.close();
  }
}
