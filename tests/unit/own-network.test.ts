/**
 * Your own road network (issue 27): the same town given as OSM PBF, OSM XML and GeoJSON lines
 * with Vietnamese field names gives, through `ntcc network build` and `ntcc route --format
 * json`, the minutes and km of an independent Dijkstra (within 1.5 %), one-way streets
 * honoured and footways, tracks, cycleways, service roads and roads under construction never
 * driven; a route to an island exits 1 with a message; bad inputs exit 2 and write nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';
import {
  gridNode,
  islandNode,
  makeFixture,
  referenceRoute,
  VI_CLASS_MAP,
  writeFixtureFiles,
  type Fixture,
} from './helpers/road-fixture.ts';
import { readNetworkFile, writeNetworkFile } from '../../src/data/network-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'ntcc-net-'));
let files: { xml: string; pbf: string; geojson: string };
let fixture: Fixture;
const built: Record<string, string> = {};

beforeAll(async () => {
  fixture = makeFixture();
  files = writeFixtureFiles(dir, fixture);
  for (const [kind, input] of Object.entries(files)) {
    const out = join(dir, `${kind}.ntccnet`);
    const extra =
      kind === 'geojson'
        ? ['--class-field', 'cap_duong', '--speed-field', 'toc_do', '--oneway-field', 'mot_chieu', '--class-map', VI_CLASS_MAP]
        : [];
    const r = await runCli(['network', 'build', input, '--out', out, '--lang', 'en', ...extra]);
    if (r.code !== 0) throw new Error(`${kind}: ${r.err}`);
    built[kind] = out;
  }
}, 60_000);

const at = (n: number): string => fixture.nodes.get(n)!.join(',');

/** Pairs of grid nodes, some across the one-way streets, some needing the motorway. */
const PAIRS: [number, number][] = [
  [gridNode(0, 0), gridNode(8, 8)],
  [gridNode(8, 8), gridNode(0, 0)],
  [gridNode(0, 2), gridNode(8, 2)],
  [gridNode(8, 2), gridNode(0, 2)],
  [gridNode(2, 6), gridNode(6, 6)],
  [gridNode(6, 6), gridNode(2, 6)],
  [gridNode(8, 0), gridNode(8, 8)],
  [gridNode(0, 8), gridNode(7, 1)],
  [gridNode(3, 0), gridNode(3, 8)],
  [gridNode(5, 3), gridNode(1, 7)],
  [gridNode(4, 2), gridNode(5, 2)],
  [gridNode(5, 2), gridNode(4, 2)],
  [gridNode(5, 6), gridNode(4, 6)],
  [gridNode(4, 6), gridNode(5, 6)],
];

describe('ntcc network build and route', () => {
  it('prints what the network holds: counts, km by class, components, the extract date', async () => {
    const r = await runCli(['network', 'build', files.pbf, '--out', join(dir, 'again.ntccnet'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Network from town.osm.pbf');
    expect(r.out).toContain('Extract date: 2025-04-01T00:00:00.000Z (from the PBF header');
    expect(r.out).toMatch(/Connected components: 2; the largest holds 9\d\.\d % of the km/);
    const xml = readNetworkFile(new Uint8Array(readFileSync(built['xml']!)));
    expect(xml.meta.extract_date_from).toBe('newest_element_timestamp');
    expect(xml.meta.extract_date).toBe('2025-03-02T00:00:00.000Z');
    // No footway, track, cycleway, service road or construction: only the drivable classes carry km.
    expect(xml.meta.km_by_class.service).toBe(0);
    expect(xml.meta.km_by_class.motorway).toBeGreaterThan(0);
    expect(xml.meta.components).toBe(2);
  });

  it('the three inputs give the same network', () => {
    const metas = Object.values(built).map((f) => readNetworkFile(new Uint8Array(readFileSync(f))).meta);
    for (const m of metas.slice(1)) {
      expect(m.nodes).toBe(metas[0]!.nodes);
      expect(m.edges).toBe(metas[0]!.edges);
      expect(m.oneway_edges).toBe(metas[0]!.oneway_edges);
      expect(m.km_total).toBeCloseTo(metas[0]!.km_total, 1);
    }
  });

  it('a network file reads back as written', () => {
    const net = readNetworkFile(new Uint8Array(readFileSync(built['pbf']!)));
    const again = readNetworkFile(writeNetworkFile(net));
    expect(again.meta).toEqual(net.meta);
    expect([...again.km]).toEqual([...net.km]);
    expect([...again.geomLon]).toEqual([...net.geomLon]);
  });

  for (const kind of ['pbf', 'xml', 'geojson'] as const)
    it(`${kind}: route minutes and km agree with an independent Dijkstra within 1.5 %`, async () => {
      for (const [a, b] of PAIRS) {
        const ref = referenceRoute(fixture, a, b);
        expect(ref, `${a}→${b}`).not.toBeNull();
        const r = await runCli(['route', '--network', built[kind]!, '--from', at(a), '--to', at(b), '--format', 'json']);
        expect(r.code, r.err).toBe(0);
        const got = JSON.parse(r.out) as { minutes: number; km: number; roads: { name: string; class: string }[] };
        expect(Math.abs(got.minutes - ref!.minutes) / ref!.minutes, `${a}→${b} minutes`).toBeLessThan(0.015);
        expect(Math.abs(got.km - ref!.km) / ref!.km, `${a}→${b} km`).toBeLessThan(0.015);
        // Never a footway, track, cycleway, service road or construction (they have no name in the fixture, but no class either).
        for (const road of got.roads) expect(['residential', 'primary', 'secondary', 'motorway', 'link']).toContain(road.class);
      }
    });

  it('one-way streets are honoured: against the one-way row the trip goes round', async () => {
    const [a, b] = [gridNode(5, 2), gridNode(4, 2)];
    const against = JSON.parse((await runCli(['route', '--network', built['pbf']!, '--from', at(a), '--to', at(b)])).out) as {
      km: number;
      roads: { name: string }[];
    };
    const along = JSON.parse((await runCli(['route', '--network', built['pbf']!, '--from', at(b), '--to', at(a)])).out) as {
      km: number;
      roads: { name: string }[];
    };
    expect(along.roads.map((r) => r.name)).toEqual(['Phố Một Chiều']);
    expect(against.roads.map((r) => r.name)).not.toContain('Phố Một Chiều');
    expect(against.km).toBeGreaterThan(along.km * 2.5);
  });

  it('geojson and csv give the same route', async () => {
    const args = ['route', '--network', built['xml']!, '--from', at(gridNode(0, 0)), '--to', at(gridNode(8, 8))];
    const json = JSON.parse((await runCli(args)).out) as { minutes: number; path: number[][] };
    const gj = JSON.parse((await runCli([...args, '--format', 'geojson'])).out) as {
      features: { properties: { minutes: number }; geometry: { coordinates: number[][] } }[];
    };
    expect(gj.features[0]!.properties.minutes).toBe(json.minutes);
    expect(gj.features[0]!.geometry.coordinates.length).toBe(json.path.length);
    const csv = (await runCli([...args, '--format', 'csv'])).out.trim().split('\n');
    expect(csv[0]).toBe('ref,name,class,km,minutes');
    expect(csv.at(-1)).toContain(`,${json.minutes}`);
  });

  it('a route to an island exits 1 with a message in the chosen language', async () => {
    const en = await runCli(['route', '--network', built['pbf']!, '--from', at(gridNode(4, 4)), '--to', at(islandNode(2)), '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.out).toBe('');
    expect(en.err).toContain('No route by road');
    const vi = await runCli(['route', '--network', built['geojson']!, '--from', at(gridNode(4, 4)), '--to', at(islandNode(2))]);
    expect(vi.code).toBe(1);
    expect(vi.err).toContain('Không có đường bộ');
  });

  it('the access leg joins a place off the road to the nearest street', async () => {
    const [lon, lat] = fixture.nodes.get(gridNode(4, 4))!;
    const off = `${lon + 0.0012},${lat + 0.0021}`;
    const r = JSON.parse((await runCli(['route', '--network', built['pbf']!, '--from', off, '--to', at(gridNode(0, 0))])).out) as {
      leg_km: number[];
      km: number;
      network_km: number;
    };
    expect(r.leg_km[0]).toBeGreaterThan(0.1);
    expect(r.leg_km[0]).toBeLessThan(0.25);
    expect(r.km).toBeCloseTo(r.network_km + r.leg_km[0]! * 1.3, 3);
  });

  it('a raw input works as --network too (built on the fly)', async () => {
    const r = await runCli(['route', '--network', files.xml, '--from', at(gridNode(0, 0)), '--to', at(gridNode(8, 8))]);
    expect(r.code).toBe(0);
  });
});

/** Builds a network from a bad input: its exit, messages, and whether it wrote the file. */
async function attempt(input: string, extra: string[] = []) {
  const out = join(dir, `bad-${Math.random().toString(36).slice(2)}.ntccnet`);
  const r = await runCli(['network', 'build', input, '--out', out, '--lang', 'en', ...extra]);
  return { ...r, wrote: existsSync(out) };
}

describe('bad network inputs exit 2 and write nothing', () => {
  it('a truncated PBF', async () => {
    const bytes = readFileSync(files.pbf);
    const cut = join(dir, 'cut.osm.pbf');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const r = await attempt(cut);
    expect(r.code).toBe(2);
    expect(r.wrote).toBe(false);
    expect(r.err).toMatch(/cut short|damaged/);
  });

  it('a corrupt PBF', async () => {
    const bytes = new Uint8Array(readFileSync(files.pbf));
    for (let i = 200; i < bytes.length; i += 7) bytes[i] = bytes[i]! ^ 0x5a;
    const bad = join(dir, 'corrupt.osm.pbf');
    writeFileSync(bad, bytes);
    const r = await attempt(bad);
    expect(r.code).toBe(2);
    expect(r.wrote).toBe(false);
  });

  it('a file with nothing drivable', async () => {
    const f = makeFixture();
    f.ways = f.ways.filter((w) => ['footway', 'track', 'cycleway'].includes(w.tags['highway']!));
    const p = join(dir, 'paths.osm');
    const { toOsmXml } = await import('./helpers/road-fixture.ts');
    writeFileSync(p, toOsmXml(f));
    const r = await attempt(p);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Nothing drivable');
    expect(r.wrote).toBe(false);
  });

  it('lines without the named fields, and class values without a mapping', async () => {
    const r = await attempt(files.geojson, ['--class-field', 'loai_duong']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no field “loai_duong”');
    expect(r.err).toContain('cap_duong');
    const unmapped = await attempt(files.geojson, ['--class-field', 'cap_duong']);
    expect(unmapped.code).toBe(2);
    expect(unmapped.err).toContain('đường phố');
    expect(unmapped.wrote).toBe(false);
  });

  it('a file that is not OSM, a file wholly outside the region, a 2 GB file', async () => {
    const notOsm = join(dir, 'x.osm');
    writeFileSync(notOsm, '<kml><Document/></kml>');
    expect((await attempt(notOsm)).err).toContain('not an OpenStreetMap file');
    const f = makeFixture();
    for (const [id, [lon, lat]] of f.nodes) f.nodes.set(id, [lon - 100, lat + 30]);
    const far = join(dir, 'far.osm');
    const { toOsmXml } = await import('./helpers/road-fixture.ts');
    writeFileSync(far, toOsmXml(f));
    const r = await attempt(far);
    expect(r.code).toBe(2);
    expect(r.err).toContain('outside the region');
    const huge = join(dir, 'huge.osm.pbf');
    execFileSync('truncate', ['-s', '2G', huge]);
    const h = await attempt(huge);
    expect(h.code).toBe(2);
    expect(h.err).toContain('at most 1024 MB');
    expect(h.wrote).toBe(false);
  });
});

describe('options: ferries and service roads', () => {
  it('with --ferries the island is reached by its ferry, in its half-hour duration', async () => {
    const out = join(dir, 'ferries.ntccnet');
    const r = await runCli(['network', 'build', files.pbf, '--out', out, '--ferries', '--lang', 'en']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('ferries');
    const net = readNetworkFile(new Uint8Array(readFileSync(out)));
    expect(net.meta.components).toBe(1);
    expect(net.meta.timed_ferries).toBe(1);
    const route = JSON.parse((await runCli(['route', '--network', out, '--from', at(gridNode(8, 4)), '--to', at(islandNode(0))])).out) as {
      minutes: number;
      roads: { name: string; minutes: number }[];
    };
    expect(route.roads.map((x) => x.name)).toEqual(['Phà Đảo']);
    expect(route.minutes).toBeCloseTo(30, 1);
  });

  it('a way naming a node the file lacks is cut there; with --service the service road is driven', async () => {
    const out = join(dir, 'service.ntccnet');
    expect((await runCli(['network', 'build', files.xml, '--out', out, '--service'])).code).toBe(0);
    const net = readNetworkFile(new Uint8Array(readFileSync(out)));
    expect(net.meta.missing_nodes).toBe(1);
    expect(net.meta.km_by_class.service).toBeGreaterThan(0);
    const plain = readNetworkFile(new Uint8Array(readFileSync(built['xml']!)));
    expect(plain.meta.km_by_class.service).toBe(0);
    // A place on the service diagonal, between the streets, joins it only when it is driven.
    const [x1, y1] = fixture.nodes.get(gridNode(1, 0))!;
    const [x2, y2] = fixture.nodes.get(gridNode(7, 8))!;
    const on = `${x1 + 0.4375 * (x2 - x1)},${y1 + 0.4375 * (y2 - y1)}`;
    const args = ['--from', on, '--to', at(gridNode(0, 0))];
    const withService = JSON.parse((await runCli(['route', '--network', out, ...args])).out) as { leg_km: number[] };
    const without = JSON.parse((await runCli(['route', '--network', built['xml']!, ...args])).out) as { leg_km: number[] };
    expect(withService.leg_km[0]).toBeLessThan(0.005);
    expect(without.leg_km[0]).toBeGreaterThan(0.1);
  });
});

describe('speeds on your own network', () => {
  it('a speeds file changes motorways (as expressways), trunk roads (as national roads) and the access leg', async () => {
    const { roadGraph, roadModelFromSpeeds } = await import('../../src/analysis/road-graph.ts');
    const net = readNetworkFile(new Uint8Array(readFileSync(built['pbf']!)));
    const m = roadModelFromSpeeds({ expressway: 100, national_road: 60, access: 20 }, 1.5);
    expect([m.speeds.motorway, m.speeds.trunk, m.accessKmh, m.detour]).toEqual([100, 60, 20, 1.5]);
    const [a, b] = [fixture.nodes.get(gridNode(8, 0))!, fixture.nodes.get(gridNode(8, 8))!];
    const fast = roadGraph(net, roadModelFromSpeeds({})).route(a, b)!;
    const slow = roadGraph(net, roadModelFromSpeeds({ expressway: 5 })).route(a, b)!;
    expect(fast.roads.map((r) => r.cls)).toContain('motorway');
    expect(slow.roads.map((r) => r.cls)).not.toContain('motorway');
    expect(slow.minutes).toBeGreaterThan(fast.minutes);
  });
});

describe('the network as paths to draw', () => {
  it('every edge is a path from its start through its vertices to its end, with its class', async () => {
    const { networkPaths } = await import('../../src/data/road-network.ts');
    const net = readNetworkFile(new Uint8Array(readFileSync(built['pbf']!)));
    const p = networkPaths(net);
    expect(p.cls.length).toBe(net.eu.length);
    expect(p.startIndices.at(-1)).toBe(2 * net.eu.length + net.geomLon.length);
    for (let e = 0; e < net.eu.length; e++) {
      const s = p.startIndices[e]!;
      const end = p.startIndices[e + 1]! - 1;
      expect(p.positions[2 * s]).toBeCloseTo(net.lonE7[net.eu[e]!]! / 1e7, 9);
      expect(p.positions[2 * end + 1]).toBeCloseTo(net.latE7[net.ev[e]!]! / 1e7, 9);
    }
  });
});

describe('a search asked for some places only', () => {
  it('gives those places the same minutes as a whole search', async () => {
    const { roadGraph } = await import('../../src/analysis/road-graph.ts');
    const g = roadGraph(readNetworkFile(new Uint8Array(readFileSync(built['pbf']!))));
    const places: number[] = [];
    for (let k = 0; k < 40; k++) places.push(105.2 + ((k * 37) % 41) * 0.0008, 19.1 + ((k * 53) % 43) * 0.0008);
    for (const direction of ['to', 'from'] as const) {
      const origin: [number, number] = [105.213, 19.117];
      const whole = g.timesFrom([origin], direction);
      const some = g.timesFrom([origin], direction, places);
      for (let k = 0; k < places.length; k += 2)
        expect(some.nearestTo(places[k]!, places[k + 1]!).minutes).toBeCloseTo(whole.nearestTo(places[k]!, places[k + 1]!).minutes, 9);
    }
  });
});
