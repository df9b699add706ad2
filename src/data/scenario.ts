/**
 * Scenario files: GeoJSON with one feature per edit (`action: add|remove|slow`) and the
 * scenario's name and speeds in a foreign member `ntcc_scenario`. They are untrusted like
 * every import: each feature is checked with valibot, a bad one is reported by its number
 * and field, and nothing of a bad file is used. The address carries a scenario compactly:
 * the same file, deflated (fflate) and in base64url.
 *
 * ```json
 * { "type": "FeatureCollection", "ntcc_scenario": { "version": 1, "name": "…", "speeds": { "expressway": 100 } },
 *   "features": [
 *     { "type": "Feature", "properties": { "action": "add", "mode": "expressway", "status": "planned",
 *       "speed_kmh": 90, "name_vi": "…", "name_en": "…" }, "geometry": { "type": "LineString", "coordinates": [...] } },
 *     { "type": "Feature", "properties": { "action": "add", "kind": "seaport", "name_vi": "…", "name_en": "…" },
 *       "geometry": { "type": "Point", "coordinates": [109.1, 13.8] } },
 *     { "type": "Feature", "properties": { "action": "remove", "target": "ql1" }, "geometry": null },
 *     { "type": "Feature", "properties": { "action": "slow", "target": "ql1", "speed_kmh": 30 }, "geometry": null } ] }
 * ```
 */
import * as v from 'valibot';
import { Deflate, Inflate, strFromU8, strToU8 } from 'fflate';
import {
  SCENARIO_AXES,
  SCENARIO_LIMITS,
  SCENARIO_MODES,
  SCENARIO_POINTS,
  SCENARIO_STATUSES,
  SCENARIO_VERSION,
  axisOfLine,
  inScenarioBounds,
  type Scenario,
  type ScenarioEdit,
} from '../core/scenario.ts';
import { SPEED_CLASSES, type SpeedClass } from '../core/speeds.ts';

/** Why a scenario could not be read; `n` is the feature's number (1-based). */
export type ScenarioError =
  | { code: 'json'; vars: { detail: string } }
  | { code: 'address'; vars: Record<string, never> }
  | { code: 'not-scenario'; vars: Record<string, never> }
  | { code: 'future-version'; vars: { version: number } }
  | { code: 'too-many'; vars: { max: number } }
  | { code: 'feature'; vars: { n: number; field: string } }
  | { code: 'bounds'; vars: { n: number } }
  | { code: 'target'; vars: { n: number; target: string } }
  | { code: 'duplicate'; vars: { n: number; id: string } }
  | { code: 'speed'; vars: { key: string } };

export type ScenarioRead = { ok: true; scenario: Scenario } | { ok: false; error: ScenarioError };

const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(SCENARIO_LIMITS.name));
const speed = v.pipe(v.number(), v.finite(), v.minValue(SCENARIO_LIMITS.speed[0]), v.maxValue(SCENARIO_LIMITS.speed[1]));
const position = v.pipe(
  v.array(v.number()),
  v.minLength(2),
  v.maxLength(3),
  v.transform((p) => [p[0]!, p[1]!] as [number, number]),
);
// An added feature's id starts with `sc-`, so it never meets a bundled id (a port's, a corridor's).
const id = v.optional(v.pipe(v.string(), v.regex(/^sc-[A-Za-z0-9_-]{1,60}$/)));

const AddCorridorProps = v.object({
  action: v.literal('add'),
  id,
  mode: v.picklist(SCENARIO_MODES),
  status: v.optional(v.picklist(SCENARIO_STATUSES), 'planned'),
  axis: v.optional(v.picklist(SCENARIO_AXES)),
  speed_kmh: v.optional(v.nullable(speed), null),
  name_vi: name,
  name_en: name,
});
const AddPointProps = v.object({ action: v.literal('add'), id, kind: v.picklist(SCENARIO_POINTS), name_vi: name, name_en: name });
const TargetProps = v.object({ action: v.literal('remove'), target: v.pipe(v.string(), v.maxLength(100)) });
const SlowProps = v.object({ action: v.literal('slow'), target: v.pipe(v.string(), v.maxLength(100)), speed_kmh: speed });

/** The first problem of a valibot result as a field name. */
const fieldOf = (issues: readonly v.BaseIssue<unknown>[]): string =>
  (issues[0]?.path ?? []).map((p) => String(p.key)).join('.') || 'properties';

interface RawFeature {
  properties?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

/** One feature as an edit, or why not. */
function readEdit(f: RawFeature, n: number): { edit: ScenarioEdit } | { error: ScenarioError } {
  const props = f?.properties;
  const action = props && typeof props === 'object' ? (props as { action?: unknown }).action : undefined;
  const geom = f?.geometry ?? null;
  const bad = (field: string): { error: ScenarioError } => ({ error: { code: 'feature', vars: { n, field } } });
  if (action === 'remove' || action === 'slow') {
    const r = action === 'remove' ? v.safeParse(TargetProps, props) : v.safeParse(SlowProps, props);
    if (!r.success) return bad(fieldOf(r.issues));
    return { edit: r.output as ScenarioEdit };
  }
  if (action !== 'add') return bad('action');
  if (!geom || typeof geom !== 'object') return bad('geometry');
  if (geom.type === 'LineString') {
    const r = v.safeParse(AddCorridorProps, props);
    if (!r.success) return bad(fieldOf(r.issues));
    const c = v.safeParse(v.pipe(v.array(position), v.minLength(2), v.maxLength(SCENARIO_LIMITS.vertices)), geom.coordinates);
    if (!c.success) return bad('geometry.coordinates');
    if (!c.output.every(inScenarioBounds)) return { error: { code: 'bounds', vars: { n } } };
    const p = r.output;
    return {
      edit: {
        action: 'add',
        kind: 'corridor',
        id: p.id ?? '',
        mode: p.mode,
        status: p.status,
        axis: p.axis ?? axisOfLine(c.output),
        speed_kmh: p.speed_kmh,
        name_vi: p.name_vi,
        name_en: p.name_en,
        coordinates: c.output,
      },
    };
  }
  if (geom.type === 'Point') {
    const r = v.safeParse(AddPointProps, props);
    if (!r.success) return bad(fieldOf(r.issues));
    const c = v.safeParse(position, geom.coordinates);
    if (!c.success) return bad('geometry.coordinates');
    if (!inScenarioBounds(c.output)) return { error: { code: 'bounds', vars: { n } } };
    const p = r.output;
    return { edit: { action: 'add', kind: p.kind, id: p.id ?? '', name_vi: p.name_vi, name_en: p.name_en, coordinates: c.output } };
  }
  return bad('geometry.type');
}

/**
 * Reads a scenario from parsed JSON.
 * @param known - the ids of the corridors a remove or slow may name (the bundled ones)
 * @example readScenario(JSON.parse(text), new Set(['ql1'])) // { ok: true, scenario }
 */
export function readScenario(json: unknown, known: ReadonlySet<string>): ScenarioRead {
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'FeatureCollection')
    return { ok: false, error: { code: 'not-scenario', vars: {} } };
  const fc = json as { features?: unknown; ntcc_scenario?: unknown };
  const meta = (fc.ntcc_scenario ?? {}) as { version?: unknown; name?: unknown; speeds?: unknown };
  if (typeof meta !== 'object' || Array.isArray(meta)) return { ok: false, error: { code: 'not-scenario', vars: {} } };
  if (typeof meta.version === 'number' && meta.version > SCENARIO_VERSION)
    return { ok: false, error: { code: 'future-version', vars: { version: meta.version } } };
  if (!Array.isArray(fc.features)) return { ok: false, error: { code: 'not-scenario', vars: {} } };
  if (fc.features.length > SCENARIO_LIMITS.edits) return { ok: false, error: { code: 'too-many', vars: { max: SCENARIO_LIMITS.edits } } };
  const speeds: Partial<Record<SpeedClass, number>> = {};
  if (meta.speeds !== undefined) {
    if (!meta.speeds || typeof meta.speeds !== 'object' || Array.isArray(meta.speeds))
      return { ok: false, error: { code: 'speed', vars: { key: 'speeds' } } };
    for (const [k, val] of Object.entries(meta.speeds)) {
      if (!(SPEED_CLASSES as readonly string[]).includes(k) || !v.is(speed, val))
        return { ok: false, error: { code: 'speed', vars: { key: k } } };
      speeds[k as SpeedClass] = val;
    }
  }
  const edits: ScenarioEdit[] = [];
  const ids = new Set<string>();
  let auto = 1;
  for (const [i, f] of (fc.features as RawFeature[]).entries()) {
    const r = readEdit(f, i + 1);
    if ('error' in r) return { ok: false, error: r.error };
    const e = r.edit;
    if (e.action === 'add') {
      if (!e.id) {
        while (ids.has(`sc-${auto}`)) auto++;
        e.id = `sc-${auto}`;
      }
      if (ids.has(e.id) || known.has(e.id)) return { ok: false, error: { code: 'duplicate', vars: { n: i + 1, id: e.id } } };
      ids.add(e.id);
    }
    edits.push(e);
  }
  // A remove or slow names a bundled corridor or one the scenario adds.
  for (const [i, e] of edits.entries())
    if ((e.action === 'remove' || e.action === 'slow') && !known.has(e.target) && !ids.has(e.target))
      return { ok: false, error: { code: 'target', vars: { n: i + 1, target: e.target } } };
  const title = typeof meta.name === 'string' ? meta.name.trim().slice(0, SCENARIO_LIMITS.name) : '';
  return { ok: true, scenario: { name: title, speeds, edits } };
}

/**
 * Reads a scenario file's bytes (UTF-8 JSON).
 * @example readScenarioBytes(new TextEncoder().encode(text), known)
 */
export function readScenarioBytes(bytes: Uint8Array, known: ReadonlySet<string>): ScenarioRead {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: { code: 'json', vars: { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) } } };
  }
  return readScenario(json, known);
}

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

/** A scenario file: GeoJSON whose remove and slow features have no geometry. */
export interface ScenarioFile {
  type: 'FeatureCollection';
  ntcc_scenario: { version: number; app: string; name: string; speeds: Partial<Record<SpeedClass, number>> };
  features: {
    type: 'Feature';
    properties: Record<string, unknown>;
    geometry: import('geojson').Point | import('geojson').LineString | null;
  }[];
}

/** A scenario as a GeoJSON FeatureCollection (what a scenario file holds). */
export function scenarioToGeoJSON(s: Scenario): ScenarioFile {
  return {
    type: 'FeatureCollection',
    ntcc_scenario: { version: SCENARIO_VERSION, app: 'ntcc-atlas', name: s.name, speeds: s.speeds },
    features: s.edits.map((e) => {
      if (e.action === 'remove' || e.action === 'slow') return { type: 'Feature', properties: { ...e }, geometry: null };
      const { coordinates, kind, ...rest } = e;
      if (kind === 'corridor')
        return {
          type: 'Feature',
          properties: { ...rest, source: 'scenario' },
          geometry: { type: 'LineString', coordinates: (coordinates as [number, number][]).map((c) => [round5(c[0]), round5(c[1])]) },
        };
      const [x, y] = coordinates as [number, number];
      return {
        type: 'Feature',
        properties: { ...rest, kind, source: 'scenario' },
        geometry: { type: 'Point', coordinates: [round5(x), round5(y)] },
      };
    }),
  };
}

/** A scenario file's text. */
export const writeScenario = (s: Scenario): string => JSON.stringify(scenarioToGeoJSON(s), null, 2) + '\n';

/** The longest scenario text the address accepts, and the most it may inflate to. */
export const SCENARIO_ADDRESS_MAX = { text: 60_000, bytes: 2_000_000 } as const;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/**
 * A scenario for the address: its file, without spaces, deflated and in base64url.
 * @example decodeScenario(encodeScenario(s), known) // { ok: true, scenario: s }
 */
export function encodeScenario(s: Scenario): string {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  d.push(strToU8(JSON.stringify(scenarioToGeoJSON(s))), true);
  const all = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of out) {
    all.set(c, at);
    at += c.length;
  }
  return toBase64Url(all);
}

/** Reads a scenario from the address; a text too long, not base64url, or inflating past the limit is refused. */
export function decodeScenario(text: string, known: ReadonlySet<string>): ScenarioRead {
  const refuse = (): ScenarioRead => ({ ok: false, error: { code: 'address', vars: {} } });
  if (text.length > SCENARIO_ADDRESS_MAX.text || !/^[A-Za-z0-9_-]*$/.test(text)) return refuse();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    const inf = new Inflate((chunk) => {
      size += chunk.length;
      if (size > SCENARIO_ADDRESS_MAX.bytes) throw new Error('too large');
      parts.push(chunk);
    });
    inf.push(fromBase64Url(text), true);
  } catch {
    return refuse();
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(all));
  } catch {
    return refuse();
  }
  return readScenario(json, known);
}
