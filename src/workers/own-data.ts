/**
 * The user's own road network and population grid, kept in the analysis worker (issue 27):
 * built or read from the user's file (an OpenStreetMap extract streamed from the File, a roads
 * layer with the fields the dialog chose, a network file, a GeoTIFF) with progress and
 * cancellation, kept here under an id (a network of a whole country is hundreds of MB: it never
 * crosses to the page), and lent to a run as `AnalysisOverrides.network` / `.population`, its
 * graph searched with the run's detour and the scenario's speeds (cached per speeds). The page
 * gets back only summaries and the edges to draw.
 */
import type { AnalysisOverrides, AnalysisParams, NetworkOverride, PopulationOverride } from '../core/analysis.ts';
import { buildFromOsm } from '../data/osm-network.ts';
import { buildFromLines, inspectLineFile, type LineFileFields } from '../data/network-lines.ts';
import { isNetworkFile, readNetworkFile, writeNetworkFile } from '../data/network-file.ts';
import { readPopulationGrid, PopulationError, MAX_POPULATION_BYTES, type PopulationPoints } from '../data/population-grid.ts';
import { boxOfProvinces, clipOfProvinces, NetworkError, networkPaths, type RoadNetwork } from '../data/road-network.ts';
import { MAX_NETWORK_INPUT_BYTES } from '../data/osm-network.ts';
import {
  networkKindOf,
  type NetworkBuildOptions,
  type NetworkBuilt,
  type NetworkDrawing,
  type OwnDataAnswer,
  type OwnProgress,
  type OwnDataError,
  type OwnDataRefs,
  type PopulationInfo,
} from '../data/own-data.ts';
export type { NetworkBuildOptions, NetworkBuilt, OwnProgress };
import { asNetworkOverride, roadGraph, roadModelFromSpeeds, type RoadGraph } from '../analysis/road-graph.ts';

/** The region and its neighbours, as the clip and the grid's box come from them. */
type ProvincesOf = () => Promise<{ features: readonly { geometry: unknown }[] }>;

/** A network or grid refused for a reason of its own (or any other failure, named by its message). */
function answerOf(e: unknown, domain: 'Net' | 'Pop', signal: AbortSignal): { ok: false; error: OwnDataError } {
  if (signal.aborted) return { ok: false, error: { domain: 'Net', code: 'cancelled', vars: {} } };
  if (e instanceof NetworkError) return { ok: false, error: { domain: 'Net', code: e.code, vars: e.vars } };
  if (e instanceof PopulationError) return { ok: false, error: { domain: 'Pop', code: e.code, vars: e.vars } };
  const detail = e instanceof Error ? e.message.slice(0, 160) : String(e);
  return domain === 'Net'
    ? { ok: false, error: { domain: 'Net', code: 'lines-unreadable', vars: { detail } } }
    : { ok: false, error: { domain: 'Pop', code: 'unreadable', vars: { detail } } };
}

/** Lets a pending cancel message in (a long synchronous step would hold it back). */
const breathe = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * The worker's store of the user's networks and grids, and what it does with them.
 * @param provinces - the 2022 provinces (the region and its neighbours: the clip area and the grid's box)
 */
export function createOwnData(provinces: ProvincesOf) {
  const networks = new Map<string, RoadNetwork>();
  const grids = new Map<string, PopulationPoints>();
  const jobs = new Map<string, AbortController>();
  /** Searchable graphs by network, detour and speeds (the last few: a comparison's two runs may differ in speeds). */
  const graphs = new Map<string, RoadGraph>();
  let seq = 0;

  const graphOf = (id: string, net: RoadNetwork, params: AnalysisParams, speeds: AnalysisOverrides['scenario']): RoadGraph => {
    const sp = speeds?.speeds ?? {};
    const key = `${id}|${params.detour}|${JSON.stringify(Object.entries(sp).sort())}`;
    let g = graphs.get(key);
    if (g) {
      graphs.delete(key);
      graphs.set(key, g);
      return g;
    }
    g = roadGraph(net, roadModelFromSpeeds(sp, params.detour));
    graphs.set(key, g);
    while (graphs.size > 3) graphs.delete(graphs.keys().next().value!);
    return g;
  };

  const job = (name: string): AbortSignal => {
    jobs.get(name)?.abort();
    const c = new AbortController();
    jobs.set(name, c);
    return c.signal;
  };

  return {
    /** Reads a roads layer's fields and their values, for the dialog. */
    async inspectLines(file: Blob & { name: string }, sqlWasmUrl?: string): Promise<OwnDataAnswer<LineFileFields>> {
      const signal = new AbortController().signal;
      try {
        if (file.size > MAX_NETWORK_INPUT_BYTES)
          throw new NetworkError('too-large', { size: Math.round(file.size / 1024 / 1024), limit: MAX_NETWORK_INPUT_BYTES / 1024 / 1024 });
        return { ok: true, value: await inspectLineFile(file.name, new Uint8Array(await file.arrayBuffer()), sqlWasmUrl) };
      } catch (e) {
        return answerOf(e, 'Net', signal);
      }
    },

    /**
     * Builds (or reads) a network from the user's file and keeps it under a new id; the old
     * one stays until the page releases it (a refused file changes nothing).
     * @param jobName - names the job for `cancel`
     */
    async buildNetwork(
      jobName: string,
      file: Blob & { name: string },
      options: NetworkBuildOptions,
      onProgress: OwnProgress,
    ): Promise<OwnDataAnswer<NetworkBuilt>> {
      const signal = job(jobName);
      let last = 0;
      // The page's callback answers on a port of its own, which may be read after the job's answer:
      // the answer waits for the last stage told, so the page sees every stage before the result.
      let told: Promise<unknown> = Promise.resolve();
      const progress: OwnProgress = (phase, done) => {
        const now = performance.now();
        if (done >= 1 || now - last > 100) {
          last = now;
          told = Promise.resolve(onProgress(phase, done) as unknown);
        }
      };
      try {
        const kind = networkKindOf(file.name);
        if (kind === null) throw new NetworkError('unknown-type', { name: file.name });
        if (file.size > MAX_NETWORK_INPUT_BYTES)
          throw new NetworkError('too-large', { size: Math.round(file.size / 1024 / 1024), limit: MAX_NETWORK_INPUT_BYTES / 1024 / 1024 });
        if (file.size === 0) throw new NetworkError('empty');
        let net: RoadNetwork;
        if (kind === 'network') {
          progress('read', 0);
          const bytes = new Uint8Array(await file.arrayBuffer());
          if (!isNetworkFile(bytes)) throw new NetworkError('network-file', { detail: 'not a network file' });
          net = readNetworkFile(bytes);
          progress('read', 1);
        } else {
          const clip = clipOfProvinces(await provinces());
          if (kind === 'lines') {
            if (!options.classField) throw new NetworkError('no-field', { field: '—', fields: '' });
            progress('read', 0);
            net = await buildFromLines({
              name: file.name,
              bytes: new Uint8Array(await file.arrayBuffer()),
              classField: options.classField,
              speedField: options.speedField,
              onewayField: options.onewayField,
              ...(options.classMap ? { classMap: options.classMap } : {}),
              service: Boolean(options.service),
              ferries: Boolean(options.ferries),
              clip,
              signal,
              onProgress: (d) => progress('read', d),
              ...(options.sqlWasmUrl ? { sqlWasmUrl: options.sqlWasmUrl } : {}),
            });
          } else
            net = await buildFromOsm({
              open: () => file.stream(),
              name: file.name,
              kind,
              size: file.size,
              service: Boolean(options.service),
              ferries: Boolean(options.ferries),
              clip,
              signal,
              onProgress: progress,
            });
        }
        await breathe();
        if (signal.aborted) throw new NetworkError('cancelled');
        progress('graph', 0);
        const p = networkPaths(net);
        const drawing: NetworkDrawing = { positions: Float32Array.from(p.positions), startIndices: p.startIndices, cls: p.cls };
        const id = `net-${++seq}`;
        networks.set(id, net);
        progress('graph', 1);
        await told;
        return { ok: true, value: { info: { id, name: file.name, meta: net.meta }, drawing } };
      } catch (e) {
        return answerOf(e, 'Net', signal);
      } finally {
        if (jobs.get(jobName)?.signal === signal) jobs.delete(jobName);
      }
    },

    /** Reads a population grid (GeoTIFF) within the region and its neighbours' box and keeps it under a new id. */
    async readPopulation(jobName: string, file: Blob & { name: string }, onProgress: OwnProgress): Promise<OwnDataAnswer<PopulationInfo>> {
      const signal = job(jobName);
      try {
        if (file.size > MAX_POPULATION_BYTES)
          throw new PopulationError('too-large', { size: Math.round(file.size / 1024 / 1024), limit: MAX_POPULATION_BYTES / 1024 / 1024 });
        const box = boxOfProvinces(await provinces());
        onProgress('read', 0);
        // geotiff.js reads a Blob lazily through FileReader (a worker has it); where there is none (Node), the bytes.
        const source = typeof FileReader === 'undefined' ? new Uint8Array(await file.arrayBuffer()) : file;
        const grid = await readPopulationGrid(file.name, source, { box, signal, onProgress: (d) => void onProgress('read', d) });
        await breathe();
        if (signal.aborted) throw new NetworkError('cancelled');
        const id = `pop-${++seq}`;
        grids.set(id, grid);
        return {
          ok: true,
          value: {
            id,
            name: file.name,
            crs: grid.crs,
            total: grid.total,
            points: grid.lon.length,
            resolution: grid.resolution,
            size: grid.size,
          },
        };
      } catch (e) {
        return answerOf(e, 'Pop', signal);
      } finally {
        if (jobs.get(jobName)?.signal === signal) jobs.delete(jobName);
      }
    },

    /** Cancels a build or reading (it ends with `Net.err.cancelled` at its next step). */
    cancel(jobName: string): void {
      jobs.get(jobName)?.abort();
    },

    /** Forgets a network or grid the page no longer uses. */
    release(id: string): void {
      networks.delete(id);
      grids.delete(id);
      for (const k of graphs.keys()) if (k.startsWith(`${id}|`)) graphs.delete(k);
    },

    /** A kept network as the bytes of a network file (.ntccnet), to save; null when not kept. */
    networkFile(id: string): Uint8Array | null {
      const net = networks.get(id);
      return net ? writeNetworkFile(net) : null;
    },

    /**
     * The overrides a run takes for the user's data it names: the network's graph (for the
     * run's detour and the scenario's speeds) and the grid.
     * @throws Error when a named network or grid is not kept (released, or from another page)
     */
    overridesFor(
      refs: OwnDataRefs,
      params: AnalysisParams,
      scenario: AnalysisOverrides['scenario'],
    ): {
      network: NetworkOverride | null;
      population: PopulationOverride | null;
    } {
      let network: NetworkOverride | null = null;
      let population: PopulationOverride | null = null;
      if (refs.network) {
        const net = networks.get(refs.network.id);
        if (!net) throw new Error(`network ${refs.network.name} is no longer loaded`);
        network = asNetworkOverride(refs.network.name, graphOf(refs.network.id, net, params, scenario));
      }
      if (refs.population) {
        const g = grids.get(refs.population.id);
        if (!g) throw new Error(`population grid ${refs.population.name} is no longer loaded`);
        population = g;
      }
      return { network, population };
    },
  };
}

/** The worker's store of the user's data. */
export type OwnData = ReturnType<typeof createOwnData>;
