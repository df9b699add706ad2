/**
 * The file formats, one definition each (in the manner of Placemark's format list): the file
 * endings it goes by, its MIME type, and its reader and writer side by side. The import
 * (app and `ntcc validate`), the export dialog, the command line's choices and help, the
 * bundle and the tests all read this list: a new format is its reader or writer and one line
 * here.
 */
import type { FeatureCollection } from 'geojson';
import { WGS84, type CrsDef } from '../core/crs.ts';
import { readCsv, readFile, readGeoJSON, readKml, readShapefileZip, type ImportResult, type Reader } from '../data/import.ts';
import { toCsv, toFlatGeobuf, toGeoJSON, toGeoPackage, toGeoParquet, toKml, toShapefileZip, type WriteOptions } from './writers.ts';

export interface FileFormat {
  id: string;
  /** File name endings of this format, lower case, without the dot (the first is the one written). */
  extensions: readonly string[];
  mime: string;
  /** Reads a user's file, checked (absent: not imported). */
  read?: Reader;
  /** Writes one collection; `name` names the layer inside the file where the format has names. */
  write?: (fc: FeatureCollection, name: string, options?: WriteOptions) => Promise<Uint8Array>;
  /** Writes several collections into one file (a GeoPackage holds many tables). */
  writeMany?: (
    layers: readonly { name: string; fc: FeatureCollection; types?: WriteOptions['types'] }[],
    options?: WriteOptions,
  ) => Promise<Uint8Array>;
  /** Which coordinate systems it can hold: any (with its definition), those with an EPSG code, or WGS 84 alone. */
  crs: 'any' | 'epsg' | 'wgs84';
}

/** Every format, in the order the export dialog and the help list them. */
export const FORMATS = [
  {
    id: 'geojson',
    extensions: ['geojson', 'json'],
    mime: 'application/geo+json',
    read: readGeoJSON,
    write: async (fc, _name, o) => toGeoJSON(fc, o?.crs),
    crs: 'epsg',
  },
  { id: 'csv', extensions: ['csv'], mime: 'text/csv', read: readCsv, write: (fc, name, o) => toCsv(fc, name, o?.crs), crs: 'any' },
  { id: 'kml', extensions: ['kml'], mime: 'application/vnd.google-earth.kml+xml', read: readKml, write: toKml, crs: 'wgs84' },
  {
    id: 'shp',
    extensions: ['shp.zip', 'zip'],
    mime: 'application/zip',
    read: readShapefileZip,
    write: (fc, name, o) => toShapefileZip(fc, name, o?.crs),
    crs: 'any',
  },
  {
    id: 'gpkg',
    extensions: ['gpkg'],
    mime: 'application/geopackage+sqlite3',
    write: (fc, name, options) => toGeoPackage([{ name, fc }], options),
    writeMany: toGeoPackage,
    crs: 'any',
  },
  { id: 'fgb', extensions: ['fgb'], mime: 'application/octet-stream', write: (fc, name, o) => toFlatGeobuf(fc, name, o?.crs), crs: 'epsg' },
  { id: 'parquet', extensions: ['parquet'], mime: 'application/vnd.apache.parquet', write: toGeoParquet, crs: 'wgs84' },
] as const satisfies readonly FileFormat[];

export type FormatId = (typeof FORMATS)[number]['id'];

/** The formats the app and the command line can write. */
export const EXPORT_FORMATS = FORMATS.filter((f) => 'write' in f).map((f) => f.id) as FormatId[];
export type ExportFormat = FormatId;

/** A format by id. */
export function formatById(id: FormatId): FileFormat {
  return FORMATS.find((f) => f.id === id)!;
}

/** The format a file name says it is (the longest matching ending wins: `x.shp.zip` is a Shapefile). */
export function formatOfName(name: string): FileFormat | undefined {
  const lower = name.toLowerCase();
  let best: { f: FileFormat; n: number } | undefined;
  for (const f of FORMATS as readonly FileFormat[])
    for (const ext of f.extensions) if (lower.endsWith(`.${ext}`) && (!best || ext.length > best.n)) best = { f, n: ext.length };
  return best?.f;
}

/** The endings the import accepts (for the file picker). */
export const IMPORT_EXTENSIONS = (FORMATS as readonly FileFormat[]).filter((f) => f.read).flatMap((f) => f.extensions.map((e) => `.${e}`));

/**
 * Reads a user's file with its format's reader, with the import's checks.
 * @example await importFile('ports.csv', bytes) // { ok: true, fc, warnings: [] }
 */
export function importFile(name: string, bytes: Uint8Array): Promise<ImportResult> {
  return readFile(name, bytes, formatOfName(name)?.read);
}

/**
 * Why a format cannot hold a coordinate system: it holds WGS 84 only (KML, GeoParquet here), or
 * names systems by EPSG code and this one has none (a VN-2000 3° zone EPSG does not list); null when it can.
 * @example crsProblem('kml', crsByName('EPSG:3405')!) // 'wgs84-only'
 */
export function crsProblem(id: ExportFormat, crs: CrsDef): 'wgs84-only' | 'needs-epsg' | null {
  if (crs.epsg === 4326) return null;
  const f = formatById(id);
  if (f.crs === 'wgs84') return 'wgs84-only';
  if (f.crs === 'epsg' && crs.epsg === null) return 'needs-epsg';
  return null;
}

/** A collection's coordinates brought from WGS 84 lon/lat into another system (proj4). */
export async function reprojectCollection(fc: FeatureCollection, crs: CrsDef): Promise<FeatureCollection> {
  if (crs.epsg === 4326) return fc;
  const { default: proj4 } = await import('proj4');
  const p = proj4(WGS84.proj4, crs.proj4);
  const walk = (c: unknown): unknown =>
    typeof (c as number[])[0] === 'number' ? p.forward([(c as number[])[0]!, (c as number[])[1]!]) : (c as unknown[]).map(walk);
  const geom = (g: FeatureCollection['features'][number]['geometry']): typeof g =>
    !g
      ? g
      : g.type === 'GeometryCollection'
        ? { ...g, geometries: g.geometries.map((x) => geom(x) as typeof x) }
        : ({ ...g, coordinates: walk(g.coordinates) } as typeof g);
  return { ...fc, features: fc.features.map((f) => ({ ...f, geometry: geom(f.geometry) })) };
}

/**
 * Writes one layer in a format.
 * @param name - the layer's name: the file's name and, where the format names layers, the layer's
 * @returns the file's bytes and its file name
 * @example await writeLayer(fc, 'seaports', 'gpkg') // { bytes, filename: 'seaports.gpkg' }
 */
export async function writeLayer(
  fc: FeatureCollection,
  name: string,
  id: ExportFormat,
  options: WriteOptions = {},
): Promise<{ bytes: Uint8Array; filename: string }> {
  const f = formatById(id);
  if (!f.write) throw new Error(`no writer for ${id}`);
  const crs = options.crs;
  const other = crs && crs.epsg !== 4326 ? crs : undefined;
  if (other && crsProblem(id, other)) throw new Error(`${id} cannot hold ${other.id}`);
  const data = other ? await reprojectCollection(fc, other) : fc;
  const { crs: _given, ...rest } = options;
  return { bytes: await f.write(data, name, other ? { ...rest, crs: other } : rest), filename: `${name}.${f.extensions[0]}` };
}
