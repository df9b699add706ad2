/**
 * Fixture tests in the Turf style: every input under src/analysis/__fixtures__/<kind>/in is
 * run through its analysis kind's operation and compared with out/<name>.json. The runner
 * walks the analysis kinds (a kind without an operation here fails to compile, one with fewer
 * than three fixtures fails); an input without its expected output fails, and only
 * `REGEN=1 npx vitest run` writes or rewrites the expected files, so a reviewer sees any
 * change as a diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { area } from '@turf/area';
import { describe, expect, it } from 'vitest';
import { ANALYSES, type AnalysisKind, type AnalysisLine, type AnalysisPoint, type AnalysisUnit } from '../../src/core/analysis.ts';
import { computeIsochrones } from '../../src/analysis/isochrone.ts';
import { buildTimeNetwork, defaultModel } from '../../src/analysis/travel-time.ts';
import { DEFAULT_DETOUR, DEFAULT_SPEEDS, SPEED_CLASSES, type SpeedClass } from '../../src/core/speeds.ts';
import { computeAccess } from '../../src/analysis/access.ts';
import { computeAdjacency } from '../../src/analysis/adjacency.ts';
import { computeDistances } from '../../src/analysis/distance.ts';
import { computeGravity } from '../../src/analysis/gravity.ts';
import { computeHinterland } from '../../src/analysis/hinterland.ts';
import { computeLinkageIndex } from '../../src/analysis/linkage-index.ts';
import { areaWithin, corridorCrossings } from '../../src/analysis/reach.ts';
import { coverageFigures, coverageGrid } from '../../src/analysis/coverage.ts';
import { computeOd } from '../../src/analysis/od.ts';
import { exactCover, greedyCover } from '../../src/analysis/siting.ts';
import { spreadPersons } from '../../src/analysis/population.ts';
import { buildHexGrid } from '../../src/analysis/hex-grid.ts';
import { coverageSets, minutesFromCells } from '../../src/analysis/travel-time.ts';

const ROOT = 'src/analysis/__fixtures__';

interface Fixture {
  params: Record<string, number | string | number[] | undefined>;
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}

function split(fx: Fixture) {
  const units: AnalysisUnit[] = [];
  const lines: (AnalysisLine & { cls: SpeedClass })[] = [];
  const points: Record<string, AnalysisPoint[]> = { port: [], airport: [], gate: [] };
  for (const f of fx.features) {
    const p = f.properties;
    const id = String(p.id);
    if (p.role === 'unit')
      units.push({
        id,
        name_vi: id,
        name_en: id,
        centre: [Number(p.centre_lon), Number(p.centre_lat)],
        population: typeof p.population === 'number' ? p.population : null,
        population_source: typeof p.population === 'number' ? 'fixture' : null,
        in_region: p.in_region !== false,
        centre_is_label: false,
        area_km2: area({ type: 'Feature', properties: {}, geometry: f.geometry as AnalysisUnit['geometry'] }) / 1e6,
        geometry: f.geometry as AnalysisUnit['geometry'],
      });
    else if (p.role === 'corridor')
      lines.push({
        id,
        name_vi: id,
        name_en: id,
        coordinates: f.geometry.coordinates as [number, number][],
        cls: SPEED_CLASSES.find((c) => c === p.cls) ?? 'national_road',
      });
    else
      points[String(p.role)]!.push({
        id,
        group: String(p.group ?? id),
        group_name_vi: String(p.group ?? id),
        group_name_en: String(p.group ?? id),
        name_vi: id,
        name_en: id,
        coordinates: f.geometry.coordinates as [number, number],
      });
  }
  return { units, lines, points };
}

const arr = (a: ArrayLike<number>, d = 3): number[] => Array.from(a, (v) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : -1));

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** The places of some points. */
const at = (ps: AnalysisPoint[]): [number, number][] => ps.map((p) => p.coordinates);
/** A siting choice, rounded. */
const roundedCover = (c: { picks: number[]; gains: number[]; covered: number }) => ({
  picks: c.picks,
  gains: c.gains.map((g) => round(g, 3)),
  covered: round(c.covered, 3),
});

/** Each kind's operation on a fixture (a kind without one fails to compile). */
const OPS: { [K in AnalysisKind]: (fx: Fixture) => unknown } = {
  coverage: (fx) => {
    const { units, lines, points } = split(fx);
    const tn = buildTimeNetwork(lines, defaultModel());
    const places = {
      seaports: at(points.port!),
      airports: at(points.airport!),
      'border-gates': at(points.gate!),
      centres: units.map((u) => u.centre),
    };
    const grid = coverageGrid(units, places, Number(fx.params.cellKm), tn, (g) => ({
      persons: spreadPersons(
        g,
        units.map((u) => u.population),
      ),
      from: 'spread',
    }));
    const f = coverageFigures(grid, units, ['seaports', 'airports', 'border-gates', 'centres'], fx.params.minutes as number[]);
    // The curve every half hour (the whole curve is every 5 minutes).
    return {
      cells: grid.unit.length,
      rows: f.rows,
      unit_rows: f.unit_rows,
      summary: f.summary,
      curve: f.curve.filter((x) => x.within_minutes % 30 === 0),
    };
  },
  od: (fx) => {
    const { units, lines } = split(fx);
    const tn = buildTimeNetwork(lines, defaultModel());
    const places = units.map((u) => ({ id: u.id, name_vi: u.id, name_en: u.id, coordinates: u.centre }));
    const { rows, matrix } = computeOd(places, null, tn);
    return { rows, matrix };
  },
  siting: (fx) => {
    const { units, lines, points } = split(fx);
    const tn = buildTimeNetwork(lines, defaultModel());
    const grid = buildHexGrid(units, Number(fx.params.cellKm));
    const persons = spreadPersons(
      grid,
      units.map((u) => u.population),
    );
    const minutes = Math.max(...(fx.params.minutes as number[]));
    const cands: [number, number][] =
      fx.params.candidates === 'cells'
        ? Array.from({ length: grid.unit.length }, (_, i) => [grid.centres[2 * i]!, grid.centres[2 * i + 1]!])
        : units.map((u) => u.centre);
    const sets = coverageSets(tn, grid.centres, cands, minutes);
    const existing = fx.params.existing === 'port' ? points.port!.map((p) => p.coordinates) : [];
    const already = existing.length
      ? Uint8Array.from(minutesFromCells(tn, grid.centres, existing), (m) => (m <= minutes ? 1 : 0))
      : undefined;
    const k = Number(fx.params.count);
    const exact = exactCover(sets, persons, k, already);
    const greedy = greedyCover(sets, persons, k, already);
    return { cells: grid.unit.length, sizes: sets.map((x) => x.length), exact: roundedCover(exact), greedy: roundedCover(greedy) };
  },
  isochrone: (fx) => {
    const { units, lines } = split(fx);
    const tn = buildTimeNetwork(lines, defaultModel());
    const from = fx.params.from as [number, number];
    const { bands, sampled } = computeIsochrones(tn, from, fx.params.minutes as number[], units, Number(fx.params.cellKm));
    // Areas to 0.1 km² and the rings' sizes: the shape's outline, not every interpolated vertex.
    return {
      sampled,
      bands: bands.map((b) => ({
        minutes: b.minutes,
        area_km2: round(b.area_km2, 1),
        polygons: b.geometry.coordinates.length,
        holes: b.geometry.coordinates.reduce((n, poly) => n + poly.length - 1, 0),
      })),
    };
  },
  adjacency: (fx) => computeAdjacency(split(fx).units, { toleranceKm: Number(fx.params.toleranceKm) }),
  distance: (fx) => {
    const { units, lines } = split(fx);
    return computeDistances(units, lines, Number(fx.params.toleranceKm));
  },
  gravity: (fx) => computeGravity(split(fx).units, Number(fx.params.beta), fx.params.mass as 'population' | 'area'),
  hinterland: (fx) => {
    const { units, lines, points } = split(fx);
    const r = computeHinterland(units, points.port!, lines, {
      toleranceKm: Number(fx.params.toleranceKm),
      cellKm: Number(fx.params.cellKm),
    });
    return { ...r, grid: { cells: r.grid.unit.length, port_straight: arr(r.grid.port_straight), port_network: arr(r.grid.port_network) } };
  },
  reach: (fx) => {
    const { units, lines } = split(fx);
    return { crossings: corridorCrossings(lines, units), shares: areaWithin(units, lines, Number(fx.params.bufferKm)) };
  },
  access: (fx) => {
    const { units, lines, points } = split(fx);
    const g = computeAccess(
      units,
      { seaports: points.port!, airports: points.airport!, gates: points.gate!, corridors: lines },
      Number(fx.params.cellKm),
    );
    return {
      cells: g.unit.length,
      centres: arr(g.centres, 5),
      seaport_km: arr(g.seaport_km),
      airport_km: arr(g.airport_km),
      gate_km: arr(g.gate_km),
      corridor_km: arr(g.corridor_km),
    };
  },
  index: (fx) => {
    const { units, lines, points } = split(fx);
    const tol = Number(fx.params.toleranceKm);
    return computeLinkageIndex(
      units.map((u) => u.id),
      {
        adjacency: computeAdjacency(units, { toleranceKm: tol }),
        distances: computeDistances(units, lines, tol).rows,
        gravity: computeGravity(units, Number(fx.params.beta), fx.params.mass as 'population' | 'area'),
        hinterland: computeHinterland(units, points.port!, lines, { toleranceKm: tol, cellKm: 50 }).units_rows,
      },
    );
  },
};

const load = (op: AnalysisKind, name: string): Fixture => JSON.parse(readFileSync(`${ROOT}/${op}/in/${name}.geojson`, 'utf8')) as Fixture;
const result = (op: AnalysisKind, name: string): unknown => JSON.parse(JSON.stringify(OPS[op](load(op, name))));
const inputsOf = (op: AnalysisKind): string[] =>
  existsSync(`${ROOT}/${op}/in`)
    ? readdirSync(`${ROOT}/${op}/in`)
        .filter((f) => f.endsWith('.geojson'))
        .map((f) => f.replace(/\.geojson$/, ''))
    : [];

describe('analysis fixtures (in/*.geojson → out/*.json)', () => {
  for (const op of ANALYSES) {
    it(`${op}: has at least three fixtures`, () => {
      expect(inputsOf(op).length).toBeGreaterThanOrEqual(3);
    });
    for (const name of inputsOf(op)) {
      it(`${op}: ${name}`, () => {
        const got = result(op, name);
        const outFile = `${ROOT}/${op}/out/${name}.json`;
        if (process.env.REGEN) {
          mkdirSync(`${ROOT}/${op}/out`, { recursive: true });
          writeFileSync(outFile, JSON.stringify(got, null, 1) + '\n');
        }
        // A missing expected file is a failure: only REGEN=1 writes one, for a reviewer to read.
        expect(existsSync(outFile), `${outFile} is missing: run REGEN=1 npx vitest run tests/unit/analysis-fixtures.test.ts`).toBe(true);
        expect(got).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
      });
    }
  }
});

// The hand-checkable cases, asserted independently of the expected files.
const DEG_KM = (6371.0088 * Math.PI) / 180; // 111.195 km per degree of a great circle

describe('hand-checked cases', () => {
  it('a 3×3 grid of squares has 12 shared edges, each one side long', () => {
    const rows = result('adjacency', 'grid-3x3') as { a: string; b: string; shared_km: number }[];
    expect(rows).toHaveLength(12);
    for (const r of rows) expect(r.shared_km).toBeCloseTo(0.1 * DEG_KM, 1);
    expect(rows.find((r) => r.a === 'g00' && r.b === 'g11')).toBeUndefined(); // diagonal: corner only
  });

  it('two squares touching at a corner are not adjacent', () => {
    expect(result('adjacency', 'corner-touch')).toEqual([]);
  });

  it('neighbours whose shared edge has different vertices are adjacent along the whole edge', () => {
    const rows = result('adjacency', 'shared-edge-different-vertices') as { shared_km: number }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.shared_km).toBeCloseTo(0.1 * DEG_KM, 1);
    // Without a tolerance the 10 m offset means they do not touch.
    expect(computeAdjacency(split(load('adjacency', 'shared-edge-different-vertices')).units, { toleranceKm: 0 })).toEqual([]);
  });

  it('half an edge shared gives half the length', () => {
    const rows = result('adjacency', 'partial-edge') as { shared_km: number }[];
    expect(rows[0]!.shared_km).toBeCloseTo(0.05 * DEG_KM, 1);
  });

  it('crossing corridors are joined: west to north runs along both', () => {
    const { rows, paths } = result('distance', 'crossing-lines') as {
      rows: { a: string; b: string; great_circle_km: number; network_km: number }[];
      paths: Record<string, number[][]>;
    };
    const wn = rows.find((r) => r.a === 'w' && r.b === 'n')!;
    expect(wn.network_km).toBeCloseTo(DEG_KM, 0); // 0.5° + 0.5°
    expect(wn.great_circle_km).toBeCloseTo(Math.SQRT1_2 * DEG_KM, 0);
    expect(paths['w>n']).toContainEqual([0.5, 0.5]);
  });

  it('a gap within the tolerance is bridged, beyond it there is no network path', () => {
    const near = result('distance', 'gap-within-tolerance') as { rows: { network_km: number | null }[] };
    expect(near.rows[0]!.network_km).toBeCloseTo(DEG_KM, 0);
    const far = result('distance', 'gap-beyond-tolerance') as { rows: { network_km: number | null }[] };
    expect(far.rows[0]!.network_km).toBeNull();
  });

  it('gravity follows I = m_i·m_j / d^β and leaves out a unit without mass', () => {
    const rows = result('gravity', 'three-masses') as { a: string; b: string; intensity: number; share: number }[];
    expect(rows).toHaveLength(3);
    const ab = rows.find((r) => r.a === 'a' && r.b === 'b')!;
    expect(ab.intensity / ((1000 * 2000) / DEG_KM ** 2)).toBeCloseTo(1, 6);
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 6);
  });

  it('each unit goes to the port at its end of the road', () => {
    const r = result('hinterland', 'three-units-two-ports') as {
      units_rows: { unit: string; port_straight: string; port_network: string }[];
    };
    expect(r.units_rows.map((u) => u.port_network)).toEqual(['west', 'west', 'east']);
  });

  it('a line through a square has one side inside it', () => {
    const r = result('reach', 'line-through-squares') as { crossings: { unit: string; length_km: number }[] };
    expect(r.crossings.find((c) => c.unit === 'sq')!.length_km).toBeCloseTo(0.1 * DEG_KM, 1);
    expect(r.crossings.find((c) => c.unit === 'east')!.length_km).toBeCloseTo(0.05 * DEG_KM, 1);
  });

  it('the centre of a 3×3 grid crossed by two corridors ranks first', () => {
    const { rows } = result('index', 'grid-3x3') as { rows: { unit: string; rank: number; degree: number }[] };
    expect(rows[0]!.unit).toBe('g11');
    expect(rows[0]!.degree).toBe(4);
  });

  it('a part equal for every unit gives no free points: it is left out of the mean, and the result says so', () => {
    // No corridors: no unit has a network closeness or a network path to the port.
    const r = result('index', 'no-corridors-constant-parts') as {
      rows: { unit: string; index: number; rank: number; degree: number }[];
      parts_used: string[];
      parts_dropped: string[];
    };
    expect(r.parts_dropped).toEqual(['closeness', 'port_km']);
    expect(r.parts_used).toEqual(['degree', 'gravity_total']);
    // A corner has the fewest neighbours and the least gravity: 0, not the 50 the two constant parts would have given.
    const corner = r.rows.find((x) => x.unit === 'g00')!;
    expect(corner.degree).toBe(2);
    expect(corner.index).toBe(0);
    // The centre has the most of both: 100.
    expect(r.rows[0]).toMatchObject({ unit: 'g11', index: 100, rank: 1 });
  });

  it('overlapping bands are counted once: two corridors 1 km apart with 1 km bands cover a 3 km strip', () => {
    const r = result('reach', 'overlapping-bands') as { shares: { within_km2: number }[] };
    // 3 km across the 0.1° square (11.12 km along): about 33.4 km², not the 44.5 two separate bands would give.
    expect(r.shares[0]!.within_km2).toBeCloseTo(3 * 0.1 * DEG_KM, 0);
  });

  it('without a road an isochrone is the disc the straight leg reaches', () => {
    const r = result('isochrone', 'no-road') as { bands: { minutes: number; area_km2: number }[] };
    const [near] = r.bands;
    // The leg's speed and detour from the travel model's defaults: radius = minutes × speed ÷ detour.
    const radius = ((near!.minutes / 60) * DEFAULT_SPEEDS.access.kmh) / DEFAULT_DETOUR;
    expect(near!.area_km2 / (Math.PI * radius ** 2)).toBeCloseTo(1, 1);
  });

  it('isochrone bands grow with the minutes, and a road stretches them', () => {
    const road = result('isochrone', 'one-road') as { bands: { area_km2: number }[] };
    const none = result('isochrone', 'no-road') as { bands: { area_km2: number }[] };
    expect(road.bands[1]!.area_km2).toBeGreaterThan(road.bands[0]!.area_km2);
    // 30 minutes with a road reach more than 20 minutes without one.
    expect(road.bands[1]!.area_km2).toBeGreaterThan(none.bands[0]!.area_km2);
  });
});
