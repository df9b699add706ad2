/**
 * `--crs` on exports (issue 27): the seaports written in VN-2000 (UTM 48N/49N, an EPSG 3° zone,
 * a 3° zone EPSG does not list) and WGS 84 / UTM, read back by GDAL (`ogr2ogr -t_srs EPSG:4326`)
 * at the same places; the definitions agree with GDAL's own (`gdaltransform`); formats that
 * cannot hold a system are refused with exit 2.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { runCli } from './helpers/run-cli.ts';
import { crsByName, VN2000_TM3_EPSG, WGS84 } from '../../src/core/crs.ts';

const dir = mkdtempSync(join(tmpdir(), 'ntcc-crs-'));
const seaports = JSON.parse(readFileSync('data/geojson/seaports.geojson', 'utf8')) as {
  features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[];
};
const where = new Map(seaports.features.map((f) => [f.properties.id, f.geometry.coordinates]));

/** The file read back by GDAL in WGS 84: id → [lon, lat]. */
function readBack(path: string): Map<string, [number, number]> {
  const src = path.endsWith('.zip') ? `/vsizip/${path}` : path;
  const json = execFileSync('ogr2ogr', ['-t_srs', 'EPSG:4326', '-f', 'GeoJSON', '/vsistdout/', src], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const fc = JSON.parse(json) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] };
  return new Map(fc.features.map((f) => [f.properties.id, f.geometry.coordinates]));
}

const CASES: [string, string][] = [
  ['gpkg', 'EPSG:3405'],
  ['shp', 'EPSG:3405'],
  ['geojson', 'EPSG:3405'],
  ['fgb', 'EPSG:3406'],
  ['gpkg', 'EPSG:9217'],
  ['shp', 'VN2000-TM3:105'],
  ['gpkg', 'VN2000-TM3:107.75'],
  ['shp', 'EPSG:32648'],
];

describe('exports in VN-2000 and UTM', () => {
  for (const [format, crs] of CASES)
    it(`${format} in ${crs}: GDAL reads it back at the same places (≤ 1 cm)`, async () => {
      const out = join(dir, `ports-${format}-${crs.replace(/[:.]/g, '_')}.${format === 'shp' ? 'shp.zip' : format}`);
      const r = await runCli(['export', '--layers', 'seaports', '--format', format, '--out', out, '--crs', crs]);
      expect(r.code, r.err).toBe(0);
      const back = readBack(out);
      expect(back.size).toBe(where.size);
      for (const [id, [lon, lat]] of where) {
        const got = back.get(id)!;
        // 1e-7° is about a centimetre.
        expect(Math.abs(got[0] - lon), id).toBeLessThan(1e-7);
        expect(Math.abs(got[1] - lat), id).toBeLessThan(1e-7);
      }
    });

  it("each system's definition gives GDAL's coordinates (gdaltransform)", () => {
    for (const id of ['EPSG:3405', 'EPSG:3406', ...Object.values(VN2000_TM3_EPSG).map((c) => `EPSG:${c}`)]) {
      const crs = crsByName(id)!;
      const [x, y] = proj4(WGS84.proj4, crs.proj4, [107.59, 16.46]) as [number, number];
      const gdal = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4326', '-t_srs', id, '-output_xy'], {
        input: '107.59 16.46\n',
        encoding: 'utf8',
      })
        .trim()
        .split(/\s+/)
        .map(Number);
      expect(Math.abs(x - gdal[0]!), id).toBeLessThan(0.01);
      expect(Math.abs(y - gdal[1]!), id).toBeLessThan(0.01);
    }
  });

  it('a zone by its central meridian matches GDAL on the same parameters, and an EPSG zone by meridian is that code', () => {
    expect(crsByName('VN2000-TM3:108.25')!.id).toBe('EPSG:9217');
    expect(crsByName('TM3:105-45')!.id).toBe('EPSG:9210');
    const c = crsByName('VN2000-TM3:105')!;
    expect(c.epsg).toBeNull();
    const [x, y] = proj4(WGS84.proj4, c.proj4, [105.78, 19.81]) as [number, number];
    const gdal = execFileSync('gdaltransform', ['-s_srs', 'EPSG:4326', '-t_srs', c.proj4, '-output_xy'], {
      input: '105.78 19.81\n',
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/)
      .map(Number);
    expect(Math.abs(x - gdal[0]!)).toBeLessThan(0.01);
    expect(Math.abs(y - gdal[1]!)).toBeLessThan(0.01);
  });

  it('refuses a system a format cannot hold, and an unknown one, writing nothing (exit 2)', async () => {
    const kml = join(dir, 'x.kml');
    const r = await runCli(['export', '--layers', 'seaports', '--format', 'kml', '--out', kml, '--crs', 'EPSG:3405', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('WGS 84 (EPSG:4326) only');
    const gj = join(dir, 'x.geojson');
    const n = await runCli([
      'export',
      '--layers',
      'seaports',
      '--format',
      'geojson',
      '--out',
      gj,
      '--crs',
      'VN2000-TM3:105',
      '--lang',
      'en',
    ]);
    expect(n.code).toBe(2);
    expect(n.err).toContain('has none');
    const u = await runCli([
      'export',
      '--layers',
      'seaports',
      '--format',
      'gpkg',
      '--out',
      join(dir, 'x.gpkg'),
      '--crs',
      'EPSG:3857',
      '--lang',
      'en',
    ]);
    expect(u.code).toBe(2);
    expect(existsSync(kml) || existsSync(gj)).toBe(false);
  });

  it('analyze and bundle take --crs too', async () => {
    const out = join(dir, 'access.gpkg');
    expect((await runCli(['analyze', 'access', '--cell-km', '20', '--format', 'gpkg', '--out', out, '--crs', 'EPSG:3405'])).code).toBe(0);
    expect(execFileSync('ogrinfo', ['-so', '-al', out], { encoding: 'utf8' })).toContain('VN-2000 / UTM zone 48N');
    const zip = join(dir, 'b.zip');
    expect(
      (await runCli(['bundle', '--out', zip, '--layers', 'seaports', '--analyses', 'none', '--formats', 'gpkg,shp', '--crs', 'EPSG:9214']))
        .code,
    ).toBe(0);
  });
});
