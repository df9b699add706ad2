/**
 * A chart for every analysis kind, as data: what is plotted (categories, series, values), in
 * which colours, with a title and the chart's main finding as messages. The panel draws it as
 * an SVG (ui/chart-render.ts, Observable Plot) and the PowerPoint deck as a native chart
 * (export/deck.ts, pptxgenjs): both read the same numbers, which are the result's table's.
 * One definition per kind in CHARTS, typed by kind: a kind without a chart fails to compile.
 */
import {
  INDEX_PARTS,
  accessValues,
  pairKey,
  type AccessMeasure,
  type AnalysisKind,
  type AnalysisResult,
  type CoverageTarget,
  type IndexPart,
  type Of,
  type PointSet,
} from '../core/analysis.ts';
import { CATEGORICAL, RAMP_DISTANCE, RAMP_DIVERGING, RAMP_STRENGTH, isochroneColor, rampColor } from '../core/analysis-style.ts';
import type { Both, Msg } from '../core/messages.ts';
import { num } from '../core/messages.ts';
import type { RGB } from '../core/thematic-style.ts';
import type { MessageKey } from '../i18n/index.ts';

/** What a chart's values are counted in (the axis says it in the reader's language). */
export type ChartUnit = 'km' | 'km2' | 'min' | 'persons' | 'percent' | 'count' | 'index' | 'none';

/** One bar or point: its key (a unit's id where it is one, to select on the map), its label and a value per series. */
export interface ChartCategory {
  key: string;
  label: Both;
  /** The unit's id when the category is a unit (clicking it selects the unit on the map). */
  unit?: string;
}

export interface ChartSeries {
  name: Msg<MessageKey>;
  color: RGB;
  /** One value per category; null where there is none. */
  values: (number | null)[];
}

/**
 * A chart: bars (horizontal, one series or several side by side), stacked bars, a line over a
 * numeric axis, or diverging bars (gains, with a colour for each side).
 */
export interface ChartSpec {
  type: 'bars' | 'grouped' | 'stacked' | 'line' | 'diverging';
  title: Msg<MessageKey>;
  /** The main finding in one sentence: the chart's accessible name. */
  finding: Msg<MessageKey>;
  categories: ChartCategory[];
  series: ChartSeries[];
  value: { label: Msg<MessageKey>; unit: ChartUnit; scientific?: boolean };
  /** A line chart's numeric axis (its categories' labels are these values). */
  axis?: { label: Msg<MessageKey>; unit: ChartUnit; values: number[] };
}

/** How the result is being shown: the measure the grid is coloured by, the hinterland's method. */
export interface ChartView {
  measure: AccessMeasure;
  method: 'straight' | 'network' | 'minutes';
}

const both = (vi: string, en: string): Both => ({ vi, en });
const TOP = 15;

/** The units of a result by id, their names in both languages. */
function namesOf(r: AnalysisResult): Map<string, Both> {
  return new Map(r.units.map((u) => [u.id, both(u.name_vi, u.name_en)]));
}
const pairLabel = (names: Map<string, Both>, a: string, b: string): Both => {
  const x = names.get(a) ?? both(a, a);
  const y = names.get(b) ?? both(b, b);
  return both(`${x.vi} – ${y.vi}`, `${x.en} – ${y.en}`);
};
const unitLabel = (names: Map<string, Both>, id: string): Both => names.get(id) ?? both(id, id);

/** The share of cells (or persons, where the cells carry them) within each threshold of a measure, and the thresholds. */
function cumulative(values: Float32Array, weights: Float64Array | null, steps: number[]): number[] {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) total += weights ? weights[i]! : 1;
  return steps.map((t) => {
    let within = 0;
    for (let i = 0; i < values.length; i++) if (values[i]! <= t) within += weights ? weights[i]! : 1;
    return total > 0 ? Math.round((1000 * within) / total) / 10 : 0;
  });
}

/** Round steps from 0 up to the largest finite value (about 12 of them). */
function stepsUpTo(values: Float32Array): number[] {
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  const raw = max / 12 || 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= max + step; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/** A kind of place in words (a user's points: "the places of your file"). */
export const targetWord = (t: CoverageTarget): 'Analysis.points.file' | `Analysis.points.${PointSet}` =>
  t === 'points' ? 'Analysis.points.file' : `Analysis.points.${t}`;

/** The persons in each cell, where the grid carries them (a population grid was given). */
const cellPersons = (g: { population?: Float64Array }): Float64Array | null => g.population ?? null;

/** Each analysis kind's chart, by kind (a kind without one fails to compile). */
const CHARTS: { [K in AnalysisKind]: (r: Of<K>, view: ChartView) => ChartSpec } = {
  adjacency: (r) => {
    const names = namesOf(r);
    const rows = [...r.rows].sort((x, y) => y.shared_km - x.shared_km).slice(0, TOP);
    const top = rows[0];
    return {
      type: 'bars',
      title: { key: 'Chart.adjacency' },
      finding: top
        ? { key: 'Chart.Find.adjacency', vars: { pair: pairLabel(names, top.a, top.b), km: num(top.shared_km, 1) } }
        : { key: 'Chart.Find.none' },
      categories: rows.map((x) => ({ key: pairKey(x.a, x.b), label: pairLabel(names, x.a, x.b) })),
      series: [{ name: { key: 'Col.shared_km' }, color: rampColor(RAMP_STRENGTH, 0.6), values: rows.map((x) => x.shared_km) }],
      value: { label: { key: 'Col.shared_km' }, unit: 'km' },
    };
  },
  reach: (r) => {
    const names = namesOf(r);
    const km = new Map<string, number>();
    for (const c of r.crossings) km.set(c.unit, (km.get(c.unit) ?? 0) + c.length_km);
    const rows = [...km.entries()].sort((x, y) => y[1] - x[1]).slice(0, TOP);
    const top = rows[0];
    return {
      type: 'bars',
      title: { key: 'Chart.reach' },
      finding: top ? { key: 'Chart.Find.reach', vars: { unit: unitLabel(names, top[0]), km: num(top[1], 0) } } : { key: 'Chart.Find.none' },
      categories: rows.map(([id]) => ({ key: id, label: unitLabel(names, id), unit: id })),
      series: [
        { name: { key: 'Chart.CorridorKm' }, color: rampColor(RAMP_STRENGTH, 0.6), values: rows.map(([, v]) => Math.round(v * 10) / 10) },
      ],
      value: { label: { key: 'Chart.CorridorKm' }, unit: 'km' },
    };
  },
  distance: (r) => {
    const names = namesOf(r);
    // The pairs whose network way departs most from the straight line (the largest detours).
    const rows = r.rows
      .filter((x) => x.network_km !== null && x.great_circle_km > 0)
      .sort((x, y) => y.network_km! / y.great_circle_km - x.network_km! / x.great_circle_km)
      .slice(0, TOP);
    const top = rows[0];
    return {
      type: 'grouped',
      title: { key: 'Chart.distance' },
      finding: top
        ? {
            key: 'Chart.Find.distance',
            vars: { pair: pairLabel(names, top.a, top.b), ratio: num(top.network_km! / top.great_circle_km, 2) },
          }
        : { key: 'Chart.Find.none' },
      categories: rows.map((x) => ({ key: pairKey(x.a, x.b), label: pairLabel(names, x.a, x.b) })),
      series: [
        { name: { key: 'Col.great_circle_km' }, color: rampColor(RAMP_DISTANCE, 0.1), values: rows.map((x) => x.great_circle_km) },
        { name: { key: 'Col.network_km' }, color: rampColor(RAMP_DISTANCE, 0.9), values: rows.map((x) => x.network_km) },
      ],
      value: { label: { key: 'Chart.Km' }, unit: 'km' },
    };
  },
  gravity: (r) => {
    const names = namesOf(r);
    const rows = r.rows.slice(0, TOP);
    const top = rows[0];
    return {
      type: 'bars',
      title: { key: 'Chart.gravity' },
      finding: top
        ? { key: 'Chart.Find.gravity', vars: { pair: pairLabel(names, top.a, top.b), share: num(top.share * 100, 1) } }
        : { key: 'Chart.Find.none' },
      categories: rows.map((x) => ({ key: pairKey(x.a, x.b), label: pairLabel(names, x.a, x.b) })),
      series: [
        { name: { key: 'Col.share' }, color: rampColor(RAMP_STRENGTH, 0.7), values: rows.map((x) => Math.round(x.share * 10000) / 100) },
      ],
      value: { label: { key: 'Chart.ShareOfTotal' }, unit: 'percent' },
    };
  },
  hinterland: (r, view) => {
    const method = view.method === 'minutes' && r.grid.port_minutes ? 'minutes' : view.method;
    const field = method === 'straight' ? 'population_straight' : method === 'minutes' ? 'population_minutes' : 'population_network';
    const cellsField = method === 'straight' ? 'cells_straight' : method === 'minutes' ? 'cells_minutes' : 'cells_network';
    // People: the grid's persons in the cells each port serves where a grid was given, else the units'
    // official figures where every unit a port serves has one; cells (area) otherwise.
    const gridField =
      method === 'straight' ? 'cells_population_straight' : method === 'minutes' ? 'cells_population_minutes' : 'cells_population_network';
    const byGrid = r.ports.every((p) => typeof p[gridField] === 'number');
    const byPeople = byGrid || r.ports.every((p) => p[field] !== null && p[field] !== undefined);
    const value = (p: (typeof r.ports)[number]): number =>
      byGrid ? (p[gridField] ?? 0) : byPeople ? (p[field] ?? 0) : (p[cellsField] ?? 0);
    const ports = [...r.ports].sort((x, y) => value(y) - value(x));
    const top = ports[0];
    const colour = new Map(r.port_ids.map((id, i) => [id, CATEGORICAL[i % CATEGORICAL.length]!]));
    return {
      type: 'bars',
      title: { key: byPeople ? 'Chart.hinterland' : 'Chart.hinterland.cells' },
      finding: top
        ? {
            key: byPeople ? 'Chart.Find.hinterland' : 'Chart.Find.hinterland.cells',
            vars: { port: both(top.name_vi, top.name_en), n: num(value(top), 0) },
          }
        : { key: 'Chart.Find.none' },
      categories: ports.map((p) => ({ key: p.port, label: both(p.name_vi, p.name_en) })),
      // One series, each bar the port's own colour on the map (the renderer colours by category).
      series: ports.map((p, i) => ({
        name: { key: byPeople ? 'Chart.Persons' : 'Chart.Cells' },
        color: colour.get(p.port) ?? CATEGORICAL[0]!,
        values: ports.map((_, k) => (k === i ? value(p) : null)),
      })),
      value: { label: { key: byPeople ? 'Chart.Persons' : 'Chart.Cells' }, unit: byPeople ? 'persons' : 'count' },
    };
  },
  access: (r, view) => {
    const { values, unit } = accessValues(r.grid, view.measure);
    const persons = cellPersons(r.grid);
    const steps = stepsUpTo(values);
    const shares = cumulative(values, persons, steps);
    // The finding: the share within the step nearest the middle of the range.
    const mid = steps[Math.floor(steps.length / 2)] ?? 0;
    const atMid = shares[Math.floor(steps.length / 2)] ?? 0;
    const minutes = unit === 'min';
    return {
      type: 'line',
      title: { key: persons ? 'Chart.access.people' : 'Chart.access' },
      finding: {
        key: persons ? 'Chart.Find.access.people' : 'Chart.Find.access',
        vars: {
          share: num(atMid, 1),
          t: num(mid, 1),
          unit: { key: minutes ? 'Unit.min' : 'Chart.Km' },
          to: { key: `Analysis.measure.${view.measure}` },
        },
      },
      categories: steps.map((t) => ({ key: String(t), label: both(String(t), String(t)) })),
      series: [
        { name: { key: persons ? 'Chart.SharePeople' : 'Chart.ShareCells' }, color: rampColor(RAMP_DISTANCE, 0.15), values: shares },
      ],
      value: { label: { key: persons ? 'Chart.SharePeople' : 'Chart.ShareCells' }, unit: 'percent' },
      axis: { label: { key: `Col.${view.measure}` }, unit: minutes ? 'min' : 'km', values: steps },
    };
  },
  index: (r) => {
    const names = namesOf(r);
    const rows = r.rows.filter((x) => x.index !== null);
    const parts = indexContributions(rows, r.parts_used);
    const top = rows[0];
    return {
      type: 'stacked',
      title: { key: 'Chart.index' },
      finding: top
        ? { key: 'Chart.Find.index', vars: { unit: unitLabel(names, top.unit), index: num(top.index!, 1) } }
        : { key: 'Chart.Find.none' },
      categories: rows.map((x) => ({ key: x.unit, label: unitLabel(names, x.unit), unit: x.unit })),
      series: r.parts_used.map((part, i) => ({
        name: { key: `Col.${part}` },
        color: CATEGORICAL[i % CATEGORICAL.length]!,
        values: rows.map((x) => parts.get(x.unit)?.[part] ?? null),
      })),
      value: { label: { key: 'Col.index' }, unit: 'index' },
    };
  },
  coverage: (r) => {
    // The share of the region's persons within t minutes, one line per kind of place (the curve table's numbers).
    const steps = [...new Set(r.curve.map((x) => x.within_minutes))].sort((a, b) => a - b);
    const first = r.targets[0];
    const mid = r.params.minutes[Math.floor((r.params.minutes.length - 1) / 2)] ?? 60;
    const row = r.rows.find((x) => x.target === first && x.within_minutes === mid);
    return {
      type: 'line',
      title: { key: 'Chart.coverage' },
      finding:
        row && first
          ? {
              key: 'Chart.Find.coverage',
              vars: { share: num(row.share * 100, 1), t: num(mid, 0), target: { key: targetWord(first) } },
            }
          : { key: 'Chart.Find.none' },
      categories: steps.map((t) => ({ key: String(t), label: both(String(t), String(t)) })),
      series: r.targets.map((target, i) => {
        const at = new Map(r.curve.filter((x) => x.target === target).map((x) => [x.within_minutes, x.share]));
        return {
          name: { key: targetWord(target) },
          color: CATEGORICAL[i % CATEGORICAL.length]!,
          values: steps.map((t) => {
            const v = at.get(t);
            return v === undefined ? null : Math.round(v * 1000) / 10;
          }),
        };
      }),
      value: { label: { key: 'Chart.SharePeople' }, unit: 'percent' },
      axis: { label: { key: 'Col.within_minutes' }, unit: 'min', values: steps },
    };
  },
  od: (r) => {
    const names = new Map([...r.from_places, ...r.to_places].map((p) => [p.id, both(p.name_vi, p.name_en)]));
    const rows = r.rows
      .filter((x) => x.minutes !== null)
      .sort((x, y) => y.minutes! - x.minutes!)
      .slice(0, TOP);
    const top = rows[0];
    return {
      type: 'bars',
      title: { key: 'Chart.od' },
      finding: top
        ? { key: 'Chart.Find.od', vars: { pair: pairLabel(names, top.a, top.b), minutes: num(top.minutes!, 0) } }
        : { key: 'Chart.Find.none' },
      categories: rows.map((x) => ({ key: pairKey(x.a, x.b), label: pairLabel(names, x.a, x.b) })),
      series: [{ name: { key: 'Col.minutes' }, color: rampColor(RAMP_DISTANCE, 0.8), values: rows.map((x) => x.minutes) }],
      value: { label: { key: 'Col.minutes' }, unit: 'min' },
    };
  },
  siting: (r) => {
    const last = r.sites.at(-1);
    return {
      type: 'grouped',
      title: { key: 'Chart.siting' },
      finding: last
        ? {
            key: 'Chart.Find.siting',
            vars: { n: r.sites.length, persons: num(last.covered_population - r.existing_population, 0), minutes: num(r.minutes, 0) },
          }
        : { key: 'Chart.Find.none' },
      categories: r.sites.map((x) => ({ key: x.id, label: both(`${x.rank}. ${x.name_vi}`, `${x.rank}. ${x.name_en}`) })),
      series: [
        { name: { key: 'Col.added_population' }, color: CATEGORICAL[1]!, values: r.sites.map((x) => x.added_population) },
        { name: { key: 'Col.covered_population' }, color: CATEGORICAL[0]!, values: r.sites.map((x) => x.covered_population) },
      ],
      value: { label: { key: 'Chart.Persons' }, unit: 'persons' },
    };
  },
  isochrone: (r) => {
    // The land within t minutes for t from 0 to the largest threshold (sampled on the isochrone's
    // grid), the finding from the widest band's traced area.
    const last = r.bands.at(-1);
    const { minutes, area_km2 } = r.curve;
    return {
      type: 'line',
      title: { key: 'Chart.isochrone' },
      finding: last
        ? { key: 'Chart.Find.isochrone', vars: { minutes: num(last.minutes, 0), area: num(last.area_km2, 0) } }
        : { key: 'Chart.Find.none' },
      categories: minutes.map((t) => ({ key: String(t), label: both(String(t), String(t)) })),
      series: [{ name: { key: 'Col.area_km2' }, color: isochroneColor(0, 2), values: area_km2 }],
      value: { label: { key: 'Col.area_km2' }, unit: 'km2' },
      axis: { label: { key: 'Col.minutes' }, unit: 'min', values: minutes },
    };
  },
};

/**
 * Each index part's share of a unit's index: its 0–1 score (min–max over the ranked units,
 * shorter port km better, no path 0) × 100 ÷ the parts used, so the parts add up to the index.
 */
export function indexContributions(
  rows: readonly Of<'index'>['rows'][number][],
  used: readonly IndexPart[],
): Map<string, Partial<Record<IndexPart, number>>> {
  const raw: Record<IndexPart, (number | null)[]> = {
    degree: rows.map((x) => x.degree),
    closeness: rows.map((x) => x.closeness),
    gravity_total: rows.map((x) => x.gravity_total),
    port_km: rows.map((x) => x.port_km),
  };
  const out = new Map<string, Partial<Record<IndexPart, number>>>(rows.map((x) => [x.unit, {}]));
  for (const part of INDEX_PARTS) {
    if (!used.includes(part)) continue;
    const finite = raw[part].filter((v): v is number => v !== null && Number.isFinite(v));
    const min = Math.min(...finite);
    const max = Math.max(...finite);
    rows.forEach((x, i) => {
      const v = raw[part][i] ?? null;
      let s = v === null || max === min ? 0 : (v - min) / (max - min);
      if (part === 'port_km') s = v === null ? 0 : 1 - s;
      out.get(x.unit)![part] = Math.round((1000 * s) / used.length) / 10;
    });
  }
  return out;
}

/**
 * The chart of a result as it is shown.
 * @example chartOf(gravityResult, { measure: 'seaport_km', method: 'network' }).categories.length // 15
 */
export function chartOf(r: AnalysisResult, view: ChartView): ChartSpec {
  // The lookup is by the result's own kind (the union cannot follow it).
  return (CHARTS[r.kind] as (r: AnalysisResult, view: ChartView) => ChartSpec)(r, view);
}

/**
 * The comparison's chart: each unit's gain against the baseline, diverging (blue better, red
 * worse), best first: the mean gain in km or minutes (baseline − this run) for a grid, or the
 * change of a score such as the index (this run − the baseline).
 */
export function gainChart(r: AnalysisResult, rows: readonly { unit: string; gain: number | null }[], unit: ChartUnit): ChartSpec {
  const names = namesOf(r);
  const kept = rows.filter((x): x is { unit: string; gain: number } => x.gain !== null).sort((x, y) => y.gain - x.gain);
  const top = kept[0];
  const unitWord: Msg<MessageKey> = { key: unit === 'min' ? 'Unit.min' : unit === 'km' ? 'Chart.Km' : 'Chart.Points' };
  return {
    type: 'diverging',
    title: { key: 'Chart.gains' },
    finding: top
      ? { key: 'Chart.Find.gains', vars: { unit: unitLabel(names, top.unit), gain: num(top.gain, 1), u: unitWord } }
      : { key: 'Chart.Find.none' },
    categories: kept.map((x) => ({ key: x.unit, label: unitLabel(names, x.unit), unit: x.unit })),
    series: [
      { name: { key: 'Compare.col.gain' }, color: rampColor(RAMP_DIVERGING, 1), values: kept.map((x) => Math.round(x.gain * 100) / 100) },
    ],
    value: { label: { key: 'Compare.col.gain' }, unit },
  };
}

/** How many marks a chart draws (bars or points with a value). */
export function markCount(c: ChartSpec): number {
  return c.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
}

/**
 * A chart's first n categories (bars are ranked, the largest first), for a place too small for
 * them all (a presentation's caption); a line chart, whose points make one curve, is kept whole.
 */
export function firstCategories(spec: ChartSpec, n: number): ChartSpec {
  if (spec.type === 'line' || spec.categories.length <= n) return spec;
  return { ...spec, categories: spec.categories.slice(0, n), series: spec.series.map((s) => ({ ...s, values: s.values.slice(0, n) })) };
}
