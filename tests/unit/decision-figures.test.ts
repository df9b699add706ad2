/**
 * The figures planners decide with (issue 28): coverage, od, siting and the sensitivity runs.
 * Properties (population conserved, coverage never falling as the minutes grow or a place is
 * added, od symmetric on a two-way network, siting's exact answer equal to brute force and never
 * beaten by greedy, bands holding the central value) and the three checks on the bundled
 * data.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_PARAMS, type AnalysisParams, type Of, type PopulationOverride } from '../../src/core/analysis.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { coverageFigures, coverageGrid } from '../../src/analysis/coverage.ts';
import { computeOd } from '../../src/analysis/od.ts';
import { exactCover, greedyCover } from '../../src/analysis/siting.ts';
import { spreadPersons } from '../../src/analysis/population.ts';
import { buildHexGrid } from '../../src/analysis/hex-grid.ts';
import { corridorsFor, unitsFor } from '../../src/analysis/inputs.ts';
import { buildTimeNetwork, coverageSets, defaultModel, nearestTo, timesFrom } from '../../src/analysis/travel-time.ts';
import { asNetworkOverride, roadGraph } from '../../src/analysis/road-graph.ts';
import { buildFromLines } from '../../src/data/network-lines.ts';
import { speedClassOf } from '../../src/core/speeds.ts';
import { bandOf, baseColumn } from '../../src/core/columns.ts';
import { resultTables, type ResultTable } from '../../src/export/results.ts';
import { loadInputs } from '../../cli/load.ts';
import { runCli } from './helpers/run-cli.ts';

const inputs = loadInputs();
const params = (p: Partial<AnalysisParams>): AnalysisParams => ({ ...DEFAULT_PARAMS, ...p });

/** The region's corridors today as a timed network, and the region's units. */
function region() {
  const units = unitsFor(inputs, '2022');
  const props = new Map(inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
  const lines = corridorsFor(inputs, 'today', 'all').map((l) => ({
    id: l.id,
    coordinates: l.coordinates,
    cls: speedClassOf(props.get(l.id)!),
    lengthFactor: l.lengthFactor,
  }));
  return { units, tn: buildTimeNetwork(lines, defaultModel()) };
}
const R = region();

/** A population grid of random points over the region's box (persons per point). */
function syntheticPopulation(seed: number, n = 4000): PopulationOverride {
  let s = seed >>> 0;
  const rnd = (): number => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const persons = new Float32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    lon[i] = 104 + rnd() * 5;
    lat[i] = 10.5 + rnd() * 10;
    persons[i] = Math.round(rnd() * 2000);
    total += persons[i]!;
  }
  return { name: 'synthetic.tif', crs: 'EPSG:4326', lon, lat, persons, total };
}

/** Every banded figure of a table: its value and its band. */
function bands(t: ResultTable): { col: string; v: number | null; lo: unknown; hi: unknown }[] {
  return t.columns
    .filter((c) => bandOf(c) === 'low')
    .flatMap((low) => {
      const col = baseColumn(low)!;
      return t.rows.map((r) => ({ col, v: r[col] as number | null, lo: r[low], hi: r[`${col}_high`] }));
    });
}

/** The units' figures spread evenly over a grid's cells. */
const evenly = (g: ReturnType<typeof buildHexGrid>) => ({
  persons: spreadPersons(
    g,
    R.units.map((u) => u.population),
  ),
  from: 'spread' as const,
});

describe('coverage', () => {
  it('conserves the population: the cells hold every person of the grid in them (and of the units, spread evenly), and all are within some minutes', () => {
    const pop = syntheticPopulation(7);
    const r = runAnalysis(inputs, params({ kind: 'coverage', cellKm: 10 }), undefined, { population: pop }) as Of<'coverage'>;
    const inCells = r.population_grid!.in_cells;
    let sum = 0;
    for (const p of r.grid.persons) sum += p;
    expect(Math.abs(sum - inCells)).toBeLessThanOrEqual(1);
    // Every cell reaches an administrative centre: at a long enough time every person counts.
    const far = coverageFigures(r.grid, r.units, ['centres'], [100_000]).rows[0]!;
    expect(Math.abs(far.population! - inCells)).toBeLessThanOrEqual(1);
    expect(far.share).toBeCloseTo(1, 6);
    // Without a grid: the units' figures, spread evenly, add up to their total (every unit has cells at 10 km).
    const spread = runAnalysis(inputs, params({ kind: 'coverage', cellKm: 10 })) as Of<'coverage'>;
    let s2 = 0;
    for (const p of spread.grid.persons) s2 += p;
    const official = spread.units.filter((u) => u.in_region).reduce((a, u) => a + (u.mass ?? 0), 0);
    expect(s2).toBeCloseTo(official, 0);
  });

  it('never falls as the minutes grow (any thresholds, every kind of place, the region and each unit)', () => {
    const r = runAnalysis(inputs, params({ kind: 'coverage', cellKm: 20 })) as Of<'coverage'>;
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 2, maxLength: 6 }), (ts) => {
        const sorted = [...ts].sort((a, b) => a - b);
        const f = coverageFigures(r.grid, r.units, r.targets, sorted);
        for (const target of r.targets) {
          const xs = f.rows.filter((x) => x.target === target).map((x) => x.population!);
          for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThanOrEqual(xs[i - 1]!);
          for (const u of r.units) {
            const ys = f.unit_rows.filter((x) => x.target === target && x.unit === u.id).map((x) => x.population!);
            for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThanOrEqual(ys[i - 1]!);
          }
        }
      }),
      { numRuns: 20 },
    );
    for (const target of r.targets) {
      const curve = r.curve.filter((x) => x.target === target).map((x) => x.share);
      for (let i = 1; i < curve.length; i++) expect(curve[i]!).toBeGreaterThanOrEqual(curve[i - 1]!);
    }
  });

  it('never falls when a place is added', () => {
    const ports = inputs.seaports.features.slice(0, 3).map((f) => f.geometry.coordinates as [number, number]);
    fc.assert(
      fc.property(fc.double({ min: 105, max: 109, noNaN: true }), fc.double({ min: 11, max: 20, noNaN: true }), (lon, lat) => {
        const before = coverageGrid(R.units, { seaports: ports }, 20, R.tn, evenly);
        const after = coverageGrid(R.units, { seaports: [...ports, [lon, lat]] }, 20, R.tn, evenly);
        const a = coverageFigures(before, R.units, ['seaports'], [30, 60, 120]).rows;
        const b = coverageFigures(after, R.units, ['seaports'], [30, 60, 120]).rows;
        a.forEach((x, i) => expect(b[i]!.population!).toBeGreaterThanOrEqual(x.population!));
        before.minutes.seaports!.forEach((m, i) => expect(after.minutes.seaports![i]!).toBeLessThanOrEqual(m));
      }),
      { numRuns: 8 },
    );
  });

  it('gives each cell the minutes a search cell by cell gives (the cells’ ways onto the network found once)', () => {
    const grid = buildHexGrid(R.units, 10);
    const places = inputs.airports.features.map((f) => f.geometry.coordinates as [number, number]);
    const g = coverageGrid(R.units, { airports: places }, 10, R.tn, (x) => ({
      persons: spreadPersons(
        x,
        R.units.map(() => 1),
      ),
      from: 'spread',
    }));
    const times = timesFrom(R.tn, places);
    for (let i = 0; i < grid.unit.length; i++)
      expect(g.minutes.airports![i]!).toBeCloseTo(nearestTo(times, grid.centres[2 * i]!, grid.centres[2 * i + 1]!).minutes, 3);
  });
});

describe('od', () => {
  it('is symmetric on a network without one-way links (the corridors, and a road network of two-way streets)', async () => {
    const places = R.units.map((u) => ({ id: u.id, name_vi: u.name_vi, name_en: u.name_en, coordinates: u.centre }));
    const m = computeOd(places, null, R.tn).matrix;
    for (let i = 0; i < m.length; i++) for (let j = 0; j < m.length; j++) expect(m[i]![j]!).toBeCloseTo(m[j]![i]!, 1);
    // A small street grid in Nghệ An, every street two-way.
    const features = [];
    for (let k = 0; k < 6; k++) {
      features.push({
        type: 'Feature',
        properties: { cls: k === 2 ? 'trunk' : 'residential' },
        geometry: { type: 'LineString', coordinates: [0, 1, 2, 3, 4, 5].map((i) => [105.2 + i * 0.01, 19.1 + k * 0.01]) },
      });
      features.push({
        type: 'Feature',
        properties: { cls: 'residential' },
        geometry: { type: 'LineString', coordinates: [0, 1, 2, 3, 4, 5].map((j) => [105.2 + k * 0.01, 19.1 + j * 0.01]) },
      });
    }
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    const net = await buildFromLines({ name: 'grid.geojson', bytes, classField: 'cls' });
    const g = roadGraph(net);
    const pts = [
      [105.203, 19.104],
      [105.247, 19.112],
      [105.221, 19.149],
      [105.238, 19.131],
    ].map((c, i) => ({ id: `p${i}`, name_vi: `p${i}`, name_en: `p${i}`, coordinates: c as [number, number] }));
    const mm = computeOd(pts, null, g);
    for (let i = 0; i < pts.length; i++) for (let j = 0; j < pts.length; j++) expect(mm.matrix[i]![j]!).toBeCloseTo(mm.matrix[j]![i]!, 6);
    expect(mm.rows.every((r) => r.km !== null && r.km > 0)).toBe(true);
  });

  it('gives all 91 pairs of the 14 centres, each equal to gravity’s minutes within 0.5 %, km and the main roads with each', () => {
    const od = runAnalysis(inputs, params({ kind: 'od', points: 'centres' })) as Of<'od'>;
    const gravity = runAnalysis(inputs, params({ kind: 'gravity', impedance: 'minutes' })) as Of<'gravity'>;
    expect(od.rows).toHaveLength(91);
    const g = new Map(gravity.rows.map((r) => [[r.a, r.b].sort().join('|'), r.minutes!]));
    for (const r of od.rows) {
      const m = g.get([r.a, r.b].sort().join('|'))!;
      expect(Math.abs(r.minutes! - m) / m).toBeLessThanOrEqual(0.005);
      expect(r.km).toBeGreaterThan(0);
      expect(r.roads).toBeTruthy();
    }
  });

  it('with sensitivity, gives every row a band holding its minutes, and the band is not empty', async () => {
    const { code, out } = await runCli(['analyze', 'od', '--points', 'centres', '--sensitivity', '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { minutes: number; minutes_low: number; minutes_high: number }[];
    expect(rows).toHaveLength(91);
    for (const r of rows) {
      expect(r.minutes_low).toBeLessThanOrEqual(r.minutes);
      expect(r.minutes).toBeLessThanOrEqual(r.minutes_high);
      expect(r.minutes_high).toBeGreaterThan(r.minutes_low);
    }
  });

  it('refuses a --points value that is neither a set of places nor a file (exit 2, naming the choices)', async () => {
    const r = await runCli(['analyze', 'od', '--points', 'ports', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('centres, seaports, airports, border-gates, economic-zones');
  });

  it('writes the square matrix with --table matrix', async () => {
    const { code, out } = await runCli(['analyze', 'od', '--table', 'matrix', '--format', 'csv']);
    expect(code).toBe(0);
    const lines = out
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]!.split(',').filter((c) => c.startsWith('to:'))).toHaveLength(14);
  });
});

/** The best covered persons over every combination of k sets, by plain enumeration. */
function bruteForce(sets: Int32Array[], w: Float64Array, k: number, already: Uint8Array): number {
  let best = 0;
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === Math.min(k, sets.length)) {
      const cov = new Uint8Array(w.length);
      already.forEach((a, i) => (cov[i] = a));
      for (const c of chosen) for (const i of sets[c]!) cov[i] = 1;
      best = Math.max(
        best,
        w.reduce((s, x, i) => s + (cov[i] ? x : 0), 0),
      );
      return;
    }
    for (let c = from; c < sets.length; c++) pick(c + 1, [...chosen, c]);
  };
  pick(0, []);
  return best;
}

describe('siting', () => {
  /** Random sets of cells with random persons. */
  const instance = fc.record({
    cells: fc.integer({ min: 3, max: 14 }),
    sets: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 13 }), { maxLength: 7 }), { minLength: 1, maxLength: 9 }),
    weights: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 14, maxLength: 14 }),
    already: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    k: fc.integer({ min: 1, max: 3 }),
  });

  it('finds the exact answer brute force finds on small random instances, and greedy never beats it', () => {
    fc.assert(
      fc.property(instance, ({ cells, sets, weights, already, k }) => {
        const s = sets.map((x) => Int32Array.from(x.filter((i) => i < cells)).sort());
        const w = Float64Array.from(weights.slice(0, cells));
        const a = Uint8Array.from(already.slice(0, cells), (b) => (b ? 1 : 0));
        const exact = exactCover(s, w, k, a);
        const greedy = greedyCover(s, w, k, a);
        expect(exact.covered).toBeCloseTo(bruteForce(s, w, k, a), 6);
        expect(greedy.covered).toBeLessThanOrEqual(exact.covered + 1e-9);
        // The greedy guarantee: at least (1 − 1/e) of what the best adds to what is already covered.
        const base = w.reduce((x, v, i) => x + (a[i] ? v : 0), 0);
        expect(greedy.covered - base).toBeGreaterThanOrEqual((1 - 1 / Math.E) * (exact.covered - base) - 1e-9);
        // The gains add up to what is covered.
        expect(exact.gains.reduce((x, y) => x + y, base)).toBeCloseTo(exact.covered, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('covers with a bounded search exactly the cells a full search reaches in the minutes', () => {
    const grid = buildHexGrid(R.units, 20);
    const cands = R.units.map((u) => u.centre);
    const sets = coverageSets(R.tn, grid.centres, cands, 60);
    cands.forEach((c, k) => {
      // The reference: one full search, and each cell asked with every join (nearestTo).
      const times = timesFrom(R.tn, [c]);
      const want: number[] = [];
      for (let i = 0; i < grid.unit.length; i++)
        if (nearestTo(times, grid.centres[2 * i]!, grid.centres[2 * i + 1]!).minutes <= 60) want.push(i);
      expect(Array.from(sets[k]!)).toEqual(want);
    });
  });

  it('on a road network too: the bounded searches find the places a full search finds within the minutes', async () => {
    const features = [];
    for (let k = 0; k < 6; k++) {
      features.push({
        type: 'Feature',
        properties: { cls: k === 2 ? 'trunk' : 'residential', ow: k === 4 ? 'yes' : 'no' },
        geometry: { type: 'LineString', coordinates: [0, 1, 2, 3, 4, 5].map((i) => [105.2 + i * 0.01, 19.1 + k * 0.01]) },
      });
      features.push({
        type: 'Feature',
        properties: { cls: 'residential', ow: 'no' },
        geometry: { type: 'LineString', coordinates: [0, 1, 2, 3, 4, 5].map((j) => [105.2 + k * 0.01, 19.1 + j * 0.01]) },
      });
    }
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    const g = roadGraph(await buildFromLines({ name: 'grid.geojson', bytes, classField: 'cls', onewayField: 'ow' }));
    const places: number[] = [];
    for (let i = 0; i < 12; i++) for (let j = 0; j < 12; j++) places.push(105.195 + i * 0.0052, 19.095 + j * 0.0052);
    const origins: [number, number][] = [
      [105.213, 19.118],
      [105.241, 19.139],
    ];
    const sets = g.within!(places, origins, 4);
    origins.forEach((o, k) => {
      const times = g.timesFrom([o], 'to');
      const want: number[] = [];
      for (let i = 0; i < places.length / 2; i++) if (times.nearestTo(places[2 * i]!, places[2 * i + 1]!).minutes <= 4) want.push(i);
      expect(want.length).toBeGreaterThan(3);
      expect(Array.from(sets[k]!)).toEqual(want);
    });
  });

  it('with --count 1 --minutes 60 --candidates F among the 14 capitals, picks one covering at least as many as any capital alone', async () => {
    const capitals = R.units.map((u) => ({
      type: 'Feature' as const,
      properties: { id: u.id, name: u.name_vi },
      geometry: { type: 'Point' as const, coordinates: u.centre },
    }));
    const file = (features: typeof capitals): FeatureCollection => ({ type: 'FeatureCollection', features });
    const run = (features: typeof capitals) =>
      runAnalysis(inputs, params({ kind: 'siting', count: 1, minutes: [60] }), undefined, {
        candidates: { layer: 'capitals', name: 'capitals', fc: file(features) },
      }) as Of<'siting'>;
    const chosen = run(capitals);
    expect(chosen.method).toBe('exact');
    expect(chosen.sites).toHaveLength(1);
    for (const c of capitals)
      expect(chosen.sites[0]!.covered_population).toBeGreaterThanOrEqual(run([c]).sites[0]?.covered_population ?? 0);
  });
});

describe('sensitivity', () => {
  it('gives every figure a band that holds the central value (access, gravity, index, coverage, siting)', () => {
    for (const p of [
      params({ kind: 'access', metric: 'minutes', cellKm: 20, sensitivity: true }),
      params({ kind: 'gravity', impedance: 'minutes', sensitivity: true }),
      params({ kind: 'index', sensitivity: true }),
      params({ kind: 'coverage', cellKm: 20, sensitivity: true }),
      params({ kind: 'siting', cellKm: 20, count: 2, sensitivity: true }),
    ]) {
      const r = runAnalysis(inputs, p);
      expect(r.sensitivity?.runs.length, p.kind).toBeGreaterThanOrEqual(2);
      let n = 0;
      for (const t of resultTables(r))
        for (const b of bands(t)) {
          if (b.v === null) continue;
          n++;
          expect(typeof b.lo === 'number' && typeof b.hi === 'number', `${p.kind} ${b.col}`).toBe(true);
          expect(b.lo as number).toBeLessThanOrEqual(b.v + 1e-9);
          expect(b.v).toBeLessThanOrEqual((b.hi as number) + 1e-9);
        }
      expect(n, p.kind).toBeGreaterThan(0);
      // A ranking says whether its order held.
      if (p.kind === 'index' || p.kind === 'siting') expect(typeof r.sensitivity!.order_holds).toBe('boolean');
    }
  });

  it('changes nothing where no assumption applies (adjacency), and runs a user’s network again with its speeds and detour', async () => {
    const r = runAnalysis(inputs, params({ kind: 'adjacency', sensitivity: true }));
    expect(r.sensitivity ?? null).toBeNull();
    // Three roads west to east and three south to north, crossing.
    const features = [0, 1, 2].flatMap((k) => [
      {
        type: 'Feature',
        properties: { cls: 'trunk' },
        geometry: { type: 'LineString', coordinates: [0, 1, 2].map((i) => [105.6 + i * 0.1, 18.6 + k * 0.1]) },
      },
      {
        type: 'Feature',
        properties: { cls: 'primary' },
        geometry: { type: 'LineString', coordinates: [0, 1, 2].map((j) => [105.6 + k * 0.1, 18.6 + j * 0.1]) },
      },
    ]);
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    const net = await buildFromLines({ name: 'roads.geojson', bytes, classField: 'cls' });
    const near: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        [105.61, 18.61],
        [105.79, 18.79],
      ].map((c, i) => ({ type: 'Feature', properties: { id: `q${i}` }, geometry: { type: 'Point', coordinates: c } })),
    };
    const od = runAnalysis(inputs, params({ kind: 'od', sensitivity: true }), undefined, {
      network: asNetworkOverride('roads.geojson', roadGraph(net)),
      points: { layer: 'near', name: 'near', fc: near },
    }) as Of<'od'>;
    expect(od.rows).toHaveLength(1);
    expect(od.sensitivity!.runs.map((x) => x.id)).toEqual(['speed_low', 'speed_high', 'detour_low', 'detour_high']);
    const slow = od.sensitivity!.runs[0]!.result as Of<'od'>;
    expect(slow.rows[0]!.minutes!).toBeGreaterThan(od.rows[0]!.minutes!);
  });
});

describe('the issue’s check on coverage', () => {
  it('coverage --format json gives, for seaports at 30, 60 and 120 minutes, the population of the accessibility grid’s cells within that time, to 0.5 % of the region’s total', async () => {
    const cov = await runCli(['analyze', 'coverage', '--format', 'json']);
    const acc = await runCli(['analyze', 'access', '--metric', 'minutes', '--format', 'geojson']);
    expect([cov.code, acc.code]).toEqual([0, 0]);
    const rows = JSON.parse(cov.out) as { target: string; within_minutes: number; population: number }[];
    const cells = (JSON.parse(acc.out) as FeatureCollection).features.map(
      (f) => f.properties as { population: number | null; minutes_to_seaport: number | null },
    );
    const total = cells.reduce((s, c) => s + (c.population ?? 0), 0);
    expect(total).toBeGreaterThan(1e7);
    for (const t of [30, 60, 120]) {
      const fromCells = cells
        .filter((c) => c.minutes_to_seaport !== null && c.minutes_to_seaport <= t)
        .reduce((s, c) => s + (c.population ?? 0), 0);
      const row = rows.find((r) => r.target === 'seaports' && r.within_minutes === t)!;
      expect(Math.abs(row.population - fromCells) / total).toBeLessThanOrEqual(0.005);
    }
  });
});
