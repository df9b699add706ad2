/**
 * The URL hash holds the view, edition, language and selection so that a reload or a
 * shared link restores them: `#map=ZOOM/LAT/LON[/BEARING/PITCH]&ed=2022&lang=vi&sel=VN-DN`.
 * The hash is untrusted input: every value is checked and a bad one is dropped, named
 * in `invalid`, and never changes the rest of the state.
 */
import type { Edition } from '../core/types.ts';
import {
  beltKmOf,
  HORIZONS,
  STATUSES,
  isThematicLayerId,
  type BeltKm,
  type Horizon,
  type Status,
  type ThematicLayerId,
} from '../core/layers.ts';
import { isLayerFileId, type LayerFileId } from '../data/schemas.ts';
import { DEFAULT_PARAMS, PARAM_DEFS, parseParams, writeParam, type AnalysisParams, type ParamKey } from '../core/analysis.ts';
import { roundTo } from '../core/geo.ts';
import { CLASS_COUNTS, CLASS_METHODS, PALETTE_NAMES, type ClassCount, type ClassMethod, type PaletteName } from '../core/classify.ts';
import { TABLE_REF_MAX, type SceneCompare, type TableRef } from '../core/story.ts';

/** Hash keys of the analysis parameters (`an` is the analysis itself; edition and horizon have their own keys). */
const ANALYSIS_KEYS = Object.entries(PARAM_DEFS).flatMap(([param, d]) =>
  d.hash && param !== 'kind' ? [[param as ParamKey, d.hash] as const] : [],
);

export interface HashView {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface HashState {
  view?: HashView;
  edition?: Edition;
  lang?: 'vi' | 'en';
  selected?: string | null;
  /** Thematic layers shown (`ly=corridors,seaports`; `ly=none` for none). */
  visibleLayers?: ThematicLayerId[];
  horizon?: Horizon;
  statuses?: Status[];
  beltKm?: BeltKm;
  feature?: { layer: LayerFileId; id: string } | null;
  /** The open analysis and its parameters (`an=gravity&beta=1.5`); edition and horizon come from `ed` and `hz`. */
  analysis?: Omit<AnalysisParams, 'edition' | 'horizon'>;
  /** Present the story from this scene (1-based): `story=3`. */
  storyScene?: number;
  /**
   * The user's table shown, by reference: `tb=NAME&tbc=COLUMN` (percent-encoded), with
   * `tbm`, `tbk` and `tbp` for the classes when not the defaults.
   */
  table?: TableRef;
  /** The user's own road network and population grid, by file name: `net=NAME&grid=NAME` (percent-encoded). */
  network?: string;
  population?: string;
  /** The planning scenario, compact (`sc=`, see data/scenario.ts): read once the corridors are known. */
  scenarioCode?: string;
  /**
   * What the analysis is compared with: `cmp=horizon:today`, `cmp=scenario`, or
   * `cmp=file:today&cmps=CODE` (another scenario at a horizon); `cmpv=swipe` for the swipe view.
   */
  compare?: SceneCompare;
}

/** A table reference's classes when the address does not give them. */
export const TABLE_REF_DEFAULTS = { method: 'quantile', classes: 5, palette: 'YlGnBu' } as const;

export interface ParsedHash {
  state: HashState;
  /** Keys whose values were present but not valid. */
  invalid: string[];
}

const ISO_RE = /^VN-[0-9A-Z]{2}$/;

function num(s: string | undefined, min: number, max: number): number | null {
  if (s === undefined || s.trim() === '' || !/^-?\d+(\.\d+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) && v >= min && v <= max ? v : null;
}

/**
 * Parses a location hash (with or without the leading `#`).
 * @example parseHash('#map=6/15.4/107.4&ed=2025') // { state: { view: {...}, edition: '2025' }, invalid: [] }
 */
export function parseHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: HashState = {};
  const invalid: string[] = [];
  const map = params.get('map');
  if (map !== null) {
    const [z, lat, lon, bearing, pitch] = map.split('/');
    const zoom = num(z, 0, 22);
    const la = num(lat, -85, 85);
    const lo = num(lon, -180, 180);
    const b = bearing === undefined ? 0 : num(bearing, -180, 180);
    const p = pitch === undefined ? 0 : num(pitch, 0, 85);
    if (zoom === null || la === null || lo === null || b === null || p === null) invalid.push('map');
    else state.view = { center: [lo, la], zoom, bearing: b, pitch: p };
  }
  const ed = params.get('ed');
  if (ed !== null) {
    if (ed === '2022' || ed === '2025') state.edition = ed;
    else invalid.push('ed');
  }
  const lang = params.get('lang');
  if (lang !== null) {
    if (lang === 'vi' || lang === 'en') state.lang = lang;
    else invalid.push('lang');
  }
  const sel = params.get('sel');
  if (sel !== null) {
    if (ISO_RE.test(sel)) state.selected = sel;
    else invalid.push('sel');
  }
  const ly = params.get('ly');
  if (ly !== null) {
    const ids = ly === 'none' ? [] : ly.split(',');
    const layers = ids.filter(isThematicLayerId);
    if (layers.length === ids.length) state.visibleLayers = layers;
    else invalid.push('ly');
  }
  const hz = params.get('hz');
  if (hz !== null) {
    if ((HORIZONS as readonly string[]).includes(hz)) state.horizon = hz as Horizon;
    else invalid.push('hz');
  }
  const st = params.get('st');
  if (st !== null) {
    const list = st === 'none' ? [] : st.split(',');
    if (list.every((x) => (STATUSES as readonly string[]).includes(x))) state.statuses = STATUSES.filter((x) => list.includes(x));
    else invalid.push('st');
  }
  const belt = params.get('belt');
  if (belt !== null) {
    // Only the widths the data build computed (and the control offers).
    const km = beltKmOf(belt);
    if (km === undefined) invalid.push('belt');
    else state.beltKm = km;
  }
  const ft = params.get('ft');
  if (ft !== null) {
    const [layer, id] = ft.split(':');
    if (layer && id && isLayerFileId(layer) && /^[a-z0-9-]{1,64}$/.test(id)) state.feature = { layer, id };
    else invalid.push('ft');
  }
  const an = params.get('an');
  if (an !== null) {
    const raw: Partial<Record<ParamKey, string>> = { kind: an };
    for (const [param, key] of ANALYSIS_KEYS) {
      const v = params.get(key);
      if (v !== null) raw[param] = v;
    }
    const { params: p, problems } = parseParams(raw);
    for (const pr of problems) invalid.push(PARAM_DEFS[pr.param].hash ?? pr.param);
    if (!problems.some((pr) => pr.param === 'kind')) {
      const { edition: _e, horizon: _h, ...rest } = p;
      state.analysis = rest;
    }
  }
  const tb = params.get('tb');
  if (tb !== null) {
    const column = params.get('tbc') ?? '';
    const method = params.get('tbm') ?? TABLE_REF_DEFAULTS.method;
    const classes = Number(params.get('tbk') ?? TABLE_REF_DEFAULTS.classes);
    const palette = params.get('tbp') ?? TABLE_REF_DEFAULTS.palette;
    const ok =
      tb.trim() !== '' &&
      tb.length <= TABLE_REF_MAX &&
      column.trim() !== '' &&
      column.length <= TABLE_REF_MAX &&
      (CLASS_METHODS as readonly string[]).includes(method) &&
      (CLASS_COUNTS as readonly number[]).includes(classes) &&
      (PALETTE_NAMES as readonly string[]).includes(palette);
    if (ok)
      state.table = { name: tb, column, method: method as ClassMethod, classes: classes as ClassCount, palette: palette as PaletteName };
    else invalid.push('tb');
  }
  for (const [key, field] of [
    ['net', 'network'],
    ['grid', 'population'],
  ] as const) {
    const name = params.get(key);
    if (name === null) continue;
    if (name.trim() !== '' && name.length <= TABLE_REF_MAX) state[field] = name;
    else invalid.push(key);
  }
  const sc = params.get('sc');
  if (sc !== null) {
    if (/^[A-Za-z0-9_-]{1,60000}$/.test(sc)) state.scenarioCode = sc;
    else invalid.push('sc');
  }
  const cmp = params.get('cmp');
  if (cmp !== null) {
    const [w, cmpHorizon] = cmp.split(':');
    const view = params.get('cmpv') ?? 'difference';
    const okView = view === 'difference' || view === 'swipe';
    const other = params.get('cmps');
    const okHorizon = (HORIZONS as readonly string[]).includes(cmpHorizon ?? '');
    if (w === 'scenario' && cmpHorizon === undefined && okView) state.compare = { with: 'scenario', horizon: 'today', view };
    else if (w === 'horizon' && okHorizon && okView) state.compare = { with: 'horizon', horizon: cmpHorizon as Horizon, view };
    else if (w === 'file' && okHorizon && okView && other !== null && /^[A-Za-z0-9_-]{1,60000}$/.test(other))
      state.compare = { with: 'file', horizon: cmpHorizon as Horizon, view, scenario: other };
    else invalid.push('cmp');
  }
  const story = params.get('story');
  if (story !== null) {
    const n = num(story, 1, 100);
    if (n === null || !Number.isInteger(n)) invalid.push('story');
    else state.storyScene = n;
  }
  return { state, invalid };
}

/** What formatHash writes. */
export interface HashInput {
  view: HashView;
  edition: Edition;
  lang: 'vi' | 'en';
  selected: string | null;
  visibleLayers?: ThematicLayerId[];
  horizon?: Horizon;
  statuses?: Status[];
  beltKm?: BeltKm;
  feature?: { layer: LayerFileId; id: string } | null;
  analysis?: Omit<AnalysisParams, 'edition' | 'horizon'> | null;
  storyScene?: number | null;
  table?: TableRef | null;
  network?: string | null;
  population?: string | null;
  scenarioCode?: string | null;
  compare?: HashState['compare'] | null;
}

/** Writes the state as a hash string (with `#`); numbers rounded to what a screen can show. */
export function formatHash(s: HashInput): string {
  const { center, zoom, bearing, pitch } = s.view;
  const parts = [roundTo(zoom, 2), roundTo(center[1], 4), roundTo(center[0], 4)];
  if (bearing !== 0 || pitch !== 0) parts.push(roundTo(bearing, 1), roundTo(pitch, 1));
  const q = [`map=${parts.join('/')}`, `ed=${s.edition}`, `lang=${s.lang}`];
  if (s.selected) q.push(`sel=${s.selected}`);
  if (s.visibleLayers) q.push(`ly=${s.visibleLayers.length ? s.visibleLayers.join(',') : 'none'}`);
  if (s.horizon) q.push(`hz=${s.horizon}`);
  if (s.statuses && s.statuses.length !== STATUSES.length) q.push(`st=${s.statuses.length ? s.statuses.join(',') : 'none'}`);
  if (s.beltKm !== undefined) q.push(`belt=${s.beltKm}`);
  if (s.feature) q.push(`ft=${s.feature.layer}:${s.feature.id}`);
  if (s.storyScene) q.push(`story=${s.storyScene}`);
  if (s.table) {
    q.push(`tb=${encodeURIComponent(s.table.name)}`, `tbc=${encodeURIComponent(s.table.column)}`);
    if (s.table.method !== TABLE_REF_DEFAULTS.method) q.push(`tbm=${s.table.method}`);
    if (s.table.classes !== TABLE_REF_DEFAULTS.classes) q.push(`tbk=${s.table.classes}`);
    if (s.table.palette !== TABLE_REF_DEFAULTS.palette) q.push(`tbp=${s.table.palette}`);
  }
  if (s.network) q.push(`net=${encodeURIComponent(s.network)}`);
  if (s.population) q.push(`grid=${encodeURIComponent(s.population)}`);
  if (s.scenarioCode) q.push(`sc=${s.scenarioCode}`);
  if (s.analysis && s.compare) {
    q.push(s.compare.with === 'scenario' ? 'cmp=scenario' : `cmp=${s.compare.with}:${s.compare.horizon}`);
    if (s.compare.with === 'file' && s.compare.scenario) q.push(`cmps=${s.compare.scenario}`);
    if (s.compare.view === 'swipe') q.push('cmpv=swipe');
  }
  if (s.analysis) {
    q.push(`an=${s.analysis.kind}`);
    const a = s.analysis as Partial<AnalysisParams>;
    for (const [param, key] of ANALYSIS_KEYS) {
      const v = a[param];
      if (v !== undefined && writeParam(param, v) !== writeParam(param, DEFAULT_PARAMS[param])) q.push(`${key}=${writeParam(param, v)}`);
    }
  }
  return `#${q.join('&')}`;
}
