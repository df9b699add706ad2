/**
 * A road network from a roads layer: lines in GeoJSON, a zipped Shapefile, a GeoPackage or a
 * FlatGeobuf file, with the fields that give each line's class, speed and direction (in the
 * layer's own words: `--class-map "cao tốc=motorway,quốc lộ=trunk"` maps its values onto the
 * network classes). Lines meet where they share a vertex (to 1e-7 degree), as in OpenStreetMap;
 * a layer in VN-2000 or UTM is brought to WGS 84 by its own CRS (the .prj, the GeoPackage's SRS,
 * the FlatGeobuf header, a GeoJSON `crs` member).
 *
 * Libraries: shpjs + proj4 (Shapefile and its .prj), sql.js (GeoPackage), flatgeobuf, fflate.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { NET_CLASSES, netClassIndex, readOneway, type NetClass } from '../core/network-classes.ts';
import { crsByEpsg, WGS84 } from '../core/crs.ts';
import { buildRoadNetwork, E7, Grow, NetworkError, type BuildOptions, type RoadNetwork, type WayTable } from './road-network.ts';
import { MAX_NETWORK_INPUT_BYTES } from './osm-network.ts';
import { sqlJsOptions } from './sql-wasm.ts';

/** The layer's fields and how its class values become network classes. */
export interface LineFields {
  classField: string;
  speedField?: string | undefined;
  onewayField?: string | undefined;
  /** The layer's class values → network classes (values that already are class names need no entry). */
  classMap?: Readonly<Record<string, NetClass | 'none'>>;
}

/** The project's own speed classes read as network classes too (a layer written for the bundled model). */
const SPEED_CLASS_ALIASES: Readonly<Record<string, NetClass>> = { expressway: 'motorway', national_road: 'trunk' };

/**
 * Reads a class map: `VALUE=class,VALUE=class` or a JSON object `{ "VALUE": "class" }`.
 * @throws NetworkError `bad-class-map` naming the entry
 * @example readClassMap('cao tốc=motorway,quốc lộ=trunk') // { 'cao tốc': 'motorway', 'quốc lộ': 'trunk' }
 */
export function readClassMap(text: string): Record<string, NetClass | 'none'> {
  const out: Record<string, NetClass | 'none'> = {};
  const put = (k: string, v: unknown): void => {
    const c = String(v).trim() as NetClass | 'none';
    if ((c !== 'none' && !NET_CLASSES.includes(c)) || !k.trim())
      throw new NetworkError('bad-class-map', { entry: `${k}=${String(v)}`, classes: NET_CLASSES.join(', ') });
    out[k.trim().normalize('NFC')] = c;
  };
  const t = text.trim();
  if (t.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(t);
    } catch {
      throw new NetworkError('bad-class-map', { entry: t.slice(0, 40), classes: NET_CLASSES.join(', ') });
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
      throw new NetworkError('bad-class-map', { entry: t.slice(0, 40), classes: NET_CLASSES.join(', ') });
    for (const [k, v] of Object.entries(json)) put(k, v);
  } else
    for (const part of t.split(',')) {
      if (!part.trim()) continue;
      const at = part.lastIndexOf('=');
      if (at < 0) throw new NetworkError('bad-class-map', { entry: part, classes: NET_CLASSES.join(', ') });
      put(part.slice(0, at), part.slice(at + 1));
    }
  return out;
}

/** Lines of a collection (LineString, MultiLineString) with their properties. */
interface Line {
  parts: number[][][];
  props: Record<string, unknown>;
}

function linesOf(fc: FeatureCollection): Line[] {
  const out: Line[] = [];
  const isPosition = (c: unknown): boolean => Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number';
  const isLine = (l: unknown): l is number[][] => Array.isArray(l) && l.every(isPosition);
  fc.features.forEach((f, i) => {
    const g = (f && typeof f === 'object' ? f.geometry : null) as Geometry | null;
    if (!g || (g.type !== 'LineString' && g.type !== 'MultiLineString')) return;
    const parts = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
    if (!Array.isArray(parts) || !parts.every(isLine)) throw new NetworkError('bad-coordinates', { feature: i + 1 });
    const p = f.properties;
    out.push({ parts, props: p && typeof p === 'object' && !Array.isArray(p) ? p : {} });
  });
  return out;
}

/** The lines of a file, in WGS 84 lon/lat. */
async function readLineFile(name: string, bytes: Uint8Array, sqlWasmUrl?: string): Promise<{ fc: FeatureCollection; crs: string }> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return fromGeoJSON(bytes);
  if (lower.endsWith('.zip')) return fromShapefile(bytes);
  if (lower.endsWith('.gpkg')) return fromGeoPackage(bytes, sqlWasmUrl);
  if (lower.endsWith('.fgb')) return fromFlatGeobuf(bytes);
  throw new NetworkError('unknown-type', { name });
}

/** A projection function from a CRS definition (proj4 text or WKT) to WGS 84. */
async function toWgs84(def: string): Promise<(x: number, y: number) => [number, number]> {
  const { default: proj4 } = await import('proj4');
  let p: { forward: (c: number[]) => number[] };
  try {
    p = proj4(def, WGS84.proj4) as unknown as typeof p;
    p.forward([500000, 1000000]);
  } catch {
    throw new NetworkError('unsupported-crs', { crs: def.slice(0, 80) });
  }
  return (x, y) => p.forward([x, y]) as [number, number];
}

function reproject(fc: FeatureCollection, f: (x: number, y: number) => [number, number]): void {
  for (const feat of fc.features) {
    const g = feat.geometry as Geometry | null;
    if (g?.type === 'LineString') g.coordinates = g.coordinates.map((c) => f(c[0]!, c[1]!));
    else if (g?.type === 'MultiLineString') g.coordinates = g.coordinates.map((p) => p.map((c) => f(c[0]!, c[1]!)));
  }
}

async function fromGeoJSON(bytes: Uint8Array): Promise<{ fc: FeatureCollection; crs: string }> {
  let json: { type?: string; features?: unknown; crs?: { properties?: { name?: unknown } } };
  try {
    json = JSON.parse(new TextDecoder().decode(bytes)) as typeof json;
  } catch (e) {
    throw new NetworkError('lines-unreadable', { detail: e instanceof Error ? e.message.slice(0, 80) : 'JSON' });
  }
  if (!json || json.type !== 'FeatureCollection' || !Array.isArray(json.features))
    throw new NetworkError('lines-unreadable', { detail: 'not a FeatureCollection' });
  const fc = json as unknown as FeatureCollection;
  const named = json.crs?.properties?.name;
  if (named !== undefined && !/(4326|CRS84)$/i.test(String(named))) {
    const code = /(\d{4,5})$/.exec(String(named));
    const def = code ? crsByEpsg(Number(code[1])) : null;
    if (!def) throw new NetworkError('unsupported-crs', { crs: String(named) });
    reproject(fc, await toWgs84(def.proj4));
    return { fc, crs: def.id };
  }
  return { fc, crs: 'EPSG:4326' };
}

async function fromShapefile(bytes: Uint8Array): Promise<{ fc: FeatureCollection; crs: string }> {
  const [{ unzipSync }, shpjs] = await Promise.all([import('fflate'), import('shpjs')]);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new NetworkError('lines-unreadable', { detail: 'zip' });
  }
  const prj = Object.entries(entries).find(([k]) => k.toLowerCase().endsWith('.prj'))?.[1];
  let out: FeatureCollection | FeatureCollection[];
  try {
    out = (await shpjs.parseZip(bytes)) as FeatureCollection | FeatureCollection[];
  } catch (e) {
    throw new NetworkError('lines-unreadable', { detail: e instanceof Error ? e.message.slice(0, 80) : 'shapefile' });
  }
  return { fc: Array.isArray(out) ? out[0]! : out, crs: prj ? new TextDecoder().decode(prj).slice(0, 60) : 'EPSG:4326' };
}

/** Well-known binary lines (LineString, MultiLineString; Z and M dropped), little- or big-endian. */
function wkbLines(b: Uint8Array, at = 0): { geom: Geometry | null; end: number } {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = b[at] === 1;
  let type = dv.getUint32(at + 1, le);
  at += 5;
  const hasZ = type > 1000 ? Math.floor(type / 1000) % 2 === 1 || Math.floor(type / 1000) === 3 : (type & 0x80000000) !== 0;
  const hasM = type > 1000 ? Math.floor(type / 1000) >= 2 : (type & 0x40000000) !== 0;
  if (type & 0x20000000) at += 4; // EWKB SRID
  type = (type & 0xffff) % 1000;
  const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
  const line = (): number[][] => {
    const n = dv.getUint32(at, le);
    at += 4;
    const cs: number[][] = [];
    for (let i = 0; i < n; i++) {
      cs.push([dv.getFloat64(at, le), dv.getFloat64(at + 8, le)]);
      at += 8 * dims;
    }
    return cs;
  };
  if (type === 2) return { geom: { type: 'LineString', coordinates: line() }, end: at };
  if (type === 5) {
    const n = dv.getUint32(at, le);
    at += 4;
    const parts: number[][][] = [];
    for (let i = 0; i < n; i++) {
      const r = wkbLines(b, at);
      at = r.end;
      if (r.geom?.type === 'LineString') parts.push(r.geom.coordinates);
    }
    return { geom: { type: 'MultiLineString', coordinates: parts }, end: at };
  }
  return { geom: null, end: at };
}

async function fromGeoPackage(bytes: Uint8Array, sqlWasmUrl?: string): Promise<{ fc: FeatureCollection; crs: string }> {
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs(sqlJsOptions(sqlWasmUrl));
  let db: InstanceType<typeof SQL.Database>;
  try {
    db = new SQL.Database(bytes);
  } catch {
    throw new NetworkError('lines-unreadable', { detail: 'GeoPackage' });
  }
  try {
    let cols: unknown[][];
    try {
      cols =
        db.exec(
          "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns WHERE geometry_type_name LIKE '%LINESTRING%' OR geometry_type_name = 'GEOMETRY'",
        )[0]?.values ?? [];
    } catch {
      throw new NetworkError('lines-unreadable', { detail: 'GeoPackage' });
    }
    const first = cols[0];
    if (!first) throw new NetworkError('no-lines');
    const [table, column, srs] = first as [string, string, number];
    const def = (db.exec('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srs])[0]
      ?.values[0] ?? []) as [string, number, string];
    const known = def[0]?.toUpperCase() === 'EPSG' ? crsByEpsg(def[1]) : null;
    const project = known && known.epsg === 4326 ? null : await toWgs84(known?.proj4 ?? def[2] ?? '');
    const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    const res = db.exec(`SELECT * FROM ${q(table)}`)[0];
    const features: FeatureCollection['features'] = [];
    if (res)
      for (const row of res.values) {
        const props: Record<string, unknown> = {};
        let geom: Geometry | null = null;
        res.columns.forEach((c, i) => {
          const v = row[i];
          if (c === column && v instanceof Uint8Array) {
            // The GeoPackage header: 'GP', version, flags (envelope size in bits 1–3), SRS id, envelope, then WKB.
            const env = [0, 32, 48, 48, 64][(v[3]! >> 1) & 7] ?? 0;
            geom = wkbLines(v, 8 + env).geom;
          } else if (c !== column) props[c] = v;
        });
        if (geom) features.push({ type: 'Feature', properties: props, geometry: geom });
      }
    const fc: FeatureCollection = { type: 'FeatureCollection', features };
    if (project) reproject(fc, project);
    return { fc, crs: known?.id ?? `srs ${srs}` };
  } finally {
    db.close();
  }
}

async function fromFlatGeobuf(bytes: Uint8Array): Promise<{ fc: FeatureCollection; crs: string }> {
  const { geojson } = await import('flatgeobuf');
  const features: FeatureCollection['features'] = [];
  let crs: { code: number; wkt: string | null } | null = null;
  try {
    for await (const f of geojson.deserialize(bytes, { headerMetaFn: (h) => (crs = h.crs) }))
      features.push(f as unknown as FeatureCollection['features'][number]);
  } catch (e) {
    throw new NetworkError('lines-unreadable', { detail: e instanceof Error ? e.message.slice(0, 80) : 'FlatGeobuf' });
  }
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  const c = crs as { code: number; wkt: string | null } | null;
  if (c && c.code !== 4326 && c.code !== 0) {
    const def = crsByEpsg(c.code);
    if (!def && !c.wkt) throw new NetworkError('unsupported-crs', { crs: `EPSG:${c.code}` });
    reproject(fc, await toWgs84(def?.proj4 ?? c.wkt!));
    return { fc, crs: def?.id ?? `EPSG:${c.code}` };
  }
  return { fc, crs: 'EPSG:4326' };
}

/** What a roads layer holds, for choosing its fields: the lines, the fields and each field's commonest values. */
export interface LineFileFields {
  /** Lines (LineString and MultiLineString features) read. */
  lines: number;
  /** Field names, in first-seen order. */
  fields: string[];
  /** Per field: its distinct values as text (empty for none), commonest first, at most `maxValues`, with their counts. */
  values: Record<string, { value: string; n: number }[]>;
  /** Per field: whether it has more distinct values than listed. */
  more: Record<string, boolean>;
  /** The layer's coordinate system as read (its EPSG code, or WGS 84). */
  crs: string;
}

/**
 * Reads a roads layer's fields and their values (the app's dialog for the class, speed and
 * one-way fields and the class map), with the same reader as the build.
 * @throws NetworkError for an unreadable file or one without lines
 * @example (await inspectLineFile('duong.geojson', bytes)).fields // ['cap_duong', 'toc_do', 'mot_chieu']
 */
export async function inspectLineFile(name: string, bytes: Uint8Array, sqlWasmUrl?: string, maxValues = 60): Promise<LineFileFields> {
  if (bytes.length > MAX_NETWORK_INPUT_BYTES)
    throw new NetworkError('too-large', { size: Math.round(bytes.length / 1024 / 1024), limit: MAX_NETWORK_INPUT_BYTES / 1024 / 1024 });
  if (!bytes.length) throw new NetworkError('empty');
  const { fc, crs } = await readLineFile(name, bytes, sqlWasmUrl);
  const lines = linesOf(fc);
  if (!lines.length) throw new NetworkError('no-lines');
  const counts = new Map<string, Map<string, number>>();
  for (const l of lines)
    for (const [k, v] of Object.entries(l.props)) {
      let m = counts.get(k);
      if (!m) counts.set(k, (m = new Map()));
      const text = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v).slice(0, 80) : String(v).slice(0, 80);
      // Past a few thousand distinct values (names, ids) a field is no class: stop counting new ones.
      if (m.has(text) || m.size < 5000) m.set(text, (m.get(text) ?? 0) + 1);
    }
  const values: LineFileFields['values'] = {};
  const more: LineFileFields['more'] = {};
  for (const [k, m] of counts) {
    const sorted = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    values[k] = sorted.slice(0, maxValues).map(([value, n]) => ({ value, n }));
    more[k] = sorted.length > maxValues;
  }
  return { lines: lines.length, fields: [...counts.keys()], values, more, crs };
}

/** What a lines build reads: the file's bytes and name, its fields, and the builder's options. */
export interface LinesBuildInput extends BuildOptions, LineFields {
  name: string;
  bytes: Uint8Array;
  now?: string;
  /** Cancels the build (a NetworkError `cancelled`). */
  signal?: AbortSignal;
  /** Share done, 0–1, as the lines are read. */
  onProgress?: (done: number) => void;
  /** Where sql.js finds its WebAssembly file, for a GeoPackage (the app's own-origin URL). */
  sqlWasmUrl?: string;
}

/**
 * Builds a road network from a roads layer.
 * @throws NetworkError for an unreadable file, no lines, a missing field (named, with the fields there are),
 *   class values without a mapping (listed), unread one-way or speed values, coordinates that are not lon/lat
 * @example await buildFromLines({ name: 'duong.geojson', bytes, classField: 'cap_duong', classMap: { 'cao tốc': 'motorway' }, clip })
 */
export async function buildFromLines(input: LinesBuildInput): Promise<RoadNetwork> {
  if (input.bytes.length > MAX_NETWORK_INPUT_BYTES)
    throw new NetworkError('too-large', {
      size: Math.round(input.bytes.length / 1024 / 1024),
      limit: MAX_NETWORK_INPUT_BYTES / 1024 / 1024,
    });
  if (!input.bytes.length) throw new NetworkError('empty');
  const { fc } = await readLineFile(input.name, input.bytes, input.sqlWasmUrl);
  if (input.signal?.aborted) throw new NetworkError('cancelled');
  input.onProgress?.(0.3);
  const lines = linesOf(fc);
  if (!lines.length) throw new NetworkError('no-lines');
  const fields = [...new Set(lines.flatMap((l) => Object.keys(l.props)))];
  for (const f of [input.classField, input.speedField, input.onewayField])
    if (f !== undefined && !fields.includes(f)) throw new NetworkError('no-field', { field: f, fields: fields.join(', ') });
  const map = new Map(Object.entries(input.classMap ?? {}).map(([k, v]) => [k.normalize('NFC').toLowerCase(), v]));
  const classOf = (v: unknown): NetClass | 'none' | undefined => {
    const s = String(v ?? '')
      .trim()
      .normalize('NFC');
    const mapped = map.get(s.toLowerCase());
    if (mapped) return mapped;
    if ((NET_CLASSES as readonly string[]).includes(s)) return s as NetClass;
    return SPEED_CLASS_ALIASES[s];
  };
  const unmapped = [
    ...new Set(
      lines
        .map((l) => l.props[input.classField])
        .filter((v) => !classOf(v))
        .map((v) => String(v ?? '')),
    ),
  ];
  if (unmapped.length)
    throw new NetworkError('class-unmapped', { values: unmapped.slice(0, 12).join(', '), classes: NET_CLASSES.join(', ') });

  const nodeOf = new Map<string, number>();
  const lon = new Grow((n) => new Int32Array(n));
  const lat = new Grow((n) => new Int32Array(n));
  const wayStart = new Grow((n) => new Uint32Array(n));
  const wayNodes = new Grow((n) => new Uint32Array(n));
  const cls = new Grow((n) => new Uint8Array(n));
  const oneway = new Grow((n) => new Int8Array(n));
  const kmh = new Grow((n) => new Float32Array(n));
  const minutes = new Grow((n) => new Float32Array(n));
  const label = new Grow((n) => new Uint32Array(n));
  const labels: [string, string][] = [['', '']];
  const labelIndex = new Map<string, number>([['\u0000', 0]]);
  lines.forEach((l, i) => {
    if (i % 20_000 === 0) {
      if (input.signal?.aborted) throw new NetworkError('cancelled');
      input.onProgress?.(0.3 + (0.5 * i) / lines.length);
    }
    const c = classOf(l.props[input.classField])!;
    if (c === 'none') return;
    const dir = input.onewayField === undefined ? 'both' : readOneway(l.props[input.onewayField]);
    if (dir === undefined) throw new NetworkError('bad-oneway', { feature: i + 1, value: String(l.props[input.onewayField!]) });
    let speed = NaN;
    if (input.speedField !== undefined) {
      const raw = l.props[input.speedField];
      if (raw !== null && raw !== undefined && String(raw).trim() !== '') {
        speed = Number(String(raw).replace(',', '.'));
        if (!(speed >= 1 && speed <= 300)) throw new NetworkError('bad-speed', { feature: i + 1, value: String(raw) });
      }
    }
    const text = (k: string): string =>
      typeof l.props[k] === 'string' || typeof l.props[k] === 'number' ? String(l.props[k]).slice(0, 200) : '';
    const ref = text('ref') || text('so_hieu') || text('ma_duong');
    const name = text('name') || text('ten') || text('ten_duong') || text('name_vi');
    const key = `${ref}\u0000${name}`;
    let li = labelIndex.get(key);
    if (li === undefined) {
      li = labels.length;
      labels.push([ref, name]);
      labelIndex.set(key, li);
    }
    for (const part of l.parts) {
      if (part.length < 2) continue;
      wayStart.push(wayNodes.n);
      for (const p of part) {
        const x = p[0]!;
        const y = p[1]!;
        if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90)
          throw new NetworkError('bad-coordinates', { feature: i + 1 });
        const xe = Math.round(x * E7);
        const ye = Math.round(y * E7);
        const k = `${xe},${ye}`;
        let id = nodeOf.get(k);
        if (id === undefined) {
          id = lon.n;
          nodeOf.set(k, id);
          lon.push(xe);
          lat.push(ye);
        }
        wayNodes.push(id);
      }
      cls.push(netClassIndex(c));
      oneway.push(dir === 'forward' ? 1 : dir === 'backward' ? -1 : 0);
      kmh.push(speed);
      minutes.push(NaN);
      label.push(li);
    }
  });
  wayStart.push(wayNodes.n);
  if (!cls.n) throw new NetworkError('nothing-drivable');
  const table: WayTable = {
    lonE7: lon.view(),
    latE7: lat.view(),
    hasPos: new Uint8Array(lon.n).fill(1),
    wayStart: wayStart.view(),
    wayNodes: wayNodes.view(),
    cls: cls.view(),
    oneway: oneway.view(),
    kmh: kmh.view(),
    minutes: minutes.view(),
    label: label.view(),
    labels,
  };
  const net = buildRoadNetwork(
    table,
    {
      source: {
        file: input.name,
        kind: 'lines',
        layer_fields: { class: input.classField, speed: input.speedField ?? null, oneway: input.onewayField ?? null },
      },
      extract_date: null,
      extract_date_from: null,
      ...(input.now ? { now: input.now } : {}),
    },
    input,
  );
  input.onProgress?.(1);
  return net;
}
