/**
 * The app's analysis worker client: starts the worker on first use (so the analysis code is
 * loaded only then), caches results by their parameters, reports progress, and asks the worker
 * to build, keep and release the user's own road network and population grid (which stay there:
 * only their summaries and the edges to draw come back).
 */
import * as Comlink from 'comlink';
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { AnalysisResult } from '../core/analysis.ts';
import { runKey, type AnalysisRunner, type OwnDataService } from '../state/store.ts';
import type { AnalysisWorkerApi } from '../workers/analysis.worker.ts';

const CACHE_SIZE = 24;

/** Creates the runner and the user's-data service, sharing one worker that starts on the first call of either. */
export function createAnalysisWorker(): { runAnalysis: AnalysisRunner; ownData: OwnDataService } {
  let remote: Comlink.Remote<AnalysisWorkerApi> | null = null;
  const worker = (): Comlink.Remote<AnalysisWorkerApi> =>
    (remote ??= Comlink.wrap<AnalysisWorkerApi>(
      new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' }),
    ));
  const cache = new Map<string, AnalysisResult>();
  const runAnalysis: AnalysisRunner = async (params, onProgress, overrides, ownData) => {
    const key = runKey(params, overrides, ownData);
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return { result: hit, cached: true };
    }
    const result = await worker().run(params, Comlink.proxy(onProgress), overrides ?? {}, ownData);
    cache.set(key, result);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return { result, cached: false };
  };
  const ownData: OwnDataService = {
    inspectLines: (file) => worker().inspectLines(file, new URL(sqlWasmUrl, location.href).href),
    buildNetwork: (file, options, onProgress) =>
      worker().buildNetwork(
        'network',
        file,
        { ...options, sqlWasmUrl: new URL(sqlWasmUrl, location.href).href },
        Comlink.proxy(onProgress),
      ),
    readPopulation: (file, onProgress) => worker().readPopulation('population', file, Comlink.proxy(onProgress)),
    cancel: (job) => void worker().cancel(job),
    release: (id) => {
      // Results computed on it can no longer be asked for again: drop them with it.
      for (const k of cache.keys()) if (k.includes(`=${id}:`)) cache.delete(k);
      void worker().release(id);
    },
    networkFile: (id) => worker().networkFile(id),
  };
  return { runAnalysis, ownData };
}
