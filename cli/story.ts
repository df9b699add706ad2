/**
 * `ntcc story`: the story as one offline HTML file (the built player page with the story,
 * the tiles its scenes need and their analysis results written in). The story is the
 * built-in one, or a story file (`--story`, checked as the app checks it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysisParams, AnalysisResult } from '../src/core/analysis.ts';
import { paramsKey, overridesKey } from '../src/core/analysis.ts';
import type { Story } from '../src/core/story.ts';
import { runAnalysis } from '../src/analysis/run.ts';
import { readStory } from '../src/export/story-file.ts';
import { storyTiles, writeOfflineFile } from '../src/export/offline-file.ts';
import { BUILTIN_STORY } from '../src/presentation/builtin-story.ts';
import { t, type Lang } from '../src/i18n/index.ts';
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
  throw new StoryCliError(t(lang, 'Cli.BadFile', { file, message: t(lang, `Story.reason.${e.code}`, vars) }), 2);
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
