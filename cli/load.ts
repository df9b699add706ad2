/**
 * Reads the bundled data files from disk for the command line, checked by the same
 * schemas the app uses.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkProvinceCollection } from '../src/data/province-check.ts';
import { parseLayer } from '../src/data/schemas.ts';
import type { AnalysisInputs } from '../src/analysis/inputs.ts';

/** The repository's data/geojson folder. */
export const DATA_DIR = fileURLToPath(new URL('../data/geojson/', import.meta.url));

const read = (file: string): unknown => JSON.parse(readFileSync(DATA_DIR + file, 'utf8'));

/** Loads every file the analyses read. */
export function loadInputs(): AnalysisInputs {
  return {
    provinces2022: checkProvinceCollection(read('provinces-2022.geojson'), '2022', 'provinces-2022.geojson'),
    provinces2025: checkProvinceCollection(read('provinces-2025.geojson'), '2025', 'provinces-2025.geojson'),
    corridors: parseLayer('corridors', read('corridors.geojson'), 'corridors.geojson'),
    seaports: parseLayer('seaports', read('seaports.geojson'), 'seaports.geojson'),
    airports: parseLayer('airports', read('airports.geojson'), 'airports.geojson'),
    gates: parseLayer('border-gates', read('border-gates.geojson'), 'border-gates.geojson'),
    stations: parseLayer('stations', read('stations.geojson'), 'stations.geojson'),
    interchanges: parseLayer('interchanges', read('interchanges.geojson'), 'interchanges.geojson'),
    zones: parseLayer('economic-zones', read('economic-zones.geojson'), 'economic-zones.geojson'),
  };
}

/** Reads one bundled layer file (boundary editions or thematic layers), checked. */
export function loadLayer(id: string): import('geojson').FeatureCollection {
  const file = `${id}.geojson`;
  if (id === 'provinces-2022' || id === 'provinces-2025')
    return checkProvinceCollection(read(file), id.slice(-4) as '2022' | '2025', file) as unknown as import('geojson').FeatureCollection;
  return parseLayer(id as Parameters<typeof parseLayer>[0], read(file), file) as unknown as import('geojson').FeatureCollection;
}
