/**
 * The user's own road network and population grid (issue 27): the file being built or read
 * (its stage, share done, Cancel), the roads-layer dialog's draft (the layer's fields and the
 * class each of its values is), and what the worker keeps (summaries, the edges to draw, whether
 * the analyses use it). The network and grid themselves stay in the analysis worker; a run names
 * them (`ownDataRefs`). The address and scenes hold their file names only: a reference to a file
 * not open here gets a notice naming it, and the analyses run without it until it is opened.
 */
import type { StateCreator } from 'zustand';
import { measuresMinutes, type AnalysisParams } from '../../core/analysis.ts';
import type { NetClass } from '../../core/network-classes.ts';
import { num } from '../../core/messages.ts';
import type { LineFileFields } from '../../data/network-lines.ts';
import {
  guessClass,
  guessLineFields,
  isGridFile,
  networkKindOf,
  type NetworkBuildOptions,
  type NetworkBuilt,
  type NetworkDrawing,
  type NetworkInfo,
  type OwnDataAnswer,
  type OwnDataError,
  type OwnDataRefs,
  type OwnProgress,
  type PopulationInfo,
} from '../../data/own-data.ts';
import type { AppServices, AppState, Mutators } from '../store.ts';
import type { UiSlice } from './ui.ts';

export type { LineFileFields } from '../../data/network-lines.ts';
export type { NetworkDrawing, NetworkInfo, OwnDataError, OwnDataRefs, PopulationInfo } from '../../data/own-data.ts';
export { GRID_ACCEPT, NETWORK_ACCEPT, isGridFile, networkKindOf } from '../../data/own-data.ts';

/** What the page asks of the worker for the user's data (the app's worker client; absent: not available). */
export interface OwnDataService {
  inspectLines(file: File): Promise<OwnDataAnswer<LineFileFields>>;
  buildNetwork(file: File, options: NetworkBuildOptions, onProgress: OwnProgress): Promise<OwnDataAnswer<NetworkBuilt>>;
  readPopulation(file: File, onProgress: OwnProgress): Promise<OwnDataAnswer<PopulationInfo>>;
  cancel(job: 'network' | 'population'): void;
  /** Forgets a network or grid the page no longer uses. */
  release(id: string): void;
  /** A kept network as a network file's bytes (to save), or null. */
  networkFile(id: string): Promise<Uint8Array | null>;
}

/** The user's network, as the page knows it. */
export interface UserNetwork {
  info: NetworkInfo;
  drawing: NetworkDrawing;
  /** Drawn on the map. */
  visible: boolean;
  /** Used by the analyses in minutes (instead of the bundled corridors). */
  active: boolean;
}

/** The user's population grid, as the page knows it. */
export interface UserGrid {
  info: PopulationInfo;
  /** Used by the analyses (cells weighed by it). */
  active: boolean;
}

/** A file being built or read: what, its stage and share done (0–1). */
export interface OwnJob {
  kind: 'network' | 'population';
  name: string;
  phase: Parameters<OwnProgress>[0];
  done: number;
}

/** The roads-layer dialog: the file, what it holds, and the user's choices. */
export interface LinesDraft {
  file: File;
  fields: LineFileFields;
  classField: string;
  /** '' for none. */
  speedField: string;
  onewayField: string;
  /** The class field's values → a class, 'none' (not driven) or '' (not chosen yet). */
  classMap: Record<string, NetClass | 'none' | ''>;
}

export interface OwnDataSlice {
  userNetwork: UserNetwork | null;
  userGrid: UserGrid | null;
  ownJob: OwnJob | null;
  linesDraft: LinesDraft | null;
  /** Whether an OpenStreetMap extract's service roads and ferries are driven (a roads layer says by its class map). */
  networkOptions: { service: boolean; ferries: boolean };
  setNetworkOptions: (o: Partial<OwnDataSlice['networkOptions']>) => void;
  /** A network or grid (file name) an address or scene asked for that is not open here. */
  pendingNetwork: string | null;
  pendingGrid: string | null;
  /**
   * Opens a network input: an OpenStreetMap extract (.osm.pbf, .osm) or network file is built
   * at once; a roads layer opens the dialog for its fields first. A refused file gets a notice
   * and the network in use stays.
   */
  openNetworkFile: (file: File) => Promise<void>;
  /** Changes the roads-layer dialog's choices (a new class field starts its class map afresh). */
  setLinesDraft: (patch: Partial<Omit<LinesDraft, 'file' | 'fields'>> | null) => void;
  /** Builds the network from the dialog's choices. */
  buildLinesDraft: () => Promise<void>;
  /** Reads a population grid (GeoTIFF); a refused file gets a notice and the grid in use stays. */
  openGridFile: (file: File) => Promise<void>;
  /** Stops the build or reading under way (nothing changes). */
  cancelOwnJob: () => void;
  removeNetwork: () => void;
  removeGrid: () => void;
  setNetworkVisible: (visible: boolean) => void;
  setNetworkActive: (active: boolean) => void;
  setGridActive: (active: boolean) => void;
  /**
   * Uses the network and grid an address or scene names (by file name; null: none, undefined:
   * leave as is). One not open here gets a notice naming the file, and waits for it.
   */
  showOwnRefs: (refs: { network?: string | null; population?: string | null }) => void;
  /** The network as a network file (.ntccnet), to save; null without one. */
  networkFileBytes: () => Promise<Uint8Array | null>;
}

/** Whether a network (by its summary) answers to a reference: its file name, or the file it was first built from. */
const isNamed = (n: NetworkInfo, name: string): boolean => n.name === name || n.meta.source.file === name;

/** The user's data a run of these parameters uses: the network only for minutes, the grid for any run. */
export function ownDataRefs(s: Pick<AppState, 'userNetwork' | 'userGrid'>, params: AnalysisParams): OwnDataRefs {
  const n = s.userNetwork;
  const g = s.userGrid;
  return {
    network: n?.active && measuresMinutes(params) ? { id: n.info.id, name: n.info.name, edges: n.info.meta.edges } : null,
    population: g?.active ? { id: g.info.id, name: g.info.name, total: g.info.total } : null,
  };
}

/** The network and grid references of the map now (the address and a scene): those used, or those awaited. */
export function ownRefOf(s: Pick<AppState, 'userNetwork' | 'userGrid' | 'pendingNetwork' | 'pendingGrid'>): {
  network: string | null;
  population: string | null;
} {
  return {
    network: s.userNetwork?.active ? s.userNetwork.info.name : s.pendingNetwork,
    population: s.userGrid?.active ? s.userGrid.info.name : s.pendingGrid,
  };
}

/** A refusal as a notice: the file and the reason in the user's language. */
function refusal(name: string, e: OwnDataError): NonNullable<UiSlice['notice']> {
  if (e.domain === 'Net' && e.code === 'cancelled') return { key: 'Own.Cancelled', vars: { name }, tone: 'info' };
  return {
    key: e.domain === 'Net' ? 'Own.NetworkFailed' : 'Own.GridFailed',
    vars: { name },
    details: [e.domain === 'Net' ? { key: `Net.err.${e.code}`, vars: e.vars } : { key: `Pop.err.${e.code}`, vars: e.vars }],
    tone: 'error',
  };
}

/** The dialog's first choices: the fields guessed from their names, each class value's class from its words. */
export function linesDraftOf(file: File, fields: LineFileFields): LinesDraft {
  const g = guessLineFields(fields.fields, fields.values, fields.more);
  const classField = g.class ?? fields.fields[0] ?? '';
  return {
    file,
    fields,
    classField,
    speedField: g.speed ?? '',
    onewayField: g.oneway ?? '',
    classMap: classMapFor(fields, classField),
  };
}

/** A guessed class for each value of a field ('' where the words say nothing). */
function classMapFor(fields: LineFileFields, field: string): LinesDraft['classMap'] {
  return Object.fromEntries((fields.values[field] ?? []).map((v) => [v.value, guessClass(v.value) ?? '']));
}

export const createOwnDataSlice =
  (services: AppServices): StateCreator<AppState, Mutators, [], OwnDataSlice> =>
  (set, get) => {
    /** Runs a job with progress; resolves with its answer, or null when it was cancelled or replaced meanwhile. */
    const track = async <T>(
      kind: OwnJob['kind'],
      name: string,
      run: (p: OwnProgress) => Promise<OwnDataAnswer<T>>,
      idOf: (v: T) => string | null,
    ): Promise<T | null> => {
      const me: OwnJob = { kind, name, phase: 'read', done: 0 };
      set({ ownJob: me });
      const mine = (): boolean => get().ownJob?.kind === kind && get().ownJob?.name === name;
      let answer: OwnDataAnswer<T>;
      try {
        answer = await run((phase, done) => {
          if (mine()) set({ ownJob: { kind, name, phase, done } });
        });
      } catch (e) {
        answer = {
          ok: false,
          error:
            kind === 'network'
              ? { domain: 'Net', code: 'lines-unreadable', vars: { detail: e instanceof Error ? e.message : String(e) } }
              : { domain: 'Pop', code: 'unreadable', vars: { detail: e instanceof Error ? e.message : String(e) } },
        };
      }
      // Cancelled from the page (the worker may not have seen it yet): the answer is dropped.
      if (!mine()) {
        const id = answer.ok ? idOf(answer.value) : null;
        if (id !== null) services.ownData?.release(id);
        return null;
      }
      set({ ownJob: null });
      if (!answer.ok) {
        get().setNotice(refusal(name, answer.error));
        return null;
      }
      return answer.value;
    };

    const buildNetwork = async (file: File, options: NetworkBuildOptions): Promise<void> => {
      const svc = services.ownData;
      if (!svc) return;
      const built = await track(
        'network',
        file.name,
        (p) => svc.buildNetwork(file, options, p),
        (b) => b.info.id,
      );
      if (!built) return;
      const old = get().userNetwork;
      if (old) svc.release(old.info.id);
      set({ userNetwork: { info: built.info, drawing: built.drawing, visible: true, active: true }, pendingNetwork: null });
      get().setNotice({ key: 'Own.NetworkReady', vars: { name: file.name, edges: num(built.info.meta.edges, 0) }, tone: 'info' });
    };

    return {
      userNetwork: null,
      userGrid: null,
      ownJob: null,
      linesDraft: null,
      networkOptions: { service: false, ferries: false },
      setNetworkOptions: (o) => set({ networkOptions: { ...get().networkOptions, ...o } }),
      pendingNetwork: null,
      pendingGrid: null,
      openNetworkFile: async (file) => {
        const svc = services.ownData;
        if (!svc) return;
        const kind = networkKindOf(file.name);
        if (kind === null) {
          get().setNotice(refusal(file.name, { domain: 'Net', code: 'unknown-type', vars: { name: file.name } }));
          return;
        }
        if (kind !== 'lines') return buildNetwork(file, kind === 'network' ? {} : get().networkOptions);
        const fields = await track(
          'network',
          file.name,
          (p) => {
            p('read', 0);
            return svc.inspectLines(file);
          },
          () => null,
        );
        if (fields) set({ linesDraft: linesDraftOf(file, fields) });
      },
      setLinesDraft: (patch) => {
        const d = get().linesDraft;
        if (!patch || !d) return set({ linesDraft: null });
        const next = { ...d, ...patch };
        if (patch.classField !== undefined && patch.classField !== d.classField) next.classMap = classMapFor(d.fields, patch.classField);
        set({ linesDraft: next });
      },
      buildLinesDraft: async () => {
        const d = get().linesDraft;
        if (!d) return;
        const classMap = Object.fromEntries(Object.entries(d.classMap).filter((e): e is [string, NetClass | 'none'] => e[1] !== ''));
        set({ linesDraft: null });
        await buildNetwork(d.file, {
          classField: d.classField,
          ...(d.speedField ? { speedField: d.speedField } : {}),
          ...(d.onewayField ? { onewayField: d.onewayField } : {}),
          classMap,
        });
      },
      openGridFile: async (file) => {
        const svc = services.ownData;
        if (!svc) return;
        if (!isGridFile(file.name)) {
          get().setNotice(refusal(file.name, { domain: 'Pop', code: 'not-tiff', vars: { detail: file.name } }));
          return;
        }
        const info = await track(
          'population',
          file.name,
          (p) => svc.readPopulation(file, p),
          (g) => g.id,
        );
        if (!info) return;
        const old = get().userGrid;
        if (old) svc.release(old.info.id);
        set({ userGrid: { info, active: true }, pendingGrid: null });
        get().setNotice({
          key: 'Own.GridReady',
          vars: { name: file.name, crs: info.crs, persons: num(Math.round(info.total), 0) },
          tone: 'info',
        });
      },
      cancelOwnJob: () => {
        const j = get().ownJob;
        if (!j) return;
        services.ownData?.cancel(j.kind);
        set({ ownJob: null });
        get().setNotice({ key: 'Own.Cancelled', vars: { name: j.name }, tone: 'info' });
      },
      removeNetwork: () => {
        const n = get().userNetwork;
        if (n) services.ownData?.release(n.info.id);
        set({ userNetwork: null, pendingNetwork: null });
      },
      removeGrid: () => {
        const g = get().userGrid;
        if (g) services.ownData?.release(g.info.id);
        set({ userGrid: null, pendingGrid: null });
      },
      setNetworkVisible: (visible) => {
        const n = get().userNetwork;
        if (n) set({ userNetwork: { ...n, visible } });
      },
      setNetworkActive: (active) => {
        const n = get().userNetwork;
        if (n) set({ userNetwork: { ...n, active }, pendingNetwork: null });
      },
      setGridActive: (active) => {
        const g = get().userGrid;
        if (g) set({ userGrid: { ...g, active }, pendingGrid: null });
      },
      showOwnRefs: (refs) => {
        const patch: Partial<AppState> = {};
        const missing: string[] = [];
        const n = get().userNetwork;
        if (refs.network !== undefined) {
          const want = refs.network;
          const has = Boolean(n && want !== null && isNamed(n.info, want));
          if (n && n.active !== has) patch.userNetwork = { ...n, active: has };
          patch.pendingNetwork = want !== null && !has ? want : null;
          if (want !== null && !has) missing.push(want);
        }
        const g = get().userGrid;
        if (refs.population !== undefined) {
          const want = refs.population;
          const has = Boolean(g && want !== null && g.info.name === want);
          if (g && g.active !== has) patch.userGrid = { ...g, active: has };
          patch.pendingGrid = want !== null && !has ? want : null;
          if (want !== null && !has) missing.push(want);
        }
        const changed = (Object.keys(patch) as (keyof AppState)[]).some((k) => patch[k] !== get()[k]);
        if (changed) set(patch);
        if (missing.length) get().setNotice({ key: 'Own.NotLoaded', vars: { files: missing.join(', ') } });
      },
      networkFileBytes: async () => {
        const n = get().userNetwork;
        return n && services.ownData ? services.ownData.networkFile(n.info.id) : null;
      },
    };
  };
