/** The command line: same analyses as the app, checked arguments, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';

const run = runCli;

describe('ntcc analyze', () => {
  it('adjacency rows are {a, b, shared_km} named by ISO code', async () => {
    const { code, out } = await run(['analyze', 'adjacency', '--edition', '2022']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows).toHaveLength(14);
    expect(Object.keys(rows[0]!)).toEqual(['a', 'b', 'shared_km']);
    expect(rows[0]!.a).toMatch(/^VN-/);
  });

  it('gravity rows are {a, b, distance_km, intensity, share} and β changes them', async () => {
    const two = JSON.parse((await run(['analyze', 'gravity'])).out) as { a: string; b: string; intensity: number }[];
    const one = JSON.parse((await run(['analyze', 'gravity', '--beta', '1'])).out) as typeof two;
    expect(Object.keys(two[0]!)).toEqual(['a', 'b', 'distance_km', 'intensity', 'share']);
    expect(two).toHaveLength(91);
    expect(one.find((r) => r.a === two[0]!.a && r.b === two[0]!.b)!.intensity).toBeGreaterThan(two[0]!.intensity);
  });

  it('writes CSV and GeoJSON to a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-'));
    const csv = join(dir, 'g.csv');
    // By area every one of the 11 units of 2025 has a mass: 55 pairs.
    expect((await run(['analyze', 'gravity', '--edition', '2025', '--mass', 'area', '--format', 'csv', '--out', csv])).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('a,b,distance_km,intensity,share');
    expect(lines).toHaveLength(1 + 55);
    const gj = join(dir, 'i.geojson');
    expect((await run(['analyze', 'index', '--format', 'geojson', '--out', gj])).code).toBe(0);
    const fc = JSON.parse(readFileSync(gj, 'utf8')) as { features: { geometry: { type: string } }[] };
    expect(fc.features).toHaveLength(14);
    expect(['Polygon', 'MultiPolygon']).toContain(fc.features[0]!.geometry.type);
  });

  it('a bad argument exits 2 with a message in the chosen language, and writes nothing', async () => {
    const bad = await run(['analyze', 'gravity', '--beta', 'abc', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('Invalid value for --beta: “abc”');
    const inVi = await run(['analyze', 'gravity', '--edition', '2019']);
    expect(inVi.code).toBe(2);
    expect(inVi.err).toContain('Giá trị không hợp lệ cho --edition');
    expect((await run(['analyze', 'nope'])).code).toBe(2);
    expect((await run(['analyze', 'gravity', '--table', 'cells'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['analyze', 'access', '--cell-km', '0.1'])).code).toBe(2);
  });

  it('runs as a program through the package bin', () => {
    const ok = spawnSync(process.execPath, ['bin/ntcc.js', 'analyze', 'distance', '--edition', '2025', '--format', 'csv'], {
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')[0]).toBe('a,b,great_circle_km,network_km,access_km');
    const bad = spawnSync(process.execPath, ['bin/ntcc.js', 'analyze', 'gravity', '--mass', 'gdp', '--lang', 'en'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--mass');
  });
});

describe('ntcc export and bundle', () => {
  it('exports several layers into one GeoPackage and refuses restricted layers without the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-'));
    const gpkg = join(dir, 'x.gpkg');
    expect((await run(['export', '--layers', 'seaports,airports', '--format', 'gpkg', '--out', gpkg])).code).toBe(0);
    expect(spawnSync('ogrinfo', ['-so', gpkg], { encoding: 'utf8' }).stdout).toMatch(/1: seaports \(Point\)[\s\S]*2: airports \(Point\)/);
    const refused = await run([
      'export',
      '--layers',
      'military-regions',
      '--format',
      'geojson',
      '--out',
      join(dir, 'm.geojson'),
      '--lang',
      'en',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--include-restricted');
    expect(
      (
        await run([
          'export',
          '--layers',
          'military-regions',
          '--format',
          'geojson',
          '--out',
          join(dir, 'm.geojson'),
          '--include-restricted',
        ])
      ).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'm.geojson'), 'utf8')).features.length).toBeGreaterThan(0);
    expect((await run(['export', '--layers', 'nowhere', '--format', 'csv', '--out', join(dir, 'n.csv')])).code).toBe(2);
    expect((await run(['export', '--layers', 'seaports,airports', '--format', 'csv', '--out', join(dir, 'two.csv')])).code).toBe(2);
  });

  it('exports the border belt at the width asked for, every width without one, and refuses a width it does not offer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-'));
    const one = join(dir, 'belt20.geojson');
    const args = ['export', '--layers', 'border-belt', '--format', 'geojson', '--include-restricted'];
    expect((await run([...args, '--belt-km', '20', '--out', one])).code).toBe(0);
    const fc = JSON.parse(readFileSync(one, 'utf8')) as { features: { properties: { km: number; sensitivity: string } }[] };
    expect(fc.features.map((f) => f.properties.km)).toEqual([20]);
    expect(fc.features[0]!.properties.sensitivity).toBe('restricted');
    const every = join(dir, 'belts.geojson');
    expect((await run([...args, '--out', every])).code).toBe(0);
    expect((JSON.parse(readFileSync(every, 'utf8')) as typeof fc).features.map((f) => f.properties.km)).toEqual([5, 10, 20, 50]);
    const bad = await run([...args, '--belt-km', '15', '--out', join(dir, 'x.geojson'), '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--belt-km');
    expect(bad.err).toContain('5, 10, 20, 50');
    const refused = await run(['export', '--layers', 'border-belt', '--format', 'geojson', '--out', join(dir, 'y.geojson')]);
    expect(refused.code).toBe(2);
  });

  it('bundles public layers and analyses with metadata; restricted ones only when asked, and then said so', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-'));
    const zip = join(dir, 'b.zip');
    expect((await run(['bundle', '--out', zip, '--formats', 'geojson', '--analyses', 'gravity'])).code).toBe(0);
    let files = unzipSync(readFileSync(zip));
    let meta = JSON.parse(strFromU8(files['metadata.json']!)) as {
      restricted_included: boolean;
      layers: { id: string; sources: unknown[]; licence: string }[];
      analyses: { kind: string; params: { beta: number } }[];
    };
    expect(meta.restricted_included).toBe(false);
    expect(meta.layers.map((l) => l.id)).not.toContain('military-regions');
    expect(meta.layers.every((l) => l.sources.length > 0 && l.licence.length > 0)).toBe(true);
    expect(meta.analyses[0]).toMatchObject({ kind: 'gravity', params: { beta: 2 } });
    expect(Object.keys(files)).toContain('analysis/gravity-rows.geojson');
    expect(
      (
        await run([
          'bundle',
          '--out',
          zip,
          '--formats',
          'geojson',
          '--analyses',
          'none',
          '--layers',
          'military-regions,seaports',
          '--include-restricted',
        ])
      ).code,
    ).toBe(0);
    files = unzipSync(readFileSync(zip));
    meta = JSON.parse(strFromU8(files['metadata.json']!));
    expect(meta.restricted_included).toBe(true);
    expect(Object.keys(files)).toContain('layers/military-regions.geojson');
  });
});
