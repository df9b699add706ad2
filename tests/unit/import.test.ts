/**
 * The bad-input corpus (tests/fixtures/bad-inputs, made by scripts/make-bad-inputs.ts):
 * each file gets its expected error from the importer and from `ntcc validate` (the same
 * message, exit code 1), or is accepted with the expected warning. Plus the two huge cases,
 * made in memory, and files that must import cleanly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_FEATURES, MAX_IMPORT_BYTES } from '../../src/data/import.ts';
import { importFile } from '../../src/export/formats.ts';
import { t, type MessageKey } from '../../src/i18n/index.ts';
import { runCli } from './helpers/run-cli.ts';
import { writeLayer } from '../../src/export/formats.ts';
import { loadLayer } from '../../cli/load.ts';

const DIR = 'tests/fixtures/bad-inputs';
const expected = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as Record<string, { code?: string; ok?: true; warning?: string }>;
const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(`${DIR}/${name}`));

const validate = (path: string) => runCli(['validate', path, '--lang', 'en']);

describe('the bad-input corpus', () => {
  it('has at least 50 cases', () => {
    expect(Object.keys(expected).length + 2).toBeGreaterThanOrEqual(50);
    expect(
      readdirSync(DIR)
        .filter((f) => f !== 'expected.json')
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  for (const [file, exp] of Object.entries(expected)) {
    it(`${file} → ${exp.code ?? `ok${exp.warning ? ` (${exp.warning})` : ''}`}`, async () => {
      const r = await importFile(file, bytes(file));
      if (exp.code) {
        expect(r.ok ? 'ok' : r.error.code).toBe(exp.code);
        if (r.ok) return;
        const message = t('en', `Import.${r.error.code}` as MessageKey, r.error.vars);
        expect(message).not.toMatch(/\{\w+\}/); // every placeholder filled
        const v = await validate(`${DIR}/${file}`);
        expect(v.code).toBe(1);
        expect(v.err.trim()).toBe(`ntcc: ${message}`);
      } else {
        expect(r.ok ? 'ok' : r.error.code).toBe('ok');
        if (!r.ok) return;
        if (exp.warning) expect(r.warnings.map((w) => w.code)).toContain(exp.warning);
        for (const f of r.fc.features)
          for (const v of Object.values(f.properties ?? {}))
            expect(['string', 'number', 'boolean']).toContain(v === null ? 'string' : typeof v);
        expect(Object.prototype.hasOwnProperty.call({}, 'polluted')).toBe(false);
        expect((await validate(`${DIR}/${file}`)).code).toBe(0);
      }
    });
  }

  it('a file over the size limit is refused before it is read', async () => {
    const r = await importFile('huge.geojson', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(r.ok ? 'ok' : r.error.code).toBe('too-large');
  });

  it('a file with more features than the limit is refused', async () => {
    const f = '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[108,16]}}';
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: MAX_FEATURES + 1 }, () => f).join(',')}]}`;
    const r = await importFile('many.geojson', new TextEncoder().encode(text));
    expect(r.ok ? 'ok' : r.error.code).toBe('too-many-features');
  });
});

describe('files that import cleanly', () => {
  for (const format of ['geojson', 'csv', 'kml', 'shp'] as const) {
    it(`our own ${format} export of the seaports comes back with 25 features and its names`, async () => {
      const fc = loadLayer('seaports');
      const { bytes: b, filename } = await writeLayer(fc, 'seaports', format);
      const r = await importFile(filename, b);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.fc.features).toHaveLength(25);
      expect(r.fc.features.map((f) => f.properties?.['name_vi'])).toContain('Vũng Áng');
    });
  }

  it('a Shapefile with a UTM .prj is reprojected to lon/lat', async () => {
    const { zipSync, unzipSync, strToU8 } = await import('fflate');
    const { toShapefileZip } = await import('../../src/export/writers.ts');
    const files = unzipSync(
      await toShapefileZip(
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { name: 'Đà Nẵng' }, geometry: { type: 'Point', coordinates: [833000, 1777000] } }],
        },
        'utm',
      ),
    );
    files['utm.prj'] = strToU8(
      'PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    );
    const r = await importFile('utm.zip', zipSync(files));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [lon, lat] = (r.fc.features[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(108.13, 1);
    expect(lat).toBeCloseTo(16.06, 1);
    expect(r.warnings.map((w) => w.code)).toContain('reprojected');
    expect(r.fc.features[0]!.properties?.['name']).toBe('Đà Nẵng');
  });
});
