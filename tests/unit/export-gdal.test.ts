/**
 * Every layer in every format, read back with GDAL (Debian's gdal-bin, installed by CI):
 * same feature count, same geometry type, EPSG:4326, Vietnamese names intact.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { loadLayer } from '../../cli/load.ts';
import { EXPORT_LAYERS } from '../../src/export/catalogue.ts';
import { toGeoPackage } from '../../src/export/writers.ts';
import { EXPORT_FORMATS, writeLayer } from '../../src/export/formats.ts';

const dir = mkdtempSync(join(tmpdir(), 'ntcc-export-'));
const names = (x: FeatureCollection) => x.features.map((f) => f.properties?.['name_vi']).sort();
const base = (t: string | undefined): string => (t ?? 'None').replace(/^Multi/, '');

function readBack(path: string, format: string, isPoint: boolean): { fc: FeatureCollection; info: string } {
  const src = format === 'shp' ? `/vsizip/${path}` : path;
  const oo =
    format === 'csv' ? (isPoint ? ['-oo', 'X_POSSIBLE_NAMES=lon', '-oo', 'Y_POSSIBLE_NAMES=lat'] : ['-oo', 'GEOM_POSSIBLE_NAMES=wkt']) : [];
  const json = execFileSync(
    'ogr2ogr',
    ['-f', 'GeoJSON', '/vsistdout/', ...oo, '-oo', ...(format === 'csv' ? ['KEEP_GEOM_COLUMNS=NO'] : ['X=1']), src],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const info = execFileSync('ogrinfo', ['-so', '-al', ...oo, src], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return { fc: JSON.parse(json) as FeatureCollection, info };
}

// GDAL reads GeoParquet only when built with Arrow (Debian 12's 3.6 is not); geoparquet.test.ts
// reads it with another implementation instead.
const GDAL_HAS_PARQUET = /Parquet/.test(execFileSync('ogrinfo', ['--formats'], { encoding: 'utf8' }));
const READ_BY_GDAL = EXPORT_FORMATS.filter((f) => f !== 'parquet' || GDAL_HAS_PARQUET);

describe('exports read back by GDAL (ogr2ogr / ogrinfo)', () => {
  for (const layer of EXPORT_LAYERS) {
    const fc = loadLayer(layer);
    const isPoint = fc.features.every((f) => f.geometry.type === 'Point');
    for (const format of READ_BY_GDAL) {
      it(`${layer} as ${format}`, async () => {
        const { bytes, filename } = await writeLayer(fc, layer, format);
        const path = join(dir, filename);
        writeFileSync(path, bytes);
        const { fc: back, info } = readBack(path, format, isPoint);
        expect(back.features).toHaveLength(fc.features.length);
        expect(new Set(back.features.map((f) => base(f.geometry?.type)))).toEqual(new Set(fc.features.map((f) => base(f.geometry.type))));
        // CSV has no place for a CRS: its columns say lon/lat (or WKT in lon/lat).
        if (format !== 'csv') expect(info).toMatch(/ID\["EPSG",4326\]|AUTHORITY\["EPSG","4326"\]/);
        expect(names(back)).toEqual(names(fc));
        expect(names(back).some((n) => typeof n === 'string' && /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(n))).toBe(
          true,
        );
      });
    }
  }

  it('several layers go into one GeoPackage, one table each', async () => {
    const path = join(dir, 'several.gpkg');
    writeFileSync(path, await toGeoPackage(['seaports', 'corridors', 'provinces-2025'].map((id) => ({ name: id, fc: loadLayer(id) }))));
    const info = execFileSync('ogrinfo', ['-so', path], { encoding: 'utf8' });
    expect(info).toContain('1: seaports (Point)');
    expect(info).toContain('2: corridors (Line String)');
    expect(info).toMatch(/3: provinces-2025 \((Multi )?Polygon\)/);
  });
});
