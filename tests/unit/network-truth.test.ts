/**
 * The network as it is on the ground (issue 26): its lengths against published figures, its
 * connectivity at each horizon, and the checks of the "Done when" on the bundled data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { checkTrips, readTrips, shareWithin, TARGETS, verdict } from '../../cli/network.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { corridorsFor } from '../../src/analysis/inputs.ts';
import {
  buildNetwork,
  lengthFactorOf,
  lengthFactorsOf,
  shortestPaths,
  type LengthFactor,
  type Network,
} from '../../src/analysis/network.ts';
import { buildTimeNetwork, defaultModel, minutesTo, timesFrom } from '../../src/analysis/travel-time.ts';
import { haversineKm } from '../../src/analysis/geo.ts';
import { DEFAULT_PARAMS, type AnalysisParams } from '../../src/core/analysis.ts';
import { HORIZONS, existsAt } from '../../src/core/layers.ts';
import { speedClassOf } from '../../src/core/speeds.ts';

const inputs = loadInputs();
const run = (p: Partial<AnalysisParams>) => runAnalysis(inputs, { ...DEFAULT_PARAMS, ...p });
const features = inputs.corridors.features;

interface CapitalPair {
  a: string;
  b: string;
  names: string;
  km: number | null;
  source: string | null;
}
const PAIRS = (JSON.parse(readFileSync(new URL('../../data/capital-distances.json', import.meta.url), 'utf8')) as { pairs: CapitalPair[] })
  .pairs;

/** Pairs whose published figure the network misses by more than 15 % today, with the reason (data/capital-distances.json). */
const KNOWN_GAPS = new Set<string>([
  // None today. Nha Trang – Phan Rang was one (0.83) while paths in km could change between road
  // and railway wherever they ran within the junction tolerance; in km they keep to the roads now
  // (0.96), as trips in minutes do unless the railway is boarded at a station.
]);

/** Km along a line from vertex i0 to vertex i1 in the network built from it alone (each edge at its factor). */
function alongKm(coordinates: [number, number][], lengthFactor: LengthFactor, i0: number, i1: number): number {
  const net = buildNetwork([{ coordinates, lengthFactor }], 0.5);
  const nodeAt = (i: number) => {
    const [lon, lat] = coordinates[i]!;
    return [...net.lon.keys()].find((n) => net.lon[n] === lon && net.lat[n] === lat)!;
  };
  const start = nodeAt(i0);
  const e0 = net.nodeEdges[start]![0]!;
  const t = net.eu[e0] === start ? 0 : 1;
  const len = net.elen[e0]!;
  const at = coordinates[i0]!;
  const sp = shortestPaths(net, [{ att: { edge: e0, t, legKm: 0, toU: t * len, toV: (1 - t) * len, at }, index: 0 }]);
  return sp.dist[nodeAt(i1)]!;
}

/** The connected components of a network: a component id per node. */
function components(net: Network): Int32Array {
  const comp = new Int32Array(net.lon.length).fill(-1);
  let c = 0;
  for (let s = 0; s < comp.length; s++) {
    if (comp[s] !== -1) continue;
    const stack = [s];
    comp[s] = c;
    while (stack.length) {
      const u = stack.pop()!;
      for (const e of net.nodeEdges[u]!) {
        const v = net.eu[e] === u ? net.ev[e]! : net.eu[e]!;
        if (comp[v] === -1) {
          comp[v] = c;
          stack.push(v);
        }
      }
    }
    c++;
  }
  return comp;
}

describe('lengths', () => {
  it('network km along a line counted at its published length equal that length within 0.5 %', () => {
    const counted = features.filter((f) => f.properties.published_km !== null);
    expect(counted.length).toBeGreaterThanOrEqual(20);
    for (const f of counted) {
      const coordinates = f.geometry.coordinates as [number, number][];
      const km = alongKm(coordinates, lengthFactorsOf(f.properties, coordinates), 0, coordinates.length - 1);
      expect(Math.abs(km / f.properties.published_km! - 1), f.properties.id).toBeLessThan(0.005);
    }
  });

  it('a line with km posts (QL1) is counted stretch by stretch: between two posts, the network km equal their difference', () => {
    const posted = features.filter((f) => (f.properties.km_posts?.length ?? 0) >= 2);
    expect(posted.map((f) => f.properties.id)).toContain('ql1');
    for (const f of posted) {
      const coordinates = f.geometry.coordinates as [number, number][];
      const factors = lengthFactorsOf(f.properties, coordinates);
      expect(Array.isArray(factors)).toBe(true);
      const posts = f.properties.km_posts!;
      expect(posts[0]![0]).toBe(0);
      expect(posts.at(-1)![0]).toBe(coordinates.length - 1);
      expect(posts.at(-1)![1] - posts[0]![1]).toBeCloseTo(f.properties.published_km!, 6);
      for (let k = 0; k + 1 < posts.length; k++) {
        const [[i0, km0], [i1, km1]] = [posts[k]!, posts[k + 1]!];
        const km = alongKm(coordinates, factors, i0, i1);
        expect(Math.abs(km / (km1 - km0) - 1), `${f.properties.id} stretch ${k}`).toBeLessThan(0.005);
      }
      // Each stretch's factor corrects bends, not a wrong route.
      for (const k of factors as readonly number[]) {
        expect(k).toBeGreaterThan(0.85);
        expect(k).toBeLessThan(1.35);
      }
    }
  });

  it('a line counted at its published length is drawn within 15 % longer or 35 % shorter than it (the factor corrects bends, not a wrong route)', () => {
    for (const f of features.filter((x) => x.properties.published_km !== null)) {
      const k = lengthFactorOf(f.properties);
      expect(k, f.properties.id).toBeGreaterThan(0.85);
      expect(k, f.properties.id).toBeLessThan(1.35);
      expect(f.properties.note_en ?? '', f.properties.id).toContain('The network counts its published length');
    }
  });

  it('a line with no published length keeps its drawn length', () => {
    const hsr = features.find((f) => f.properties.id === 'duong-sat-toc-do-cao')!;
    expect(lengthFactorOf(hsr.properties)).toBe(1);
    expect(corridorsFor(inputs, '2045', 'high_speed_railway')[0]!.lengthFactor).toBe(1);
    // A line's factors reach the travel-time model: minutes along it grow with them.
    const ql1 = corridorsFor(inputs, 'today', 'all').find((l) => l.id === 'ql1')!;
    expect(lengthFactorOf(features.find((f) => f.properties.id === 'ql1')!.properties)).toBeGreaterThan(1);
    const timed = (k: LengthFactor) =>
      buildTimeNetwork([{ id: 'ql1', coordinates: ql1.coordinates, cls: 'national_road', lengthFactor: k }], defaultModel());
    const [a, b] = [ql1.coordinates[10]!, ql1.coordinates[60]!];
    const along = (k: LengthFactor) => minutesTo(timesFrom(timed(k), [a]), b[0], b[1]);
    expect(along(ql1.lengthFactor) / along(1)).toBeGreaterThan(1.02);
  });
});

const isRail = (m: string) => m === 'railway' || m === 'high_speed_railway';
const networkKms = (r: ReturnType<typeof runAnalysis>) => (r.kind === 'distance' ? r.rows.map((x) => x.network_km) : []);

describe('paths in km keep to the roads', () => {
  const roadsOnly = { ...inputs, corridors: { ...inputs.corridors, features: features.filter((f) => !isRail(f.properties.mode)) } };

  it('all corridors give the km of the roads alone (a path never changes between road and rail), and say so', () => {
    for (const horizon of ['today', '2045'] as const) {
      const all = run({ kind: 'distance', edition: '2022', horizon });
      expect(networkKms(all)).toEqual(
        networkKms(runAnalysis(roadsOnly, { ...DEFAULT_PARAMS, kind: 'distance', edition: '2022', horizon })),
      );
      expect(all.notes.map((n) => n.key)).toContain('Note.KmRoads');
    }
  });

  it('the railway chosen as the corridors carries the paths', () => {
    const byRail = run({ kind: 'distance', edition: '2022', corridorKind: 'railway' });
    if (byRail.kind !== 'distance') throw new Error('wrong kind');
    expect(byRail.rows.filter((r) => r.network_km !== null).length).toBeGreaterThan(10);
    expect(byRail.notes.map((n) => n.key)).not.toContain('Note.KmRoads');
  });
});

describe('connectivity', () => {
  for (const horizon of HORIZONS)
    it(`at ${horizon}, every road and expressway lies in the largest connected part of the road network`, () => {
      const props = new Map(features.map((f) => [f.properties.id, f.properties]));
      const lines = corridorsFor(inputs, horizon, 'all').filter((l) => ['road', 'expressway'].includes(props.get(l.id)!.mode));
      const net = buildNetwork(lines, 0.5);
      const comp = components(net);
      const size = new Map<number, number>();
      comp.forEach((c) => size.set(c, (size.get(c) ?? 0) + 1));
      const largest = [...size.entries()].sort((x, y) => y[1] - x[1])[0]![0];
      // Each line's vertices are nodes of the network (a shared segment keeps one line's edge only).
      const nodeAt = new Map<string, number>();
      for (let i = 0; i < net.lon.length; i++) nodeAt.set(`${net.lon[i]},${net.lat[i]}`, i);
      const lineOfComp = new Map(lines.map((l) => [l.id, new Set(l.coordinates.map(([x, y]) => comp[nodeAt.get(`${x},${y}`)!]!))]));
      for (const l of lines) expect([...(lineOfComp.get(l.id) ?? [])], l.id).toEqual([largest]);
    });

  it('each planned East–West expressway is used at its horizon: its end is reached sooner with it than without it', () => {
    const planned = features.filter((f) => f.properties.mode === 'expressway' && f.properties.status === 'planned');
    expect(planned.length).toBe(4);
    const interchanges = (inputs.interchanges?.features ?? [])
      .filter((f) => existsAt(f.properties.horizon, '2030'))
      .map((f) => f.geometry.coordinates as [number, number]);
    const all = features.filter(
      (f) => existsAt(f.properties.horizon, '2030') && f.properties.mode !== 'railway' && f.properties.mode !== 'high_speed_railway',
    );
    const timed = (skip: string | null) =>
      buildTimeNetwork(
        all
          .filter((f) => f.properties.id !== skip)
          .map((f) => ({
            id: f.properties.id,
            coordinates: f.geometry.coordinates as [number, number][],
            cls: speedClassOf(f.properties),
            lengthFactor: lengthFactorOf(f.properties),
          })),
        defaultModel(),
        [],
        [],
        interchanges,
      );
    const withAll = timed(null);
    for (const f of planned) {
      const c = f.geometry.coordinates as [number, number][];
      const [a, b] = [c[0]!, c.at(-1)!];
      const withIt = minutesTo(timesFrom(withAll, [a]), b[0], b[1]);
      const without = minutesTo(timesFrom(timed(f.properties.id), [a]), b[0], b[1]);
      expect(withIt, f.properties.id).toBeLessThan(without - 1);
    }
  });
});

describe('the issue\u2019s "Done when", on the bundled data', () => {
  const distance = run({ kind: 'distance', edition: '2022' });
  if (distance.kind !== 'distance') throw new Error('wrong kind');
  const networkKm = (a: string, b: string) => distance.rows.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a))!.network_km!;

  const published = PAIRS.filter((p) => p.km !== null);
  const ratios = published.map((p) => networkKm(p.a, p.b) / p.km!);

  it('network km between consecutive capitals are within 15 % of the published road distance (but the known gaps)', () => {
    expect(published.length).toBeGreaterThanOrEqual(8);
    published.forEach((p, i) => {
      const within = Math.abs(ratios[i]! - 1) <= 0.15;
      // A known gap stays listed only while it is one: fixed, it must leave the list.
      expect(within, `${p.names}: ${ratios[i]!.toFixed(2)}`).toBe(!KNOWN_GAPS.has(`${p.a}>${p.b}`));
    });
    // Every ratio at least near: none below 0.75 or above 1.25.
    for (const r of ratios) expect(Math.abs(r - 1)).toBeLessThan(0.25);
  });

  it('the median ratio of network to published km between consecutive capitals is 0.93–1.07', () => {
    const sorted = [...ratios].sort((x, y) => x - y);
    const mid = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    expect(median).toBeGreaterThanOrEqual(0.93);
    expect(median).toBeLessThanOrEqual(1.07);
  });

  it('door-to-door speeds between consecutive capitals (gravity by minutes) are 35–85 km/h', () => {
    const g = run({ kind: 'gravity', edition: '2022', impedance: 'minutes' });
    if (g.kind !== 'gravity') throw new Error('wrong kind');
    const order = [
      'VN-21',
      'VN-22',
      'VN-23',
      'VN-24',
      'VN-25',
      'VN-26',
      'VN-DN',
      'VN-27',
      'VN-29',
      'VN-31',
      'VN-32',
      'VN-34',
      'VN-36',
      'VN-40',
    ];
    for (let i = 0; i + 1 < order.length; i++) {
      const [a, b] = [order[i]!, order[i + 1]!];
      const row = g.rows.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a))!;
      const kmh = networkKm(a, b) / (row.minutes! / 60);
      expect(kmh, `${a}–${b}`).toBeGreaterThanOrEqual(35);
      expect(kmh, `${a}–${b}`).toBeLessThanOrEqual(85);
    }
  });

  it('the existing railway is among the corridors, with its stations', () => {
    const rail = features.find((f) => f.properties.mode === 'railway')!;
    expect(rail.properties.status).toBe('existing');
    expect(rail.properties.horizon).toBe('today');
    expect((inputs.stations?.features ?? []).filter((s) => s.properties.line === 'railway').length).toBeGreaterThanOrEqual(20);
  });

  it('the expressway leaves National Road 1 by more than 1 km somewhere', () => {
    const ql1 = features.find((f) => f.properties.id === 'ql1')!.geometry.coordinates as [number, number][];
    const nearestKm = (p: [number, number]) => Math.min(...ql1.map((q) => haversineKm(p[0], p[1], q[0], q[1])));
    const far = features
      .filter((f) => f.properties.mode === 'expressway' && f.properties.axis === 'north_south')
      .flatMap((f) => f.geometry.coordinates as [number, number][])
      .filter((p) => nearestKm(p) > 1);
    expect(far.length).toBeGreaterThan(10);
  });

  it('the median corridor segment is at most 10 km', () => {
    const segs = features.flatMap((f) => {
      const c = f.geometry.coordinates as [number, number][];
      return c.slice(1).map((p, i) => haversineKm(c[i]![0], c[i]![1], p[0], p[1]));
    });
    segs.sort((x, y) => x - y);
    expect(segs[Math.floor(segs.length / 2)]!).toBeLessThanOrEqual(10);
    expect(segs.at(-1)!).toBeLessThanOrEqual(10.01);
  });

  it('ntcc network check meets its km target: 90 % of the trips with a published km within 0.9–1.1', () => {
    const km = shareWithin(checkTrips(inputs, readTrips()), 'km_ratio', TARGETS.km);
    expect(km.of).toBeGreaterThanOrEqual(20);
    expect(km.share).toBeGreaterThanOrEqual(TARGETS.share);
  });

  // The minutes target: 19 of 21 trips within 0.8–1.25 (docs/validation.md). The two outside:
  // Nha Trang – Quy Nhơn by local bus (6 h; the national road's speed is calibrated on intercity
  // buses), and Đồng Hới – Huế by the fastest train in Lonely Planet (2½ h), which no railway
  // speed the timetables allow can meet.
  it('ntcc network check meets its targets (exit 0)', () => {
    expect(verdict('en', checkTrips(inputs, readTrips())).met).toBe(true);
  });
});
