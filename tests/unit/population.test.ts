/**
 * Population grids (issue 27): GeoTIFFs written by GDAL (gdal_translate) in WGS 84, VN-2000 /
 * UTM 48N (EPSG:3405), an EPSG VN-2000 3° zone (EPSG:9210) and a 3° zone EPSG does not list
 * (central meridian 105°, by its parameters) are read from their own geo keys and summed into
 * the hexagonal cells: `analyze access --metric minutes --network F --population P.tif` gives
 * each cell a `population` and their sum is the grid's total within 1 %; isochrone bands get
 * theirs, nested. Another CRS, a file that is not a GeoTIFF and a grid outside the region exit 2.
 */
import { render } from '../../src/i18n/index.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { runCli } from './helpers/run-cli.ts';
import { writeFixtureFiles } from './helpers/road-fixture.ts';
import { crsByName } from '../../src/core/crs.ts';

const dir = mkdtempSync(join(tmpdir(), 'ntcc-pop-'));
let network = '';

/** An ASCII grid of `n` × `n` cells of `size` from (x0, y0), each holding persons by a fixed pattern; returns its total. */
function asciiGrid(file: string, x0: number, y0: number, size: number, n: number): number {
  const rows: string[] = [];
  let total = 0;
  for (let j = 0; j < n; j++) {
    const row: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = (i * 7 + j * 13) % 11 === 0 ? 0 : ((i * 31 + j * 17) % 97) + 3;
      row.push(v);
      total += v;
    }
    rows.push(row.join(' '));
  }
  writeFileSync(
    file,
    [`ncols ${n}`, `nrows ${n}`, `xllcorner ${x0}`, `yllcorner ${y0}`, `cellsize ${size}`, 'NODATA_value -9999', ...rows].join('\n') + '\n',
  );
  return total;
}

/** A GeoTIFF from an ASCII grid in the given system. */
function tiff(name: string, srs: string, x0: number, y0: number, size: number, n: number): { file: string; total: number } {
  const asc = join(dir, `${name}.asc`);
  const total = asciiGrid(asc, x0, y0, size, n);
  const file = join(dir, `${name}.tif`);
  execFileSync('gdal_translate', ['-q', '-a_srs', srs, '-of', 'GTiff', asc, file]);
  return { file, total };
}

/** A projected grid's lower-left corner placed at a lon/lat in Nghệ An. */
function cornerIn(def: string, lon: number, lat: number): [number, number] {
  const [x, y] = proj4('+proj=longlat +datum=WGS84 +no_defs', def, [lon, lat]) as [number, number];
  return [Math.round(x), Math.round(y)];
}

const grids: Record<string, { file: string; total: number }> = {};

beforeAll(async () => {
  network = join(dir, 'town.ntccnet');
  const files = writeFixtureFiles(dir);
  expect((await runCli(['network', 'build', files.pbf, '--out', network])).code).toBe(0);
  grids['wgs84'] = tiff('wgs84', 'EPSG:4326', 104.9, 18.9, 0.01, 30);
  const utm = crsByName('EPSG:3405')!;
  grids['utm48'] = tiff('utm48', 'EPSG:3405', ...cornerIn(utm.proj4, 104.9, 18.9), 1000, 30);
  const tm3 = crsByName('EPSG:9210')!;
  grids['tm3'] = tiff('tm3', 'EPSG:9210', ...cornerIn(tm3.proj4, 104.9, 18.9), 1000, 30);
  const cm105 = crsByName('VN2000-TM3:105')!;
  grids['cm105'] = tiff('cm105', cm105.proj4, ...cornerIn(cm105.proj4, 104.9, 18.9), 1000, 30);
}, 60_000);

type Cell = { properties: { population: number; minutes_to_seaport: number | null } };

describe('population grids', () => {
  for (const kind of ['wgs84', 'utm48', 'tm3', 'cm105'])
    it(`${kind}: every cell has a population, and the cells hold the grid's total within 1 %`, async () => {
      const g = grids[kind]!;
      const r = await runCli([
        'analyze',
        'access',
        '--metric',
        'minutes',
        '--network',
        network,
        '--population',
        g.file,
        '--format',
        'geojson',
        '--lang',
        'en',
      ]);
      expect(r.code, r.err).toBe(0);
      const fc = JSON.parse(r.out) as { features: Cell[] };
      expect(fc.features.length).toBeGreaterThan(1000);
      for (const f of fc.features) expect(typeof f.properties.population).toBe('number');
      const sum = fc.features.reduce((s, f) => s + f.properties.population, 0);
      expect(Math.abs(sum - g.total) / g.total).toBeLessThan(0.01);
      expect(fc.features.filter((f) => f.properties.population > 0).length).toBeGreaterThan(20);
    });

  it('runs with a network and a grid in json, to a file', async () => {
    const r = await runCli([
      'analyze',
      'access',
      '--metric',
      'minutes',
      '--network',
      network,
      '--population',
      grids['wgs84']!.file,
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    const dirOut = join(dir, 'bundle');
    execFileSync('mkdir', ['-p', dirOut]);
    const json = join(dirOut, 'a.json');
    const res = await runCli([
      'analyze',
      'isochrone',
      '--from',
      '105.21,19.11',
      '--minutes',
      '5,10,20',
      '--network',
      network,
      '--population',
      grids['wgs84']!.file,
      '--cell-km',
      '2',
      '--format',
      'json',
      '--out',
      json,
    ]);
    expect(res.code, res.err).toBe(0);
  });

  it('isochrone bands each get their population, nested', async () => {
    const r = await runCli([
      'analyze',
      'isochrone',
      '--from',
      '105.21,19.11',
      '--minutes',
      '10,20,40,60',
      '--network',
      network,
      '--population',
      grids['wgs84']!.file,
      '--cell-km',
      '2',
      '--format',
      'geojson',
    ]);
    expect(r.code, r.err).toBe(0);
    const bands = (JSON.parse(r.out) as { features: { properties: { minutes: number; population: number } }[] }).features.map(
      (f) => f.properties,
    );
    expect(bands.map((b) => b.minutes)).toEqual([10, 20, 40, 60]);
    for (let i = 1; i < bands.length; i++) expect(bands[i]!.population).toBeGreaterThanOrEqual(bands[i - 1]!.population);
    expect(bands[0]!.population).toBeGreaterThan(0);
    expect(bands[3]!.population).toBeLessThanOrEqual(grids['wgs84']!.total * 1.0001);
  });

  it('refuses another CRS by its name, a file that is not a GeoTIFF, and a grid outside the region (exit 2)', async () => {
    const merc = tiff('merc', 'EPSG:3857', 11_700_000, 2_150_000, 1000, 10);
    const r = await runCli(['analyze', 'access', '--population', merc.file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is in .*3857|Pseudo-Mercator/);
    const notTiff = join(dir, 'x.tif');
    writeFileSync(notTiff, 'not a tiff at all');
    const n = await runCli(['analyze', 'access', '--population', notTiff, '--lang', 'en']);
    expect(n.code).toBe(2);
    expect(n.err).toContain('not a GeoTIFF');
    const far = tiff('far', 'EPSG:4326', 2, 48, 0.01, 10);
    const o = await runCli(['analyze', 'access', '--population', far.file, '--lang', 'en']);
    expect(o.code).toBe(2);
    expect(o.err).toContain('wholly outside the region');
    const huge = join(dir, 'huge.tif');
    execFileSync('truncate', ['-s', '2G', huge]);
    const h = await runCli(['analyze', 'access', '--population', huge, '--lang', 'en']);
    expect(h.code).toBe(2);
    expect(h.err).toContain('at most 1024 MB');
  });
});

describe('the network and the grid in the result and the bundle', () => {
  it('the model line names both, and metadata.json carries their summaries', async () => {
    const { networkOverride } = await import('../../cli/network-build.ts');
    const { populationArg } = await import('../../cli/population.ts');
    const { loadInputs } = await import('../../cli/load.ts');
    const { runAnalysis } = await import('../../src/analysis/run.ts');
    const { DEFAULT_PARAMS } = await import('../../src/core/analysis.ts');
    const { buildBundle } = await import('../../src/export/bundle.ts');
    const { unzipSync, strFromU8 } = await import('fflate');
    const params = { ...DEFAULT_PARAMS, kind: 'access' as const, metric: 'minutes' as const };
    const overrides = {
      network: await networkOverride('en', network, params.detour, {}),
      population: await populationArg('en', grids['wgs84']!.file),
    };
    const result = runAnalysis(loadInputs(), params, undefined, overrides);
    expect(render('en', result.model)).toContain('On your own road network (town.ntccnet)');
    expect(render('en', result.model)).toContain('weighed by the population grid wgs84.tif');
    expect(render('vi', result.model)).toContain('Trên mạng đường của bạn (town.ntccnet)');
    expect(result.notes.map((n) => render('en', n)).join(' ')).toMatch(/Nghe An [\d,]+ \/ 3,442,000/);
    const { zip } = await buildBundle({
      layers: [],
      results: [{ result }],
      formats: ['geojson'],
      edition: '2022',
      horizon: 'today',
      includeRestricted: false,
      version: 'test',
    });
    const meta = JSON.parse(strFromU8(unzipSync(zip)['metadata.json']!)) as {
      analyses: { network: { file: string; edges: number }; population_grid: { total: number } }[];
    };
    expect(meta.analyses[0]!.network.file).toBe('town.ntccnet');
    expect(meta.analyses[0]!.network.edges).toBeGreaterThan(100);
    expect(meta.analyses[0]!.population_grid.total).toBe(grids['wgs84']!.total);
    // Without a network, a run in minutes is on the bundled corridors and says nothing of one.
    expect(runAnalysis(loadInputs(), params).network).toBeNull();
  });
});

/** An access grid of three cells in two units with persons 30, 10 and 60, and minutes to a seaport. */
const grid = (minutes: number[]) => ({
  cellKm: 5,
  lat0: 16,
  centres: new Float64Array(6),
  unit: Int32Array.from([0, 0, 1]),
  population: Float64Array.from([30, 10, 60]),
  seaport_km: new Float32Array(3),
  airport_km: new Float32Array(3),
  gate_km: new Float32Array(3),
  corridor_km: new Float32Array(3),
  minutes_to_seaport: Float32Array.from(minutes),
});

describe('comparisons weigh by the grid', () => {
  it("a unit's gain and the region's are means over the cells weighted by their persons", async () => {
    const { unitGains } = await import('../../src/core/compare.ts');
    const units = [{ id: 'A' }, { id: 'B' }];
    const after = { kind: 'access', units, grid: grid([10, 50, 20]) } as never;
    const before = { kind: 'access', units, grid: grid([20, 50, 30]) } as never;
    const weights = new Map([
      ['A', { population: 1_000_000, area: 100 }],
      ['B', { population: 1, area: 100 }],
    ]);
    const g = unitGains(after, before, 'minutes_to_seaport', 'population', weights);
    expect(g.by_cells).toBe(true);
    const a = g.rows.find((r) => r.unit === 'A')!;
    // (30 × 10 + 10 × 0) / 40 = 7.5 minutes gained; B gains 10; the region (300 + 600) / 100 = 9.
    expect(a.gain).toBeCloseTo(7.5, 9);
    expect(a.weight).toBe(40);
    expect(g.region).toBeCloseTo(9, 9);
    // By area, cells weigh alike as before.
    expect(unitGains(after, before, 'minutes_to_seaport', 'area', weights).rows.find((r) => r.unit === 'A')!.gain).toBeCloseTo(5, 9);
  });
});
