/**
 * Showing a story's scenes one after another off screen, for what is made from them (the
 * PowerPoint deck, the offline file): a scene's content and its analysis run as presenting
 * would, and what the map showed put back afterwards.
 */
import { baselineOf, analysisKey, type AppState, type AppStore } from '../state/store.ts';

/** What showing scenes changes, and is put back. */
const RESTORED = [
  'storyIndex',
  'layers',
  'horizon',
  'statuses',
  'selected',
  'feature',
  'edition',
  'analysisOpen',
  'analysisParams',
  'analysisView',
  'portsLayer',
  'placesLayer',
  'unitsMapping',
  'massColumn',
  'tables',
  'pendingTable',
  'userNetwork',
  'userGrid',
  'pendingNetwork',
  'pendingGrid',
  'pendingScene',
  'scenario',
  'scenarioUndo',
  'scenarioFromScene',
  'compare',
  'baseline',
] as const satisfies readonly (keyof AppState)[];

/** Keeps what the map shows now; the function returned puts it back. */
export function keepView(store: AppStore): () => void {
  const now = store.getState();
  const saved = Object.fromEntries(RESTORED.map((k) => [k, now[k]])) as Partial<AppState>;
  return () => store.setState(saved);
}

/** Resolves once the store satisfies `ok` (checked now and on every change), or after `ms`. */
function until(store: AppStore, ok: (s: AppState) => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ok(store.getState())) return resolve();
    const timer = setTimeout(() => {
      unsub();
      resolve();
    }, ms);
    const unsub = store.subscribe((s) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      unsub();
      resolve();
    });
  });
}

/** Shows scene i's content (no camera flight) and, when it has an analysis, waits for its result. */
export async function showScene(store: AppStore, i: number): Promise<void> {
  const scene = store.getState().story.scenes[i];
  if (!scene) return;
  store.setState({ storyIndex: i });
  store.getState().revealScene(i);
  if (!scene.analysis) return;
  void store.getState().runAnalysis();
  await until(store, (s) => (s.analysis.status === 'done' || s.analysis.status === 'error') && s.analysis.key === analysisKey(s), 120_000);
  // A scene that compares waits for its baseline too (none runs when the analysis failed).
  if (scene.compare && store.getState().analysis.status === 'done')
    await until(
      store,
      (s) => (s.baseline.status === 'done' || s.baseline.status === 'error') && s.baseline.key === baselineOf(s)?.key,
      120_000,
    );
}
