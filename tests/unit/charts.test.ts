/** The charts say what the tables say: their numbers are the result's, in the table's order and units. */
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { DEFAULT_PARAMS, type AnalysisKind, type Of } from '../../src/core/analysis.ts';
import { chartOf, firstCategories, gainChart, indexContributions } from '../../src/export/charts.ts';
import { render } from '../../src/i18n/index.ts';

const inputs = loadInputs();
const VIEW = { measure: 'seaport_km', method: 'network' } as const;
function run<K extends AnalysisKind>(kind: K, extra: Partial<typeof DEFAULT_PARAMS> = {}): Of<K> {
  const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind, cellKm: 20, ...extra });
  if (r.kind !== kind) throw new Error(kind);
  return r as Of<K>;
}

describe('charts', () => {
  it('gravity: the strongest flows first, each bar its share of the total in %', () => {
    const r = run('gravity');
    const c = chartOf(r, VIEW);
    expect(c.categories).toHaveLength(15);
    r.rows.slice(0, 15).forEach((row, i) => {
      expect(c.categories[i]!.key).toBe(`${row.a}>${row.b}`);
      expect(c.series[0]!.values[i]).toBeCloseTo(row.share * 100, 2);
    });
    expect(render('en', c.finding)).toContain(`${(r.rows[0]!.share * 100).toFixed(1)} %`);
    // A scene's chart: the six strongest, each with its own value; the finding is the whole chart's.
    const six = firstCategories(c, 6);
    expect(six.categories.map((x) => x.key)).toEqual(c.categories.slice(0, 6).map((x) => x.key));
    expect(six.series[0]!.values).toEqual(c.series[0]!.values.slice(0, 6));
    expect(six.finding).toEqual(c.finding);
  });

  it('reach: each unit’s bar is the sum of its corridors’ km inside it', () => {
    const r = run('reach');
    const c = chartOf(r, VIEW);
    for (const [i, cat] of c.categories.entries()) {
      const km = r.crossings.filter((x) => x.unit === cat.key).reduce((s, x) => s + x.length_km, 0);
      expect(c.series[0]!.values[i]).toBeCloseTo(km, 1);
      expect(cat.unit).toBe(cat.key);
    }
  });

  it('index: the stacked parts add up to each unit’s index', () => {
    const r = run('index');
    const parts = indexContributions(r.rows, r.parts_used);
    for (const row of r.rows) {
      if (row.index === null) continue;
      const sum = Object.values(parts.get(row.unit) ?? {}).reduce((s, v) => s + (v ?? 0), 0);
      expect(sum).toBeCloseTo(row.index, 0);
    }
  });

  it('access: the share within t never falls as t grows, and reaches 100 %', () => {
    const r = run('access');
    const c = chartOf(r, VIEW);
    const v = c.series[0]!.values as number[];
    for (let i = 1; i < v.length; i++) expect(v[i]!).toBeGreaterThanOrEqual(v[i - 1]!);
    expect(v.at(-1)).toBe(100);
  });

  it('the comparison’s chart ranks units by their gain, best first', () => {
    const r = run('access');
    const c = gainChart(
      r,
      [
        { unit: 'VN-21', gain: 2 },
        { unit: 'VN-22', gain: -1 },
        { unit: 'VN-23', gain: 5 },
        { unit: 'VN-24', gain: null },
      ],
      'min',
    );
    expect(c.categories.map((x) => x.key)).toEqual(['VN-23', 'VN-21', 'VN-22']);
    expect(c.series[0]!.values).toEqual([5, 2, -1]);
    expect(render('vi', c.finding)).toContain('5 phút');
  });
});
