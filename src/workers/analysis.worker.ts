/**
 * The analysis worker: loads the data once (from the app's own origin), then runs the
 * analyses off the main thread. Called through Comlink; progress comes back through a
 * proxied callback. It also keeps the user's own road network and population grid
 * (`own-data.ts`): built or read here, never sent to the page, lent to the runs that name them.
 */
import * as Comlink from 'comlink';
import type { AnalysisOverrides, AnalysisParams, AnalysisResult } from '../core/analysis.ts';
import { runAnalysis } from '../analysis/run.ts';
import type { AnalysisInputs } from '../analysis/inputs.ts';
import { loadProvinces } from '../data/provinces.ts';
import { loadThematic } from '../data/thematic.ts';
import type { OwnDataRefs } from '../data/own-data.ts';
import { createOwnData, type NetworkBuildOptions, type OwnProgress } from './own-data.ts';

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

async function inputsNow(): Promise<AnalysisInputs> {
  inputs ??= loadInputs();
  try {
    return await inputs;
  } catch (e) {
    inputs = null; // try again next time
    throw e;
  }
}

// The clip area and the grid's box: the 2022 provinces (the region and its neighbours).
const own = createOwnData(async () => (await loadProvinces()).provinces2022);

const api = {
  /** Runs one analysis; `onProgress` gets 0–1; `ownData` names the user's network and grid kept here. */
  async run(
    params: AnalysisParams,
    onProgress: (done: number) => void,
    overrides: AnalysisOverrides = {},
    ownData?: OwnDataRefs,
  ): Promise<AnalysisResult> {
    const data = await inputsNow();
    let last = 0;
    const mine = ownData ? own.overridesFor(ownData, params, overrides.scenario) : null;
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
      mine
        ? { ...overrides, ...(mine.network ? { network: mine.network } : {}), ...(mine.population ? { population: mine.population } : {}) }
        : overrides,
    );
  },
  /** A roads layer's fields and values (for the dialog). */
  inspectLines: (file: File, sqlWasmUrl?: string) => own.inspectLines(file, sqlWasmUrl),
  /** Builds the user's network from a file; the edges to draw come back transferred. */
  async buildNetwork(job: string, file: File, options: NetworkBuildOptions, onProgress: OwnProgress) {
    const r = await own.buildNetwork(job, file, options, onProgress);
    if (!r.ok) return r;
    const d = r.value.drawing;
    return Comlink.transfer(r, [d.positions.buffer, d.startIndices.buffer, d.cls.buffer]);
  },
  readPopulation: (job: string, file: File, onProgress: OwnProgress) => own.readPopulation(job, file, onProgress),
  cancel: (job: string) => own.cancel(job),
  release: (id: string) => own.release(id),
  networkFile(id: string) {
    const b = own.networkFile(id);
    return b ? Comlink.transfer(b, [b.buffer]) : null;
  },
};

export type AnalysisWorkerApi = typeof api;
Comlink.expose(api);
