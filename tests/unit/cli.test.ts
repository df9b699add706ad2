/** The command line: same analyses as the app, checked arguments, exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
    // Attributes, then each pair's line as WKT: the file the app's export writes.
    expect(lines[0]).toBe('a,b,distance_km,intensity,share,wkt');
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
    expect(ok.stdout.split('\n')[0]).toBe('a,b,great_circle_km,network_km,access_km,wkt');
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

describe('ntcc explains itself', () => {
  it('--help, <command> --help and --version answer and exit 0, in the chosen language', async () => {
    const top = await run(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toContain('Cách dùng:');
    for (const c of ['analyze', 'export', 'bundle', 'validate']) expect(top.out).toContain(c);
    const en = await run(['--help', '--lang', 'en']);
    expect(en.out).toContain('Usage:');
    expect(en.out).toContain('Commands:');
    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.out.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('analyze --help lists every analysis and every parameter with its choices, range and default', async () => {
    const help = await run(['analyze', '--help', '--lang', 'en']);
    expect(help.code).toBe(0);
    const out = help.out.replace(/\s+/g, ' ');
    for (const kind of ['adjacency', 'reach', 'distance', 'gravity', 'hinterland', 'access', 'index']) expect(out).toContain(kind);
    expect(out).toContain('--beta <value> Distance decay β (accepts: from 0 to 4; default: 2)');
    expect(out).toContain('--pop-base <value> Population base (accepts: gso2023, nq202; default: gso2023)');
    expect(out).toContain('--context Include neighbouring provinces outside the region (default: off)');
    expect(out).toContain('--format <format> output format');
    expect(out).not.toContain('"json"');
    expect(out).toContain('--units <file>');
    const vi = await run(['analyze', '--help']);
    expect(vi.out.replace(/\s+/g, ' ')).toContain('Hệ số suy giảm theo khoảng cách β (nhận: từ 0 đến 4; mặc định: 2)');
  });

  it('an unknown command or option exits 2 with a clear message in the chosen language', async () => {
    const cmd = await run(['frobnicate', '--lang', 'en']);
    expect(cmd.code).toBe(2);
    expect(cmd.err).toContain('Unknown command “frobnicate”');
    const opt = await run(['analyze', 'gravity', '--frob', '1']);
    expect(opt.code).toBe(2);
    expect(opt.err).toContain('Tùy chọn không hợp lệ: --frob');
    const missing = await run(['analyze', '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Missing argument kind');
    expect((await run(['--lang', 'fr', 'analyze', 'gravity'])).code).toBe(2);
  });
});

describe('ntcc analyze on the user’s own units and ports', () => {
  it('takes a boundary file with its own field names through the import checks, as the app does', async () => {
    const { loadLayer } = await import('../../cli/load.ts');
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-'));
    const units = join(dir, 'ranh-gioi.geojson');
    const fc = loadLayer('provinces-2022');
    writeFileSync(
      units,
      JSON.stringify({
        type: 'FeatureCollection',
        features: fc.features
          .filter((f) => f.properties?.['in_region'])
          .map((f) => ({
            type: 'Feature',
            properties: { MA: f.properties?.['iso'], TEN: f.properties?.['name_vi'], DS: f.properties?.['population_2023'] },
            geometry: f.geometry,
          })),
      }),
    );
    const r = await run([
      'analyze',
      'gravity',
      '--units',
      units,
      '--code-field',
      'MA',
      '--name-field',
      'TEN',
      '--population-field',
      'DS',
      '--table',
      'units',
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; name_vi: string; mass: number; mass_source: string }[];
    expect(rows).toHaveLength(14);
    expect(rows.find((x) => x.id === 'VN-DN')).toMatchObject({ name_vi: 'Đà Nẵng', mass: 1245200, mass_source: 'ranh-gioi:DS' });
    // A missing field and a broken file are bad arguments: exit 2, nothing printed.
    const noField = await run(['analyze', 'gravity', '--units', units, '--code-field', 'ISO', '--lang', 'en']);
    expect(noField.code).toBe(2);
    expect(noField.err).toContain('The file has no field “ISO”');
    writeFileSync(join(dir, 'bad.geojson'), '{"type": "FeatureCollection", "features": [');
    const broken = await run(['analyze', 'gravity', '--units', join(dir, 'bad.geojson'), '--code-field', 'MA']);
    expect(broken.code).toBe(2);
    expect(broken.out).toBe('');
  });

  it('takes a point file as the seaports of the hinterland', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-'));
    const ports = join(dir, 'ports.csv');
    writeFileSync(ports, 'name,lon,lat\nCảng Bắc,105.8,19.3\nCảng Nam,108.9,11.5\n');
    const r = await run(['analyze', 'hinterland', '--ports', ports, '--table', 'ports']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { name_vi: string }[]).map((p) => p.name_vi).sort()).toEqual(['Cảng Bắc', 'Cảng Nam']);
  });
});

describe('one export rule for every path', () => {
  it('analyze --format, export and bundle write the same table and layer files; several layers in one format follow one rule', async () => {
    const { unzipSync } = await import('fflate');
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-'));
    // An analysis table: `analyze --format geojson` equals the bundle's file for it (unit polygons in both).
    const single = join(dir, 'index.geojson');
    expect((await run(['analyze', 'index', '--format', 'geojson', '--out', single])).code).toBe(0);
    const zip = join(dir, 'b.zip');
    expect((await run(['bundle', '--out', zip, '--formats', 'geojson', '--analyses', 'index', '--layers', 'seaports'])).code).toBe(0);
    const files = unzipSync(readFileSync(zip));
    expect(Buffer.from(files['analysis/index-rows.geojson']!).equals(readFileSync(single))).toBe(true);
    expect(JSON.parse(readFileSync(single, 'utf8')).features[0].geometry.type).toMatch(/Polygon/);
    // A layer: `export` equals the bundle's file for it.
    const layer = join(dir, 'seaports.geojson');
    expect((await run(['export', '--layers', 'seaports', '--format', 'geojson', '--out', layer])).code).toBe(0);
    expect(Buffer.from(files['layers/seaports.geojson']!).equals(readFileSync(layer))).toBe(true);
    // Several layers: one GeoPackage in GeoPackage, else a ZIP with metadata.json.
    const two = join(dir, 'two.zip');
    expect((await run(['export', '--layers', 'seaports,airports', '--format', 'csv', '--out', two])).code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(two))).sort()).toEqual(['layers/airports.csv', 'layers/seaports.csv', 'metadata.json']);
    expect(Object.keys(files)).toContain('metadata.json');
  });
});

const table = (name: string): string => join(import.meta.dirname, '..', 'fixtures', 'tables', name);

describe('ntcc join', () => {
  it('joins a yearbook-like table by GSO code, lists the row it could not match, and keeps the figures as numbers', async () => {
    const { code, out, err } = await run(['join', '--table', table('grdp-vi-semicolon.csv'), '--format', 'geojson', '--lang', 'en']);
    expect(code).toBe(0);
    expect(err).toContain('Row 18 ("Toàn vùng") matches no province.');
    expect(err).toContain('Matched 14 of 15 rows by GSO province code; 3 figure columns.');
    const fc = JSON.parse(out) as { features: { properties: Record<string, unknown> }[] };
    expect(fc.features).toHaveLength(24);
    const th = fc.features.find((f) => f.properties['iso'] === 'VN-21')!.properties;
    expect(th['GRDP (tỷ đồng)']).toBe(252672.5);
    expect(th['table']).toBe('grdp-vi-semicolon.csv');
    const na = fc.features.find((f) => f.properties['iso'] === 'VN-22')!.properties;
    expect(na['Vốn FDI (triệu USD)']).toBeNull();
    expect(na['note_en']).toBe('Vốn FDI (triệu USD): the table has no figure');
  });

  it('--strict exits 1 on an unmatched row and writes nothing; a bad file exits 2 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-join-'));
    const outFile = join(dir, 'j.geojson');
    expect((await run(['join', '--table', table('grdp-vi-semicolon.csv'), '--strict', '--out', outFile])).code).toBe(1);
    expect(() => readFileSync(outFile)).toThrow();
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'PK\u0003\u0004 not a workbook');
    const r = await run(['join', '--table', bad, '--out', outFile, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Cannot read the Excel file/);
    expect(() => readFileSync(outFile)).toThrow();
    const sheet = await run(['join', '--table', table('exports-two-sheets.xlsx'), '--sheet', 'GRDP', '--lang', 'en']);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toContain('No sheet "GRDP". The sheets: Ghi chú, Xuất khẩu.');
  });

  it('reads the chosen sheet, and combines 2022 members into 2025 units with null for a missing member', async () => {
    const { code, out } = await run([
      'join',
      '--table',
      table('exports-two-sheets.xlsx'),
      '--sheet',
      '2',
      '--edition',
      '2025',
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^iso,name_vi,name_en,edition,in_region,Xuất khẩu 2023,/);
    const row = (iso: string) => lines.find((l) => l.startsWith(`${iso},`))!;
    // Đà Nẵng 2025 = Đà Nẵng + Quảng Nam: 1800 + 1200.
    expect(row('VN-DN')).toContain(',3000,');
    // Khánh Hòa 2025 = Khánh Hòa + Ninh Thuận: 1500 + 300.
    expect(row('VN-34')).toContain(',1800,');
    // Quảng Trị 2025 = Quảng Bình + Quảng Trị, which has no figure: no partial sum.
    expect(row('VN-25')).toMatch(/,2025,true,,/);
  });

  it('asks for the number format of an ambiguous column, and reads it once told', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntcc-join-'));
    const csv = join(dir, 'amb.csv');
    writeFileSync(csv, 'Tỉnh,Vốn\nThanh Hóa,1.234\nNghệ An,5.678\n');
    const asked = await run(['join', '--table', csv, '--lang', 'en']);
    expect(asked.code).toBe(2);
    expect(asked.err).toContain('Column "Vốn" has numbers that read both ways');
    const told = await run(['join', '--table', csv, '--number-format', 'Vốn=vi']);
    expect(told.code).toBe(0);
    const fc = JSON.parse(told.out) as { features: { properties: Record<string, unknown> }[] };
    expect(fc.features.find((f) => f.properties['iso'] === 'VN-21')!.properties['Vốn']).toBe(1234);
    expect((await run(['join', '--table', csv, '--number-format', 'Vốn=xx'])).code).toBe(2);
  });
});

describe('ntcc analyze with a table column as the mass', () => {
  it("weighs gravity by the table's figures, names them as the mass, and leaves out units without one", async () => {
    const args = ['analyze', 'gravity', '--mass-table', table('grdp-vi-semicolon.csv'), '--mass-field', 'GRDP (tỷ đồng)'];
    const units = JSON.parse((await run([...args, '--table', 'units'])).out) as {
      id: string;
      mass: number | null;
      mass_source: string | null;
    }[];
    const th = units.find((u) => u.id === 'VN-21')!;
    expect(th.mass).toBe(252672.5);
    expect(th.mass_source).toBe('table:grdp-vi-semicolon.csv:GRDP (tỷ đồng)');
    const rows = JSON.parse((await run(args)).out) as { a: string; b: string; distance_km: number; intensity: number }[];
    expect(rows).toHaveLength(91);
    const pair = rows.find((r) => r.a === 'VN-21' && r.b === 'VN-22')!;
    // intensity = m_a × m_b / d^β with β = 2 (the default); the printed distance is rounded to metres.
    expect(Math.abs(pair.intensity / ((252672.5 * 187500) / pair.distance_km ** 2) - 1)).toBeLessThan(1e-5);
    // The FDI column has no figure for three provinces: their pairs are left out (91 − 3 × 13 + 3 = 55).
    const fdi = JSON.parse(
      (await run(['analyze', 'gravity', '--mass-table', table('grdp-vi-semicolon.csv'), '--mass-field', 'Vốn FDI (triệu USD)'])).out,
    ) as unknown[];
    expect(fdi).toHaveLength(55);
  });

  it('refuses a column that is not a figure column, a table without the field flag, and a table with --units', async () => {
    const r = await run(['analyze', 'gravity', '--mass-table', table('grdp-vi-semicolon.csv'), '--mass-field', 'GRDP', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'The table has no figure column "GRDP". Its figure columns: GRDP (tỷ đồng), Tốc độ tăng (%), Vốn FDI (triệu USD).',
    );
    expect((await run(['analyze', 'gravity', '--mass-table', table('grdp-vi-semicolon.csv')])).code).toBe(2);
  });
});
