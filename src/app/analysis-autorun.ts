/**
 * Runs the analysis whenever the panel is open and its parameters (or the map's edition and
 * horizon) change; a short delay lets a user type a number without a run per keystroke.
 * Results are cached by their parameters, so going back to earlier ones is instant.
 */
import { analysisKey, baselineOf, type AppState, type AppStore } from '../state/store.ts';

/** What would run now: the analysis, and its baseline when comparing (an edit to the scenario changes it). */
const keyOf = (s: AppState): string | null => (s.analysisOpen ? `${analysisKey(s)}#${baselineOf(s)?.key ?? ''}` : null);

/** Starts watching the store; returns a function that stops it. */
export function startAnalysisAutoRun(store: AppStore, delayMs = 150): () => void {
  let timer: number | undefined;
  const schedule = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void store.getState().runAnalysis(), delayMs);
  };
  if (keyOf(store.getState())) schedule();
  const unsub = store.subscribe((s, prev) => {
    const k = keyOf(s);
    if (k && k !== keyOf(prev)) schedule();
  });
  return () => {
    window.clearTimeout(timer);
    unsub();
  };
}
