/**
 * The research bundle: one ZIP with the chosen layers and analysis results in the chosen
 * formats, the map image when there is one, and metadata.json (boundary edition, analysis
 * parameters, sources and licences of every layer, accuracy notes, date, app version).
 * Long work reports progress and stops when its AbortSignal fires.
 */
import type { FeatureCollection } from 'geojson';
import type { AnalysisResult } from '../core/analysis.ts';
import { RESTRICTED_NOTE, SOVEREIGNTY_NOTE, layerMetadata, sensitivityOf, type BundleMetadata } from './catalogue.ts';
import { resultTables, tableToGeoJSON } from './results.ts';
import { writeLayer, type ExportFormat } from './writers.ts';

export interface BundleInput {
  layers: { id: string; fc: FeatureCollection }[];
  results: AnalysisResult[];
  formats: ExportFormat[];
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
}

/** Thrown when a layer is restricted and `includeRestricted` is false. */
export class RestrictedLayerError extends Error {
  constructor(readonly layer: string) {
    super(`restricted layer: ${layer}`);
    this.name = 'RestrictedLayerError';
  }
}

/**
 * Builds the bundle.
 * @returns the ZIP's bytes and its metadata
 * @example await buildBundle({ layers, results: [], formats: ['geojson', 'gpkg'], edition: '2022', horizon: 'today', includeRestricted: false, version: '0.1.0' })
 */
export async function buildBundle(input: BundleInput): Promise<{ zip: Uint8Array; metadata: BundleMetadata }> {
  const { zipSync, strToU8 } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  const restricted = input.layers.filter((l) => sensitivityOf(l.id) === 'restricted');
  if (restricted.length && !input.includeRestricted) throw new RestrictedLayerError(restricted[0]!.id);
  const total = input.layers.length * input.formats.length + input.results.length * input.formats.length + 1;
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
  };
  for (const { id, fc } of input.layers) {
    const names: string[] = [];
    for (const format of input.formats) {
      const { bytes, filename } = await writeLayer(fc, id, format);
      files[`layers/${filename}`] = bytes;
      names.push(`layers/${filename}`);
      step();
    }
    metadata.layers.push(layerMetadata(id, fc, names));
  }
  for (const r of input.results) {
    const tables = resultTables(r);
    const names: string[] = [];
    for (const format of input.formats) {
      for (const t of tables) {
        const { bytes, filename } = await writeLayer(tableToGeoJSON(t), `${r.kind}-${t.name}`, format);
        files[`analysis/${filename}`] = bytes;
        names.push(`analysis/${filename}`);
      }
      step();
    }
    metadata.analyses.push({
      kind: r.kind,
      params: { ...r.params },
      tables: tables.map((t) => t.name),
      files: names,
      model: r.model.en,
      notes: r.notes.map((n) => n.en),
    });
  }
  if (input.image) {
    files['map.png'] = input.image;
    metadata.image = 'map.png';
  }
  files['metadata.json'] = strToU8(JSON.stringify(metadata, null, 2) + '\n');
  step();
  return { zip: zipSync(files, { level: 6 }), metadata };
}
