/**
 * Isochrones: on the real region from Đà Nẵng the bands are nested, valid GeoJSON, and agree
 * with the minutes of `minutesTo` up to the grid's interpolation; on one straight road the
 * hour's band reaches as far as the road allows, grows smoothly with the threshold, and keeps
 * out of a lake; thresholds are sorted and deduplicated.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { haversineKm } from '../../src/analysis/geo.ts';
import { corridorsFor, unitsFor } from '../../src/analysis/inputs.ts';
import { computeIsochrones, type IsochroneBand } from '../../src/analysis/isochrone.ts';
import { buildTimeNetwork, defaultModel, minutesTo, timesFrom, type TimedLine } from '../../src/analysis/travel-time.ts';
import { DEFAULT_DETOUR, DEFAULT_SPEEDS, speedClassOf } from '../../src/core/speeds.ts';

const DA_NANG: [number, number] = [108.2022, 16.0544];
const CELL_KM = 5;

/** The region at the 2022 edition, with today's corridors, and the isochrones from Đà Nẵng. */
function region() {
  const inputs = loadInputs();
  const props = new Map(inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
  const lines: TimedLine[] = corridorsFor(inputs, 'today', 'all').map((c) => ({
    id: c.id,
    coordinates: c.coordinates,
    cls: speedClassOf(props.get(c.id)!),
  }));
  const units = unitsFor(inputs, '2022');
  const tn = buildTimeNetwork(lines, defaultModel());
  const progress: number[] = [];
  const started = performance.now();
  const result = computeIsochrones(tn, DA_NANG, [30, 60, 120], units, CELL_KM, (d) => progress.push(d));
  return { units, tn, result, progress, ms: performance.now() - started };
}
const R = region();

/** Whether a point lies in a band (its boundary counts as in). */
const inBand = (b: IsochroneBand, p: [number, number]): boolean =>
  b.geometry.coordinates.length > 0 && booleanPointInPolygon(p, b.geometry);

/** Whether a point lies in any of the units. */
const onLand = (p: [number, number]): boolean => R.units.some((u) => booleanPointInPolygon(p, u.geometry));

/** A small deterministic generator (a linear congruential one), uniform in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Whether a place is deep in the land: points all round it, a cell's diagonal and a kilometre
 * away, are on land (so the corners of its grid cell are too).
 */
function deep(p: [number, number]): boolean {
  const r = Math.SQRT2 * CELL_KM + 1;
  const kx = haversineKm(p[0], p[1], p[0] + 1, p[1]);
  const ky = haversineKm(p[0], p[1], p[0], p[1] + 1);
  for (let k = 0; k < 24; k++) {
    const a = (k / 24) * 2 * Math.PI;
    if (!onLand([p[0] + (r * Math.cos(a)) / kx, p[1] + (r * Math.sin(a)) / ky])) return false;
  }
  return true;
}

/** Twice a ring's signed area in degrees (positive when counter-clockwise). */
function signedArea2(ring: number[][]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += (ring[i]![0]! - ring[i + 1]![0]!) * (ring[i]![1]! + ring[i + 1]![1]!);
  return s;
}

/** The point `km` east of a place (on its parallel). */
const eastOf = (p: [number, number], km: number): [number, number] => [p[0] + km / haversineKm(p[0], p[1], p[0] + 1, p[1]), p[1]];

describe('isochrones on the region', () => {
  it('are nested, valid and hold their source', () => {
    const { bands } = R.result;
    expect(bands.map((b) => b.minutes)).toEqual([30, 60, 120]);
    // Areas strictly increase, and stay within the region (≈ 96,000 km²).
    for (let k = 1; k < bands.length; k++) expect(bands[k]!.area_km2).toBeGreaterThan(bands[k - 1]!.area_km2);
    expect(bands[0]!.area_km2).toBeGreaterThan(100);
    expect(bands[2]!.area_km2).toBeLessThan(96_200);
    // The source is inside the smallest band.
    expect(inBand(bands[0]!, DA_NANG)).toBe(true);
    // Every vertex of a band lies in each larger band (on its edge at most).
    for (let k = 0; k + 1 < bands.length; k++)
      for (const poly of bands[k]!.geometry.coordinates)
        for (const ring of poly)
          for (const v of ring)
            for (let l = k + 1; l < bands.length; l++)
              expect(inBand(bands[l]!, v as [number, number]), `${bands[k]!.minutes} in ${bands[l]!.minutes}`).toBe(true);
    // Valid GeoJSON: closed rings of four or more positions in lon/lat, outer rings
    // counter-clockwise and holes clockwise (RFC 7946), no ring crossing itself or another.
    for (const b of bands) {
      expect(b.geometry.type).toBe('MultiPolygon');
      for (const poly of b.geometry.coordinates)
        poly.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const [lon, lat] of ring) {
            expect(lon).toBeGreaterThan(104);
            expect(lon).toBeLessThan(110);
            expect(lat).toBeGreaterThan(10);
            expect(lat).toBeLessThan(20);
          }
          expect(Math.sign(signedArea2(ring))).toBe(i === 0 ? 1 : -1);
        });
      expect(kinks(b.geometry).features).toEqual([]);
    }
  });

  it('agrees with minutesTo at sampled places, up to a cell of interpolation', () => {
    // How wrong can an edge be? A band takes a whole cell of the grid where all four corners
    // are within t, and none of a cell where none is. Minutes change by at most L per km
    // moved: a straight leg is (detour / access speed) per km, and joining the same road at
    // the new place's nearest point adds at most (1 / slowest road speed) per km along it:
    // L = 1.3 / 30 + 1 / 45 h/km ≈ 3.9 min/km. Every corner of the cell around a place lies
    // within a cell's diagonal of it, so a place with minutes ≤ t − L·√2·cell (and whose
    // cell's corners are all on land) is in band t, and one with minutes ≥ t + L·√2·cell is
    // out of it. (Sampled edges are far closer than this bound; it is what can be promised.)
    const { speeds } = R.tn.model;
    const slowestRoad = Math.min(speeds.national_road, speeds.ho_chi_minh_road, speeds.coastal_road, speeds.expressway);
    const L = (R.tn.model.detour / speeds.access + 1 / slowestRoad) * 60 * 1.05; // 5 % for the planar frame's approximation
    const margin = L * Math.SQRT2 * CELL_KM;
    expect(margin).toBeLessThan(30);
    const times = timesFrom(R.tn, [DA_NANG]);
    const rnd = random(20240601);
    const places: [number, number][] = [];
    // Half within about 110 km of Đà Nẵng, half anywhere in the region's box.
    while (places.length < 200) {
      const near = places.length < 100;
      const p: [number, number] = near
        ? [DA_NANG[0] + (rnd() * 2 - 1), DA_NANG[1] + (rnd() * 2 - 1)]
        : [104.3 + rnd() * 5.2, 11.5 + rnd() * 8.5];
      if (onLand(p)) places.push(p);
    }
    let checkedIn = 0;
    let checkedOut = 0;
    for (const p of places) {
      const m = minutesTo(times, p[0], p[1]);
      const isDeep = m <= R.result.bands.at(-1)!.minutes && deep(p);
      for (const b of R.result.bands) {
        if (m <= b.minutes - margin && isDeep) {
          expect(inBand(b, p), `${p.join(',')} at ${m.toFixed(1)} min in the ${b.minutes}-minute band`).toBe(true);
          checkedIn++;
        }
        if (m >= b.minutes + margin) {
          expect(inBand(b, p), `${p.join(',')} at ${m.toFixed(1)} min outside the ${b.minutes}-minute band`).toBe(false);
          checkedOut++;
        }
      }
    }
    expect(checkedIn).toBeGreaterThanOrEqual(10);
    // And in practice far better: nearly every place is on the side of each band that its
    // minutes say (the few others lie within minutes of the threshold, or on a strip of land
    // narrower than a cell).
    let agree = 0;
    for (const p of places) {
      const m = minutesTo(times, p[0], p[1]);
      for (const b of R.result.bands) if (m <= b.minutes === inBand(b, p)) agree++;
    }
    expect(agree / (places.length * R.result.bands.length)).toBeGreaterThan(0.97);
    expect(checkedOut).toBeGreaterThanOrEqual(100);
  });

  it('samples the land at 5 km quickly, reporting progress up to 1', () => {
    // ≈ 96,000 km² ÷ 25 km² a point.
    expect(R.result.sampled).toBeGreaterThan(3500);
    expect(R.result.sampled).toBeLessThan(4300);
    expect(R.ms).toBeLessThan(5000); // ≈ 0.2 s measured: generous for a loaded CI machine
    expect(R.progress.at(-1)).toBe(1);
    for (let k = 1; k < R.progress.length; k++) expect(R.progress[k]!).toBeGreaterThanOrEqual(R.progress[k - 1]!);
  });
});

describe('isochrones on one straight road', () => {
  // A national road 160 km along the 16th parallel, in a rectangular unit around it.
  const road: TimedLine = {
    id: 'road',
    cls: 'national_road',
    coordinates: [
      [106, 16],
      [107.5, 16],
    ],
  };
  const unit = {
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [105.8, 15.7],
          [107.7, 15.7],
          [107.7, 16.3],
          [105.8, 16.3],
          [105.8, 15.7],
        ],
      ],
    },
  };
  const tn = buildTimeNetwork([road], defaultModel());
  // Two km north of the road, 20 km from its west end.
  const from: [number, number] = [106.2, 16 + 2 / haversineKm(106.2, 16, 106.2, 17)];

  it('reaches along the road as far as the hour allows, after the leg to it', () => {
    const cell = 2;
    const { bands } = computeIsochrones(tn, from, [60], [unit], cell);
    const leg = ((2 * DEFAULT_DETOUR) / DEFAULT_SPEEDS.access.kmh) * 60;
    const expectedKm = ((60 - leg) / 60) * DEFAULT_SPEEDS.national_road.kmh;
    // Check the model agrees: the road's point that far east is an hour away.
    expect(minutesTo(timesFrom(tn, [from]), ...eastOf([from[0], 16], expectedKm))).toBeCloseTo(60, 1);
    const east = Math.max(...bands[0]!.geometry.coordinates.flat(2).map(([lon]) => lon!));
    const reachedKm = haversineKm(from[0], 16, east, 16);
    // The tip of the band is a point on the road; sampled on rows up to half a cell off it,
    // it is cut back by up to a cell or so.
    expect(reachedKm).toBeGreaterThan(expectedKm - 2 * cell);
    expect(reachedKm).toBeLessThan(expectedKm + cell);
    // Off the road only the slow leg counts: straight north the hour reaches ≈ 23 km.
    const northKm = (60 / 60) * (DEFAULT_SPEEDS.access.kmh / DEFAULT_DETOUR);
    const north = Math.max(...bands[0]!.geometry.coordinates.flat(2).map(([, lat]) => lat!));
    expect(Math.abs(haversineKm(from[0], from[1], from[0], north) - northKm)).toBeLessThan(cell);
  });

  it('grows smoothly with the threshold: edges are interpolated between grid points, not snapped to them', () => {
    // Between two thresholds a twentieth of a minute apart no grid point changes side here,
    // yet the edge moves: ≈ perimeter (≈ 150 km) × 0.05 min ÷ 2.6 min/km off the road ≈ 3 km².
    const [a, b] = computeIsochrones(tn, from, [60, 60.05], [unit], 5).bands;
    expect(b!.area_km2 - a!.area_km2).toBeGreaterThan(0.5);
    expect(b!.area_km2 - a!.area_km2).toBeLessThan(10);
  });

  it('leaves a hole where the land has one (a lake) inside the reach', () => {
    // A 10 km square lake whose centre is 8 km south of the place.
    const kmLon = haversineKm(from[0], 16, from[0] + 1, 16);
    const kmLat = haversineKm(from[0], 16, from[0], 17);
    const [cx, cy] = [from[0], from[1] - 8 / kmLat];
    const [hx, hy] = [5 / kmLon, 5 / kmLat];
    const lake = [
      [cx - hx, cy - hy],
      [cx - hx, cy + hy],
      [cx + hx, cy + hy],
      [cx + hx, cy - hy],
      [cx - hx, cy - hy],
    ];
    const withLake = { geometry: { type: 'Polygon' as const, coordinates: [unit.geometry.coordinates[0]!, lake] } };
    const band = computeIsochrones(tn, from, [60], [withLake], 2).bands[0]!;
    const holes = band.geometry.coordinates.flatMap((poly) => poly.slice(1));
    expect(holes.length).toBe(1);
    expect(inBand(band, [cx, cy])).toBe(false);
    // The land round the lake is within the hour on every side.
    const around: [number, number][] = [
      [-1.5, 0],
      [1.5, 0],
      [0, -1.5],
      [0, 1.5],
    ];
    for (const [dx, dy] of around) expect(inBand(band, [cx + dx * hx, cy + dy * hy])).toBe(true);
    const noLake = computeIsochrones(tn, from, [60], [unit], 2).bands[0]!;
    // About the lake's 100 km² less, give or take half a cell round its edge (40 km × 1 km).
    expect(noLake.area_km2 - band.area_km2).toBeGreaterThan(100 - 40);
    expect(noLake.area_km2 - band.area_km2).toBeLessThan(100 + 40);
  });

  it('sorts and deduplicates the thresholds; none gives no bands; an unreachable one gives an empty band', () => {
    const sorted = computeIsochrones(tn, from, [60, 30, 60, 30, 45], [unit], 5);
    expect(sorted.bands.map((b) => b.minutes)).toEqual([30, 45, 60]);
    expect(sorted.bands.map((b) => b.area_km2)).toEqual(sorted.bands.map((b) => b.area_km2).sort((a, b) => a - b));
    const none = computeIsochrones(tn, from, [], [unit], 5);
    expect(none.bands).toEqual([]);
    const empty = computeIsochrones(tn, from, [-1, 30], [unit], 5).bands[0]!;
    expect(empty).toEqual({ minutes: -1, area_km2: 0, geometry: { type: 'MultiPolygon', coordinates: [] } });
  });
});
