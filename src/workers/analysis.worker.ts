/**
 * The analysis worker: loads the data once (from the app's own origin), then runs the
 * analyses off the main thread. Called through Comlink; progress comes back through a
 * proxied callback.
 */
import * as Comlink from 'comlink';
import type { AnalysisOverrides, AnalysisParams, AnalysisResult } from '../core/analysis.ts';
import { runAnalysis } from '../analysis/run.ts';
import type { AnalysisInputs } from '../analysis/inputs.ts';
import { loadProvinces } from '../data/provinces.ts';
import { loadThematic } from '../data/thematic.ts';

let inputs: Promise<AnalysisInputs> | null = null;

async function loadInputs(): Promise<AnalysisInputs> {
  const [{ provinces2022, provinces2025 }, { data, errors }] = await Promise.all([loadProvinces(), loadThematic()]);
  const { corridors, seaports, airports } = data;
  const gates = data['border-gates'];
  if (!corridors || !seaports || !airports || !gates) throw new Error(errors.join('; ') || 'missing layer');
  const { stations, interchanges } = data;
  const zones = data['economic-zones'];
  return {
    provinces2022,
    provinces2025,
    corridors,
    seaports,
    airports,
    gates,
    ...(stations ? { stations } : {}),
    ...(interchanges ? { interchanges } : {}),
    ...(zones ? { zones } : {}),
  };
}

const api = {
  /** Runs one analysis; `onProgress` gets 0–1. */
  async run(params: AnalysisParams, onProgress: (done: number) => void, overrides: AnalysisOverrides = {}): Promise<AnalysisResult> {
    inputs ??= loadInputs();
    let data: AnalysisInputs;
    try {
      data = await inputs;
    } catch (e) {
      inputs = null; // try again next time
      throw e;
    }
    let last = 0;
    return runAnalysis(
      data,
      params,
      (d) => {
        const now = performance.now();
        if (d >= 1 || now - last > 50) {
          last = now;
          void onProgress(d);
        }
      },
      overrides,
    );
  },
};

export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);
