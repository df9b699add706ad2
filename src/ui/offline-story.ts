/**
 * Makes the offline presentation file in the app: the player page and the tiles come from
 * the app's own origin; each scene with an analysis is run (through the app's worker, as
 * the scene would) and its result written in. What the map showed is put back afterwards.
 */
import { storyTiles, writeOfflineFile } from '../export/offline-file.ts';
import type { AnalysisResult } from '../core/analysis.ts';
import { t } from '../i18n/index.ts';
import { analysisKey, baselineOf, type AppStore } from '../state/store.ts';
import { keepView, showScene } from './scene-runner.ts';

/** The results of the story's scenes, by the key the player asks with. */
async function sceneResults(store: AppStore): Promise<Record<string, AnalysisResult>> {
  const out: Record<string, AnalysisResult> = {};
  const { scenes } = store.getState().story;
  for (const [i, sc] of scenes.entries()) {
    if (!sc.analysis) continue;
    await showScene(store, i);
    const s = store.getState();
    if (s.analysis.status === 'done' && s.analysis.result) out[analysisKey(s)] = s.analysis.result;
    // A scene that compares carries its baseline run too.
    const b = baselineOf(s);
    if (b && s.baseline.status === 'done' && s.baseline.result && s.baseline.key === b.key) out[b.key] = s.baseline.result;
  }
  return out;
}

/** Fetches the tiles, a few at a time; a tile the app lacks is left out. */
async function fetchTiles(keys: string[], onDone: (n: number) => void): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const k = keys[next++]!;
      const res = await fetch(`tiles/${k}.pbf`);
      if (res.ok) out[k] = new Uint8Array(await res.arrayBuffer());
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return out;
}

/**
 * Builds the offline file of the current story, opening in the user's language.
 * @returns the HTML text
 */
export async function makeOfflineStory(store: AppStore, onStep: (step: string) => void): Promise<string> {
  const before = store.getState();
  const lang = before.lang;
  const res = await fetch('offline/offline.html');
  if (!res.ok) throw new Error(t(lang, 'Offline.NoTemplate'));
  const template = await res.text();
  const restore = keepView(store);
  // The file carries the bundled data only: its results are run on it, as the player asks for them.
  store.setState({ portsLayer: null, placesLayer: null, unitsMapping: null, massColumn: null });
  let results: Record<string, AnalysisResult>;
  try {
    onStep(t(lang, 'Offline.Step.results'));
    results = await sceneResults(store);
  } finally {
    restore();
  }
  const { keys, maxZoom } = storyTiles(before.story);
  const tiles = await fetchTiles(keys, (n) => onStep(t(lang, 'Offline.Step.tiles', { n: `${n}/${keys.length}` })));
  return writeOfflineFile(template, {
    story: before.story,
    lang,
    results,
    tiles,
    maxZoom,
    version: __APP_VERSION__,
    made: new Date().toISOString(),
  });
}
