/** The analyses on the bundled data: results a map of Vietnam can confirm. */
import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { DEFAULT_PARAMS, paramsKey, parseParams, type AnalysisParams } from '../../src/core/analysis.ts';
import { unitsFor } from '../../src/analysis/inputs.ts';

const inputs = loadInputs();
const run = (p: Partial<AnalysisParams>) => runAnalysis(inputs, { ...DEFAULT_PARAMS, ...p });

// Neighbouring pairs among the 14 provinces of Resolution 26 (2022 boundaries), read off the map.
const NEIGHBOURS_2022 = [
  ['VN-21', 'VN-22'], // Thanh Hóa – Nghệ An
  ['VN-22', 'VN-23'], // Nghệ An – Hà Tĩnh
  ['VN-23', 'VN-24'], // Hà Tĩnh – Quảng Bình
  ['VN-24', 'VN-25'], // Quảng Bình – Quảng Trị
  ['VN-25', 'VN-26'], // Quảng Trị – Thừa Thiên Huế
  ['VN-26', 'VN-DN'], // Thừa Thiên Huế – Đà Nẵng
  ['VN-26', 'VN-27'], // Thừa Thiên Huế – Quảng Nam
  ['VN-27', 'VN-DN'], // Quảng Nam – Đà Nẵng
  ['VN-27', 'VN-29'], // Quảng Nam – Quảng Ngãi
  ['VN-29', 'VN-31'], // Quảng Ngãi – Bình Định
  ['VN-31', 'VN-32'], // Bình Định – Phú Yên
  ['VN-32', 'VN-34'], // Phú Yên – Khánh Hòa
  ['VN-34', 'VN-36'], // Khánh Hòa – Ninh Thuận
  ['VN-36', 'VN-40'], // Ninh Thuận – Bình Thuận
].map(([a, b]) => `${a}|${b}`);

describe('analyses on the bundled data', () => {
  it('the adjacency graph of the 14 provinces is the one the map shows', () => {
    const r = run({ kind: 'adjacency', edition: '2022' });
    if (r.kind !== 'adjacency') throw new Error('wrong kind');
    expect(r.rows.map((x) => `${x.a}|${x.b}`).sort()).toEqual([...NEIGHBOURS_2022].sort());
    for (const row of r.rows) expect(row.shared_km).toBeGreaterThan(20);
  });

  it('the 2025 units are adjacent along a chain from Thanh Hóa to Lâm Đồng', () => {
    const r = run({ kind: 'adjacency', edition: '2025' });
    if (r.kind !== 'adjacency') throw new Error('wrong kind');
    expect(r.rows.length).toBeGreaterThanOrEqual(10);
    const ids = new Set(r.rows.flatMap((x) => [x.a, x.b]));
    expect(ids.size).toBe(11);
  });

  it('gravity intensities match I = P_i·P_j / d² computed independently with Turf', () => {
    const r = run({ kind: 'gravity', edition: '2022', beta: 2, mass: 'population' });
    if (r.kind !== 'gravity') throw new Error('wrong kind');
    const units = unitsFor(inputs, '2022');
    expect(r.rows).toHaveLength((14 * 13) / 2);
    let total = 0;
    const expected = new Map<string, number>();
    for (let i = 0; i < units.length; i++)
      for (let j = i + 1; j < units.length; j++) {
        const a = units[i]!;
        const b = units[j]!;
        const d = distance(a.centre, b.centre, { units: 'kilometers' });
        const v = (a.population! * b.population!) / d ** 2;
        expected.set(`${a.id}|${b.id}`, v);
        total += v;
      }
    for (const row of r.rows) {
      const v = expected.get(`${row.a}|${row.b}`)!;
      expect(row.intensity / v).toBeCloseTo(1, 5);
      expect(row.share / (v / total)).toBeCloseTo(1, 5);
    }
  });

  it('network distances are never shorter than great-circle ones', () => {
    const r = run({ kind: 'distance', edition: '2025' });
    if (r.kind !== 'distance') throw new Error('wrong kind');
    expect(r.rows).toHaveLength(55);
    for (const row of r.rows) {
      expect(row.network_km).not.toBeNull();
      expect(row.network_km!).toBeGreaterThanOrEqual(row.great_circle_km - 0.01);
    }
  });

  it('every province’s own port serves it by straight line where it has one close by', () => {
    const r = run({ kind: 'hinterland', edition: '2022' });
    if (r.kind !== 'hinterland') throw new Error('wrong kind');
    expect(r.units_rows.find((u) => u.unit === 'VN-DN')!.port_straight).toBe('da-nang');
    const pop = r.ports.reduce((s, p) => s + p.population_straight!, 0);
    const all = unitsFor(inputs, '2022').reduce((s, u) => s + (u.population ?? 0), 0);
    expect(pop).toBe(all);
  });

  it('the accessibility grid covers the region with 5 km cells', () => {
    const r = run({ kind: 'access', edition: '2022', cellKm: 5 });
    if (r.kind !== 'access') throw new Error('wrong kind');
    const cells = r.grid.unit.length;
    // ≈ 96,000 km² of land (plus islands) / 65 km² per hexagon of side 5 km.
    expect(cells).toBeGreaterThan(1300);
    expect(cells).toBeLessThan(1700);
    expect(Math.max(...r.grid.seaport_km)).toBeLessThan(250);
  });

  it('parameters from text are checked and the cache key ignores unused ones', () => {
    const { params, problems } = parseParams({ kind: 'gravity', beta: '9', cellKm: 'x', edition: '2025' });
    expect(params.beta).toBe(2);
    expect(params.edition).toBe('2025');
    expect(problems.map((p) => p.param)).toEqual(['beta', 'cellKm']);
    expect(paramsKey({ ...DEFAULT_PARAMS, kind: 'gravity', cellKm: 3 })).toBe(paramsKey({ ...DEFAULT_PARAMS, kind: 'gravity', cellKm: 7 }));
    expect(paramsKey({ ...DEFAULT_PARAMS, kind: 'gravity', beta: 1 })).not.toBe(paramsKey({ ...DEFAULT_PARAMS, kind: 'gravity' }));
  });
});

describe('analyses on the user’s own data', () => {
  it('a user’s boundary file with its own field names stands in for the provinces', () => {
    // The bundled 2022 provinces, renamed as an authority's file might name them.
    const own = {
      type: 'FeatureCollection' as const,
      features: inputs.provinces2022.features
        .filter((f) => f.properties.in_region)
        .map((f) => ({
          type: 'Feature' as const,
          properties: { MA_TINH: f.properties.iso, TEN: f.properties.name_vi, DAN_SO: f.properties.population_2023 },
          geometry: f.geometry,
        })),
    };
    const overrides = { units: { layer: 'import-1', name: 'ranh-gioi', fc: own, code: 'MA_TINH', nameField: 'TEN', population: 'DAN_SO' } };
    const adj = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'adjacency' }, undefined, overrides);
    if (adj.kind !== 'adjacency') throw new Error('wrong kind');
    expect(adj.rows.map((x) => `${x.a}|${x.b}`).sort()).toEqual([...NEIGHBOURS_2022].sort());
    expect(adj.units_source).toEqual({ layer: 'import-1', code: 'MA_TINH', name: 'ranh-gioi' });
    const g = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'gravity' }, undefined, overrides);
    if (g.kind !== 'gravity') throw new Error('wrong kind');
    expect(g.rows).toHaveLength(91);
    expect(g.units.find((u) => u.id === 'VN-DN')?.name_vi).toBe('Đà Nẵng');
  });

  it('a user’s list of ports becomes the targets of the hinterland analysis', () => {
    const ports = {
      type: 'FeatureCollection' as const,
      features: [
        { type: 'Feature' as const, properties: { name: 'Cảng Bắc' }, geometry: { type: 'Point' as const, coordinates: [105.8, 19.3] } },
        { type: 'Feature' as const, properties: { name: 'Cảng Nam' }, geometry: { type: 'Point' as const, coordinates: [108.9, 11.5] } },
      ],
    };
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'hinterland' }, undefined, {
      ports: { layer: 'import-2', name: 'ports', fc: ports },
    });
    if (r.kind !== 'hinterland') throw new Error('wrong kind');
    expect(r.ports.map((p) => p.name_vi).sort()).toEqual(['Cảng Bắc', 'Cảng Nam']);
    expect(r.units_rows.find((u) => u.unit === 'VN-21')!.port_straight).toBe('p1');
    expect(r.units_rows.find((u) => u.unit === 'VN-40')!.port_straight).toBe('p2');
    expect(r.ports.reduce((s, p) => s + p.units_straight, 0)).toBe(14);
  });
});
