/**
 * The print layout: a map frame at a true scale and the furniture around it (title block,
 * legend, scale bar and representative fraction, north arrow, graticule, an inset of Viet Nam
 * with Hoàng Sa and Trường Sa, sources and credits), as a list of shapes in page millimetres.
 * Pure: the command line (`ntcc print`) and the app (Print / PDF…) call the same function with
 * the same data, and the PDF writer draws what it returns.
 *
 * On a landscape sheet the furniture stands in a panel right of the map; on a portrait sheet,
 * in three columns under it. Type and furniture grow with the paper (an A0 sheet is an A4 one
 * enlarged four times); the map itself is at the stated scale whatever the paper.
 */
import type { FeatureCollection } from 'geojson';
import { analysisLegend, rampColor, RAMP_DIVERGING, type AnalysisLegendSpec } from '../../core/analysis-style.ts';
import { comparable, comparedByCells, differenceExtent } from '../../core/compare.ts';
import type { AnalysisResult } from '../../core/analysis.ts';
import { distanceLabel, niceDistance } from '../../core/geo.ts';
import { THEMATIC_LAYERS, type Horizon, type Status, type ThematicLayerId } from '../../core/layers.ts';
import { COLORS } from '../../core/palette.ts';
import { legendFor, type RGB } from '../../core/thematic-style.ts';
import type { Edition } from '../../core/types.ts';
import { formatNumber, render, t, type Lang } from '../../i18n/index.ts';
import { analysisShapes, type PrintAnalysisView } from './analysis.ts';
import { geometryParts, graticuleShapes, labelShapes, shownFeatures, thematicShapes, unitShapes } from './content.ts';
import { furnitureScale, pageSize, type Orientation, type Paper } from './paper.ts';
import {
  basemapPlan,
  fitScale,
  graticuleStep,
  printProjection,
  stepsWithin,
  type BasemapPlan,
  type Bounds,
  type PrintProjection,
  type Rect,
} from './projection.ts';
import { hex, line, PT_MM, rectPath, wrap, type Measure, type Rgb, type Shape } from './shapes.ts';
import type { BasemapVectors } from './tiles.ts';

/** What the user asks for. */
export interface PrintOptions {
  paper: Paper;
  orientation: Orientation;
  /** The scale's denominator (1:scale, true at the centre), or `fit`: the round scale that shows `fitBounds` whole. */
  scale: number | 'fit';
  /** The map's centre, lon/lat; null: the middle of `fitBounds`. */
  centre: [number, number] | null;
  /** What a fitted map shows whole (and where an uncentred map is centred). */
  fitBounds: Bounds;
  title: string;
  subtitle: string;
  lang: Lang;
  edition: Edition;
  horizon: Horizon;
  statuses: readonly Status[];
  beltKm: number;
  /** The thematic layers drawn, in any order. */
  layers: readonly ThematicLayerId[];
  /** The date printed as made on (its calendar day is printed). */
  date: Date;
}

/** What the map draws. */
export interface PrintData {
  /** The edition's units (provinces-2022 or provinces-2025). */
  units: FeatureCollection;
  /** The thematic layers' files (only those drawn are needed). */
  thematic: Partial<Record<ThematicLayerId, FeatureCollection>>;
  /** data/geojson/archipelagos.geojson: Hoàng Sa and Trường Sa. */
  archipelagos: FeatureCollection;
  basemap: BasemapVectors;
  analysis: { result: AnalysisResult; view: PrintAnalysisView; units?: FeatureCollection } | null;
}

/** The layout: the page, its shapes, the map's projection and the basemap captures it needs. */
export interface PrintLayout {
  page: { width: number; height: number };
  shapes: Shape[];
  projection: PrintProjection;
  plan: BasemapPlan;
  /** The representative fraction as printed: `1:1.000.000` (vi), `1:1,000,000` (en). */
  fraction: string;
  /** Legend rows left out for want of room. */
  legendLeftOut: number;
}

/** The smallest and largest scale denominators a print takes (the app's map draws zooms 3–13). */
export const SCALE_RANGE = [50_000, 25_000_000] as const;

/** The representative fraction in a language's number format. */
export const fractionText = (lang: Lang, scale: number): string => `1:${formatNumber(lang, scale, 0)}`;

const INK: Rgb = [27, 42, 48];
const MUTED: Rgb = [68, 84, 90];
const WHITE: Rgb = [255, 255, 255];

/** A legend row: a symbol and its label. */
type LegendRow =
  | { kind: 'heading'; label: string }
  | { kind: 'line'; label: string; color: Rgb; width: number; dash?: boolean }
  | { kind: 'point'; label: string; color: Rgb; radius: number; hollow?: boolean }
  | { kind: 'area'; label: string; color: Rgb; opacity: number; dashed?: boolean }
  | { kind: 'ramp'; label: string; ramp: readonly RGB[]; low: string; high: string };

const PX = 0.254;

/** The legend of what the map draws: the basemap's units, each thematic layer shown (core/thematic-style), then the analysis (core/analysis-style). */
export function legendRows(o: PrintOptions, analysis: PrintData['analysis']): LegendRow[] {
  const { lang } = o;
  const rows: LegendRow[] = [
    { kind: 'heading', label: t(lang, 'Print.Basemap') },
    { kind: 'area', label: t(lang, 'Legend.InRegion'), color: hex(COLORS.regionFillFlat), opacity: 1 },
    { kind: 'area', label: t(lang, 'Legend.Context'), color: hex(COLORS.contextFillFlat), opacity: 1 },
    { kind: 'line', label: t(lang, 'Print.UnitLine'), color: hex(COLORS.provinceLine), width: 1.2 * PX },
    { kind: 'point', label: t(lang, 'Legend.Capital'), color: WHITE, radius: 4 * PX },
  ];
  for (const l of THEMATIC_LAYERS) {
    if (!o.layers.includes(l.id)) continue;
    rows.push({ kind: 'heading', label: t(lang, `Layer.${l.id}`) });
    for (const e of legendFor(l.id)) {
      const label = t(lang, e.label);
      if (e.kind === 'line')
        rows.push({ kind: 'line', label, color: e.color, width: (e.widthPx ?? 2) * PX, ...(e.dashed ? { dash: true } : {}) });
      else if (e.kind === 'point')
        rows.push({ kind: 'point', label, color: e.color, radius: (e.radiusPx ?? 5) * PX, ...(e.hollow ? { hollow: true } : {}) });
      else
        rows.push({
          kind: 'area',
          label,
          color: e.color,
          opacity: l.id === 'border-belt' ? 0.25 : 0.3,
          ...(e.dashed ? { dashed: true } : {}),
        });
    }
  }
  if (analysis) rows.push(...analysisRows(lang, analysis.result, analysis.view));
  return rows;
}

/** The analysis as drawn: the difference when comparing, else its ramp or its categories. */
function analysisRows(lang: Lang, r: AnalysisResult, view: PrintAnalysisView): LegendRow[] {
  const name = t(lang, `Analysis.kind.${r.kind}`);
  const fmt = (v: number): string => formatNumber(lang, v, 1);
  const base = view.baseline;
  if (base && comparable(r)) {
    const access = comparedByCells(r);
    const half = differenceExtent(r, base, view.measure);
    const unit = access ? (view.measure.startsWith('minutes') ? ` ${t(lang, 'Unit.min')}` : ' km') : '';
    return [
      { kind: 'heading', label: `${name} (${t(lang, 'Print.Difference')})` },
      {
        kind: 'ramp',
        label: t(lang, access ? 'Compare.Legend.nearer' : 'Compare.Legend.higher'),
        ramp: [...RAMP_DIVERGING].reverse(),
        low: `${access ? '+' : '−'}${fmt(half)}${unit}`,
        high: `${access ? '−' : '+'}${fmt(half)}${unit}`,
      },
    ];
  }
  const spec: AnalysisLegendSpec = analysisLegend(r, { measure: view.measure });
  if (spec.type === 'categories')
    return [
      { kind: 'heading', label: name },
      ...spec.items.map((c) => ({ kind: 'area' as const, label: lang === 'vi' ? c.name_vi : c.name_en, color: c.color, opacity: 0.75 })),
    ];
  const unit = spec.unit === 'min' ? ` ${t(lang, 'Unit.min')}` : spec.unit ? ` ${spec.unit}` : '';
  const v = (x: number): string => (spec.scientific ? x.toExponential(1) : fmt(x));
  return [
    { kind: 'heading', label: name },
    { kind: 'ramp', label: '', ramp: spec.ramp, low: `${v(spec.range[0])}${unit}`, high: `${v(spec.range[1])}${unit}` },
  ];
}

/** A date as the language writes it: 06/12/2026 (vi), 6 Dec 2026 (en). */
export function dateText(lang: Lang, d: Date): string {
  return lang === 'vi'
    ? new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(d)
    : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The latest `current_to` date (YYYY-MM-DD) among these layers' features, or null. */
export function currentTo(layers: readonly (FeatureCollection | undefined)[]): string | null {
  let best: string | null = null;
  for (const fc of layers)
    for (const f of fc?.features ?? []) {
      const d = f.properties?.['current_to'];
      if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && (best === null || d > best)) best = d;
    }
  return best;
}

/** The source keys cited by the drawn features (`source` lists them, separated by `;`). */
function sourceKeys(fcs: readonly FeatureCollection[]): string[] {
  const keys = new Set<string>();
  for (const fc of fcs)
    for (const f of fc.features) {
      const s = f.properties?.['source'];
      if (typeof s === 'string')
        for (const part of s.split(';')) {
          const k = part.trim().split(' (')[0]!;
          if (k) keys.add(k);
        }
    }
  return [...keys].sort();
}

/** Whether a feature's bounding box meets lon/lat bounds. */
function meets(f: FeatureCollection['features'][number], [w, s, e, n]: Bounds): boolean {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  const g = f.geometry;
  if (g && g.type !== 'GeometryCollection') visit(g.coordinates);
  return x1 >= w && x0 <= e && y1 >= s && y0 <= n;
}

/**
 * Where a map with no centre given is centred: the mean of the region's capitals (2022) or
 * administrative centres (2025), in Quảng Nam near Đà Nẵng.
 */
export function regionCentre(units: FeatureCollection): [number, number] {
  let lon = 0;
  let lat = 0;
  let n = 0;
  for (const f of units.features) {
    const u = f.properties ?? {};
    const x = u['capital_lon'] ?? u['centre_lon'];
    const y = u['capital_lat'] ?? u['centre_lat'];
    if (u['in_region'] === true && typeof x === 'number' && typeof y === 'number') {
      lon += x;
      lat += y;
      n++;
    }
  }
  return n ? [lon / n, lat / n] : [108, 16];
}

/** A block of the furniture: what it draws from (x, y) within `width`, and its height. */
interface Block {
  shapes: Shape[];
  height: number;
}

interface Ctx {
  o: PrintOptions;
  f: number;
  measure: Measure;
}

/** Lines of text, wrapped to `width`, one under the other. */
function paragraph(c: Ctx, x: number, y: number, width: number, text: string, size: number, color: Rgb, bold = false, gap = 1.3): Block {
  const lines = wrap(text, width, size, bold, c.measure);
  const lh = size * PT_MM * gap;
  return {
    shapes: lines.map((l, i) => ({ type: 'text', x, y: y + size * PT_MM * 0.85 + i * lh, text: l, size, bold, color, align: 'left' })),
    height: lines.length * lh,
  };
}

/** Title, subtitle, agency line, dates and what is shown. */
function titleBlock(c: Ctx, x: number, y: number, width: number, data: PrintData): Block {
  const { o, f } = c;
  const { lang } = o;
  const parts: Block[] = [];
  let yy = y;
  const add = (b: Block, after = 0): void => {
    parts.push(b);
    yy += b.height + after;
  };
  add(paragraph(c, x, yy, width, o.title, 14 * f, INK, true, 1.2), 1.2 * f);
  if (o.subtitle) add(paragraph(c, x, yy, width, o.subtitle, 9 * f, MUTED), 1.2 * f);
  add(paragraph(c, x, yy, width, t(lang, 'Print.Agency'), 7 * f, MUTED), 0.8 * f);
  const horizon = t(lang, `Horizon.${o.horizon}`);
  const edition = t(lang, o.edition === '2022' ? 'Toolbar.Edition2022' : 'Toolbar.Edition2025');
  add(paragraph(c, x, yy, width, t(lang, 'Print.Settings', { edition, horizon }), 7 * f, MUTED));
  add(paragraph(c, x, yy, width, t(lang, 'Print.Made', { date: dateText(lang, o.date) }), 7 * f, MUTED));
  const current = currentTo(Object.values(data.thematic));
  if (current)
    add(paragraph(c, x, yy, width, t(lang, 'Print.CurrentTo', { date: dateText(lang, new Date(`${current}T00:00:00Z`)) }), 7 * f, MUTED));
  return { shapes: parts.flatMap((b) => b.shapes), height: yy - y };
}

/** The representative fraction, a scale bar in km and the north arrow. */
function scaleBlock(c: Ctx, x: number, y: number, width: number, p: PrintProjection): Block {
  const { o, f } = c;
  const { lang } = o;
  const out: Shape[] = [];
  const size = 11 * f;
  out.push({
    type: 'text',
    x,
    y: y + size * PT_MM * 0.85,
    text: t(lang, 'Print.Scale', { fraction: fractionText(lang, p.scale) }),
    size,
    bold: true,
    color: INK,
    align: 'left',
  });
  // The bar: a round length near 60 % of the block, in four parts, alternately dark and light.
  const arrowW = 10 * f;
  const mmPerM = 1000 / p.scale;
  const metres = niceDistance(((width - arrowW - 6 * f) * 0.9) / mmPerM);
  const barW = metres * mmPerM;
  const by = y + size * PT_MM + 5 * f;
  const bh = 1.6 * f;
  // Four parts, the first of them in four again.
  const part = (x0: number, w: number, dark: boolean): Shape =>
    rectPath({ x: x0, y: by, width: w, height: bh }, { fill: dark ? INK : WHITE, stroke: INK, width: 0.15 * f });
  for (let k = 0; k < 4; k++) out.push(part(x + (k * barW) / 16, barW / 16, k % 2 === 0));
  for (let i = 1; i < 4; i++) out.push(part(x + (i * barW) / 4, barW / 4, i % 2 === 0));
  const small = 6.5 * f;
  const km = (m: number): string => (metres >= 1000 ? formatNumber(lang, m / 1000, 2) : formatNumber(lang, m, 0));
  for (const [i, m] of [
    [0, 0],
    [2, metres / 2],
    [4, metres],
  ] as const)
    out.push({ type: 'text', x: x + (i * barW) / 4, y: by - 1 * f, text: km(m), size: small, color: INK, align: 'center' });
  out.push({
    type: 'text',
    x: x + barW + 1.5 * f,
    y: by + bh,
    text: distanceLabel(metres).replace(/^[\d.]+ /, ''),
    size: small,
    color: INK,
    align: 'left',
  });
  // North arrow: Mercator's north is straight up everywhere on the sheet.
  const ax = x + width - arrowW / 2;
  const ay = y + 1 * f;
  const ah = 12 * f;
  out.push({
    type: 'path',
    closed: true,
    parts: [
      [
        [ax, ay + 3.5 * f],
        [ax + 3 * f, ay + ah],
        [ax, ay + ah - 2.5 * f],
      ],
    ],
    fill: INK,
  });
  out.push({
    type: 'path',
    closed: true,
    parts: [
      [
        [ax, ay + 3.5 * f],
        [ax - 3 * f, ay + ah],
        [ax, ay + ah - 2.5 * f],
      ],
    ],
    fill: WHITE,
    stroke: INK,
    width: 0.2 * f,
  });
  out.push({ type: 'text', x: ax, y: ay + 2.6 * f, text: t(lang, 'Print.North'), size: 8 * f, bold: true, color: INK, align: 'center' });
  return { shapes: out, height: Math.max(by + bh + 1 * f - y, ah + 1 * f) };
}

/** The legend, cut to `maxHeight`; returns how many rows it left out. */
function legendBlock(c: Ctx, x: number, y: number, width: number, maxHeight: number, rows: LegendRow[]): Block & { leftOut: number } {
  const { o } = c;
  const out: Shape[] = [];
  // A long legend is set smaller (down to 70 %) before rows are left out.
  const need =
    9 * c.f * PT_MM +
    2.5 * c.f +
    3.9 * c.f +
    rows.reduce((h, r) => h + (r.kind === 'ramp' ? 1.6 : r.kind === 'heading' ? 1.05 : 1) * 3.9 * c.f, 0);
  const f = c.f * Math.min(1, Math.max(0.7, maxHeight / need));
  const size = 6.5 * f;
  const rowH = 3.9 * f;
  const sw = 8 * f;
  out.push({
    type: 'text',
    x,
    y: y + 9 * f * PT_MM * 0.85,
    text: t(o.lang, 'Legend.Title'),
    size: 9 * f,
    bold: true,
    color: INK,
    align: 'left',
  });
  let yy = y + 9 * f * PT_MM + 1.5 * f;
  let shown = 0;
  for (const r of rows) {
    const h = r.kind === 'ramp' ? rowH * 1.6 : r.kind === 'heading' ? rowH * 1.05 : rowH;
    if (yy + h + rowH > y + maxHeight) break;
    const mid = yy + rowH / 2;
    const tx = x + sw + 2 * f;
    const text = (s: string, bold = false): void => {
      out.push({
        type: 'text',
        x: r.kind === 'heading' ? x : tx,
        y: mid + size * PT_MM * 0.35,
        text: s,
        size,
        bold,
        color: INK,
        align: 'left',
      });
    };
    switch (r.kind) {
      case 'heading':
        text(r.label, true);
        break;
      case 'line':
        out.push(line([x, mid], [x + sw, mid], r.color, r.width * f, r.dash ? [r.width * f * 3, r.width * f * 2] : undefined));
        text(r.label);
        break;
      case 'point':
        out.push(
          r.hollow
            ? { type: 'circle', x: x + sw / 2, y: mid, r: r.radius * f, fill: WHITE, stroke: r.color, width: 2 * PX * f }
            : {
                type: 'circle',
                x: x + sw / 2,
                y: mid,
                r: r.radius * f,
                fill: r.color,
                stroke: r.color[0] + r.color[1] + r.color[2] > 700 ? [30, 30, 30] : WHITE,
                width: 1.2 * PX * f,
              },
        );
        text(r.label);
        break;
      case 'area':
        out.push(
          rectPath(
            { x, y: mid - 1.5 * f, width: sw, height: 3 * f },
            {
              fill: r.color,
              fillOpacity: r.opacity,
              stroke: r.color,
              width: 0.2 * f,
              ...(r.dashed ? { dash: [0.8 * f, 0.5 * f] as const } : {}),
            },
          ),
        );
        text(r.label);
        break;
      case 'ramp': {
        const n = r.ramp.length * 4;
        const rw = width - 2 * f;
        for (let i = 0; i < n; i++)
          out.push(
            rectPath(
              { x: x + (i * rw) / n, y: yy + 0.3 * f, width: rw / n + 0.05, height: 2.6 * f },
              { fill: rampColor(r.ramp, i / (n - 1)) },
            ),
          );
        const ly = yy + 2.9 * f + size * PT_MM;
        out.push({ type: 'text', x, y: ly, text: r.low, size, color: INK, align: 'left' });
        if (r.label) out.push({ type: 'text', x: x + rw / 2, y: ly, text: r.label, size, color: MUTED, align: 'center' });
        out.push({ type: 'text', x: x + rw, y: ly, text: r.high, size, color: INK, align: 'right' });
        break;
      }
    }
    yy += h;
    shown++;
  }
  const leftOut = rows.length - shown;
  if (leftOut) {
    out.push({
      type: 'text',
      x,
      y: yy + rowH / 2 + size * PT_MM * 0.35,
      text: t(o.lang, 'Print.LegendMore', { n: leftOut }),
      size,
      color: MUTED,
      align: 'left',
    });
    yy += rowH;
  }
  return { shapes: out, height: yy - y, leftOut };
}

/** What the inset shows: Viet Nam with Hoàng Sa and Trường Sa. */
export const INSET_BOUNDS: Bounds = [101.8, 7.2, 117.8, 23.6];

/** An inset of Viet Nam, Hoàng Sa and Trường Sa (as Vietnamese), Biển Đông, and where the map lies. */
function insetBlock(c: Ctx, x: number, y: number, width: number, height: number, data: PrintData, main: PrintProjection): Block {
  const { o, f } = c;
  const { lang } = o;
  const frame: Rect = { x, y, width, height };
  const fit = fitScale(INSET_BOUNDS, frame);
  const p = printProjection(fit.centre, fit.scale, frame);
  const out: Shape[] = [{ type: 'clip', rect: frame }, rectPath(frame, { fill: hex(COLORS.sea) })];
  for (const feat of data.basemap.countries.features) {
    const g = geometryParts(feat.geometry, p);
    if (!g) continue;
    const vn = feat.properties?.['vn'] === 1;
    out.push({
      type: 'path',
      ...g,
      closed: true,
      evenOdd: true,
      fill: hex(vn ? COLORS.vietnam : COLORS.land),
      stroke: hex(vn ? '#8a7f6a' : COLORS.countryLine),
      width: 0.12 * f,
    });
  }
  // The archipelagos, drawn with an outline so that their islands show at this scale.
  for (const feat of data.archipelagos.features) {
    const g = geometryParts(feat.geometry, p);
    if (g) out.push({ type: 'path', ...g, closed: true, fill: hex('#b5493f'), stroke: hex('#b5493f'), width: 0.35 * f });
  }
  // Its graticule, every 5°.
  for (const lon of stepsWithin(p.bounds[0], p.bounds[2], 5))
    out.push(line(p.project(lon, p.bounds[3]), p.project(lon, p.bounds[1]), [120, 140, 150], 0.1 * f));
  for (const lat of stepsWithin(p.bounds[1], p.bounds[3], 5))
    out.push(line(p.project(p.bounds[0], lat), p.project(p.bounds[2], lat), [120, 140, 150], 0.1 * f));
  // Where the map lies.
  const [w, s, e, n] = main.bounds;
  const [x0, y0] = p.project(w, n);
  const [x1, y1] = p.project(e, s);
  out.push(
    rectPath(
      { x: x0, y: y0, width: Math.max(x1 - x0, 0.6 * f), height: Math.max(y1 - y0, 0.6 * f) },
      { stroke: [200, 30, 45], width: 0.35 * f },
    ),
  );
  const size = 5.5 * f;
  const name = (lon: number, lat: number, text: string, sz: number, color: Rgb, bold = false): void => {
    const [lx, ly] = p.project(lon, lat);
    for (const [i, l] of wrap(text, width * 0.5, sz, bold, c.measure).entries())
      out.push({ type: 'text', x: lx, y: ly + i * sz * PT_MM * 1.15, text: l, size: sz, bold, color, align: 'center' });
  };
  name(105.6, 21.5, t(lang, 'Print.VietNam'), size * 1.1, INK, true);
  name(112.6, 13.6, t(lang, 'Print.EastSea'), size * 1.3, hex(COLORS.seaLabel));
  name(112.0, 17.4, t(lang, 'Print.HoangSa'), size, hex('#7a2e27'), true);
  name(113.8, 8.3, t(lang, 'Print.TruongSa'), size, hex('#7a2e27'), true);
  out.push({ type: 'unclip' }, rectPath(frame, { stroke: INK, width: 0.2 * f }));
  return { shapes: out, height };
}

/** Sources and credits: Natural Earth, the drawn layers' source keys, the sovereignty note, the projection. */
function sourcesBlock(c: Ctx, x: number, y: number, width: number, data: PrintData, p: PrintProjection | null): Block {
  const { o, f } = c;
  const { lang } = o;
  // Only the features the frame shows cite their sources here (without a frame yet, all of them: the most room it can take).
  const within = (fs: FeatureCollection['features']): FeatureCollection => ({
    type: 'FeatureCollection',
    features: p ? fs.filter((feat) => meets(feat, p.bounds)) : fs,
  });
  const drawn = [
    within(data.units.features),
    ...o.layers.flatMap((id) => (data.thematic[id] ? [within(shownFeatures(data.thematic[id], o.horizon, o.statuses, o.beltKm))] : [])),
  ];
  const step = p ? graticuleStep(p.bounds) : 0.5;
  const stepText = step >= 1 ? `${formatNumber(lang, step, 0)}°` : `${Math.round(step * 60)}'`;
  const lat = p ? p.centre[1] : 88.88;
  const lines = [
    t(lang, 'Print.Sources', { keys: sourceKeys(drawn).join(', ') }),
    t(lang, 'Meta.Sovereignty'),
    t(lang, 'Print.Projection', { lat: `${formatNumber(lang, lat, 2)}°`, step: stepText }),
    ...(data.analysis ? [render(lang, data.analysis.result.model)] : []),
  ];
  let yy = y;
  const shapes: Shape[] = [];
  for (const l of lines) {
    const b = paragraph(c, x, yy, width, l, 5.6 * f, MUTED, false, 1.25);
    shapes.push(...b.shapes);
    yy += b.height + 0.8 * f;
  }
  return { shapes, height: yy - y };
}

/**
 * Lays out a print.
 * @param measure - text widths as the PDF writer sets them (mm)
 * @returns the page (mm), its shapes in drawing order, the map's projection and the basemap captures to make
 * @example printLayout({ paper: 'A3', orientation: 'landscape', scale: 1_000_000, … }, data, measure).fraction // '1:1.000.000'
 */
export function printLayout(o: PrintOptions, data: PrintData, measure: Measure): PrintLayout {
  const page = pageSize(o.paper, o.orientation);
  const f = furnitureScale(o.paper);
  const c: Ctx = { o, f, measure };
  const margin = 8 * f;
  const band = 1.2 * f;
  // Room for the graduated border and the degree labels around the frame.
  const edge = band + 9 * f;
  const landscape = o.orientation === 'landscape';
  const panelW = 66 * f;
  const panelH = 78 * f;
  const gap = 5 * f;
  // Landscape: the sources in a strip under the map, the rest in the panel right of it.
  const sourcesW = landscape ? page.width - 2 * margin - panelW - gap : page.width - 2 * margin;
  const sourcesH = sourcesBlock(c, 0, 0, sourcesW, data, null).height;
  const frame: Rect = landscape
    ? {
        x: margin + edge,
        y: margin + edge * 0.6,
        width: page.width - 2 * margin - 2 * edge - panelW - gap,
        height: page.height - 2 * margin - edge * 1.2 - sourcesH - 2 * f,
      }
    : {
        x: margin + edge,
        y: margin + edge * 0.6,
        width: page.width - 2 * margin - 2 * edge,
        height: page.height - 2 * margin - edge * 1.2 - panelH - gap - sourcesH,
      };
  const fitted = fitScale(o.fitBounds, frame);
  const scale = o.scale === 'fit' ? fitted.scale : o.scale;
  const centre = o.centre ?? fitted.centre;
  const p = printProjection(centre, scale, frame);
  const plan = basemapPlan(p);

  // The map: the basemap captures, then the vectors over them, all inside the frame.
  const shapes: Shape[] = [{ type: 'clip', rect: frame }, rectPath(frame, { fill: hex(COLORS.sea) })];
  plan.tiles.forEach((tile, index) => shapes.push({ type: 'image', index, rect: tile.rect }));
  if (data.analysis) shapes.push(...analysisShapes(data.analysis.result, data.analysis.view, data.analysis.units ?? data.units, p));
  shapes.push(...thematicShapes(data.thematic, o.layers, o, p));
  shapes.push(...unitShapes(data.units, p));
  shapes.push(...labelShapes(data.units, data.basemap.labels, o.edition, o.lang, p, f));
  shapes.push({ type: 'unclip' });
  shapes.push(...graticuleShapes(p, o.lang, f, band));
  shapes.push(rectPath(frame, { stroke: INK, width: 0.25 * f }));

  // The furniture.
  const rows = legendRows(o, data.analysis);
  let leftOut = 0;
  if (landscape) {
    const x = page.width - margin - panelW;
    const top = margin;
    const bottom = page.height - margin;
    const w = panelW;
    const title = titleBlock(c, x, top, w, data);
    const scaleB = scaleBlock(c, x, top + title.height + 4 * f, w, p);
    const insetH = Math.min(w * 0.8, (bottom - top) * 0.3);
    const insetY = bottom - insetH;
    const legendY = top + title.height + 4 * f + scaleB.height + 5 * f;
    const legend = legendBlock(c, x, legendY, w, insetY - 3 * f - legendY, rows);
    leftOut = legend.leftOut;
    shapes.push(...title.shapes, ...scaleB.shapes, ...legend.shapes);
    shapes.push(...insetBlock(c, x, insetY, w, insetH, data, p).shapes);
    shapes.push(...sourcesBlock(c, margin, page.height - margin - sourcesH, sourcesW, data, p).shapes);
  } else {
    const top = frame.y + frame.height + edge * 0.6 + gap;
    const cols = 3;
    const colGap = 5 * f;
    const colW = (page.width - 2 * margin - (cols - 1) * colGap) / cols;
    const xs = [0, 1, 2].map((i) => margin + i * (colW + colGap));
    const sourcesY = page.height - margin - sourcesH;
    const title = titleBlock(c, xs[0]!, top, colW, data);
    const scaleB = scaleBlock(c, xs[0]!, top + title.height + 4 * f, colW, p);
    const legend = legendBlock(c, xs[1]!, top, colW, sourcesY - 2 * f - top, rows);
    leftOut = legend.leftOut;
    shapes.push(...title.shapes, ...scaleB.shapes, ...legend.shapes);
    shapes.push(...insetBlock(c, xs[2]!, top, colW, Math.min(colW * 1.05, sourcesY - 3 * f - top), data, p).shapes);
    shapes.push(...sourcesBlock(c, margin, sourcesY, page.width - 2 * margin, data, p).shapes);
  }
  return { page, shapes, projection: p, plan, fraction: fractionText(o.lang, scale), legendLeftOut: leftOut };
}
