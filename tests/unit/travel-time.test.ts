/**
 * Travel time on the corridor network: a fixture checked by hand (Dijkstra on paper), a
 * straight corridor where minutes are km ÷ speed, "adding a link never lengthens a trip"
 * (fast-check), and the region's seaports on a 5 km grid.
 */
import { render } from '../../src/i18n/index.ts';
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildTimeNetwork,
  defaultModel,
  minutesFromCells,
  timesFrom,
  minutesTo,
  withSections,
  type TimedLine,
} from '../../src/analysis/travel-time.ts';
import { haversineKm } from '../../src/analysis/geo.ts';
import { buildHexGrid } from '../../src/analysis/hex-grid.ts';
import { corridorsFor, pointsFor, unitsFor } from '../../src/analysis/inputs.ts';
import { DEFAULT_SPEEDS, speedClassOf, type SpeedClass } from '../../src/core/speeds.ts';
import { loadInputs } from '../../cli/load.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { ACCESS_MEASURES_MIN, DEFAULT_PARAMS, paramsKey } from '../../src/core/analysis.ts';
import { resultTables } from '../../src/export/results.ts';

interface FixtureFeature {
  properties: { id?: string; cls?: SpeedClass; role?: 'destination' | 'place'; name?: string; minutes?: number };
  geometry: { type: 'LineString' | 'Point'; coordinates: unknown };
}
const fixture = JSON.parse(readFileSync('src/analysis/__fixtures__/travel-time/four-nodes.json', 'utf8')) as {
  properties: { speeds_kmh: Partial<Record<SpeedClass, number>>; detour: number };
  features: FixtureFeature[];
};

describe('travel time', () => {
  it('agrees with the hand-worked four-node network', () => {
    const lines: TimedLine[] = fixture.features
      .filter((f) => f.geometry.type === 'LineString')
      .map((f) => ({ id: f.properties.id!, cls: f.properties.cls!, coordinates: f.geometry.coordinates as [number, number][] }));
    const model = { ...defaultModel(fixture.properties.speeds_kmh, ['national_road', 'expressway']), detour: fixture.properties.detour };
    const tn = buildTimeNetwork(lines, model);
    const dest = fixture.features.filter((f) => f.properties.role === 'destination').map((f) => f.geometry.coordinates as [number, number]);
    const times = timesFrom(tn, dest);
    for (const f of fixture.features.filter((x) => x.properties.role === 'place')) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(minutesTo(times, lon, lat), f.properties.name).toBeCloseTo(f.properties.minutes!, 6);
    }
  });

  it('on one straight corridor, minutes are km ÷ speed', () => {
    for (const cls of ['national_road', 'expressway'] as const) {
      const line: TimedLine = {
        id: 'x',
        cls,
        coordinates: [
          [106, 16],
          [106.5, 16.2],
          [107, 16.4],
        ],
      };
      const tn = buildTimeNetwork([line], defaultModel());
      const km = haversineKm(106, 16, 106.5, 16.2) + haversineKm(106.5, 16.2, 107, 16.4);
      const got = minutesTo(timesFrom(tn, [[107, 16.4]]), 106, 16);
      expect(got).toBeCloseTo((km / DEFAULT_SPEEDS[cls].kmh) * 60, 9);
    }
  });

  it('adding a link never lengthens a trip', () => {
    const pt = fc.tuple(fc.double({ min: 105, max: 109, noNaN: true }), fc.double({ min: 12, max: 18, noNaN: true }));
    const line = fc.record({
      cls: fc.constantFrom<SpeedClass>('national_road', 'expressway', 'coastal_road'),
      coordinates: fc.array(pt, { minLength: 2, maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 4 }),
        line,
        fc.array(pt, { minLength: 1, maxLength: 3 }),
        fc.array(pt, { minLength: 1, maxLength: 6 }),
        (base, extra, dests, places) => {
          const named = (ls: typeof base) => ls.map((l, i) => ({ ...l, id: `l${i}` }) as TimedLine);
          const before = timesFrom(buildTimeNetwork(named(base), defaultModel()), dests);
          const after = timesFrom(buildTimeNetwork(named([...base, extra]), defaultModel()), dests);
          // Up to floating-point rounding. (Found by this test: a split segment's parts used to be
          // measured each on the sphere, which added metres; they now share its length.)
          for (const [lon, lat] of places) {
            const was = minutesTo(before, lon, lat);
            expect(minutesTo(after, lon, lat)).toBeLessThanOrEqual(was * (1 + 1e-9) + 1e-9);
          }
        },
      ),
      { numRuns: Number(process.env['TT_RUNS'] ?? 300) },
    );
  });

  it('gives every cell of the region a time to the nearest seaport, never faster than the fastest link allows', () => {
    const inputs = loadInputs();
    const corridors = corridorsFor(inputs, 'today', 'all');
    const props = new Map(inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
    const lines = corridors.map((c) => ({ id: c.id, coordinates: c.coordinates, cls: speedClassOf(props.get(c.id)!) }));
    const units = unitsFor(inputs, '2022', {});
    const grid = buildHexGrid(units, 5);
    const ports = pointsFor(inputs.seaports, 'today').map((p) => p.coordinates);
    const minutes = minutesFromCells(buildTimeNetwork(lines, defaultModel()), grid.centres, ports);
    expect(minutes.length).toBeGreaterThan(1000);
    for (let i = 0; i < minutes.length; i++) {
      const lon = grid.centres[2 * i]!;
      const lat = grid.centres[2 * i + 1]!;
      const km = Math.min(...ports.map(([a, b]) => haversineKm(lon, lat, a, b)));
      expect(Number.isFinite(minutes[i]!)).toBe(true);
      // Within the rounding of the 32-bit figures the grid keeps.
      expect(minutes[i]!).toBeGreaterThanOrEqual((km / DEFAULT_SPEEDS.expressway.kmh) * 60 * (1 - 1e-6));
      // The straight leg alone is one way there.
      expect(minutes[i]!).toBeLessThanOrEqual(((km * 1.3) / 30) * 60 * (1 + 1e-6));
    }
  });
});

describe('accessibility in minutes', () => {
  it('adds minutes to the nearest seaport, airport, gate and own centre, with a note on the assumed speeds', () => {
    const inputs = loadInputs();
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes' }, () => {});
    if (r.kind !== 'access') throw new Error('not access');
    const g = r.grid;
    for (const m of ACCESS_MEASURES_MIN) {
      expect(g[m]).toBeInstanceOf(Float32Array);
      expect(g[m]!.length).toBe(g.unit.length);
      expect([...g[m]!].every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
    expect(r.notes.map((n) => render('en', n)).join(' ')).toMatch(/expressways 80.*national roads 50/);
    expect(r.notes.map((n) => render('vi', n)).join(' ')).toMatch(/tốc độ giả định/);
    const cells = resultTables(r)[0]!;
    expect(cells.columns).toContain('minutes_to_centre');
    // The km result has no minutes, and its cache key differs.
    const km = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access' }, () => {});
    if (km.kind !== 'access') throw new Error('not access');
    expect(km.grid.minutes_to_seaport).toBeUndefined();
    expect(paramsKey({ ...DEFAULT_PARAMS, kind: 'access' })).not.toBe(paramsKey({ ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes' }));
  });

  it('says so when the chosen corridors cannot be travelled (railways only)', () => {
    const r = runAnalysis(
      loadInputs(),
      { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes', corridorKind: 'high_speed_railway', horizon: '2045' },
      () => {},
    );
    expect(r.notes.map((n) => render('en', n)).join(' ')).toMatch(/straight leg alone/);
  });

  it('where two lines share a segment, each keeps its edge: the trip takes the faster, and the road stays joinable along', () => {
    const seg: [number, number][] = [
      [106, 16],
      [107, 16],
    ];
    const tn = buildTimeNetwork(
      [
        { id: 'road', cls: 'national_road', coordinates: seg },
        { id: 'exp', cls: 'expressway', coordinates: seg },
      ],
      defaultModel(),
    );
    const km = haversineKm(106, 16, 107, 16);
    expect(minutesTo(timesFrom(tn, [[107, 16]]), 106, 16)).toBeCloseTo((km / DEFAULT_SPEEDS.expressway.kmh) * 60, 9);
    // A place beside the middle joins the road there, rather than walking to an expressway vertex.
    const alone = buildTimeNetwork([{ id: 'exp', cls: 'expressway', coordinates: seg }], defaultModel());
    const beside = (t: typeof tn) => minutesTo(timesFrom(t, [[107, 16]]), 106.5, 16.02);
    expect(beside(tn)).toBeLessThan(beside(alone) - 10);
  });

  it('gravity takes travel minutes as d when asked: I = mᵢ·mⱼ / tᵢⱼ^β, the model line says so', () => {
    const inputs = loadInputs();
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'gravity', impedance: 'minutes', beta: 2 }, () => {});
    if (r.kind !== 'gravity') throw new Error('not gravity');
    expect(r.rows.length).toBeGreaterThan(50);
    const mass = new Map(r.units.map((u) => [u.id, u.mass]));
    for (const row of r.rows.slice(0, 10)) {
      expect(row.minutes).toBeGreaterThan(0);
      // Minutes are rounded to the hundredth in the row; the intensity used the exact time.
      expect(row.intensity).toBeCloseTo(
        (mass.get(row.a)! * mass.get(row.b)!) / row.minutes! ** 2,
        -Math.floor(Math.log10(row.intensity)) + 2,
      );
    }
    expect(r.rows.reduce((s2, x) => s2 + x.share, 0)).toBeCloseTo(1, 9);
    expect(render('en', r.model)).toMatch(/d: travel minutes on the corridor network/);
    expect(resultTables(r)[0]!.columns).toContain('minutes');
    const km = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'gravity' }, () => {});
    expect(render('en', km.model)).toMatch(/d: great-circle km/);
    if (km.kind === 'gravity') expect(km.rows[0]!.minutes).toBeUndefined();
  });
});

describe('hinterlands by travel time', () => {
  it('gives each cell and unit the port it reaches first, the minutes a search from that port alone gives', () => {
    const inputs = loadInputs();
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'hinterland', metric: 'minutes', cellKm: 20 }, () => {});
    if (r.kind !== 'hinterland') throw new Error('not hinterland');
    const g = r.grid;
    expect(g.port_minutes).toBeInstanceOf(Int32Array);
    const corridors = corridorsFor(inputs, 'today', 'all');
    const props = new Map(inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
    const tn = buildTimeNetwork(
      corridors.map((c) => ({ id: c.id, coordinates: c.coordinates, cls: speedClassOf(props.get(c.id)!) })),
      defaultModel(),
    );
    const ports = pointsFor(inputs.seaports, 'today');
    const single = ports.map((p) => timesFrom(tn, [p.coordinates]));
    for (let i = 0; i < g.unit.length; i += 7) {
      const [lon, lat] = [g.centres[2 * i]!, g.centres[2 * i + 1]!];
      const each = single.map((t) => minutesTo(t, lon, lat));
      const best = Math.min(...each);
      // The cell's port is one whose terminal is reached in the least time (ties aside).
      const group = r.port_ids[g.port_minutes![i]!];
      const ofGroup = Math.min(...ports.map((p, k) => (p.group === group ? each[k]! : Infinity)));
      expect(ofGroup).toBeCloseTo(best, 6);
    }
    // Every unit's row names its port and minutes; the ports' cells add up to the grid.
    expect(r.units_rows.every((u) => typeof u.port_minutes === 'string' && (u.minutes ?? -1) > 0)).toBe(true);
    expect(r.ports.reduce((s2, p) => s2 + (p.cells_minutes ?? 0), 0)).toBe(g.unit.length);
    expect(resultTables(r)[0]!.columns).toEqual(expect.arrayContaining(['port_minutes', 'minutes']));
  });
});

describe('railways, boarded at stations', () => {
  const rail: TimedLine = {
    id: 'hsr',
    cls: 'high_speed_railway',
    coordinates: [
      [106, 14],
      [106, 16],
      [106, 18],
    ],
  };
  // A road that crosses the railway at its middle, and nothing else.
  const road: TimedLine = {
    id: 'road',
    cls: 'national_road',
    coordinates: [
      [105.5, 16],
      [106.5, 16],
    ],
  };
  const both = defaultModel({}, ['national_road', 'high_speed_railway']);

  it('takes the train between stations: leg, boarding, the line at its speed, boarding, leg', () => {
    const tn = buildTimeNetwork([rail], both, [
      [106, 14],
      [106, 18],
    ]);
    expect(tn.stationsUsed).toBe(2);
    const km = haversineKm(106, 14, 106, 16) + haversineKm(106, 16, 106, 18);
    const got = minutesTo(timesFrom(tn, [[106, 18]]), 106, 14);
    expect(got).toBeCloseTo(2 * both.boardMinutes + (km / 250) * 60, 6);
    // Without stations the railway is not used at all: the straight leg alone.
    const none = minutesTo(timesFrom(buildTimeNetwork([rail], both), [[106, 18]]), 106, 14);
    expect(none).toBeCloseTo(((km * both.detour) / both.speeds.access) * 60, 6);
  });

  it('is boarded only at stations, not where a road crosses it', () => {
    const tn = buildTimeNetwork([rail, road], both, [
      [106, 14],
      [106, 18],
    ]);
    // From the crossing, the train is reached only at a station (here along the track's line, on foot).
    const fromCrossing = minutesTo(timesFrom(tn, [[106, 18]]), 106, 16);
    const walkToStation = ((haversineKm(106, 16, 106, 18) * both.detour) / both.speeds.access) * 60;
    expect(fromCrossing).toBeCloseTo(walkToStation, 6);
    // A station at the crossing lets the road's traveller board there.
    const withStation = buildTimeNetwork([rail, road], both, [
      [106, 16],
      [106, 18],
    ]);
    expect(minutesTo(timesFrom(withStation, [[106, 18]]), 105.6, 16)).toBeLessThan(minutesTo(timesFrom(tn, [[106, 18]]), 105.6, 16) - 30);
  });

  it('adding a station never lengthens a trip', () => {
    const pt = fc.tuple(fc.double({ min: 105.5, max: 106.5, noNaN: true }), fc.double({ min: 13.8, max: 18.2, noNaN: true }));
    fc.assert(
      fc.property(fc.array(pt, { minLength: 0, maxLength: 3 }), pt, pt, pt, (stations, extra, dest, place) => {
        const before = minutesTo(timesFrom(buildTimeNetwork([rail, road], both, stations), [dest]), place[0], place[1]);
        const after = minutesTo(timesFrom(buildTimeNetwork([rail, road], both, [...stations, extra]), [dest]), place[0], place[1]);
        expect(after).toBeLessThanOrEqual(before * (1 + 1e-9) + 1e-9);
      }),
      { numRuns: Number(process.env['TT_RUNS'] ?? 300) },
    );
  });

  it('in the analyses: the bundled stations are used by default (a faster railway makes trips faster with no station added)', () => {
    const inputs = loadInputs();
    const p = { ...DEFAULT_PARAMS, kind: 'gravity' as const, impedance: 'minutes' as const };
    const roads = runAnalysis(inputs, p, () => {});
    const withRail = runAnalysis(inputs, { ...p, modes: 'road_rail' }, () => {});
    if (roads.kind !== 'gravity' || withRail.kind !== 'gravity') throw new Error('not gravity');
    expect(withRail.notes.map((n) => render('en', n)).join(' ')).not.toMatch(/railways are not used/);
    const byRoad = new Map(roads.rows.map((r) => [`${r.a}>${r.b}`, r.minutes ?? Infinity]));
    // Today's trains (50 km/h, calibrated) never lengthen a trip: a traveller may keep to the roads.
    for (const r of withRail.rows) expect(r.minutes ?? Infinity).toBeLessThanOrEqual(byRoad.get(`${r.a}>${r.b}`)! + 1e-6);
    // A railway as fast as an upgraded line (a scenario's speed, no station added) shortens some trips: the bundled stations board it.
    const upgraded = runAnalysis(inputs, { ...p, modes: 'road_rail' }, () => {}, {
      scenario: { name: 'upgraded line', speeds: { railway: 120 }, edits: [] },
    });
    if (upgraded.kind !== 'gravity') throw new Error('not gravity');
    const faster = upgraded.rows.filter((r) => (r.minutes ?? Infinity) < byRoad.get(`${r.a}>${r.b}`)! - 1e-6);
    expect(faster.length).toBeGreaterThan(0);
  });

  it('in the analyses: roads and railways with a scenario’s stations, noted; without stations, noted and the same as roads only', () => {
    const inputs = { ...loadInputs() };
    delete inputs.stations;
    const p = { ...DEFAULT_PARAMS, kind: 'gravity' as const, impedance: 'minutes' as const, horizon: '2045' as const };
    const roads = runAnalysis(inputs, p, () => {});
    const noStations = runAnalysis(inputs, { ...p, modes: 'road_rail' }, () => {});
    expect(noStations.notes.map((n) => render('en', n)).join(' ')).toMatch(/railways are not used/);
    if (roads.kind !== 'gravity' || noStations.kind !== 'gravity') throw new Error('not gravity');
    expect(noStations.rows.map((r) => r.minutes)).toEqual(roads.rows.map((r) => r.minutes));
    const stations = [
      [105.78, 19.81],
      [108.21, 16.05],
    ].map(([lon, lat], i) => ({
      action: 'add' as const,
      kind: 'station' as const,
      id: `st${i}`,
      name_vi: `Ga ${i}`,
      name_en: `Station ${i}`,
      coordinates: [lon!, lat!] as [number, number],
    }));
    const withRail = runAnalysis(inputs, { ...p, modes: 'road_rail' }, () => {}, { scenario: { name: 'Ga', speeds: {}, edits: stations } });
    if (withRail.kind !== 'gravity') throw new Error('not gravity');
    expect(withRail.notes.map((n) => render('en', n)).join(' ')).toMatch(/boarded at the scenario’s 2 stations/);
    const pair = (r: typeof roads, a: string, b: string) =>
      r.kind === 'gravity' ? r.rows.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a))!.minutes! : NaN;
    // Thanh Hóa – Đà Nẵng by high-speed train is faster than by road.
    expect(pair(withRail, 'VN-21', 'VN-DN')).toBeLessThan(pair(roads, 'VN-21', 'VN-DN') - 60);
  });
});

describe('the detour is a parameter', () => {
  it('a longer way onto the network never shortens a trip; the model line says the factor', () => {
    const inputs = loadInputs();
    const run = (detour: number) =>
      runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes', cellKm: 20, detour }, () => {});
    const a = run(1.3);
    const b = run(2);
    if (a.kind !== 'access' || b.kind !== 'access') throw new Error('not access');
    const x = a.grid.minutes_to_seaport!;
    const y = b.grid.minutes_to_seaport!;
    expect([...y].every((v, i) => v >= x[i]! * (1 - 1e-6))).toBe(true);
    expect([...y].some((v, i) => v > x[i]! + 1)).toBe(true);
    expect(render('en', b.model)).toMatch(/roads only; assumed speeds, see the notes; the way onto it a straight line × 2\)/);
    expect(render('vi', a.model)).toMatch(/× 1,3\)/);
  });
});

describe('expressways with listed interchanges', () => {
  const exp: TimedLine = {
    id: 'exp',
    cls: 'expressway',
    coordinates: [
      [106, 16],
      [106.5, 16],
      [107, 16],
    ],
  };
  const road: TimedLine = { ...exp, id: 'road', cls: 'national_road' };
  const model = defaultModel({}, ['expressway', 'national_road']);
  const ends: [number, number][] = [
    [106, 16],
    [107, 16],
  ];

  it('an expressway with no interchange on it is entered at its vertices, even when others have interchanges', () => {
    const elsewhere = buildTimeNetwork([exp, road], model, [], [[108, 17]]);
    const open = buildTimeNetwork([exp, road], model);
    expect(minutesTo(timesFrom(elsewhere, [[107, 16]]), 106.5, 16)).toBeCloseTo(minutesTo(timesFrom(open, [[107, 16]]), 106.5, 16), 9);
  });

  it('are entered only at the interchanges: end to end at expressway speed, but not from the middle vertex', () => {
    const km = haversineKm(106, 16, 106.5, 16) + haversineKm(106.5, 16, 107, 16);
    const gated = buildTimeNetwork([exp, road], model, [], ends);
    expect(gated.interchangesUsed).toBe(2);
    expect(minutesTo(timesFrom(gated, [[107, 16]]), 106, 16)).toBeCloseTo((km / DEFAULT_SPEEDS.expressway.kmh) * 60, 6);
    // From the middle vertex: without interchanges the expressway is entered there; with them, the road is taken.
    const open = buildTimeNetwork([exp, road], model);
    const fromMiddle = (tn: typeof open) => minutesTo(timesFrom(tn, [[107, 16]]), 106.5, 16);
    expect(fromMiddle(open)).toBeCloseTo((haversineKm(106.5, 16, 107, 16) / DEFAULT_SPEEDS.expressway.kmh) * 60, 6);
    expect(fromMiddle(gated)).toBeCloseTo((haversineKm(106.5, 16, 107, 16) / 50) * 60, 6);
  });

  it('adding an interchange to an expressway that has one never lengthens a trip', () => {
    const pt = fc.tuple(fc.double({ min: 105.8, max: 107.2, noNaN: true }), fc.double({ min: 15.8, max: 16.2, noNaN: true }));
    fc.assert(
      fc.property(fc.array(pt, { minLength: 0, maxLength: 3 }), pt, pt, pt, (more, extra, dest, place) => {
        const listed: [number, number][] = [ends[0]!, ...more];
        const before = minutesTo(timesFrom(buildTimeNetwork([exp, road], model, [], listed), [dest]), place[0], place[1]);
        const after = minutesTo(timesFrom(buildTimeNetwork([exp, road], model, [], [...listed, extra]), [dest]), place[0], place[1]);
        // Splitting a segment at a new interchange moves the sums by the planar frame's rounding (seen: up to
        // 2.4e-6 minutes, a few millimetres): allowed up to 1e-4 minutes (6 ms).
        expect(after).toBeLessThanOrEqual(before + 1e-4);
      }),
      { numRuns: Number(process.env['TT_RUNS'] ?? 300) },
    );
  });
});

describe('a station is no footbridge', () => {
  it('does not join two roads that do not meet (found by review: a station linked to every road)', () => {
    const a: TimedLine = {
      id: 'a',
      cls: 'national_road',
      coordinates: [
        [106, 15],
        [106, 16],
      ],
    };
    const b: TimedLine = {
      id: 'b',
      cls: 'national_road',
      coordinates: [
        [106.2, 16.05],
        [106.2, 17],
      ],
    };
    const stub: TimedLine = {
      id: 'rail',
      cls: 'railway',
      coordinates: [
        [106.1, 16.0],
        [106.1, 16.02],
      ],
    };
    const model = defaultModel({}, ['national_road', 'railway']);
    const without = minutesTo(timesFrom(buildTimeNetwork([a, b, stub], model), [[106.2, 17]]), 106, 15);
    const withStation = minutesTo(timesFrom(buildTimeNetwork([a, b, stub], model, [[106.1, 16.01]]), [[106.2, 17]]), 106, 15);
    // The train goes nowhere useful, so a station cannot shorten this trip by more than rounding.
    expect(withStation).toBeGreaterThanOrEqual(without - 1e-6);
  });
});

/** A line's drawn length, km. */
function lenOf(l: TimedLine): number {
  let km = 0;
  for (let i = 0; i + 1 < l.coordinates.length; i++) km += haversineKm(...l.coordinates[i]!, ...l.coordinates[i + 1]!);
  return km;
}

describe('a stretch with its own speed (SECTION_SPEEDS)', () => {
  const inputs = loadInputs();
  const railway = corridorsFor(inputs, 'today', 'all').find((l) => l.id === 'duong-sat-bac-nam')!;
  const line: TimedLine = { id: railway.id, coordinates: railway.coordinates, cls: 'railway', lengthFactor: railway.lengthFactor };
  const hue: [number, number] = [107.5955, 16.4619];
  const daNang: [number, number] = [108.2092, 16.0716];

  it('cuts the railway into three lines of the same id, the middle one Huế – Đà Nẵng at 28 of the class’s 48 km/h, the length kept', () => {
    const parts = withSections([line]);
    expect(parts.map((p) => p.id)).toEqual([line.id, line.id, line.id]);
    const mid = parts[1]!;
    expect(mid.factor).toBeCloseTo(28 / DEFAULT_SPEEDS.railway.kmh, 9);
    expect(haversineKm(...mid.coordinates[0]!, ...hue)).toBeLessThan(0.5);
    expect(haversineKm(...mid.coordinates.at(-1)!, ...daNang)).toBeLessThan(5);
    expect(parts.reduce((s, p) => s + lenOf(p), 0)).toBeCloseTo(lenOf(line), 6);
    // A line with its own speed (a scenario's) keeps it throughout.
    expect(withSections([{ ...line, kmh: 60 }])).toHaveLength(1);
  });

  it('the train from Huế to Đà Nẵng takes longer than the class speed alone gives, and the same on a changed class speed in proportion', () => {
    const model = { ...defaultModel({}, ['railway']), boardMinutes: 0 };
    const stations = [hue, daNang];
    const at = (m: typeof model) => minutesTo(timesFrom(buildTimeNetwork([line], m, stations), [daNang]), ...hue);
    const withStretch = at(model);
    const flat = (lenOf(withSections([line])[1]!) / DEFAULT_SPEEDS.railway.kmh) * 60;
    expect(withStretch).toBeGreaterThan(flat * 1.3);
    const faster = at({ ...model, speeds: { ...model.speeds, railway: model.speeds.railway * 2 } });
    expect(faster).toBeLessThan(withStretch);
  });
});
