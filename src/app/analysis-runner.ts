/**
 * The app's analysis runner: starts the worker on first use (so the analysis code is loaded
 * only then), caches results by their parameters, and reports progress.
 */
import * as Comlink from 'comlink';
import { overridesKey, paramsKey, type AnalysisResult } from '../core/analysis.ts';
import type { AnalysisRunner } from '../state/store.ts';
import type { AnalysisWorkerApi } from '../workers/analysis.worker.ts';

const CACHE_SIZE = 24;

/** Creates the runner; the worker starts on its first call. */
export function createAnalysisRunner(): AnalysisRunner {
  let remote: Comlink.Remote<AnalysisWorkerApi> | null = null;
  const cache = new Map<string, AnalysisResult>();
  return async (params, onProgress, overrides) => {
    const key = `${paramsKey(params)}|${overridesKey(overrides)}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return { result: hit, cached: true };
    }
    remote ??= Comlink.wrap<AnalysisWorkerApi>(
      new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    );
    const result = await remote.run(params, Comlink.proxy(onProgress), overrides ?? {});
    cache.set(key, result);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return { result, cached: false };
  };
}
