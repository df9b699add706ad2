/**
 * Runs the analysis whenever the panel is open and its parameters (or the map's edition and
 * horizon) change; a short delay lets a user type a number without a run per keystroke.
 * Results are cached by their parameters, so going back to earlier ones is instant.
 */
import { analysisKey, useAppStore, type AppState } from '../state/store.ts';

const keyOf = (s: AppState): string | null => (s.analysisOpen ? analysisKey(s) : null);

/** Starts watching the store; returns a function that stops it. */
export function startAnalysisAutoRun(delayMs = 150): () => void {
  let timer: number | undefined;
  const schedule = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void useAppStore.getState().runAnalysis(), delayMs);
  };
  if (keyOf(useAppStore.getState())) schedule();
  const unsub = useAppStore.subscribe((s, prev) => {
    const k = keyOf(s);
    if (k && k !== keyOf(prev)) schedule();
  });
  return () => {
    window.clearTimeout(timer);
    unsub();
  };
}
