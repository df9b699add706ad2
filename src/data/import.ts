/**
 * Reads a user's file (GeoJSON, CSV with coordinates, KML, zipped Shapefile) into a checked
 * FeatureCollection in WGS 84 lon/lat, or explains why it cannot: the same checks in the app
 * (drag-and-drop, file picker) and in `ntcc validate`. Files are untrusted: every failure
 * is a coded error with the line, row or feature it concerns, never an exception, and
 * property values are kept as plain text or numbers (never markup).
 *
 * Libraries: papaparse (CSV), @tmcw/togeojson (KML), shpjs + proj4 (Shapefile and its .prj),
 * fflate (ZIP), @turf/kinks (self-intersections).
 */
import { kinks } from '@turf/kinks';
import type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon } from 'geojson';

/** Largest file accepted, bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most features and coordinate pairs accepted in one file. */
export const MAX_FEATURES = 50_000;
export const MAX_POSITIONS = 2_000_000;

export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'unknown-type'
  | 'json-syntax'
  | 'not-geojson'
  | 'bad-feature'
  | 'bad-geometry'
  | 'unclosed-ring'
  | 'self-intersection'
  | 'out-of-range'
  | 'swapped-coordinates'
  | 'projected-coordinates'
  | 'unsupported-crs'
  | 'too-many-features'
  | 'csv-syntax'
  | 'csv-no-coordinates'
  | 'csv-bad-row'
  | 'kml-syntax'
  | 'kml-empty'
  | 'zip-bad'
  | 'shp-missing'
  | 'prj-unknown'
  | 'shp-bad'
  | 'unreadable';

/** A failure: its code and the values its message needs (line, feature, …). */
export interface ImportError {
  code: ImportErrorCode;
  vars: Record<string, string | number>;
}

export type ImportWarningCode = 'no-prj-assumed-wgs84' | 'reprojected' | 'markup-kept-as-text' | 'properties-flattened';
export interface ImportWarning {
  code: ImportWarningCode;
  vars: Record<string, string | number>;
}

export type ImportResult = { ok: true; name: string; fc: FeatureCollection; warnings: ImportWarning[] } | { ok: false; error: ImportError };

const fail = (code: ImportErrorCode, vars: Record<string, string | number> = {}): ImportResult => ({ ok: false, error: { code, vars } });

class Stop extends Error {
  constructor(readonly error: ImportError) {
    super(error.code);
  }
}
const stop = (code: ImportErrorCode, vars: Record<string, string | number> = {}): never => {
  throw new Stop({ code, vars });
};

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>/i;

/** Property values as plain text or numbers; nested values become JSON text. */
function cleanProperties(p: unknown, warnings: Set<ImportWarningCode>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  if (!p || typeof p !== 'object' || Array.isArray(p)) return out;
  for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    if (v === null || typeof v === 'number' || typeof v === 'boolean') out[k] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
    else if (typeof v === 'string') {
      if (MARKUP.test(v)) warnings.add('markup-kept-as-text');
      out[k] = v;
    } else if (v === undefined) out[k] = null;
    else {
      warnings.add('properties-flattened');
      out[k] = JSON.stringify(v);
    }
  }
  return out;
}

const GEOMETRY_DEPTH: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/**
 * Checks one geometry: structure, numbers, lon/lat ranges, closed rings, no self-intersection.
 * @param n - the feature's number (1-based) for messages
 */
function checkGeometry(g: unknown, n: number, counter: { positions: number }): Geometry {
  if (!g || typeof g !== 'object') return stop('bad-geometry', { feature: n, detail: 'missing' });
  const type = (g as { type?: unknown }).type;
  if (type === 'GeometryCollection') {
    const geoms = (g as { geometries?: unknown }).geometries;
    if (!Array.isArray(geoms)) return stop('bad-geometry', { feature: n, detail: 'GeometryCollection without geometries' });
    return { type: 'GeometryCollection', geometries: geoms.map((x) => checkGeometry(x, n, counter)) };
  }
  if (typeof type !== 'string' || !(type in GEOMETRY_DEPTH)) return stop('bad-geometry', { feature: n, detail: `type ${String(type)}` });
  const coords = (g as { coordinates?: unknown }).coordinates;
  const depth = GEOMETRY_DEPTH[type]!;
  const walk = (c: unknown, d: number): void => {
    if (!Array.isArray(c)) return stop('bad-geometry', { feature: n, detail: 'coordinates are not arrays' });
    if (d === 0) {
      if (c.length < 2 || c.length > 3 || !c.every((x) => typeof x === 'number' && Number.isFinite(x)))
        return stop('bad-geometry', { feature: n, detail: 'a position is not 2 or 3 numbers' });
      counter.positions++;
      if (counter.positions > MAX_POSITIONS) return stop('too-many-features', { limit: MAX_POSITIONS });
      const [x, y] = c as number[];
      if (Math.abs(x!) > 180 || Math.abs(y!) > 90) {
        if (Math.abs(x!) <= 90 && Math.abs(y!) <= 180) return stop('swapped-coordinates', { feature: n });
        return stop(Math.abs(x!) > 1000 || Math.abs(y!) > 1000 ? 'projected-coordinates' : 'out-of-range', { feature: n });
      }
      return;
    }
    for (const x of c) walk(x, d - 1);
  };
  walk(coords, depth);
  const cs = coords as number[][] | number[][][] | number[][][][];
  if (type === 'LineString' && (cs as number[][]).length < 2) stop('bad-geometry', { feature: n, detail: 'a line needs 2 positions' });
  if (type === 'Polygon' || type === 'MultiPolygon') {
    const polys = (type === 'Polygon' ? [cs] : cs) as number[][][][];
    for (const rings of polys) {
      if (!rings.length) stop('bad-geometry', { feature: n, detail: 'a polygon without rings' });
      for (const r of rings) {
        if (r.length < 4) stop('bad-geometry', { feature: n, detail: 'a ring needs 4 positions' });
        const a = r[0]!;
        const b = r[r.length - 1]!;
        if (a[0] !== b[0] || a[1] !== b[1]) stop('unclosed-ring', { feature: n });
      }
    }
    const k = kinks({ type: 'Feature', properties: {}, geometry: g as Polygon | MultiPolygon });
    if (k.features.length) {
      const [x, y] = k.features[0]!.geometry.coordinates;
      stop('self-intersection', { feature: n, lon: Number(x!.toFixed(5)), lat: Number(y!.toFixed(5)) });
    }
  }
  return g as Geometry;
}

/** Checks parsed GeoJSON of any kind (FeatureCollection, Feature, bare geometry). */
export function checkGeoJSON(json: unknown, warnings: Set<ImportWarningCode>): FeatureCollection {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return stop('not-geojson', { detail: 'not an object' });
  const o = json as { type?: unknown; features?: unknown; crs?: unknown };
  const crs = (o.crs as { properties?: { name?: unknown } } | undefined)?.properties?.name;
  if (crs !== undefined && !/(4326|CRS84)$/i.test(String(crs))) return stop('unsupported-crs', { crs: String(crs) });
  let raw: unknown[];
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features)) return stop('not-geojson', { detail: 'features is not a list' });
    raw = o.features;
  } else if (o.type === 'Feature') raw = [json];
  else if (typeof o.type === 'string' && (o.type in GEOMETRY_DEPTH || o.type === 'GeometryCollection'))
    raw = [{ type: 'Feature', properties: {}, geometry: json }];
  else return stop('not-geojson', { detail: `type ${String(o.type)}` });
  if (!raw.length) return stop('empty');
  if (raw.length > MAX_FEATURES) return stop('too-many-features', { limit: MAX_FEATURES });
  const counter = { positions: 0 };
  const features = raw.map((f, i): Feature => {
    const n = i + 1;
    if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') return stop('bad-feature', { feature: n });
    const ff = f as { geometry?: unknown; properties?: unknown; id?: unknown };
    const geometry = checkGeometry(ff.geometry, n, counter);
    const feature: Feature = { type: 'Feature', properties: cleanProperties(ff.properties, warnings), geometry };
    if (typeof ff.id === 'string' || typeof ff.id === 'number') feature.id = ff.id;
    return feature;
  });
  return { type: 'FeatureCollection', features };
}

/** Line and column of a character offset in a text, 1-based. */
function lineCol(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /line (\d+) column (\d+)/.exec(msg);
    const p = /position (\d+)/.exec(msg);
    const at = m ? { line: Number(m[1]), column: Number(m[2]) } : p ? lineCol(text, Number(p[1])) : lineCol(text, text.length);
    return stop('json-syntax', at);
  }
}

const LON = /^(lon|lng|long|longitude|x|kinh_?do|kinh độ)$/i;
const LAT = /^(lat|latitude|y|vi_?do|vĩ độ)$/i;
const WKT = /^(wkt|geometry|geom|the_geom)$/i;

async function fromCsv(text: string, warnings: Set<ImportWarningCode>): Promise<FeatureCollection> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const bad = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (bad) return stop('csv-syntax', { row: (bad.row ?? 0) + 2, detail: bad.message });
  const fields = parsed.meta.fields ?? [];
  const lon = fields.find((f) => LON.test(f.trim()));
  const lat = fields.find((f) => LAT.test(f.trim()));
  const wkt = fields.find((f) => WKT.test(f.trim()));
  if (!(lon && lat) && !wkt) return stop('csv-no-coordinates', { columns: fields.join(', ') });
  if (!parsed.data.length) return stop('empty');
  let toGeo: ((s: string) => Geometry | null) | null = null;
  if (!(lon && lat)) {
    const { wktToGeoJSON } = await import('betterknown');
    toGeo = (s) => wktToGeoJSON(s) as Geometry | null;
  }
  const features = parsed.data.map((row, i): Feature => {
    const n = i + 2; // the header is row 1
    let geometry: Geometry | null;
    if (lon && lat) {
      const x = Number(String(row[lon]).trim().replace(',', '.'));
      const y = Number(String(row[lat]).trim().replace(',', '.'));
      if (!String(row[lon] ?? '').trim() || !String(row[lat] ?? '').trim() || !Number.isFinite(x) || !Number.isFinite(y))
        return stop('csv-bad-row', { row: n, detail: `${lon}=${row[lon] ?? ''}, ${lat}=${row[lat] ?? ''}` });
      geometry = { type: 'Point', coordinates: [x, y] };
    } else {
      try {
        geometry = toGeo!(String(row[wkt!] ?? ''));
      } catch {
        geometry = null;
      }
      if (!geometry) return stop('csv-bad-row', { row: n, detail: `${wkt}` });
    }
    const props: Record<string, unknown> = {};
    for (const f of fields) if (f !== lon && f !== lat && f !== wkt) props[f] = row[f] ?? null;
    return { type: 'Feature', properties: props, geometry };
  });
  // The rows become features: check them like GeoJSON (rows are numbered as features + 1).
  try {
    return checkGeoJSON({ type: 'FeatureCollection', features }, warnings);
  } catch (e) {
    if (e instanceof Stop && typeof e.error.vars['feature'] === 'number') {
      const row = (e.error.vars['feature'] as number) + 1;
      const { feature: _f, ...rest } = e.error.vars;
      throw new Stop({ code: e.error.code, vars: { ...rest, feature: row, row } });
    }
    throw e;
  }
}

/** The line an XML parser's error names (browsers and xmldom word it differently), or 1. */
function xmlErrorLine(text: string): number {
  const m = /line[^0-9]{0,3}(\d+)/i.exec(text);
  return m ? Number(m[1]) : 1;
}

/**
 * KML placemarks, parsed by @xmldom/xmldom in the browser and in Node alike: the same checks
 * everywhere, and no parser-error element with an inline style (which the browser's own
 * DOMParser adds, and the page's Content-Security-Policy refuses).
 */
async function fromKml(text: string, warnings: Set<ImportWarningCode>): Promise<FeatureCollection> {
  const { DOMParser } = await import('@xmldom/xmldom');
  let doc: Document;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    return stop('kml-syntax', { line: xmlErrorLine(e instanceof Error ? e.message : String(e)) });
  }
  const perr = doc.getElementsByTagName('parsererror')[0];
  if (perr) return stop('kml-syntax', { line: xmlErrorLine(perr.textContent ?? '') });
  if (!doc.getElementsByTagName('kml').length && !doc.getElementsByTagName('Placemark').length) return stop('kml-syntax', { line: 1 });
  const { kml } = await import('@tmcw/togeojson');
  const fc = kml(doc) as FeatureCollection;
  const features = fc.features.filter((f) => f.geometry);
  if (!features.length) return stop('kml-empty');
  return checkGeoJSON({ type: 'FeatureCollection', features }, warnings);
}

async function fromShapefileZip(bytes: Uint8Array, warnings: Set<ImportWarningCode>): Promise<FeatureCollection> {
  const { unzipSync } = await import('fflate');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    return stop('zip-bad', { detail: e instanceof Error ? e.message : String(e) });
  }
  const names = Object.keys(entries).filter((k) => !k.includes('__MACOSX'));
  const shp = names.filter((k) => k.toLowerCase().endsWith('.shp'));
  if (!shp.length) return stop('shp-missing', { part: '.shp' });
  const stem = shp[0]!.slice(0, -4);
  const part = (ext: string): Uint8Array | undefined => entries[names.find((k) => k.toLowerCase() === `${stem.toLowerCase()}${ext}`) ?? ''];
  if (!part('.dbf')) return stop('shp-missing', { part: '.dbf' });
  if (!part('.shx')) return stop('shp-missing', { part: '.shx' });
  const prj = part('.prj');
  const [{ default: proj4 }, shpjs] = await Promise.all([import('proj4'), import('shpjs')]);
  let prjText: string | null = null;
  if (prj) {
    prjText = new TextDecoder().decode(prj).trim();
    try {
      const p = proj4(prjText);
      void p.forward([0, 0]);
    } catch {
      return stop('prj-unknown', { detail: prjText.slice(0, 80) });
    }
    if (!/^GEOGCS\["(GCS_)?WGS[ _]?(19)?84"/i.test(prjText)) warnings.add('reprojected');
  } else warnings.add('no-prj-assumed-wgs84');
  let out: FeatureCollection | FeatureCollection[];
  try {
    // Only the first shapefile of the archive (with its own .prj, .cpg) is read.
    const single: Record<string, Uint8Array> = {};
    for (const ext of ['.shp', '.shx', '.dbf', '.prj', '.cpg']) {
      const b = part(ext);
      if (b) single[`layer${ext}`] = b;
    }
    const { zipSync } = await import('fflate');
    out = (await shpjs.parseZip(zipSync(single))) as FeatureCollection | FeatureCollection[];
  } catch (e) {
    return stop('shp-bad', { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) });
  }
  const fc = Array.isArray(out) ? out[0]! : out;
  try {
    return checkGeoJSON({ type: 'FeatureCollection', features: fc.features }, warnings);
  } catch (e) {
    // Coordinates that are not lon/lat and no .prj to say what they are: refuse.
    if (e instanceof Stop && !prj && (e.error.code === 'projected-coordinates' || e.error.code === 'out-of-range'))
      throw new Stop({ code: 'unsupported-crs', vars: { crs: '(no .prj)' } });
    throw e;
  }
}

/** A reader of one format: the file's bytes to a checked collection (or a coded error thrown as Stop). */
export type Reader = (bytes: Uint8Array, warnings: Set<ImportWarningCode>) => Promise<FeatureCollection>;

/** The file's text (UTF-8); an empty or blank file is refused. */
function textOf(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!text.trim()) stop('empty');
  return text;
}

/** GeoJSON (a FeatureCollection, a Feature or a geometry). */
export const readGeoJSON: Reader = async (bytes, warnings) => checkGeoJSON(parseJson(textOf(bytes)), warnings);
/** CSV with lon/lat, x/y or WKT columns. */
export const readCsv: Reader = (bytes, warnings) => fromCsv(textOf(bytes), warnings);
/** KML placemarks. */
export const readKml: Reader = (bytes, warnings) => fromKml(textOf(bytes), warnings);
/** A zipped Shapefile (its .prj is used to reproject). */
export const readShapefileZip: Reader = fromShapefileZip;

/**
 * Reads a user's file with the reader of its format (the format registry picks it by the
 * file's name); the size, emptiness and every failure are checked here, the same for all.
 * @param name - the file name (the layer is named after it)
 * @param bytes - the file's content
 * @param reader - the format's reader, or undefined when no format reads files of this name
 * @returns the features and any warnings, or a coded error
 * @example await readFile('ports.csv', bytes, readCsv) // { ok: true, fc, warnings: [] }
 */
export async function readFile(name: string, bytes: Uint8Array, reader: Reader | undefined): Promise<ImportResult> {
  if (bytes.length > MAX_IMPORT_BYTES)
    return fail('too-large', { size: Math.round(bytes.length / 1024 / 1024), limit: MAX_IMPORT_BYTES / 1024 / 1024 });
  if (!bytes.length) return fail('empty');
  const file = name.replace(/^.*[\\/]/, '');
  if (!reader) return fail('unknown-type', { name: file });
  const warnings = new Set<ImportWarningCode>();
  const base = file.replace(/(\.shp)?\.[^.]+$/i, '') || 'import';
  try {
    const fc = await reader(bytes, warnings);
    return { ok: true, name: base, fc, warnings: [...warnings].map((code) => ({ code, vars: {} })) };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, error: e.error };
    return fail('unreadable', { detail: e instanceof Error ? e.message.slice(0, 120) : String(e) });
  }
}
