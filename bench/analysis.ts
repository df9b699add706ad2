/**
 * `npm run bench:analysis` (also run first by `npm run bench`): the analysis speed targets of
 * issue 4, each against a naive all-pairs Turf baseline measured in the same run, in Node.
 *
 * - adjacency of 5,000 synthetic polygons (a 50 × 100 grid of ~0.1° cells whose shared edges
 *   carry different vertices on each side). Ours: the whole computation. Naive: for every
 *   pair, Turf `lineOverlap(polygonToLine(a), polygonToLine(b), {tolerance})` and `length`;
 *   timed on a random sample of pairs (neighbours included) and scaled to all 12.5 M pairs.
 *   Targets: under 2 s, and ≥ 10× the naive time.
 * - gravity over 2,000 units (random centres in the region, random populations): ours is
 *   `gravityMatrix` (every pair's distance, intensity and share in flat arrays, what the
 *   worker would transfer); turning the 2 M pairs into row objects is timed separately
 *   (informative). Naive: Turf `distance` on point features for every pair, pushed as row
 *   objects. Target: under 0.5 s.
 * - accessibility grid at 1 km cells over the 14 provinces: ours vs Turf `hexGrid` over the
 *   region's bounding box, `booleanPointInPolygon` to keep the cells on land, then Turf
 *   `distance` / `pointToLineDistance` to every target; the naive pipeline is timed on a
 *   1° × 1° tile and scaled by the number of cells.
 *
 * - travel time to the nearest seaport at 5 km cells (issue 17): one search from all seaports
 *   against one search per cell; and, informative, what the worker does after a scenario edit.
 *
 * - your own road network (issue 27), on a synthetic street grid spanning the region (generated
 *   by bench/synthetic-network.ts: about 290,000 directed edges after clipping): the build from
 *   PBF (≤ 30 s), one route between far places (≤ 200 ms), an isochrone (≤ 1 s) and the
 *   accessibility grid in minutes at 5 km (≤ 1 s); with BENCH_BIG_PBF=FILE (a country-sized file,
 *   `npx tsx bench/synthetic-network.ts country FILE`), the peak memory of `ntcc network build`
 *   on it (≤ 1.5 GB, by /usr/bin/time -v).
 *
 * Times are medians of BENCH_RUNS (default 5) runs. Results go to bench/results/analysis.json;
 * exits 1 when a target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runAnalysis } from '../src/analysis/run.ts';
import { DEFAULT_PARAMS } from '../src/core/analysis.ts';
import type { Scenario } from '../src/core/scenario.ts';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { hexGrid } from '@turf/hex-grid';
import { length } from '@turf/length';
import { lineOverlap } from '@turf/line-overlap';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { polygonToLine } from '@turf/polygon-to-line';
import { bbox } from '@turf/bbox';
import type { Feature, LineString, MultiLineString, Polygon } from 'geojson';
import { loadInputs } from '../cli/load.ts';
import { computeAccess } from '../src/analysis/access.ts';
import { computeAdjacency } from '../src/analysis/adjacency.ts';
import { computeGravity, gravityMatrix } from '../src/analysis/gravity.ts';
import { corridorsFor, pointsFor, unitsFor } from '../src/analysis/inputs.ts';
import type { AnalysisUnit } from '../src/core/analysis.ts';
import { buildHexGrid } from '../src/analysis/hex-grid.ts';
import { buildTimeNetwork, defaultModel, minutesFromCells, minutesTo, timesFrom } from '../src/analysis/travel-time.ts';
import { speedClassOf } from '../src/core/speeds.ts';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFromOsm } from '../src/data/osm-network.ts';
import { clipOfProvinces } from '../src/data/road-network.ts';
import { asNetworkOverride, defaultRoadModel, roadGraph } from '../src/analysis/road-graph.ts';
import { streetGrid } from './synthetic-network.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
function time(fn: () => unknown, runs = RUNS): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

/** A seeded generator so every run measures the same inputs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * 5,000 polygons on a 50 × 100 grid: corners shared exactly; every edge gets its own extra
 * vertices on each side (one side at the middle, the other at the thirds, both a few metres
 * off the straight line), so neighbours never share those vertices.
 */
function syntheticPolygons(cols = 50, rows = 100, size = 0.1): Pick<AnalysisUnit, 'id' | 'geometry'>[] {
  const r = rng(42);
  const jitter = (): number => (r() - 0.5) * 0.00004; // ±2 m
  const corner = (i: number, j: number): [number, number] => [104 + i * size, 10 + j * size];
  const out: Pick<AnalysisUnit, 'id' | 'geometry'>[] = [];
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) {
      const c = [corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1)];
      const ring: number[][] = [];
      for (let k = 0; k < 4; k++) {
        const a = c[k]!;
        const b = c[(k + 1) % 4]!;
        ring.push(a);
        const ts = (i + j + k) % 2 ? [0.5] : [1 / 3, 2 / 3];
        for (const t of ts) ring.push([a[0] + t * (b[0] - a[0]) + jitter(), a[1] + t * (b[1] - a[1]) + jitter()]);
      }
      ring.push(ring[0]!);
      out.push({ id: `p${j * cols + i}`, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  return out;
}

function benchAdjacency() {
  const polys = syntheticPolygons();
  const n = polys.length;
  let rows = 0;
  const oursMs = time(() => (rows = computeAdjacency(polys, { toleranceKm: 0.05 }).length));
  // Naive: every pair through Turf, timed on a sample (every 10th pair is a true neighbour).
  const r = rng(7);
  const lines = polys.map(
    (p) => polygonToLine({ type: 'Feature', properties: {}, geometry: p.geometry as Polygon }) as Feature<LineString | MultiLineString>,
  );
  const SAMPLE = 4000;
  const pairs: [number, number][] = [];
  for (let k = 0; k < SAMPLE; k++) {
    const a = Math.floor(r() * n);
    const b = k % 10 === 0 ? (a % 50 < 49 ? a + 1 : a - 1) : Math.floor(r() * n);
    if (a !== b) pairs.push([a, b]);
  }
  let found = 0;
  const sampleMs = time(() => {
    found = 0;
    for (const [a, b] of pairs) {
      const o = lineOverlap(lines[a]!, lines[b]!, { tolerance: 0.05 });
      if (o.features.length && length(o) > 0.1) found++;
    }
  }, 3);
  const allPairs = (n * (n - 1)) / 2;
  const naiveMs = (sampleMs / pairs.length) * allPairs;
  return {
    polygons: n,
    pairs_found: rows,
    ours_ms: oursMs,
    naive_ms_extrapolated: naiveMs,
    naive_sample_pairs: pairs.length,
    naive_sample_found: found,
    speedup: naiveMs / oursMs,
  };
}

function benchGravity() {
  const r = rng(11);
  const units = Array.from({ length: 2000 }, (_, i) => ({
    id: `u${i}`,
    centre: [102 + r() * 7.5, 10.5 + r() * 10] as [number, number],
    population: Math.round(50_000 + r() * 3_000_000),
    area_km2: 100,
  }));
  const lon = Float64Array.from(units, (u) => u.centre[0]);
  const lat = Float64Array.from(units, (u) => u.centre[1]);
  const mass = Float64Array.from(units, (u) => u.population);
  let rows = 0;
  const oursMs = time(() => (rows = gravityMatrix(lon, lat, mass, 2).i.length));
  const rowsMs = time(() => computeGravity(units, 2, 'population').length, 3);
  const pts = units.map((u) => ({
    type: 'Feature' as const,
    properties: { pop: u.population },
    geometry: { type: 'Point' as const, coordinates: u.centre },
  }));
  const naiveMs = time(() => {
    const out: { a: string; b: string; d: number; v: number }[] = [];
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) {
        const d = distance(pts[i]!, pts[j]!, { units: 'kilometers' });
        out.push({ a: units[i]!.id, b: units[j]!.id, d, v: (pts[i]!.properties.pop * pts[j]!.properties.pop) / d ** 2 });
      }
    return out.length;
  }, 3);
  return { units: units.length, pairs: rows, ours_ms: oursMs, with_row_objects_ms: rowsMs, naive_ms: naiveMs, speedup: naiveMs / oursMs };
}

function benchAccess() {
  const inputs = loadInputs();
  const units = unitsFor(inputs, '2022');
  const targets = {
    seaports: pointsFor(inputs.seaports, 'today'),
    airports: pointsFor(inputs.airports, 'today'),
    gates: pointsFor(inputs.gates, 'today'),
    corridors: corridorsFor(inputs, 'today', 'all'),
  };
  let cells = 0;
  const oursMs = time(() => (cells = computeAccess(units, targets, 1).unit.length), 3);
  // Naive on a 1° × 1° tile around Huế, scaled by the number of 1 km hexagons over the region's bbox.
  const feats = units.map((u) => ({ type: 'Feature' as const, properties: {}, geometry: u.geometry }));
  const lines = targets.corridors.map((l) => ({
    type: 'Feature' as const,
    properties: {},
    geometry: { type: 'LineString' as const, coordinates: l.coordinates },
  }));
  const points = [...targets.seaports, ...targets.airports, ...targets.gates].map((p) => p.coordinates);
  const tile: [number, number, number, number] = [107, 15.5, 108, 16.5];
  let tileCells = 0;
  const tileMs = time(() => {
    const grid = hexGrid(tile, 1, { units: 'kilometers' });
    tileCells = grid.features.length;
    for (const cell of grid.features) {
      const ring = cell.geometry.coordinates[0]!;
      const c: [number, number] = [(ring[0]![0]! + ring[3]![0]!) / 2, (ring[0]![1]! + ring[3]![1]!) / 2];
      if (!feats.some((f) => booleanPointInPolygon(c, f))) continue;
      for (const p of points) distance(c, p);
      for (const l of lines) pointToLineDistance(c, l);
    }
  }, 1);
  const regionBox = bbox({ type: 'FeatureCollection', features: feats });
  const boxArea = (regionBox[2] - regionBox[0]) * (regionBox[3] - regionBox[1]);
  const tileArea = (tile[2] - tile[0]) * (tile[3] - tile[1]);
  const naiveMs = tileMs * (boxArea / tileArea);
  return { cells, ours_ms: oursMs, naive_tile_cells: tileCells, naive_ms_extrapolated: naiveMs, speedup: naiveMs / oursMs };
}

/**
 * Travel time to the nearest seaport for every 5 km cell of the 14 provinces (today's roads).
 * Ours: one search from all seaports at once, then each cell takes its best way onto the
 * network. Baseline: one search from each cell (as a per-cell shortest-path tool would),
 * timed on a sample of cells and scaled. Targets: ≤ 300 ms, and ≥ 10× the baseline.
 */
function benchTravelTime() {
  const inputs = loadInputs();
  const props = new Map(inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
  const lines = corridorsFor(inputs, 'today', 'all').map((c) => ({
    id: c.id,
    coordinates: c.coordinates,
    cls: speedClassOf(props.get(c.id)!),
  }));
  const grid = buildHexGrid(unitsFor(inputs, '2022', {}), 5);
  const ports = pointsFor(inputs.seaports, 'today').map((p) => p.coordinates);
  const cells = grid.centres.length / 2;
  let tn = buildTimeNetwork(lines, defaultModel());
  // The whole run as the worker does it after an edit: the network, then every cell.
  const oursMs = time(() => {
    tn = buildTimeNetwork(lines, defaultModel());
    minutesFromCells(tn, grid.centres, ports);
  });
  const SAMPLE = Math.min(200, cells);
  const sampleMs = time(() => {
    for (let i = 0; i < SAMPLE; i++) {
      const from = timesFrom(tn, [[grid.centres[2 * i]!, grid.centres[2 * i + 1]!]]);
      let best = Infinity;
      for (const [lon, lat] of ports) best = Math.min(best, minutesTo(from, lon, lat));
    }
  }, 3);
  const baselineMs = (sampleMs / SAMPLE) * cells;
  return { cells, ours_ms: oursMs, baseline_ms_extrapolated: baselineMs, baseline_sample_cells: SAMPLE, speedup: baselineMs / oursMs };
}

/**
 * What the worker does after one edit to a scenario (informative): the whole accessibility
 * run in minutes at 5 km cells with a corridor added (every km and minute measure, all
 * 1,500 cells), and an isochrone from Đà Nẵng with three thresholds.
 */
function benchScenarioEdit() {
  const inputs = loadInputs();
  const scenario: Scenario = {
    name: 'bench',
    speeds: {},
    edits: [
      {
        action: 'add',
        kind: 'corridor',
        id: 'sc-1',
        mode: 'expressway',
        status: 'planned',
        axis: 'east_west',
        speed_kmh: null,
        name_vi: 'Thử',
        name_en: 'Test',
        coordinates: [
          [108.79, 15.12],
          [107.9, 14.6],
        ],
      },
    ],
  };
  const access = time(() =>
    runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes', cellKm: 5 }, () => {}, { scenario }),
  );
  const isochrone = time(() => runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'isochrone', cellKm: 5 }, () => {}, { scenario }));
  return { access_minutes_ms: access, isochrone_ms: isochrone };
}

/**
 * The figures planners decide with (issue 28), each the whole run as the worker does it
 * (network, grid, searches, tables' figures): coverage at 5 km cells (five kinds of place, six
 * thresholds; ≤ 300 ms), od among the 14 centres (91 pairs with km and roads; ≤ 300 ms), siting
 * K = 3 among the 1,500 cells at 60 minutes (≤ 2 s), and a sensitivity run of each against one
 * run (≤ 10×).
 */
export function benchDecisionFigures() {
  const inputs = loadInputs();
  const base = { ...DEFAULT_PARAMS, cellKm: 5 };
  const coverage = { ...base, kind: 'coverage' as const, minutes: [15, 30, 45, 60, 90, 120] };
  const od = { ...base, kind: 'od' as const, points: 'centres' as const };
  const siting = { ...base, kind: 'siting' as const, count: 3, candidates: 'cells' as const, minutes: [60] };
  const coverageMs = time(() => runAnalysis(inputs, coverage));
  const odMs = time(() => runAnalysis(inputs, od));
  const sitingMs = time(() => runAnalysis(inputs, siting), 3);
  const coverageSensMs = time(() => runAnalysis(inputs, { ...coverage, sensitivity: true }), 3);
  const odSensMs = time(() => runAnalysis(inputs, { ...od, sensitivity: true }), 3);
  const sitingSensMs = time(() => runAnalysis(inputs, { ...siting, sensitivity: true }), 1);
  return {
    coverage_ms: coverageMs,
    od_ms: odMs,
    siting_ms: sitingMs,
    coverage_sensitivity_ratio: coverageSensMs / coverageMs,
    od_sensitivity_ratio: odSensMs / odMs,
    siting_sensitivity_ratio: sitingSensMs / sitingMs,
  };
}

/** Your own road network: build, route, isochrone and accessibility grid on a synthetic street grid. */
async function benchOwnNetwork() {
  const file = join(tmpdir(), 'ntcc-bench-grid.osm.pbf');
  if (!existsSync(file)) await streetGrid(file);
  const inputs = loadInputs();
  const clip = clipOfProvinces(inputs.provinces2022);
  const size = statSync(file).size;
  let net = await buildFromOsm({
    open: () => createReadStream(file, { highWaterMark: 1 << 20 }),
    name: 'grid',
    kind: 'osm-pbf',
    size,
    clip,
  });
  const builds: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const t0 = performance.now();
    net = await buildFromOsm({ open: () => createReadStream(file, { highWaterMark: 1 << 20 }), name: 'grid', kind: 'osm-pbf', size, clip });
    builds.push(performance.now() - t0);
  }
  const t1 = performance.now();
  const graph = roadGraph(net, defaultRoadModel());
  const graphMs = performance.now() - t1;
  // Routes between the region's far ends (Thanh Hóa → Bình Thuận and others).
  const pairs: [[number, number], [number, number]][] = [
    [
      [105.78, 19.81],
      [108.1, 10.93],
    ],
    [
      [106.62, 17.47],
      [109.19, 12.24],
    ],
    [
      [107.59, 16.46],
      [108.8, 15.12],
    ],
  ];
  let found = 0;
  const routeMs =
    time(() => {
      found = 0;
      for (const [a, b] of pairs) if (graph.route(a, b)) found++;
    }) / pairs.length;
  const over = { network: asNetworkOverride('grid.osm.pbf', graph) };
  const isoMs = time(() => runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'isochrone', cellKm: 5 }, () => {}, over), 3);
  const accessMs = time(() => runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes', cellKm: 5 }, () => {}, over), 3);
  let peak: { file: string; mb: number; peak_rss_mb: number; seconds: number } | null = null;
  const big = process.env['BENCH_BIG_PBF'];
  if (big && existsSync(big)) {
    const out = join(tmpdir(), 'ntcc-bench-big.ntccnet');
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-v', process.execPath, 'bin/ntcc.js', 'network', 'build', big, '--out', out, '--lang', 'en'], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
    peak = {
      file: big,
      mb: Math.round(statSync(big).size / 1e6),
      peak_rss_mb: Math.round(kb / 1024),
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  }
  return {
    pbf_mb: Math.round((size / 1e6) * 10) / 10,
    nodes: net.meta.nodes,
    edges: net.meta.edges,
    directed_edges: net.meta.directed_edges,
    build_ms: median(builds),
    graph_ms: graphMs,
    route_ms: routeMs,
    routes_found: found,
    isochrone_ms: isoMs,
    access_minutes_ms: accessMs,
    big_pbf: peak,
  };
}

/** Runs the benchmarks, prints them, writes the results; returns whether every target was met. */
export async function runAnalysisBench(): Promise<boolean> {
  const adjacency = benchAdjacency();
  console.log(
    `adjacency, ${adjacency.polygons} polygons: ${adjacency.ours_ms.toFixed(0)} ms (target < 2000), ${adjacency.pairs_found} pairs; naive all-pairs Turf ≈ ${(adjacency.naive_ms_extrapolated / 1000).toFixed(0)} s (from ${adjacency.naive_sample_pairs} pairs) → ${adjacency.speedup.toFixed(0)}× (target ≥ 10×)`,
  );
  const gravity = benchGravity();
  console.log(
    `gravity, ${gravity.units} units: ${gravity.ours_ms.toFixed(0)} ms (target < 500), ${gravity.pairs} pairs (${gravity.with_row_objects_ms.toFixed(0)} ms with row objects, informative); naive Turf ${gravity.naive_ms.toFixed(0)} ms → ${gravity.speedup.toFixed(1)}×`,
  );
  const access = benchAccess();
  console.log(
    `accessibility, 1 km cells: ${access.ours_ms.toFixed(0)} ms for ${access.cells} cells; naive Turf ≈ ${(access.naive_ms_extrapolated / 1000).toFixed(0)} s (from a 1° tile of ${access.naive_tile_cells} cells) → ${access.speedup.toFixed(0)}×`,
  );
  const travel = benchTravelTime();
  console.log(
    `travel time to the nearest seaport, 5 km cells: ${travel.ours_ms.toFixed(0)} ms for ${travel.cells} cells (target ≤ 300); one search per cell ≈ ${travel.baseline_ms_extrapolated.toFixed(0)} ms (from ${travel.baseline_sample_cells} cells) → ${travel.speedup.toFixed(0)}× (target ≥ 10×)`,
  );
  const edit = benchScenarioEdit();
  console.log(
    `after one scenario edit, 5 km cells (informative): the whole accessibility run in minutes ${edit.access_minutes_ms.toFixed(0)} ms; an isochrone (30, 60, 120 min) ${edit.isochrone_ms.toFixed(0)} ms`,
  );
  const decide = benchDecisionFigures();
  console.log(
    `coverage, 5 km cells, five kinds of place, six thresholds: ${decide.coverage_ms.toFixed(0)} ms (target ≤ 300); od among the 14 centres: ${decide.od_ms.toFixed(0)} ms (target ≤ 300); siting K = 3 among 1,500 cells at 60 min: ${decide.siting_ms.toFixed(0)} ms (target ≤ 2000); a sensitivity run against one run: coverage ${decide.coverage_sensitivity_ratio.toFixed(1)}×, od ${decide.od_sensitivity_ratio.toFixed(1)}×, siting ${decide.siting_sensitivity_ratio.toFixed(1)}× (target ≤ 10×)`,
  );
  const decidePass =
    decide.coverage_ms <= 300 &&
    decide.od_ms <= 300 &&
    decide.siting_ms <= 2000 &&
    Math.max(decide.coverage_sensitivity_ratio, decide.od_sensitivity_ratio, decide.siting_sensitivity_ratio) <= 10;
  const own = await benchOwnNetwork();
  console.log(
    `your own network, a synthetic street grid (${own.pbf_mb} MB PBF, ${own.directed_edges} directed edges after clipping): build ${(own.build_ms / 1000).toFixed(1)} s (target ≤ 30); searchable graph ${own.graph_ms.toFixed(0)} ms; one route ${own.route_ms.toFixed(0)} ms (target ≤ 200); an isochrone ${own.isochrone_ms.toFixed(0)} ms (target ≤ 1000); the accessibility grid in minutes at 5 km ${own.access_minutes_ms.toFixed(0)} ms (target ≤ 1000)`,
  );
  console.log(
    own.big_pbf
      ? `your own network from a ${own.big_pbf.mb} MB PBF: peak memory ${own.big_pbf.peak_rss_mb} MB (target ≤ 1536), ${own.big_pbf.seconds} s`
      : 'your own network from a country-sized PBF: not measured (set BENCH_BIG_PBF=FILE; make one with `npx tsx bench/synthetic-network.ts country FILE`)',
  );
  const ownPass =
    own.build_ms <= 30_000 &&
    own.route_ms <= 200 &&
    own.routes_found === 3 &&
    own.isochrone_ms <= 1000 &&
    own.access_minutes_ms <= 1000 &&
    (!own.big_pbf || own.big_pbf.peak_rss_mb <= 1536);
  const pass =
    adjacency.ours_ms < 2000 &&
    adjacency.speedup >= 10 &&
    gravity.ours_ms < 500 &&
    travel.ours_ms <= 300 &&
    travel.speedup >= 10 &&
    decidePass &&
    ownPass;
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/analysis.json',
    `${JSON.stringify({ date: new Date().toISOString(), runs: RUNS, adjacency, gravity, access, travel_time: travel, scenario_edit: edit, decision_figures: decide, own_network: own, pass }, null, 2)}\n`,
  );
  console.log(pass ? 'analysis targets met' : 'AN ANALYSIS TARGET WAS MISSED');
  return pass;
}

if (process.argv[1]?.endsWith('analysis.ts')) {
  if (!(await runAnalysisBench())) process.exitCode = 1;
}
