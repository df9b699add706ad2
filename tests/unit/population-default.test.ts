/**
 * The bundled default population surface (issue 27, item 5): without a population grid, each
 * unit's official figure is not spread evenly any more where its towns are known: each city and
 * town takes its share of its province at the 2019 census on the cells within a disc of its area,
 * and the rest is spread evenly. A unit's cells still add up to its figure; the model line and a
 * note say what was done.
 */
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { unitsFor } from '../../src/analysis/inputs.ts';
import { modelledPersons, spreadPersons } from '../../src/analysis/population.ts';
import { buildHexGrid } from '../../src/analysis/hex-grid.ts';
import { haversineKm } from '../../src/analysis/geo.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { DEFAULT_PARAMS, type AnalysisParams, type AnalysisResult, type AnalysisUnit } from '../../src/core/analysis.ts';
import { render } from '../../src/i18n/index.ts';

const inputs = loadInputs();
const params = (over: Partial<AnalysisParams>): AnalysisParams => ({ ...DEFAULT_PARAMS, ...over });

/** A square unit of `side` degrees at (lon, lat). */
const square = (lon: number, lat: number, side: number): AnalysisUnit['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + side, lat],
      [lon + side, lat + side],
      [lon, lat + side],
      [lon, lat],
    ],
  ],
});

const sumOfUnit = (persons: Float64Array, unit: Int32Array, k: number) => {
  let s = 0;
  for (let i = 0; i < persons.length; i++) if (unit[i] === k) s += persons[i]!;
  return s;
};

describe('modelledPersons', () => {
  const town = { id: 't', name_vi: 'T', name_en: 'T', at: [105.5, 18.5] as [number, number], radiusKm: 8, persons: 400_000 };
  const units = [
    { geometry: square(105, 18, 1), population: 1_000_000, towns: [town] },
    { geometry: square(106.2, 18, 1), population: 500_000 },
    { geometry: square(107.4, 18, 1), population: null },
  ];
  const grid = buildHexGrid(units, 5);
  const { persons, towns } = modelledPersons(grid, units);

  it("keeps each unit's figure, puts a town's persons on its cells, spreads a unit without towns evenly, and gives NaN without a figure", () => {
    expect(towns).toBe(1);
    expect(sumOfUnit(persons, grid.unit, 0)).toBeCloseTo(1_000_000, 3);
    expect(sumOfUnit(persons, grid.unit, 1)).toBeCloseTo(500_000, 3);
    const even = spreadPersons(
      grid,
      units.map((u) => u.population),
    );
    let inDisc = 0;
    for (let i = 0; i < persons.length; i++) {
      const u = grid.unit[i]!;
      if (u === 1) expect(persons[i]).toBeCloseTo(even[i]!, 6);
      if (u === 2) expect(Number.isNaN(persons[i]!)).toBe(true);
      if (u !== 0) continue;
      const d = haversineKm(105.5, 18.5, grid.centres[2 * i]!, grid.centres[2 * i + 1]!);
      if (d <= 8) {
        inDisc++;
        expect(persons[i]!).toBeGreaterThan(even[i]! * 2);
      } else expect(persons[i]!).toBeCloseTo(600_000 / cellsOf(grid.unit, 0), 3);
    }
    expect(inDisc).toBeGreaterThan(0);
  });

  it('puts a town smaller than a cell on the nearest cell of its unit', () => {
    const small = [{ ...units[0]!, towns: [{ ...town, radiusKm: 0.5, at: [105.51, 18.49] as [number, number] }] }];
    const g = buildHexGrid(small, 5);
    const p = modelledPersons(g, small).persons;
    const max = Math.max(...p);
    const i = p.indexOf(max);
    const nearest = Array.from(g.unit, (_, k) => haversineKm(105.51, 18.49, g.centres[2 * k]!, g.centres[2 * k + 1]!));
    expect(nearest[i]).toBe(Math.min(...nearest));
    expect(max).toBeCloseTo(400_000 + 600_000 / g.unit.length, 3);
  });
});

function cellsOf(unit: Int32Array, k: number): number {
  let n = 0;
  for (const u of unit) if (u === k) n++;
  return n;
}

describe('the bundled towns', () => {
  it('every province of the region has its towns, holding less than its figure', () => {
    const units = unitsFor(inputs, '2022');
    expect(units).toHaveLength(14);
    for (const u of units) {
      expect(u.towns?.length, u.name_vi).toBeGreaterThan(0);
      const inTowns = u.towns!.reduce((s, t) => s + t.persons, 0);
      expect(inTowns).toBeGreaterThan(0);
      expect(inTowns).toBeLessThan(u.population!);
    }
    // 2025: the merged units whose members all have a 2019 total take their members' towns, in either base.
    for (const base of ['gso2023', 'nq202'] as const) {
      const merged = unitsFor(inputs, '2025', { popBase: base }).filter((u) => u.population !== null);
      expect(merged.some((u) => (u.towns?.length ?? 0) > 0)).toBe(true);
      for (const u of merged) if (u.towns) expect(u.towns.reduce((s, t) => s + t.persons, 0)).toBeLessThan(u.population!);
    }
  });

  it('coverage without a grid: the cells add up to the units, a capital holds more than the even share, and the model line and a note say so', () => {
    const r = runAnalysis(inputs, params({ kind: 'coverage', cellKm: 10 })) as Extract<AnalysisResult, { kind: 'coverage' }>;
    expect(r.grid.persons_from).toBe('towns');
    let sum = 0;
    for (const p of r.grid.persons) sum += p;
    const official = r.units.filter((u) => u.in_region).reduce((a, u) => a + (u.mass ?? 0), 0);
    expect(sum).toBeCloseTo(official, 0);
    // Nghệ An: the persons of the cells within 15 km of Vinh against the same cells spread evenly.
    const units = unitsFor(inputs, '2022');
    const k = units.findIndex((u) => u.id === 'VN-22');
    const even = spreadPersons(
      r.grid,
      units.map((u) => u.population),
    );
    let near = 0;
    let nearEven = 0;
    for (let i = 0; i < r.grid.unit.length; i++) {
      if (r.grid.unit[i] !== k) continue;
      if (haversineKm(105.69, 18.67, r.grid.centres[2 * i]!, r.grid.centres[2 * i + 1]!) > 15) continue;
      near += r.grid.persons[i]!;
      nearEven += even[i]!;
    }
    expect(near).toBeGreaterThan(3 * nearEven);
    const model = render('en', r.model);
    expect(model).toMatch(/cities and towns keep their published population/);
    expect(r.notes.some((n) => n.key === 'Note.TownsAssumed')).toBe(true);
    expect(render('vi', r.model)).toMatch(/thành phố, thị xã giữ số dân đã công bố/);
  });

  it("the accessibility grid's persons: each unit's cells add up to its figure, towns denser than the rest", () => {
    const r = runAnalysis(inputs, params({ kind: 'access' })) as Extract<AnalysisResult, { kind: 'access' }>;
    const spread = r.grid.spread!;
    r.units.forEach((u, k) => {
      if (u.mass === null || u.mass === undefined) return;
      expect(sumOfUnit(spread, r.grid.unit, k)).toBeCloseTo(u.mass, 0);
    });
    const finite = Array.from(spread)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    expect(finite.at(-1)!).toBeGreaterThan(20 * finite[Math.floor(finite.length / 2)]!);
    expect(r.notes.some((n) => n.key === 'Note.TownsAssumed')).toBe(true);
  });
});
