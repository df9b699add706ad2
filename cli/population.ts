/**
 * `--population FILE.tif` on the analyses: the GeoTIFF read through the app's reader
 * (`data/population-grid.ts`), over the region and its neighbouring provinces; a bad grid
 * exits with code 2 and a message naming the problem.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { PopulationOverride } from '../src/core/analysis.ts';
import { t, type Lang } from '../src/i18n/index.ts';
import { MAX_POPULATION_BYTES, PopulationError, readPopulationGrid } from '../src/data/population-grid.ts';
import { CliExit } from './network-build.ts';
import { boxOfProvinces } from '../src/data/road-network.ts';
import { loadInputs } from './load.ts';

/** The box of the region and its neighbouring provinces, lon/lat. */
const regionBox = (): [number, number, number, number] => boxOfProvinces(loadInputs().provinces2022);

/**
 * Reads a population grid named on the command line.
 * @throws CliExit (exit 2) for a file that is not a GeoTIFF, in another CRS, wholly outside the region, or too large
 */
export async function populationArg(lang: Lang, file: string): Promise<PopulationOverride> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new CliExit(t(lang, 'Cli.ReadError', { file, message: e instanceof Error ? e.message : String(e) }), 2);
  }
  try {
    if (size > MAX_POPULATION_BYTES)
      throw new PopulationError('too-large', { size: Math.round(size / 1024 / 1024), limit: MAX_POPULATION_BYTES / 1024 / 1024 });
    const b = readFileSync(file);
    return await readPopulationGrid(basename(file), new Uint8Array(b.buffer, b.byteOffset, b.byteLength), { box: regionBox() });
  } catch (e) {
    if (e instanceof PopulationError) throw new CliExit(t(lang, 'Cli.BadFile', { file, message: t(lang, `Pop.err.${e.code}`, e.vars) }), 2);
    throw e;
  }
}
