/**
 * An analysis result as vector shapes for the print layout, in the colours of
 * core/analysis-style (the ramps the app's deck.gl layers and its legend use): flows as bent
 * lines, shared borders and network paths as lines, units and grid cells as filled polygons,
 * isochrone bands as nested areas. One drawing per kind, keyed by kind: a kind without one
 * fails to compile.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  accessValues,
  hexCorners,
  pairKey,
  sameKind,
  type AccessMeasure,
  type AnalysisKind,
  type AnalysisResult,
} from '../../core/analysis.ts';
import {
  CATEGORICAL,
  EXISTING,
  NO_DATA,
  RAMP_DISTANCE,
  RAMP_STRENGTH,
  extent,
  gainColor,
  isochroneColor,
  coverageBands,
  rampColor,
  siteColor,
} from '../../core/analysis-style.ts';
import { cellDelta, symmetricExtent } from '../../core/compare.ts';
import { CSS_PX_MM, type PrintProjection } from './projection.ts';
import { geometryParts, inFrame, nearFrame } from './content.ts';
import type { Pt, Rgb, Shape } from './shapes.ts';

/** How the result is drawn (what the app's analysis view says). */
export interface PrintAnalysisView {
  /** Accessibility: which distance or time colours the cells. */
  measure: AccessMeasure;
  /** Hinterlands: by straight line, network km or travel minutes. */
  method: 'straight' | 'network' | 'minutes';
  /** A baseline drawn as a difference (accessibility cells and the index), or null. */
  baseline: AnalysisResult | null;
}

type Of<K extends AnalysisKind> = Extract<AnalysisResult, { kind: K }>;

interface Ctx {
  p: PrintProjection;
  view: PrintAnalysisView;
  centre: ReadonlyMap<string, [number, number]>;
  /** The units' polygons by id (the edition's provinces, or the user's units). */
  units: ReadonlyMap<string, Polygon | MultiPolygon>;
}

const px = (v: number): number => v * CSS_PX_MM;

/** A polygon filled, drawn only near the frame. */
function area(g: Polygon | MultiPolygon | undefined, c: Ctx, fill: Rgb, opacity: number): Shape[] {
  const parts = g ? geometryParts(g, c.p) : null;
  return parts
    ? [{ type: 'path', ...parts, fill, fillOpacity: opacity, evenOdd: true, stroke: [255, 255, 255], strokeOpacity: 0.8, width: px(0.8) }]
    : [];
}

/** Units coloured by a value on a ramp (NaN grey). */
function choropleth(values: ReadonlyMap<string, number>, c: Ctx, color: (v: number) => Rgb): Shape[] {
  return [...values].flatMap(([id, v]) => area(c.units.get(id), c, Number.isNaN(v) ? NO_DATA : color(v), 0.8));
}

/** Hexagonal grid cells coloured one by one. */
function cells(
  grid: { centres: Float64Array; cellKm: number; lat0: number },
  c: Ctx,
  color: (i: number) => Rgb | null,
  opacity: number,
): Shape[] {
  const out: Shape[] = [];
  for (let i = 0; i < grid.centres.length / 2; i++) {
    const at = c.p.project(grid.centres[2 * i]!, grid.centres[2 * i + 1]!);
    if (!inFrame(c.p, at, 20)) continue;
    const fill = color(i);
    if (!fill) continue;
    const ring = hexCorners(grid.centres[2 * i]!, grid.centres[2 * i + 1]!, grid.cellKm, grid.lat0).map(([lon, lat]) =>
      c.p.project(lon, lat),
    );
    out.push({ type: 'path', parts: [ring], closed: true, fill, fillOpacity: opacity });
  }
  return out;
}

/** A gently bent line between two centres (a flow), sampled as a quadratic curve. */
function arc(a: Pt, b: Pt): Pt[] {
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const k = 0.18;
  const cp: Pt = [mx - dy * k, my + dx * k];
  const out: Pt[] = [];
  for (let i = 0; i <= 16; i++) {
    const t = i / 16;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * cp[0] + t * t * b[0], u * u * a[1] + 2 * u * t * cp[1] + t * t * b[1]]);
  }
  return out;
}

/** A line between two units' centres, if both are known and near the frame. */
function between(c: Ctx, a: string, b: string, bent: boolean): Pt[] | null {
  const ca = c.centre.get(a);
  const cb = c.centre.get(b);
  if (!ca || !cb) return null;
  const pa = c.p.project(ca[0], ca[1]);
  const pb = c.p.project(cb[0], cb[1]);
  const pts = bent ? arc(pa, pb) : [pa, pb];
  return nearFrame([pts], c.p, 0) ? pts : null;
}

const DRAW: { [K in AnalysisKind]: (r: Of<K>, c: Ctx) => Shape[] } = {
  gravity: (r, c) => {
    const max = Math.max(...r.rows.map((x) => x.intensity), 1e-300);
    // The weakest first, so the strongest lie on top.
    return [...r.rows]
      .sort((a, b) => a.intensity - b.intensity)
      .flatMap((d) => {
        const pts = between(c, d.a, d.b, true);
        const s = Math.sqrt(d.intensity / max);
        return pts
          ? [
              {
                type: 'path' as const,
                parts: [pts],
                closed: false,
                stroke: rampColor(RAMP_STRENGTH, s),
                strokeOpacity: 0.9,
                width: px(1 + 11 * s),
                round: true,
              },
            ]
          : [];
      });
  },
  adjacency: (r, c) => {
    const max = Math.max(...r.rows.map((x) => x.shared_km), 1);
    return r.rows.flatMap((d) => {
      const pts = between(c, d.a, d.b, false);
      return pts
        ? [
            {
              type: 'path' as const,
              parts: [pts],
              closed: false,
              stroke: rampColor(RAMP_STRENGTH, d.shared_km / max),
              strokeOpacity: 0.9,
              width: px(2 + 8 * (d.shared_km / max)),
              round: true,
            },
          ]
        : [];
    });
  },
  distance: (r, c) => {
    const [min, max] = extent(r.rows.map((x) => x.network_km ?? NaN));
    return r.rows.flatMap((d) => {
      const path = r.paths[pairKey(d.a, d.b)];
      if (!path) return [];
      const pts = path.map(([lon, lat]) => c.p.project(lon, lat));
      return nearFrame([pts], c.p, 0)
        ? [
            {
              type: 'path' as const,
              parts: [pts],
              closed: false,
              stroke: rampColor(RAMP_DISTANCE, ((d.network_km ?? max) - min) / (max - min || 1)),
              strokeOpacity: 0.55,
              width: px(1.5),
              round: true,
            },
          ]
        : [];
    });
  },
  reach: (r, c) => {
    const values = new Map(r.shares.map((x) => [x.unit, x.share]));
    const [min, max] = extent(values.values());
    return choropleth(values, c, (v) => rampColor(RAMP_STRENGTH, (v - min) / (max - min || 1)));
  },
  index: (r, c) => {
    const now = new Map(r.rows.map((x) => [x.unit, x.index ?? NaN]));
    const base = c.view.baseline;
    if (base && sameKind(r, base)) {
      const before = new Map(base.rows.map((x) => [x.unit, x.index ?? NaN]));
      const gain = new Map([...now].map(([id, v]) => [id, v - (before.get(id) ?? NaN)]));
      const half = symmetricExtent(gain.values());
      return choropleth(gain, c, (v) => gainColor(v, half));
    }
    const [min, max] = extent(now.values());
    return choropleth(now, c, (v) => rampColor(RAMP_STRENGTH, (v - min) / (max - min || 1)));
  },
  hinterland: (r, c) => {
    const m = c.view.method;
    const port =
      m === 'straight' ? r.grid.port_straight : m === 'minutes' && r.grid.port_minutes ? r.grid.port_minutes : r.grid.port_network;
    return cells(r.grid, c, (i) => (port[i]! < 0 ? [200, 200, 200] : CATEGORICAL[port[i]! % CATEGORICAL.length]!), 0.75);
  },
  isochrone: (r, c) => {
    const n = r.bands.length;
    const out: Shape[] = [];
    // The widest band first, so the nearer ones lie on top of it.
    for (let i = n - 1; i >= 0; i--) {
      const parts = geometryParts(r.bands[i]!.geometry as MultiPolygon, c.p);
      if (parts)
        out.push({
          type: 'path',
          ...parts,
          fill: isochroneColor(i, n),
          fillOpacity: 0.45,
          evenOdd: true,
          stroke: isochroneColor(i, n),
          width: px(1),
        });
    }
    const at = c.p.project(r.from[0], r.from[1]);
    if (inFrame(c.p, at))
      out.push({ type: 'circle', x: at[0], y: at[1], r: px(7), fill: [200, 30, 45], stroke: [255, 255, 255], width: px(2) });
    return out;
  },
  // Cells by band of minutes to the nearest of the first kind of place (as the map shows without a hovered row).
  coverage: (r, c) => {
    const target = r.targets[0];
    const minutes = target ? r.grid.minutes[target] : undefined;
    if (!minutes) return [];
    const bands = coverageBands(r.params.minutes);
    const bandOf = (m: number): number => {
      const k = r.params.minutes.findIndex((t) => m <= t);
      return k < 0 ? bands.length - 1 : k;
    };
    return cells(r.grid, c, (i) => bands[bandOf(minutes[i]!)]!.color, 0.75);
  },
  // Paths between the pairs, coloured by minutes, and the places as dots.
  od: (r, c) => {
    const [min, max] = extent(r.rows.map((x) => x.minutes ?? NaN));
    const paths = r.rows.flatMap((d): Shape[] => {
      const path = r.paths[pairKey(d.a, d.b)];
      if (!path) return [];
      const pts = path.map(([lon, lat]) => c.p.project(lon, lat));
      return nearFrame([pts], c.p, 0)
        ? [
            {
              type: 'path',
              parts: [pts],
              closed: false,
              stroke: rampColor(RAMP_DISTANCE, ((d.minutes ?? max) - min) / (max - min || 1)),
              strokeOpacity: 0.5,
              width: px(1.5),
              round: true,
            },
          ]
        : [];
    });
    const places = [...new Map([...r.from_places, ...r.to_places].map((x) => [x.id, x])).values()];
    const dots = places.flatMap((x): Shape[] => {
      const at = c.p.project(x.coordinates[0], x.coordinates[1]);
      return inFrame(c.p, at)
        ? [{ type: 'circle', x: at[0], y: at[1], r: px(4), fill: [40, 40, 40], stroke: [255, 255, 255], width: px(1) }]
        : [];
    });
    return [...paths, ...dots];
  },
  // What each new site brings within the minutes (its colour; the existing places' grey), and ranked markers.
  siting: (r, c) => {
    const covered = cells(
      r.grid,
      c,
      (i) => {
        const k = r.grid.site[i]!;
        return k < 0 ? null : k === 0 ? EXISTING : siteColor(k);
      },
      0.6,
    );
    const markers = r.sites.flatMap((x): Shape[] => {
      const at = c.p.project(x.lon, x.lat);
      if (!inFrame(c.p, at)) return [];
      const rank = x.rank ?? 0;
      return [
        { type: 'circle', x: at[0], y: at[1], r: px(10), fill: siteColor(rank), stroke: [255, 255, 255], width: px(2) },
        { type: 'text', x: at[0], y: at[1] + px(4), text: String(rank), size: 9, bold: true, color: [255, 255, 255], align: 'center' },
      ];
    });
    return [...covered, ...markers];
  },
  access: (r, c) => {
    const base = c.view.baseline;
    if (base && sameKind(r, base)) {
      const delta = cellDelta(r, base, c.view.measure);
      const half = symmetricExtent(delta);
      return cells(r.grid, c, (i) => gainColor(-delta[i]!, half), 0.8);
    }
    const { values } = accessValues(r.grid, c.view.measure);
    const [min, max] = extent(values);
    return cells(
      r.grid,
      c,
      (i) => (Number.isFinite(values[i]!) ? rampColor(RAMP_DISTANCE, (values[i]! - min) / (max - min || 1)) : NO_DATA),
      0.75,
    );
  },
};

/**
 * The shapes that draw a result on the print map.
 * @param units - the polygons of the result's units (the edition's provinces, or the user's own units), `id` or `iso` in their properties
 */
export function analysisShapes(r: AnalysisResult, view: PrintAnalysisView, units: FeatureCollection, p: PrintProjection): Shape[] {
  const polygons = new Map<string, Polygon | MultiPolygon>();
  for (const f of units.features) {
    const id = String(f.properties?.['iso'] ?? f.properties?.['id'] ?? f.id ?? '');
    if (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') polygons.set(id, f.geometry);
  }
  const centre = new Map(r.units.map((u) => [u.id, u.centre]));
  // The lookup is by the result's own kind (the union cannot follow it).
  return (DRAW[r.kind] as (r: AnalysisResult, c: Ctx) => Shape[])(r, { p, view, centre, units: polygons });
}
