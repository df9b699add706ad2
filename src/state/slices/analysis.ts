/** The analysis: its parameters, its run (through the injected runner), its result and how it is drawn. */
import type { StateCreator } from 'zustand';
import {
  ANALYSIS_DEFS,
  DEFAULT_PARAMS,
  overridesKey,
  paramsKey,
  scenarioActs,
  type AccessMeasure,
  type AnalysisOverrides,
  type AnalysisParams,
  type AnalysisResult,
} from '../../core/analysis.ts';
import type { Edition } from '../../core/types.ts';
import type { AppServices, AppState, Mutators } from '../store.ts';
import { joinedFor, type UserTable } from './tables.ts';
import { ownDataKey, type OwnDataRefs } from '../../data/own-data.ts';
import { ownDataRefs } from './own-data.ts';

/** How the analysis result is drawn (not part of the computation). */
export interface AnalysisView {
  /** Access grid: which distance colours the cells. */
  measure: AccessMeasure;
  /** Hinterlands: by straight line, along the network, or by travel minutes (with that metric). */
  method: 'straight' | 'network' | 'minutes';
  extrude: boolean;
  /** Which of the result's tables the panel shows. */
  table: string;
}

/**
 * Runs an analysis somewhere else (the app's worker); resolves with the result and whether it
 * came from the cache. `ownData` names the user's network and grid the worker keeps (their
 * graphs never leave it).
 */
export type AnalysisRunner = (
  params: AnalysisParams,
  onProgress: (done: number) => void,
  overrides?: AnalysisOverrides,
  ownData?: OwnDataRefs,
) => Promise<{ result: AnalysisResult; cached: boolean }>;

/** The cache key of a run: its parameters, overrides and the user's data it names. */
export function runKey(params: AnalysisParams, overrides: AnalysisOverrides | undefined, ownData?: OwnDataRefs): string {
  const own = ownDataKey(ownData);
  return `${paramsKey(params)}|${overridesKey(overrides)}${own ? `|${own}` : ''}`;
}

export interface AnalysisSlice {
  analysisOpen: boolean;
  setAnalysisOpen: (open: boolean) => void;
  /** The analysis and its parameters; edition and horizon follow the map's. */
  analysisParams: AnalysisParams;
  setAnalysisParams: (p: Partial<AnalysisParams>) => void;
  analysis: {
    status: 'idle' | 'running' | 'done' | 'error';
    /** 0–1 while running. */
    progress: number;
    result: AnalysisResult | null;
    cached: boolean;
    error: string | null;
    /** Key of the parameters being run or shown. */
    key: string | null;
  };
  /** The table row (unit id, or pair key `a>b`) under the pointer. */
  analysisHover: string | null;
  setAnalysisHover: (key: string | null) => void;
  analysisView: AnalysisView;
  setAnalysisView: (v: Partial<AnalysisView>) => void;
  /** Runs the current analysis through the store's runner (no-op when the result is already shown, or without a runner); then its baseline when comparing. */
  runAnalysis: () => Promise<void>;
  /** The run the analysis is compared with (see `compare`), once computed. */
  baseline: { status: 'idle' | 'running' | 'done' | 'error'; result: AnalysisResult | null; key: string | null; error: string | null };
}

/** The parameters an analysis runs with: the panel's, on the map's edition and horizon. */
export function effectiveParams(s: Pick<AppState, 'analysisParams' | 'edition' | 'horizon'>): AnalysisParams {
  return { ...s.analysisParams, edition: s.edition, horizon: s.horizon };
}

/** The user's imported layers (and table column) the analyses use instead of the bundled ones. */
export function analysisOverrides(
  s: Pick<
    AppState,
    | 'imported'
    | 'portsLayer'
    | 'placesLayer'
    | 'unitsMapping'
    | 'tables'
    | 'massColumn'
    | 'data'
    | 'edition'
    | 'scenario'
    | 'analysisParams'
    | 'horizon'
  >,
): AnalysisOverrides {
  const ports = s.imported.find((l) => l.id === s.portsLayer);
  // The user's places, for the kinds that take them, in the role the kind's definition gives them.
  const places = s.imported.find((l) => l.id === s.placesLayer);
  const role = ANALYSIS_DEFS[s.analysisParams.kind].userPlaces;
  const massTable = s.massColumn ? (s.tables.find((x) => x.id === s.massColumn?.table) ?? null) : null;
  const unitsLayer = s.imported.find((l) => l.id === s.unitsMapping?.layer);
  const m = s.unitsMapping;
  return {
    // Only where it can change the run (else the run and its cache key are those without it).
    scenario: scenarioActs(effectiveParams(s), s.scenario) ? s.scenario : null,
    ports: ports ? { layer: ports.id, name: ports.name, fc: ports.fc } : null,
    units:
      unitsLayer && m
        ? { layer: unitsLayer.id, name: unitsLayer.name, fc: unitsLayer.fc, code: m.code, nameField: m.name, population: m.population }
        : null,
    mass: massTable && s.massColumn && s.data ? massOverride(massTable, s.massColumn.column, s.data, s.edition) : null,
    ...(places && role ? { [role]: { layer: places.id, name: places.name, fc: places.fc } } : {}),
  };
}

/** A table column as the mass: its figure for each unit of the edition (null where none). */
function massOverride(
  table: UserTable,
  column: string,
  data: NonNullable<AppState['data']>,
  edition: Edition,
): NonNullable<AnalysisOverrides['mass']> {
  const joined = joinedFor(table, data, edition);
  const values: Record<string, number | null> = {};
  for (const u of joined.units) {
    const v = u.values[column];
    values[u.iso] = typeof v === 'number' ? v : null;
  }
  return { layer: table.id, name: table.name, field: column, values };
}

/** The key that identifies what the analysis would compute now (parameters and overrides). */
export function analysisKey(s: AppState): string {
  const params = effectiveParams(s);
  return runKey(params, analysisOverrides(s), ownDataRefs(s, params));
}

/** The baseline result that belongs to what is shown now (never one left from other settings); null otherwise. */
export function shownBaseline(s: AppState): AnalysisResult | null {
  const b = s.baseline;
  const want = baselineOf(s);
  return want && b.status === 'done' && b.key === want.key && b.result && b.result.kind === s.analysis.result?.kind ? b.result : null;
}

/**
 * The run the analysis is compared with: the same analysis at the baseline horizon without
 * the scenario, or at this horizon without the scenario; null when not comparing.
 */
export function baselineOf(
  s: AppState,
): { params: AnalysisParams; overrides: AnalysisOverrides; ownData: OwnDataRefs; key: string } | null {
  if (s.compare.with === 'none') return null;
  // The baseline's own sensitivity runs would change no compared column (as on the command line): it runs once.
  const here = { ...effectiveParams(s), sensitivity: false };
  const params = s.compare.with === 'horizon' || s.compare.with === 'file' ? { ...here, horizon: s.compare.horizon } : here;
  const other = s.compare.with === 'file' && scenarioActs(params, s.compare.other) ? s.compare.other : null;
  const overrides = { ...analysisOverrides(s), scenario: other };
  // The baseline runs on the same network and grid as the analysis.
  const ownData = ownDataRefs(s, params);
  return { params, overrides, ownData, key: runKey(params, overrides, ownData) };
}

export const createAnalysisSlice =
  (services: AppServices): StateCreator<AppState, Mutators, [], AnalysisSlice> =>
  (set, get) => ({
    analysisOpen: false,
    setAnalysisOpen: (analysisOpen) => set({ analysisOpen }),
    analysisParams: DEFAULT_PARAMS,
    setAnalysisParams: (p) => {
      const next = { ...get().analysisParams, ...p };
      const patch: Partial<AppState> = { analysisParams: next };
      if (p.kind && p.kind !== get().analysisParams.kind)
        patch.analysisView = { ...get().analysisView, table: ANALYSIS_DEFS[p.kind].mainTable };
      set(patch);
    },
    analysis: { status: 'idle', progress: 0, result: null, cached: false, error: null, key: null },
    analysisHover: null,
    setAnalysisHover: (analysisHover) => set({ analysisHover }),
    analysisView: { measure: 'seaport_km', method: 'network', extrude: false, table: ANALYSIS_DEFS[DEFAULT_PARAMS.kind].mainTable },
    setAnalysisView: (v) => set({ analysisView: { ...get().analysisView, ...v } }),
    baseline: { status: 'idle', result: null, key: null, error: null },
    runAnalysis: async () => {
      const params = effectiveParams(get());
      const overrides = analysisOverrides(get());
      const ownData = ownDataRefs(get(), params);
      const key = analysisKey(get());
      const cur = get().analysis;
      const runner = services.runAnalysis;
      if (!runner) return;
      const runBaseline = async (): Promise<void> => {
        const b = baselineOf(get());
        const have = get().baseline;
        if (!b) {
          if (have.key !== null) set({ baseline: { status: 'idle', result: null, key: null, error: null } });
          return;
        }
        if (have.key === b.key && (have.status === 'done' || have.status === 'running')) return;
        set({ baseline: { status: 'running', result: null, key: b.key, error: null } });
        try {
          const { result } = await runner(b.params, () => {}, b.overrides, b.ownData);
          if (get().baseline.key === b.key) set({ baseline: { status: 'done', result, key: b.key, error: null } });
        } catch (e) {
          if (get().baseline.key === b.key)
            set({ baseline: { status: 'error', result: null, key: b.key, error: e instanceof Error ? e.message : String(e) } });
        }
      };
      if (cur.key === key && cur.status === 'running') return;
      if (cur.key === key && cur.status === 'done') return runBaseline();
      set({ analysis: { ...cur, status: 'running', progress: 0, error: null, key } });
      try {
        const { result, cached } = await runner(
          params,
          (progress) => {
            if (get().analysis.key === key) set({ analysis: { ...get().analysis, progress } });
          },
          overrides,
          ownData,
        );
        if (get().analysis.key === key) {
          set({ analysis: { status: 'done', progress: 1, result, cached, error: null, key } });
          await runBaseline();
        }
      } catch (e) {
        if (get().analysis.key === key)
          set({ analysis: { ...get().analysis, status: 'error', error: e instanceof Error ? e.message : String(e) } });
      }
    },
  });
