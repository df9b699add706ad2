/**
 * What a result must say of itself: one population base per run, units at their
 * administrative centres, neighbours beyond the region on request, no free points in the
 * index, and the model (with the distance it measures) in one line.
 */
import { render } from '../../src/i18n/index.ts';
import { distance } from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { main } from '../../cli/ntcc.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { unitsFor } from '../../src/analysis/inputs.ts';
import { DEFAULT_PARAMS, type AnalysisParams } from '../../src/core/analysis.ts';
import { resultTables } from '../../src/export/results.ts';
import { parseHash, formatHash } from '../../src/state/url-hash.ts';

const inputs = loadInputs();
const run = (p: Partial<AnalysisParams>) => runAnalysis(inputs, { ...DEFAULT_PARAMS, ...p });

// The 2025 administrative centres, from the region brief (lon, lat).
const CENTRES_2025: Record<string, [number, number]> = {
  'VN-21': [105.78, 19.81], // Hạc Thành = Thanh Hóa city
  'VN-22': [105.69, 18.67], // Trường Vinh = Vinh
  'VN-23': [105.9, 18.34], // Thành Sen = Hà Tĩnh city
  'VN-25': [106.62, 17.47], // Đồng Hới
  'VN-26': [107.59, 16.46], // Thuận Hóa = Huế
  'VN-DN': [108.21, 16.05], // Hải Châu
  'VN-29': [108.8, 15.12], // Cẩm Thành
  'VN-30': [109.22, 13.78], // Quy Nhơn
  'VN-33': [108.04, 12.67], // Buôn Ma Thuột
  'VN-34': [109.19, 12.24], // Nha Trang
  'VN-35': [108.44, 11.94], // Xuân Hương–Đà Lạt
};

describe('one population base per run', () => {
  for (const popBase of ['gso2023', 'nq202'] as const)
    it(`2025 gravity on ${popBase}: the units table names one source, and a unit without a figure gets null`, () => {
      const r = run({ kind: 'gravity', edition: '2025', popBase });
      const units = resultTables(r).find((t) => t.name === 'units')!;
      expect(units.columns).toEqual(['id', 'name_vi', 'name_en', 'centre', 'in_region', 'mass', 'mass_source']);
      expect(units.rows).toHaveLength(11);
      const sources = new Set(units.rows.map((u) => u.mass_source).filter((s) => s !== null));
      expect([...sources]).toEqual([popBase === 'gso2023' ? 'GSO23' : 'NQ202']);
      for (const u of units.rows) expect(u.mass === null).toBe(u.mass_source === null);
      // Unchanged units have no NQ202 count; units holding Central Highlands provinces have no GSO 2023 sum.
      const missing = units.rows.filter((u) => u.mass === null).map((u) => u.id);
      expect(missing.sort()).toEqual(popBase === 'nq202' ? ['VN-21', 'VN-22', 'VN-23', 'VN-26'] : ['VN-29', 'VN-30', 'VN-33', 'VN-35']);
      // Such a unit is in no pair, and the result says so in both languages.
      if (r.kind !== 'gravity') throw new Error('wrong kind');
      expect(r.rows.some((x) => missing.includes(x.a) || missing.includes(x.b))).toBe(false);
      expect(r.rows).toHaveLength((7 * 6) / 2);
      expect(r.notes.some((n) => render('en', n).includes('No population base covers every 2025 unit'))).toBe(true);
      expect(r.notes.some((n) => render('vi', n).includes('Chưa có nguồn số dân nào đủ'))).toBe(true);
    });

  it('the GSO 2023 mass of a merged 2025 unit is the sum of its 2022 members, never an NQ202 count', () => {
    const r = run({ kind: 'gravity', edition: '2025', popBase: 'gso2023' });
    const dn = r.units.find((u) => u.id === 'VN-DN')!;
    expect(dn.mass).toBe(1245200 + 1526100); // Đà Nẵng + Quảng Nam, GSO 2023
  });

  it('the hinterland leaves the population served by a port empty when one of its units has no figure', () => {
    const r = run({ kind: 'hinterland', edition: '2025', popBase: 'nq202' });
    if (r.kind !== 'hinterland') throw new Error('wrong kind');
    const thanhHoaPort = r.units_rows.find((u) => u.unit === 'VN-21')!.port_straight;
    expect(r.ports.find((p) => p.port === thanhHoaPort)!.population_straight).toBeNull();
    for (const p of r.ports) if (p.population_straight !== null && p.units_straight > 0) expect(p.population_straight).toBeGreaterThan(0);
  });

  it('area as the mass is complete for 2025 and says where it comes from', () => {
    const r = run({ kind: 'gravity', edition: '2025', mass: 'area' });
    expect(r.units.every((u) => u.mass !== null && u.mass_source === 'area:geometry')).toBe(true);
    expect(r.notes.filter((n) => render('en', n).includes('no figure'))).toEqual([]);
  });
});

describe('units at their administrative centres', () => {
  it('every 2025 unit’s centre lies within 2 km of the brief’s coordinates', () => {
    const units = unitsFor(inputs, '2025');
    expect(units.map((u) => u.id).sort()).toEqual(Object.keys(CENTRES_2025).sort());
    for (const u of units) {
      expect(u.centre_is_label).toBe(false);
      expect(distance(u.centre, CENTRES_2025[u.id]!, { units: 'kilometers' }), u.id).toBeLessThan(2);
    }
  });
});

/** The units paired with `id` in a list of pairs, sorted. */
const pairsOf = (rows: { a: string; b: string }[], id: string) =>
  rows
    .filter((r) => r.a === id || r.b === id)
    .map((r) => (r.a === id ? r.b : r.a))
    .sort();

describe('neighbours beyond the region', () => {
  it('without context Thanh Hóa and Bình Thuận have one neighbour each; with it, their real ones', () => {
    const plain = run({ kind: 'adjacency' });
    const ctx = run({ kind: 'adjacency', context: true });
    if (plain.kind !== 'adjacency' || ctx.kind !== 'adjacency') throw new Error('wrong kind');
    expect(pairsOf(plain.rows, 'VN-21')).toEqual(['VN-22']);
    expect(pairsOf(plain.rows, 'VN-40')).toEqual(['VN-36']);
    // Thanh Hóa: Sơn La, Hòa Bình, Ninh Bình, Nghệ An. Bình Thuận: Lâm Đồng, Ninh Thuận, Đồng Nai, Bà Rịa–Vũng Tàu.
    expect(pairsOf(ctx.rows, 'VN-21')).toEqual(['VN-05', 'VN-14', 'VN-18', 'VN-22']);
    expect(pairsOf(ctx.rows, 'VN-40')).toEqual(['VN-35', 'VN-36', 'VN-39', 'VN-43']);
    // Context units are marked, and no pair lies wholly outside the region.
    const outside = new Set(ctx.units.filter((u) => !u.in_region).map((u) => u.id));
    expect(outside.size).toBe(10);
    expect(ctx.rows.some((r) => outside.has(r.a) && outside.has(r.b))).toBe(false);
    expect(ctx.notes.some((n) => render('en', n).includes('10 neighbouring provinces outside the region'))).toBe(true);
  });

  it('the index says whether it used the context, and ranks only the region’s units', () => {
    const ctx = run({ kind: 'index', context: true });
    const plain = run({ kind: 'index' });
    if (ctx.kind !== 'index' || plain.kind !== 'index') throw new Error('wrong kind');
    expect(ctx.context_used).toBe(true);
    expect(plain.context_used).toBe(false);
    expect(ctx.rows).toHaveLength(14);
    expect(ctx.rows.find((r) => r.unit === 'VN-21')!.degree).toBe(4);
    expect(plain.rows.find((r) => r.unit === 'VN-21')!.degree).toBe(1);
  });

  it('context travels through the address and the command line', async () => {
    const hash = formatHash({
      view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022',
      lang: 'vi',
      selected: null,
      analysis: { ...DEFAULT_PARAMS, kind: 'adjacency', context: true, popBase: 'nq202' },
    });
    expect(hash).toContain('ctx=1');
    expect(hash).toContain('pb=nq202');
    expect(parseHash(hash).state.analysis).toMatchObject({ context: true, popBase: 'nq202' });
    expect(parseHash('#an=gravity&ctx=maybe').invalid).toEqual(['ctx']);
    let out = '';
    expect(await main(['analyze', 'adjacency', '--context'], (s) => (out += s))).toBe(0);
    const rows = JSON.parse(out) as { a: string; b: string }[];
    expect(pairsOf(rows, 'VN-40')).toEqual(['VN-35', 'VN-36', 'VN-39', 'VN-43']);
  });
});

describe('no free points in the index', () => {
  it('with the high-speed railway only (not built today), no unit has a network closeness or a network path to a port: both parts are left out', () => {
    const r = run({ kind: 'index', corridorKind: 'high_speed_railway', horizon: 'today' });
    if (r.kind !== 'index') throw new Error('wrong kind');
    expect(r.parts_dropped).toEqual(['closeness', 'port_km']);
    expect(r.notes.some((n) => render('en', n).startsWith('Left out of the mean'))).toBe(true);
    // The last unit scores on degree and gravity only: below the 50 the two constant parts would have given it.
    expect(Math.min(...r.rows.map((x) => x.index!))).toBeLessThan(50);
  });
});

describe('the model line', () => {
  for (const kind of ['adjacency', 'reach', 'distance', 'gravity', 'hinterland', 'access', 'index'] as const)
    it(`${kind}: says what distances are, in both languages`, () => {
      const r = run({ kind, cellKm: 20 });
      expect(render('en', r.model)).toContain('great-circle on a sphere of radius 6,371.0088 km');
      expect(render('en', r.model)).toContain('0.5 %');
      expect(render('vi', r.model)).toContain('6.371,0088 km');
    });

  it('the units table comes out of the command line with centre and mass source', async () => {
    let out = '';
    expect(await main(['analyze', 'gravity', '--edition', '2025', '--pop-base', 'nq202', '--table', 'units'], (s) => (out += s))).toBe(0);
    const rows = JSON.parse(out) as { id: string; centre: [number, number]; mass: number | null; mass_source: string | null }[];
    expect(rows.find((r) => r.id === 'VN-35')).toMatchObject({ centre: [108.44, 11.94], mass: 3872999, mass_source: 'NQ202' });
    expect(rows.find((r) => r.id === 'VN-21')).toMatchObject({ mass: null, mass_source: null });
  });
});
