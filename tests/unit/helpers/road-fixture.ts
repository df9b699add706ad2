/**
 * A small town's streets for the own-network tests, written three ways from one description:
 * OpenStreetMap XML, the same as PBF (through osmium-tool), and GeoJSON lines with Vietnamese
 * field names (cap_duong, toc_do, mot_chieu). A 9 × 9 grid of streets in Nghệ An (inside the
 * region), with a primary road with a maxspeed, one-way streets both ways round, a motorway
 * reached by a link, footways, a track, a road under construction and a service road that
 * shortcut the grid (and must never be driven), and an island: a loop of streets joined to
 * nothing. Also an independent Dijkstra over the description itself.
 */
import { NET_SPEEDS } from '../../../src/core/network-classes.ts';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureWay {
  id: number;
  nodes: number[];
  tags: Record<string, string>;
}
export interface Fixture {
  nodes: Map<number, [number, number]>;
  ways: FixtureWay[];
}

const LON0 = 105.2;
const LAT0 = 19.1;
const STEP = 0.004;
const N = 9;

/** Node id of grid point (i, j). */
export const gridNode = (i: number, j: number): number => 1000 + j * N + i;
/** A node of the island loop. */
export const islandNode = (k: number): number => 5000 + k;

/** The town, deterministic. */
export function makeFixture(): Fixture {
  const nodes = new Map<number, [number, number]>();
  for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) nodes.set(gridNode(i, j), [LON0 + i * STEP, LAT0 + j * STEP]);
  const ways: FixtureWay[] = [];
  let id = 1;
  const row = (j: number, tags: Record<string, string>) =>
    ways.push({ id: id++, nodes: [...Array(N).keys()].map((i) => gridNode(i, j)), tags });
  const col = (i: number, tags: Record<string, string>) =>
    ways.push({ id: id++, nodes: [...Array(N).keys()].map((j) => gridNode(i, j)), tags });
  for (let j = 0; j < N; j++) {
    if (j === 4) row(j, { highway: 'primary', maxspeed: '60', ref: 'QL7', name: 'Quốc lộ 7' });
    else if (j === 2) row(j, { highway: 'residential', oneway: 'yes', name: 'Phố Một Chiều' });
    else if (j === 6) row(j, { highway: 'residential', oneway: '-1', name: 'Phố Ngược' });
    else row(j, { highway: 'residential', name: `Đường ${j}` });
  }
  for (let i = 0; i < N; i++) {
    if (i === 3) col(i, { highway: 'secondary', maxspeed: '30 mph', name: 'Đường Dọc' });
    else col(i, { highway: 'residential', name: `Ngõ ${i}` });
  }
  // Shortcuts that must never be driven: diagonals across the grid.
  ways.push({ id: id++, nodes: [gridNode(0, 0), gridNode(8, 8)], tags: { highway: 'footway' } });
  ways.push({ id: id++, nodes: [gridNode(8, 0), gridNode(0, 8)], tags: { highway: 'track' } });
  ways.push({ id: id++, nodes: [gridNode(0, 1), gridNode(8, 7)], tags: { highway: 'construction', construction: 'primary' } });
  ways.push({ id: id++, nodes: [gridNode(1, 0), gridNode(7, 8)], tags: { highway: 'service' } });
  ways.push({ id: id++, nodes: [gridNode(0, 7), gridNode(7, 0)], tags: { highway: 'cycleway' } });
  // A motorway east of the grid, one-way north, reached by a link at each end.
  nodes.set(900, [LON0 + 10 * STEP, LAT0]);
  nodes.set(901, [LON0 + 10 * STEP, LAT0 + 8 * STEP]);
  ways.push({ id: id++, nodes: [900, 901], tags: { highway: 'motorway', ref: 'CT01', name: 'Cao tốc' } });
  ways.push({ id: id++, nodes: [gridNode(8, 0), 900], tags: { highway: 'motorway_link' } });
  ways.push({ id: id++, nodes: [901, gridNode(8, 8)], tags: { highway: 'motorway_link' } });
  // The island: a loop 6 km east, joined to nothing.
  const ix = LON0 + 0.06;
  const iy = LAT0 + 0.01;
  [
    [ix, iy],
    [ix + 0.004, iy],
    [ix + 0.004, iy + 0.004],
    [ix, iy + 0.004],
  ].forEach((p, k) => nodes.set(islandNode(k), p as [number, number]));
  ways.push({
    id: id++,
    nodes: [islandNode(0), islandNode(1), islandNode(2), islandNode(3), islandNode(0)],
    tags: { highway: 'residential', name: 'Đảo' },
  });
  // A ferry to the island, half an hour (driven only with --ferries), and a way that names a node the file lacks.
  ways.push({ id: id++, nodes: [gridNode(8, 4), islandNode(0)], tags: { route: 'ferry', duration: '00:30', name: 'Phà Đảo' } });
  ways.push({ id: id++, nodes: [gridNode(0, 4), 777_777, gridNode(0, 5)], tags: { highway: 'service', name: 'Thiếu nút' } });
  return { nodes, ways };
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** OpenStreetMap XML of the fixture. */
export function toOsmXml(f: Fixture): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="ntcc-test">'];
  for (const [id, [lon, lat]] of [...f.nodes].sort((a, b) => a[0] - b[0]))
    out.push(` <node id="${id}" version="1" timestamp="2025-03-01T00:00:00Z" lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"/>`);
  for (const w of f.ways) {
    out.push(` <way id="${w.id}" version="1" timestamp="2025-03-02T00:00:00Z">`);
    for (const n of w.nodes) out.push(`  <nd ref="${n}"/>`);
    for (const [k, v] of Object.entries(w.tags)) out.push(`  <tag k="${esc(k)}" v="${esc(v)}"/>`);
    out.push(' </way>');
  }
  out.push('</osm>');
  return out.join('\n') + '\n';
}

/** The Vietnamese class values the GeoJSON version uses, per OSM highway value. */
const VI_CLASS: Record<string, string> = {
  primary: 'đường chính',
  secondary: 'đường cấp hai',
  residential: 'đường phố',
  motorway: 'cao tốc',
  motorway_link: 'nhánh nối',
  footway: 'đường đi bộ',
  track: 'đường mòn',
  construction: 'đang xây',
  service: 'đường nội bộ',
  cycleway: 'đường xe đạp',
  ferry: 'phà',
};
/** The --class-map that reads them. */
export const VI_CLASS_MAP =
  'đường chính=primary,đường cấp hai=secondary,đường phố=residential,cao tốc=motorway,nhánh nối=link,đường đi bộ=none,đường mòn=none,đang xây=none,đường nội bộ=none,đường xe đạp=none,phà=none';

/** A maxspeed as km/h (mph converted). */
const kmh = (m: string | undefined): number | null =>
  m === undefined ? null : m.endsWith('mph') ? Number.parseFloat(m) * 1.609344 : Number(m);

/** GeoJSON lines with Vietnamese fields: cap_duong (class), toc_do (km/h, from maxspeed), mot_chieu (có / không / ngược). */
export function toGeoJSONLines(f: Fixture): string {
  const features = f.ways.map((w) => {
    const o = w.tags['oneway'];
    const implied = w.tags['highway'] === 'motorway' || w.tags['highway'] === 'motorway_link';
    return {
      type: 'Feature',
      properties: {
        cap_duong: VI_CLASS[w.tags['highway'] ?? w.tags['route']!],
        toc_do: kmh(w.tags['maxspeed']),
        mot_chieu: o === 'yes' || implied ? 'có' : o === '-1' ? 'ngược' : 'không',
        so_hieu: w.tags['ref'] ?? null,
        ten: w.tags['name'] ?? null,
      },
      geometry: { type: 'LineString', coordinates: w.nodes.filter((n) => f.nodes.has(n)).map((n) => f.nodes.get(n)!) },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Writes the three inputs into `dir`: town.osm, town.osm.pbf (osmium, with a replication timestamp), town.geojson. */
export function writeFixtureFiles(dir: string, f = makeFixture()): { xml: string; pbf: string; geojson: string } {
  const xml = join(dir, 'town.osm');
  const pbf = join(dir, 'town.osm.pbf');
  const geojson = join(dir, 'town.geojson');
  writeFileSync(xml, toOsmXml(f));
  execFileSync('osmium', ['cat', '--overwrite', '-o', pbf, '--output-header=osmosis_replication_timestamp=2025-04-01T00:00:00Z', xml], {
    stdio: 'ignore',
  });
  writeFileSync(geojson, toGeoJSONLines(f));
  return { xml, pbf, geojson };
}

const R = 6371.0088;
const km = (a: [number, number], b: [number, number]): number => {
  const rad = Math.PI / 180;
  const dp = (b[1] - a[1]) * rad;
  const dl = (b[0] - a[0]) * rad;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dl / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};

/** Speeds the test assumes (the defaults of core/network-classes.ts, restated), km/h. */
/** The class speeds the app assumes (its inputs, not its code): the reference takes them from the same table. */
const SPEED: Record<string, number> = {
  motorway: NET_SPEEDS.motorway.kmh,
  motorway_link: NET_SPEEDS.link.kmh,
  primary: NET_SPEEDS.primary.kmh,
  secondary: NET_SPEEDS.secondary.kmh,
  residential: NET_SPEEDS.residential.kmh,
};

/**
 * A plain Dijkstra over the fixture's own nodes: drivable ways only, one-way streets one way,
 * maxspeed over the class speed. Minutes and km of the fastest trip between two nodes.
 */
export function referenceRoute(f: Fixture, from: number, to: number): { minutes: number; km: number } | null {
  const adj = new Map<number, { to: number; min: number; km: number }[]>();
  const add = (a: number, b: number, min: number, k: number) => {
    if (!adj.has(a)) adj.set(a, []);
    adj.get(a)!.push({ to: b, min, km: k });
  };
  for (const w of f.ways) {
    const speedBase = SPEED[w.tags['highway'] ?? ''];
    if (speedBase === undefined) continue;
    const m = w.tags['maxspeed'];
    const speed = m === undefined ? speedBase : m.endsWith('mph') ? Number.parseFloat(m) * 1.609344 : Number(m);
    const o = w.tags['oneway'];
    const dir = o === 'yes' || w.tags['highway']!.startsWith('motorway') ? 1 : o === '-1' ? -1 : 0;
    for (let k = 1; k < w.nodes.length; k++) {
      const a = w.nodes[k - 1]!;
      const b = w.nodes[k]!;
      const d = km(f.nodes.get(a)!, f.nodes.get(b)!);
      const min = (d / speed) * 60;
      if (dir >= 0) add(a, b, min, d);
      if (dir <= 0) add(b, a, min, d);
    }
  }
  const dist = new Map<number, { min: number; km: number }>([[from, { min: 0, km: 0 }]]);
  const done = new Set<number>();
  for (;;) {
    let u = -1;
    let best = Infinity;
    for (const [n, d] of dist) if (!done.has(n) && d.min < best) [u, best] = [n, d.min];
    if (u < 0) return null;
    if (u === to) return dist.get(u)!.min === Infinity ? null : { minutes: dist.get(u)!.min, km: dist.get(u)!.km };
    done.add(u);
    for (const e of adj.get(u) ?? []) {
      const nd = best + e.min;
      if (nd < (dist.get(e.to)?.min ?? Infinity)) dist.set(e.to, { min: nd, km: dist.get(u)!.km + e.km });
    }
  }
}
