/**
 * What an export request becomes, by one rule wherever it is made (the app's export dialog,
 * `ntcc export`, `ntcc analyze --format …`, `ntcc bundle`):
 * - one collection (a layer, or one table of a result) in one format, without an image: that file;
 * - several collections in a format that holds several (GeoPackage) alone, without an image: one
 *   file, a table each;
 * - anything else: the research bundle, one ZIP with a file per collection and format, the map
 *   image when there is one, and metadata.json (boundary edition, analysis parameters and
 *   model, sources and licences of every layer, accuracy notes, date, app version).
 * Analysis rows about units carry the units' polygons (see `unitGeometry`). Long work reports
 * progress and stops when its AbortSignal fires.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { AnalysisResult } from '../core/analysis.ts';
import { render } from '../i18n/index.ts';
import { RESTRICTED_NOTE, SOVEREIGNTY_NOTE, layerMetadata, sensitivityOf, type BundleMetadata } from './catalogue.ts';
import { deltaTable, resultTables, tableToGeoJSON, tableTypes } from './results.ts';
import { writeScenario } from '../data/scenario.ts';
import { isEmptyScenario, type Scenario } from '../core/scenario.ts';
import { formatById, reprojectCollection, writeLayer, type ExportFormat } from './formats.ts';
import type { WriteOptions } from './writers.ts';
import type { TableLayerInfo } from './table-layer.ts';
import type { CrsDef } from '../core/crs.ts';

export interface BundleInput {
  /** Layers; a user's table joined to the units says what it is in `table`. */
  layers: { id: string; fc: FeatureCollection; table?: TableLayerInfo }[];
  /** Analysis results; `tables` picks some of a result's tables by name (all of them without it). */
  results: {
    result: AnalysisResult;
    tables?: readonly string[];
    /** A run to compare with: each table gains `delta_<field>` = this run − the baseline. */
    baseline?: AnalysisResult | null;
  }[];
  /** The planning scenario the results were run on: written as scenario.geojson beside the metadata. */
  scenario?: Scenario | null;
  formats: ExportFormat[];
  /** The coordinate system of the files written (WGS 84 without it). */
  crs?: CrsDef;
  /** The polygons of a result's units, by id (rows about one unit get its polygon). */
  unitGeometry?: (r: AnalysisResult) => ReadonlyMap<string, Geometry>;
  /** The map image (PNG), if the bundle is made in the app. */
  image?: Uint8Array | null;
  edition: string;
  horizon: string;
  includeRestricted: boolean;
  version: string;
  /** ISO date-time written to the metadata (fixed in tests). */
  now?: string;
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
  /** What the writers need from where they run (the app's own-origin sql.js WebAssembly). */
  writeOptions?: WriteOptions;
}

/** What every file of an export is written with: the caller's options and the coordinate system asked for. */
function writeOptionsOf(input: Pick<BundleInput, 'writeOptions' | 'crs'>): WriteOptions {
  return { ...input.writeOptions, ...(input.crs ? { crs: input.crs } : {}) };
}

/** Thrown when a layer is restricted and `includeRestricted` is false. */
export class RestrictedLayerError extends Error {
  constructor(readonly layer: string) {
    super(`restricted layer: ${layer}`);
    this.name = 'RestrictedLayerError';
  }
}

/** One named collection of an export: a layer, or a table of a result (`<kind>-<table>`). */
interface Collection {
  name: string;
  fc: FeatureCollection;
  /** Column types from the result's column definitions (analysis tables only). */
  types?: Record<string, 'number' | 'boolean' | 'text'>;
}

function refuseRestricted(input: Pick<BundleInput, 'layers' | 'includeRestricted'>): { id: string }[] {
  const restricted = input.layers.filter((l) => sensitivityOf(l.id) === 'restricted');
  if (restricted.length && !input.includeRestricted) throw new RestrictedLayerError(restricted[0]!.id);
  return restricted;
}

/** The tables of a result an export holds, as collections. */
function resultCollections(input: Pick<BundleInput, 'unitGeometry'>, r: BundleInput['results'][number]): Collection[] {
  const geometry = input.unitGeometry?.(r.result);
  const before = r.baseline ? resultTables(r.baseline, geometry) : [];
  return resultTables(r.result, geometry)
    .filter((t) => !r.tables || r.tables.includes(t.name))
    .map((t) => {
      const base = before.find((b) => b.name === t.name);
      const table = base ? deltaTable(t, base) : t;
      return { name: `${r.result.kind}-${t.name}`, fc: tableToGeoJSON(table), types: tableTypes(table) };
    });
}

/**
 * Builds the research bundle (always a ZIP with metadata.json).
 * @returns the ZIP's bytes and its metadata
 * @example await buildBundle({ layers, results: [], formats: ['geojson', 'gpkg'], edition: '2022', horizon: 'today', includeRestricted: false, version: '0.1.0' })
 */
export async function buildBundle(input: BundleInput): Promise<{ zip: Uint8Array; metadata: BundleMetadata }> {
  const writeOptions = writeOptionsOf(input);
  const { zipSync, strToU8 } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  const restricted = refuseRestricted(input);
  const results = input.results.map((r) => ({ r, collections: resultCollections(input, r) }));
  const total = (input.layers.length + results.reduce((s, x) => s + x.collections.length, 0)) * input.formats.length + 1;
  let done = 0;
  const step = (): void => {
    done++;
    input.onProgress?.(done / total);
    if (input.signal?.aborted) throw input.signal.reason instanceof Error ? input.signal.reason : new DOMException('Aborted', 'AbortError');
  };
  const metadata: BundleMetadata = {
    app: { name: 'ntcc-atlas', version: input.version },
    created: input.now ?? new Date().toISOString(),
    boundary_edition: input.edition,
    horizon: input.horizon,
    layers: [],
    analyses: [],
    restricted_included: restricted.length > 0,
    restricted_note: restricted.length > 0 ? RESTRICTED_NOTE : null,
    image: null,
    sovereignty: SOVEREIGNTY_NOTE,
    crs: input.crs?.id ?? 'EPSG:4326',
  };
  for (const { id, fc, table } of input.layers) {
    const names: string[] = [];
    for (const format of input.formats) {
      const { bytes, filename } = await writeLayer(fc, id, format, writeOptions);
      files[`layers/${filename}`] = bytes;
      names.push(`layers/${filename}`);
      step();
    }
    metadata.layers.push(table ? { ...layerMetadata(id, fc, names), table } : layerMetadata(id, fc, names));
  }
  for (const { r, collections } of results) {
    const names: string[] = [];
    for (const format of input.formats) {
      for (const c of collections) {
        const { bytes, filename } = await writeLayer(c.fc, c.name, format, { ...writeOptions, ...(c.types ? { types: c.types } : {}) });
        files[`analysis/${filename}`] = bytes;
        names.push(`analysis/${filename}`);
        step();
      }
    }
    metadata.analyses.push({
      kind: r.result.kind,
      params: { ...r.result.params },
      tables: collections.map((c) => c.name.slice(r.result.kind.length + 1)),
      files: names,
      model: render('en', r.result.model),
      notes: r.result.notes.map((n) => render('en', n)),
      scenario: r.result.scenario ?? null,
      compared_with: r.baseline ? { params: { ...r.baseline.params }, scenario: r.baseline.scenario ?? null } : null,
      network: r.result.network ?? null,
      population_grid: r.result.population_grid ?? null,
    });
  }
  if (input.image) {
    files['map.png'] = input.image;
    metadata.image = 'map.png';
  }
  if (input.scenario && !isEmptyScenario(input.scenario)) {
    files['scenario.geojson'] = strToU8(writeScenario(input.scenario));
    metadata.scenario = { file: 'scenario.geojson', name: input.scenario.name };
  }
  files['metadata.json'] = strToU8(JSON.stringify(metadata, null, 2) + '\n');
  step();
  return { zip: zipSync(files, { level: 6 }), metadata };
}

/** An export as one file to save: its bytes, a file name and its MIME type. */
export interface ExportFile {
  bytes: Uint8Array;
  filename: string;
  mime: string;
  /** What the rule made: one layer file, one file of several tables (GeoPackage), or the research bundle. */
  kind: 'file' | 'gpkg' | 'bundle';
}

/**
 * Applies the one rule (see the top of this file) to an export request.
 * @param bundleName - the file name of a bundle (without `.zip`)
 * @example (await exportFiles({ layers: [seaports], results: [], formats: ['gpkg'], ... })).filename // 'seaports.gpkg'
 */
export async function exportFiles(input: BundleInput, bundleName = 'ntcc-bundle'): Promise<ExportFile> {
  refuseRestricted(input);
  if (!input.image && input.formats.length === 1) {
    const format = input.formats[0]!;
    const collections: Collection[] = [
      ...input.layers.map((l) => ({ name: l.id, fc: l.fc })),
      ...input.results.flatMap((r) => resultCollections(input, r)),
    ];
    if (collections.length === 1) {
      const { bytes, filename } = await writeLayer(collections[0]!.fc, collections[0]!.name, format, {
        ...writeOptionsOf(input),
        ...(collections[0]!.types ? { types: collections[0]!.types } : {}),
      });
      input.onProgress?.(1);
      return { bytes, filename, mime: formatById(format).mime, kind: 'file' };
    }
    const f = formatById(format);
    if (f.writeMany && collections.length > 1) {
      const options = writeOptionsOf(input);
      const crs = options.crs && options.crs.epsg !== 4326 ? options.crs : undefined;
      const bytes = await f.writeMany(
        crs ? await Promise.all(collections.map(async (c) => ({ ...c, fc: await reprojectCollection(c.fc, crs) }))) : collections,
        options,
      );
      input.onProgress?.(1);
      return { bytes, filename: `${bundleName}.${f.extensions[0]}`, mime: f.mime, kind: 'gpkg' };
    }
  }
  const { zip } = await buildBundle(input);
  return { bytes: zip, filename: `${bundleName}.zip`, mime: 'application/zip', kind: 'bundle' };
}
