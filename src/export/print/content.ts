/**
 * The map frame's vector content: the region's unit outlines, capitals, the thematic layers
 * shown (in the colours and sizes of core/thematic-style, which the app's map and legend use),
 * names, and the graticule with a graduated border and degree labels. Sizes given in CSS
 * pixels on screen are drawn at CSS_PX_MM each, the size of a pixel of the raster basemap.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { existsAt, type Horizon, type Status, type ThematicLayerId } from '../../core/layers.ts';
import {
  AREA_COLORS,
  BORDER_LINE_COLOR,
  CORRIDOR_COLORS,
  CORRIDOR_WIDTH_PX,
  DASH,
  POINT_COLORS,
  POINT_RADIUS_PX,
  SEAPORT_RADIUS_PX,
  SMALL_POINT_RADIUS_PX,
} from '../../core/thematic-style.ts';
import { COLORS } from '../../core/palette.ts';
import { CAPITAL_RADIUS_PX } from '../../core/capitals.ts';
import type { Edition } from '../../core/types.ts';
import type { Lang } from '../../i18n/index.ts';
import { CSS_PX_MM, graticuleStep, stepsWithin, type PrintProjection } from './projection.ts';
import { hex, line, type PathShape, type Pt, type Rgb, type Shape } from './shapes.ts';

/** The page mm of a geometry's lines or rings; null when nothing of it is near the frame. */
export function geometryParts(g: Geometry | null, p: PrintProjection): { parts: Pt[][]; closed: boolean } | null {
  if (!g) return null;
  const ring = (r: Position[]): Pt[] => r.map((c) => p.project(c[0]!, c[1]!));
  let parts: Pt[][];
  let closed = false;
  switch (g.type) {
    case 'LineString':
      parts = [ring(g.coordinates)];
      break;
    case 'MultiLineString':
      parts = g.coordinates.map(ring);
      break;
    case 'Polygon':
      parts = g.coordinates.map(ring);
      closed = true;
      break;
    case 'MultiPolygon':
      parts = g.coordinates.flatMap((poly) => poly.map(ring));
      closed = true;
      break;
    default:
      return null;
  }
  return nearFrame(parts, p, 0) ? { parts, closed } : null;
}

/** Whether any of these page points' bounding box meets the frame (grown by `margin` mm). */
export function nearFrame(parts: readonly (readonly Pt[])[], p: PrintProjection, margin: number): boolean {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const part of parts)
    for (const [x, y] of part) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  const f = p.frame;
  return x1 >= f.x - margin && x0 <= f.x + f.width + margin && y1 >= f.y - margin && y0 <= f.y + f.height + margin;
}

/** Whether a page point lies in the frame (grown by `margin` mm). */
export const inFrame = (p: PrintProjection, [x, y]: Pt, margin = 0): boolean =>
  x >= p.frame.x - margin && x <= p.frame.x + p.frame.width + margin && y >= p.frame.y - margin && y <= p.frame.y + p.frame.height + margin;

const px = (v: number): number => v * CSS_PX_MM;
const WHITE: Rgb = [255, 255, 255];

/** The part of a thematic layer the map shows at a horizon and statuses (as `visiblePart`, and the belt at its width). */
export function shownFeatures(fc: FeatureCollection, horizon: Horizon, statuses: readonly Status[], beltKm: number): Feature[] {
  return fc.features.filter((f) => {
    const h = f.properties?.['horizon'] as Horizon | undefined;
    const st = f.properties?.['status'] as Status | undefined;
    const km = f.properties?.['km'] as number | undefined;
    return (h === undefined || existsAt(h, horizon)) && (st === undefined || statuses.includes(st)) && (km === undefined || km === beltKm);
  });
}

const notBuilt = (f: Feature): boolean => (f.properties?.['status'] ?? 'existing') !== 'existing';

/** A point symbol as the map draws it: filled with a white rim, or hollow with a coloured rim when not built. */
function pointSymbol(f: Feature, p: PrintProjection, color: Rgb, radiusPx: number): Shape[] {
  if (f.geometry?.type !== 'Point') return [];
  const at = p.project(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
  if (!inFrame(p, at)) return [];
  return notBuilt(f)
    ? [{ type: 'circle', x: at[0], y: at[1], r: px(radiusPx), fill: WHITE, stroke: color, width: px(2) }]
    : [{ type: 'circle', x: at[0], y: at[1], r: px(radiusPx), fill: color, stroke: WHITE, width: px(1.2) }];
}

/** Each thematic layer's features as shapes, in the map's styles (a layer without one fails to compile). */
const DRAW: Record<ThematicLayerId, (f: Feature, p: PrintProjection) => Shape[]> = {
  corridors: (f, p) => {
    const g = geometryParts(f.geometry, p);
    if (!g) return [];
    const axis = f.properties?.['axis'] as keyof typeof CORRIDOR_COLORS | undefined;
    const mode = f.properties?.['mode'] as string | undefined;
    const widthPx =
      mode === 'expressway' || mode === 'high_speed_railway' || mode === 'railway' ? CORRIDOR_WIDTH_PX[mode] : CORRIDOR_WIDTH_PX.road;
    const width = px(widthPx);
    return [
      {
        type: 'path',
        ...g,
        closed: false,
        stroke: CORRIDOR_COLORS[axis ?? 'coastal'] ?? CORRIDOR_COLORS.coastal,
        width,
        round: true,
        ...(notBuilt(f) ? { dash: [DASH[0] * width, DASH[1] * width] as const } : {}),
      },
    ];
  },
  seaports: (f, p) => {
    const cls = f.properties?.['class'] as 'I' | 'II' | 'III' | undefined;
    return pointSymbol(f, p, POINT_COLORS.seaports, SEAPORT_RADIUS_PX[cls ?? 'III'] ?? SEAPORT_RADIUS_PX.III);
  },
  airports: (f, p) => pointSymbol(f, p, POINT_COLORS.airports, POINT_RADIUS_PX),
  'border-gates': (f, p) => pointSymbol(f, p, POINT_COLORS['border-gates'], POINT_RADIUS_PX),
  stations: (f, p) => pointSymbol(f, p, POINT_COLORS.stations, SMALL_POINT_RADIUS_PX),
  interchanges: (f, p) => pointSymbol(f, p, POINT_COLORS.interchanges, SMALL_POINT_RADIUS_PX),
  islands: (f, p) => pointSymbol(f, p, POINT_COLORS.islands, POINT_RADIUS_PX),
  'baseline-points': (f, p) => pointSymbol(f, p, POINT_COLORS['baseline-points'], SMALL_POINT_RADIUS_PX),
  'economic-zones': (f, p) => {
    const g = geometryParts(f.geometry, p);
    const c = AREA_COLORS['economic-zones'];
    return g ? [{ type: 'path', ...g, fill: c, fillOpacity: 0.3, evenOdd: true, stroke: c, width: px(1), dash: [px(3), px(2)] }] : [];
  },
  'military-regions': (f, p) => {
    const g = geometryParts(f.geometry, p);
    return g ? [{ type: 'path', ...g, stroke: AREA_COLORS['military-regions'], width: px(2.5) }] : [];
  },
  'border-line': (f, p) => {
    const g = geometryParts(f.geometry, p);
    return g ? [{ type: 'path', ...g, closed: false, stroke: BORDER_LINE_COLOR, width: px(2.5) }] : [];
  },
  'border-belt': (f, p) => {
    const g = geometryParts(f.geometry, p);
    return g ? [{ type: 'path', ...g, fill: AREA_COLORS['border-belt'], fillOpacity: 0.25, evenOdd: true }] : [];
  },
};

/** The order layers are drawn in: areas, then lines, then points (the map's order). */
const DRAW_ORDER: readonly ThematicLayerId[] = [
  'border-belt',
  'economic-zones',
  'military-regions',
  'border-line',
  'corridors',
  'baseline-points',
  'islands',
  'interchanges',
  'stations',
  'border-gates',
  'airports',
  'seaports',
];

/** The thematic layers shown, as shapes. */
export function thematicShapes(
  layers: Partial<Record<ThematicLayerId, FeatureCollection>>,
  shown: readonly ThematicLayerId[],
  v: { horizon: Horizon; statuses: readonly Status[]; beltKm: number },
  p: PrintProjection,
): Shape[] {
  return DRAW_ORDER.filter((id) => shown.includes(id)).flatMap((id) => {
    const fc = layers[id];
    const shapes = fc ? shownFeatures(fc, v.horizon, v.statuses, v.beltKm).flatMap((f) => DRAW[id](f, p)) : [];
    // Lines on paper read better over the basemap with a light casing under them.
    if (id !== 'corridors') return shapes;
    const casings = shapes.flatMap((s): Shape[] =>
      s.type === 'path'
        ? [
            {
              type: 'path',
              parts: s.parts,
              closed: false,
              stroke: WHITE,
              strokeOpacity: 0.85,
              width: (s.width ?? 0) + px(1.5),
              round: true,
            },
          ]
        : [],
    );
    return [...casings, ...shapes];
  });
}

/** A unit as the print layout reads it (either edition). */
interface UnitProps {
  iso: string;
  name_vi: string;
  name_en: string;
  in_region: boolean;
  label_lon: number;
  label_lat: number;
  capital_lon?: number | null;
  capital_lat?: number | null;
  centre_lon?: number | null;
  centre_lat?: number | null;
}

/** The units' outlines (the raster basemap holds the fills; neighbours thinner, in grey) and the region's capitals, marked by ISO code. */
export function unitShapes(units: FeatureCollection, p: PrintProjection): Shape[] {
  const context: Shape[] = [];
  const out: Shape[] = [];
  const capitals: Shape[] = [];
  for (const f of units.features) {
    const u = f.properties as UnitProps;
    const g = geometryParts(f.geometry, p);
    if (!u.in_region) {
      if (g) context.push({ type: 'path', ...g, stroke: hex(COLORS.admin1Line), width: px(0.8), dash: [px(3), px(2)] });
      continue;
    }
    if (g) out.push({ type: 'path', ...g, stroke: hex(COLORS.provinceLine), width: px(1.2), round: true });
    const lon = u.capital_lon ?? u.centre_lon;
    const lat = u.capital_lat ?? u.centre_lat;
    if (typeof lon !== 'number' || typeof lat !== 'number') continue;
    const at = p.project(lon, lat);
    if (inFrame(p, at))
      capitals.push({
        type: 'circle',
        x: at[0],
        y: at[1],
        r: px(CAPITAL_RADIUS_PX),
        fill: WHITE,
        stroke: [30, 30, 30],
        width: px(1.5),
        tag: u.iso,
      });
  }
  return [...context, ...out, ...capitals];
}

/** A name on the map, centred on its point. */
function label(p: PrintProjection, lon: number, lat: number, text: string, size: number, color: Rgb, bold = false): Shape[] {
  const at = p.project(lon, lat);
  // Centred on the point, the baseline a third of the size below it.
  return inFrame(p, at, -size * 0.5) ? [{ type: 'text', x: at[0], y: at[1] + size * 0.12, text, size, bold, color, align: 'center' }] : [];
}

/**
 * The names the map shows: the units (region in full colour, neighbours greyed), then the
 * basemap's countries, seas and archipelagos and the provinces the bundled data lacks.
 * @param f - the furniture scale (type grows with the paper)
 */
export function labelShapes(
  units: FeatureCollection,
  basemapLabels: FeatureCollection,
  edition: Edition,
  lang: Lang,
  p: PrintProjection,
  f: number,
): Shape[] {
  const name = (props: Record<string, unknown>): string => String(props[lang === 'vi' ? 'name_vi' : 'name_en'] ?? '');
  const out: Shape[] = [];
  for (const feat of units.features) {
    const u = feat.properties as UnitProps;
    // Unit names sit below their label point when the capital is there too.
    out.push(
      ...label(
        p,
        u.label_lon,
        u.label_lat,
        name(u as unknown as Record<string, unknown>),
        (u.in_region ? 7.5 : 6.5) * f,
        u.in_region ? hex(COLORS.label) : [110, 110, 110],
        u.in_region,
      ),
    );
  }
  for (const feat of basemapLabels.features) {
    const props = feat.properties ?? {};
    if (feat.geometry?.type !== 'Point') continue;
    const [lon, lat] = feat.geometry.coordinates as [number, number];
    const kind = props['kind'];
    // Provinces outside the bundled data only at regional scales (at 1:2,500,000 and larger), where there is room for them.
    if (kind === 'province' && (props['edition'] !== edition || p.scale > 2_500_000)) continue;
    const style: [number, Rgb, boolean] =
      kind === 'sea'
        ? [(props['rank'] === 1 ? 11 : 8.5) * f, hex(COLORS.seaLabel), false]
        : kind === 'archipelago'
          ? [7 * f, hex(COLORS.seaLabel), true]
          : kind === 'country'
            ? [9 * f, [107, 98, 87], true]
            : [6.5 * f, [125, 119, 110], false];
    out.push(...label(p, lon, lat, name(props), ...style));
  }
  return out;
}

/** Degrees and minutes as a map writes them: 107°30' Đ / 107°30' E, 16° B / 16° N. */
export function degreeLabel(value: number, axis: 'lon' | 'lat', lang: Lang): string {
  const a = Math.abs(value);
  let d = Math.floor(a + 1e-9);
  let m = Math.round((a - d) * 60);
  if (m === 60) {
    d += 1;
    m = 0;
  }
  const hemi =
    axis === 'lon'
      ? value >= 0
        ? lang === 'vi'
          ? 'Đ'
          : 'E'
        : lang === 'vi'
          ? 'T'
          : 'W'
      : value >= 0
        ? lang === 'vi'
          ? 'B'
          : 'N'
        : lang === 'vi'
          ? 'N'
          : 'S';
  return `${d}°${m ? `${String(m).padStart(2, '0')}'` : ''} ${hemi}`;
}

/**
 * The graticule: meridians and parallels across the frame, a graduated border (black and
 * white bars at a fifth of the step) around it, and the degree labels outside it.
 * @param band - the border's width, mm
 */
export function graticuleShapes(p: PrintProjection, lang: Lang, f: number, band: number): Shape[] {
  const { frame } = p;
  const [w, s, e, n] = p.bounds;
  const step = graticuleStep(p.bounds);
  const out: Shape[] = [];
  const grid: Rgb = [90, 90, 90];
  const size = 6.5 * f;
  const lons = stepsWithin(w, e, step);
  const lats = stepsWithin(s, n, step);
  for (const lon of lons) {
    const x = p.project(lon, 0)[0];
    out.push(line([x, frame.y], [x, frame.y + frame.height], grid, 0.12 * f));
    const text = degreeLabel(lon, 'lon', lang);
    out.push({ type: 'text', x, y: frame.y - band - 1.2 * f, text, size, color: grid, align: 'center' });
    out.push({ type: 'text', x, y: frame.y + frame.height + band + 1.2 * f + size * 0.3, text, size, color: grid, align: 'center' });
  }
  for (const lat of lats) {
    const y = p.project(0, lat)[1];
    out.push(line([frame.x, y], [frame.x + frame.width, y], grid, 0.12 * f));
    const text = degreeLabel(lat, 'lat', lang);
    out.push({ type: 'text', x: frame.x - band - 1.2 * f, y: y + size * 0.12, text, size, color: grid, align: 'right' });
    out.push({ type: 'text', x: frame.x + frame.width + band + 1.2 * f, y: y + size * 0.12, text, size, color: grid, align: 'left' });
  }
  // The graduated border: bars at a fifth of the step, alternately black and white, on all four sides.
  const minor = step / 5;
  const bar = (a: Pt, b: Pt, dark: boolean): PathShape => ({
    type: 'path',
    closed: true,
    parts: [[a, [b[0], a[1]], b, [a[0], b[1]]]],
    fill: dark ? [30, 30, 30] : WHITE,
    stroke: [30, 30, 30],
    width: 0.08 * f,
  });
  const xs = [frame.x, ...stepsWithin(w, e, minor).map((lon) => p.project(lon, 0)[0]), frame.x + frame.width].filter(
    (x, i, a) => i === 0 || x > a[i - 1]! + 1e-6,
  );
  const ys = [
    frame.y,
    ...stepsWithin(s, n, minor)
      .map((lat) => p.project(0, lat)[1])
      .reverse(),
    frame.y + frame.height,
  ].filter((y, i, a) => i === 0 || y > a[i - 1]! + 1e-6);
  // Which bar is dark follows the step number, so the pattern is the same whatever the frame cuts off.
  const even = (v: number): boolean => ((Math.floor(v / minor + 1e-9) % 2) + 2) % 2 === 0;
  const darkX = (x: number): boolean => even(p.unproject(x + 1e-6, frame.y)[0]);
  const darkY = (y: number): boolean => even(p.unproject(frame.x, y + 1e-6)[1]);
  for (let i = 0; i + 1 < xs.length; i++) {
    const dark = darkX(xs[i]!);
    out.push(bar([xs[i]!, frame.y - band], [xs[i + 1]!, frame.y], dark));
    out.push(bar([xs[i]!, frame.y + frame.height], [xs[i + 1]!, frame.y + frame.height + band], dark));
  }
  for (let i = 0; i + 1 < ys.length; i++) {
    const dark = darkY(ys[i]!);
    out.push(bar([frame.x - band, ys[i]!], [frame.x, ys[i + 1]!], dark));
    out.push(bar([frame.x + frame.width, ys[i]!], [frame.x + frame.width + band, ys[i + 1]!], dark));
  }
  return out;
}
