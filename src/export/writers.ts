/**
 * Writers for the formats researchers' tools open: GeoJSON (RFC 7946), CSV (attributes with
 * lon/lat for points, WKT otherwise), KML, zipped Shapefile (with .prj and a UTF-8 .cpg so
 * Vietnamese names survive), GeoPackage, FlatGeobuf and GeoParquet. Each takes a
 * FeatureCollection in WGS 84 lon/lat and returns the file's bytes. The same code runs in the
 * browser and in the command line; `formats.ts` lists them with their readers.
 *
 * Libraries: papaparse (CSV), betterknown (WKT), @placemarkio/tokml (KML), @mapbox/shp-write
 * (Shapefile geometry and DBF), fflate (ZIP), flatgeobuf, sql.js (SQLite for GeoPackage),
 * hyparquet-writer (Parquet).
 */
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import type { CrsDef } from '../core/crs.ts';
import { sqlJsOptions } from '../data/sql-wasm.ts';

/** The WGS 84 definition written as the Shapefile's .prj. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const encoder = new TextEncoder();

/** A property value as a flat cell: arrays and objects become JSON text. */
function flat(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** The attribute columns of a collection, in first-seen order. */
export function columnsOf(fc: FeatureCollection): string[] {
  const seen = new Set<string>();
  for (const f of fc.features) for (const k of Object.keys(f.properties ?? {})) seen.add(k);
  return [...seen];
}

/** What kind of values a column holds: numbers only, booleans only, or text. */
function kindOf(fc: FeatureCollection, col: string, types?: WriteOptions['types']): 'number' | 'boolean' | 'text' {
  const known = types?.[col];
  if (known) return known;
  let kind: 'number' | 'boolean' | 'text' | null = null;
  for (const f of fc.features) {
    const v = flat(f.properties?.[col]);
    if (v === null) continue;
    const k = typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'text';
    if (kind && kind !== k) return 'text';
    kind = k;
  }
  return kind ?? 'text';
}

// ── GeoJSON ──────────────────────────────────────────────────────────────────────────────

/**
 * RFC 7946 GeoJSON: lon/lat, no `crs` member, outer rings counter-clockwise. In another system
 * (`crs`, coordinates already projected), the 2008 form: a `crs` member naming its EPSG code.
 */
export function toGeoJSON(fc: FeatureCollection, crs?: CrsDef): Uint8Array {
  const out: FeatureCollection & { crs?: unknown } = {
    type: 'FeatureCollection',
    ...(crs && crs.epsg !== 4326 ? { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crs.epsg}` } } } : {}),
    features: fc.features.map(
      (f) => ({ type: 'Feature', properties: f.properties ?? {}, geometry: f.geometry && rfc7946(f.geometry) }) as Feature,
    ),
  };
  return encoder.encode(JSON.stringify(out));
}

const signedArea = (r: number[][]): number => {
  let s = 0;
  for (let i = 0; i + 1 < r.length; i++) s += (r[i + 1]![0]! - r[i]![0]!) * (r[i + 1]![1]! + r[i]![1]!);
  return s; // > 0: clockwise
};
const orient = (r: number[][], clockwise: boolean): number[][] => (signedArea(r) > 0 === clockwise ? r : [...r].reverse());

function rfc7946(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r, i) => orient(r, i > 0)) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r, i) => orient(r, i > 0))) };
  return g;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────

/** CSV: every attribute, then `lon`, `lat` for points or `wkt` for other geometries. UTF-8 with a BOM (Excel). */
export async function toCsv(fc: FeatureCollection, _name?: string, crs?: CrsDef): Promise<Uint8Array> {
  const [{ default: Papa }, { geoJSONToWkt }] = await Promise.all([import('papaparse'), import('betterknown')]);
  const cols = columnsOf(fc);
  const points = fc.features.every((f) => f.geometry?.type === 'Point');
  // Projected coordinates are x (easting) and y (northing), in metres.
  const projected = crs !== undefined && !crs.geographic;
  const fields = points ? [...cols, projected ? 'x' : 'lon', projected ? 'y' : 'lat'] : [...cols, 'wkt'];
  const data = fc.features.map((f) => {
    const row = cols.map((c) => flat(f.properties?.[c]) ?? '');
    if (points) {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      return [...row, lon ?? '', lat ?? ''];
    }
    return [...row, f.geometry ? geoJSONToWkt(f.geometry) : ''];
  });
  return encoder.encode('\uFEFF' + Papa.unparse({ fields, data }, { newline: '\n' }) + '\n');
}

// ── KML ──────────────────────────────────────────────────────────────────────────────────

/** KML 2.2: one Placemark per feature, `name` from name_vi (or id), every attribute as ExtendedData. */
export async function toKml(fc: FeatureCollection, name: string): Promise<Uint8Array> {
  const { toKML } = await import('@placemarkio/tokml');
  const features = fc.features.map((f) => {
    const p: GeoJsonProperties = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) p[k] = flat(v);
    if (p['name'] === undefined) p['name'] = (p['name_vi'] as string | null) ?? (p['id'] as string | null) ?? null;
    return { ...f, properties: p };
  });
  const kml = toKML({ type: 'FeatureCollection', features } as FeatureCollection);
  // Name the document so a GIS shows the layer's name rather than "Untitled".
  return encoder.encode(kml.replace('<Document>', `<Document><name>${escapeXml(name)}</name>`));
}

const escapeXml = (s: string): string => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

// ── Shapefile ────────────────────────────────────────────────────────────────────────────

/** dBASE field names: at most 10 ASCII characters, unique. */
export function dbfFieldNames(cols: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const c of cols) {
    const base = c.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 10) || 'field';
    let name = base;
    for (let i = 1; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 10 - String(i).length - 1)}_${i}`;
    used.add(name.toLowerCase());
    out.set(c, name);
  }
  return out;
}

/** UTF-8 bytes as a "binary string" (one char per byte), which is what the DBF writer stores. */
const utf8Bytes = (s: string): string => String.fromCharCode(...encoder.encode(s));

type ShpKind = 'POINT' | 'POLYLINE' | 'POLYGON';
const shpKind = (g: Geometry | null): ShpKind | null =>
  !g
    ? null
    : g.type === 'Point'
      ? 'POINT'
      : g.type === 'LineString' || g.type === 'MultiLineString'
        ? 'POLYLINE'
        : g.type === 'Polygon' || g.type === 'MultiPolygon'
          ? 'POLYGON'
          : null;

/**
 * A zipped Shapefile: .shp, .shx, .dbf (UTF-8 text), .prj (WGS 84) and .cpg (UTF-8). One
 * shapefile per geometry kind present (points, lines, polygons), named `NAME_points` etc.
 * when there is more than one. Field names are cut to 10 characters (dBASE), kept unique,
 * and the full names are listed in NAME_fields.csv.
 */
export async function toShapefileZip(fc: FeatureCollection, name: string, crs?: CrsDef): Promise<Uint8Array> {
  const [shp, { zipSync }] = await Promise.all([import('@mapbox/shp-write'), import('fflate')]);
  const write = (shp as unknown as { default?: typeof shp }).default?.write ?? shp.write;
  const cols = columnsOf(fc);
  const names = dbfFieldNames(cols);
  const kinds = [...new Set(fc.features.map((f) => shpKind(f.geometry)).filter((k): k is ShpKind => k !== null))];
  const files: Record<string, Uint8Array> = {};
  for (const kind of kinds) {
    const feats = fc.features.filter((f) => shpKind(f.geometry) === kind);
    const rows = feats.map((f) => {
      const row: Record<string, string | number | boolean | null> = {};
      for (const c of cols) {
        const v = flat(f.properties?.[c]);
        row[names.get(c)!] = typeof v === 'string' ? utf8Bytes(v.slice(0, 200)) : v;
      }
      return row;
    });
    const geoms = feats.map((f) => {
      const g = f.geometry;
      if (g.type === 'Point') return g.coordinates;
      if (g.type === 'LineString') return [g.coordinates];
      if (g.type === 'MultiLineString') return g.coordinates;
      // Shapefile polygons: one list of rings, outer rings clockwise, holes counter-clockwise.
      const polys = g.type === 'Polygon' ? [g.coordinates] : (g as { coordinates: number[][][][] }).coordinates;
      return polys.flatMap((p) => p.map((r, i) => orient(r, i === 0)));
    });
    const base = kinds.length > 1 ? `${name}_${kind === 'POINT' ? 'points' : kind === 'POLYLINE' ? 'lines' : 'polygons'}` : name;
    write(rows, kind, geoms as never, (_err: unknown, out: { shp: DataView; shx: DataView; dbf: DataView }) => {
      files[`${base}.shp`] = new Uint8Array(out.shp.buffer);
      files[`${base}.shx`] = new Uint8Array(out.shx.buffer);
      files[`${base}.dbf`] = new Uint8Array(out.dbf.buffer);
      files[`${base}.prj`] = encoder.encode(crs && crs.epsg !== 4326 ? crs.wkt : WGS84_PRJ);
      files[`${base}.cpg`] = encoder.encode('UTF-8');
    });
  }
  files[`${name}_fields.csv`] = encoder.encode('field,column\n' + cols.map((c) => `${names.get(c)},${c}`).join('\n') + '\n');
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}

// ── FlatGeobuf ───────────────────────────────────────────────────────────────────────────

/** FlatGeobuf with the EPSG:4326 CRS and a spatial index. */
export async function toFlatGeobuf(fc: FeatureCollection, _name?: string, crs?: CrsDef): Promise<Uint8Array> {
  const { geojson } = await import('flatgeobuf');
  const features = fc.features.map((f) => {
    const p: Record<string, string | number | boolean | null> = {};
    for (const [k, v] of Object.entries(f.properties ?? {})) p[k] = flat(v);
    // A one-part MultiLineString is written without `ends`, which the spec allows but GDAL
    // 3.6 (Debian 12) cannot read: write it as the LineString it is.
    const g = f.geometry;
    const geometry =
      g?.type === 'MultiLineString' && g.coordinates.length === 1 ? { type: 'LineString' as const, coordinates: g.coordinates[0]! } : g;
    return { ...f, geometry, properties: p };
  });
  return geojson.serialize({ type: 'FeatureCollection', features } as never, crs?.epsg ?? 4326);
}

// ── GeoPackage ───────────────────────────────────────────────────────────────────────────

/** Well-Known Binary (little-endian, 2D) of a GeoJSON geometry. */
export function toWkb(g: Geometry): Uint8Array {
  const bytes: Uint8Array[] = [];
  const u32 = (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    bytes.push(b);
  };
  const f64s = (vs: number[]) => {
    const b = new Uint8Array(8 * vs.length);
    const dv = new DataView(b.buffer);
    vs.forEach((v, i) => dv.setFloat64(8 * i, v, true));
    bytes.push(b);
  };
  const head = (type: number) => {
    bytes.push(Uint8Array.of(1));
    u32(type);
  };
  const ring = (r: number[][]) => {
    u32(r.length);
    f64s(r.flatMap((c) => [c[0]!, c[1]!]));
  };
  const geom = (x: Geometry): void => {
    switch (x.type) {
      case 'Point':
        head(1);
        f64s([x.coordinates[0]!, x.coordinates[1]!]);
        break;
      case 'LineString':
        head(2);
        ring(x.coordinates);
        break;
      case 'Polygon':
        head(3);
        u32(x.coordinates.length);
        x.coordinates.forEach(ring);
        break;
      case 'MultiPoint':
        head(4);
        u32(x.coordinates.length);
        x.coordinates.forEach((c) => geom({ type: 'Point', coordinates: c }));
        break;
      case 'MultiLineString':
        head(5);
        u32(x.coordinates.length);
        x.coordinates.forEach((c) => geom({ type: 'LineString', coordinates: c }));
        break;
      case 'MultiPolygon':
        head(6);
        u32(x.coordinates.length);
        x.coordinates.forEach((c) => geom({ type: 'Polygon', coordinates: c }));
        break;
      case 'GeometryCollection':
        head(7);
        u32(x.geometries.length);
        x.geometries.forEach(geom);
        break;
    }
  };
  geom(g);
  const n = bytes.reduce((s, b) => s + b.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const b of bytes) {
    out.set(b, o);
    o += b.length;
  }
  return out;
}

function envelope(g: Geometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      minX = Math.min(minX, x!);
      maxX = Math.max(maxX, x!);
      minY = Math.min(minY, y!);
      maxY = Math.max(maxY, y!);
    } else (c as unknown[]).forEach(walk);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => walk((x as { coordinates: unknown }).coordinates));
  else walk(g.coordinates);
  return [minX, maxX, minY, maxY];
}

/** GeoPackage binary geometry: the `GP` header (version 0, little-endian, envelope), SRS 4326, then WKB. */
function gpkgGeometry(g: Geometry, srs = 4326): Uint8Array {
  const wkb = toWkb(g);
  const out = new Uint8Array(8 + 32 + wkb.length);
  const dv = new DataView(out.buffer);
  out[0] = 0x47; // G
  out[1] = 0x50; // P
  out[2] = 0; // version
  out[3] = 0b0000_0011; // little-endian, envelope [minx, maxx, miny, maxy]
  dv.setInt32(4, srs, true);
  envelope(g).forEach((v, i) => dv.setFloat64(8 + 8 * i, v, true));
  out.set(wkb, 40);
  return out;
}

const GPKG_GEOMETRY_NAMES: Record<string, string> = {
  Point: 'POINT',
  LineString: 'LINESTRING',
  Polygon: 'POLYGON',
  MultiPoint: 'MULTIPOINT',
  MultiLineString: 'MULTILINESTRING',
  MultiPolygon: 'MULTIPOLYGON',
};

/** A quoted SQL identifier. */
const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** What a writer may need from where it runs and from what it writes. */
export interface WriteOptions {
  /** Where sql.js finds its WebAssembly file (the app passes its own-origin URL; Node finds it in node_modules). */
  sqlWasmUrl?: string;
  /** Each column's type where the caller knows it (an analysis table's column definitions), else read from the values. */
  types?: Readonly<Record<string, 'number' | 'boolean' | 'text'>>;
  /** The coordinate system the coordinates are already in (WGS 84 when absent). */
  crs?: CrsDef;
}

/**
 * A GeoPackage 1.3 file with one feature table per layer (EPSG:4326), written with SQLite
 * compiled to WebAssembly (sql.js). Table and column names are kept as they are.
 */
export async function toGeoPackage(
  layers: readonly { name: string; fc: FeatureCollection; types?: WriteOptions['types'] }[],
  options: WriteOptions = {},
): Promise<Uint8Array> {
  // Another system: its own row in the SRS table (its EPSG code, or a number of our own for a zone EPSG does not list).
  const crs = options.crs;
  const other = crs && crs.epsg !== 4326 ? crs : null;
  const srs = other ? (other.epsg ?? 990000 + Math.round(Number(other.id.split(':')[1]) * 100)) : 4326;
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs(sqlJsOptions(options.sqlWasmUrl));
  const db = new SQL.Database();
  try {
    db.run('PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;');
    db.run(`CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
      organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
      last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
      srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
      srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));`);
    db.run(
      `INSERT INTO gpkg_spatial_ref_sys VALUES
      ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
      ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
      ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')`,
      [
        'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
      ],
    );
    if (other)
      db.run('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)', [
        other.name,
        srs,
        other.epsg ? 'EPSG' : 'NONE',
        other.epsg ?? srs,
        other.wkt,
        other.name,
      ]);
    for (const layer of layers) {
      const { name, fc } = layer;
      const cols = columnsOf(fc).filter((c) => c.toLowerCase() !== 'fid' && c.toLowerCase() !== 'geom');
      const types = cols.map((c) => ({ number: 'REAL', boolean: 'BOOLEAN', text: 'TEXT' })[kindOf(fc, c, layer.types ?? options.types)]);
      const gtypes = new Set(fc.features.map((f) => f.geometry?.type).filter(Boolean));
      const gname = gtypes.size === 1 ? (GPKG_GEOMETRY_NAMES[[...gtypes][0]!] ?? 'GEOMETRY') : 'GEOMETRY';
      db.run(
        `CREATE TABLE ${q(name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${gname}${cols.map((c, i) => `, ${q(c)} ${types[i]}`).join('')})`,
      );
      const stmt = db.prepare(
        `INSERT INTO ${q(name)} (geom${cols.map((c) => `, ${q(c)}`).join('')}) VALUES (?${cols.map(() => ', ?').join('')})`,
      );
      let env: [number, number, number, number] = [Infinity, -Infinity, Infinity, -Infinity];
      for (const f of fc.features) {
        const geom = f.geometry ? gpkgGeometry(f.geometry, srs) : null;
        if (f.geometry) {
          const e = envelope(f.geometry);
          env = [Math.min(env[0], e[0]), Math.max(env[1], e[1]), Math.min(env[2], e[2]), Math.max(env[3], e[3])];
        }
        stmt.run([
          geom,
          ...cols.map((c) => {
            const v = flat(f.properties?.[c]);
            return typeof v === 'boolean' ? (v ? 1 : 0) : v;
          }),
        ]);
      }
      stmt.free();
      db.run(
        'INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [name, 'features', name, env[0], env[2], env[1], env[3], srs],
      );
      db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [name, 'geom', gname, srs]);
    }
    return db.export();
  } finally {
    db.close();
  }
}

/** OGC:CRS84 (WGS 84, longitude before latitude) as PROJJSON, the CRS GeoParquet records. */
const CRS84_PROJJSON = {
  type: 'GeographicCRS',
  name: 'WGS 84 (CRS84)',
  datum: {
    type: 'GeodeticReferenceFrame',
    name: 'World Geodetic System 1984',
    ellipsoid: { name: 'WGS 84', semi_major_axis: 6378137, inverse_flattening: 298.257223563 },
  },
  coordinate_system: {
    subtype: 'ellipsoidal',
    axis: [
      { name: 'Geodetic longitude', abbreviation: 'Lon', direction: 'east', unit: 'degree' },
      { name: 'Geodetic latitude', abbreviation: 'Lat', direction: 'north', unit: 'degree' },
    ],
  },
  id: { authority: 'OGC', code: 'CRS84' },
};

/**
 * GeoParquet 1.1: one row per feature, each attribute a column (numbers as DOUBLE, yes/no as
 * BOOLEAN, the rest as text), the geometry as ISO WKB in the column `geometry`, and the `geo`
 * metadata (version, primary column, encoding, geometry types, bounding box and the CRS as
 * PROJJSON).
 */
export async function toGeoParquet(fc: FeatureCollection, _name = '', options: WriteOptions = {}): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const cols = columnsOf(fc).filter((c) => c !== 'geometry');
  const columnData = cols.map((c) => {
    const kind = kindOf(fc, c, options.types);
    const data = fc.features.map((f) => {
      const v = flat(f.properties?.[c]);
      return v === null ? null : kind === 'text' ? String(v) : v;
    });
    return {
      name: c,
      data,
      type: kind === 'number' ? ('DOUBLE' as const) : kind === 'boolean' ? ('BOOLEAN' as const) : ('STRING' as const),
    };
  });
  const types = new Set<string>();
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const wkb = fc.features.map((f) => {
    if (!f.geometry) return null;
    types.add(f.geometry.type);
    const [minX, maxX, minY, maxY] = envelope(f.geometry);
    box[0] = Math.min(box[0]!, minX);
    box[1] = Math.min(box[1]!, minY);
    box[2] = Math.max(box[2]!, maxX);
    box[3] = Math.max(box[3]!, maxY);
    return toWkb(f.geometry);
  });
  const geo = {
    version: '1.1.0',
    primary_column: 'geometry',
    columns: {
      geometry: {
        encoding: 'WKB',
        geometry_types: [...types].sort(),
        crs: CRS84_PROJJSON,
        ...(Number.isFinite(box[0]) ? { bbox: box } : {}),
      },
    },
  };
  const buffer = parquetWriteBuffer({
    columnData: [...columnData, { name: 'geometry', data: wkb, type: 'BYTE_ARRAY' }],
    kvMetadata: [{ key: 'geo', value: JSON.stringify(geo) }],
    createdBy: 'ntcc-atlas',
  });
  return new Uint8Array(buffer);
}
