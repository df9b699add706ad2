/**
 * Tests on the thematic layer files (data/geojson) against the region brief.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import { destination } from '@turf/destination';
import { distance } from '@turf/distance';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { BELT_KM_CHOICES } from '../../src/core/layers.ts';
import { LAYER_FILE_IDS, LayerDataError, parseLayer } from '../../src/data/schemas.ts';
import type { Province2022Props, ProvinceCollection } from '../../src/core/types.ts';

const raw = (file: string): unknown => JSON.parse(readFileSync(`data/geojson/${file}`, 'utf8'));
const p2022 = raw('provinces-2022.geojson') as ProvinceCollection<Province2022Props>;
const seaports = parseLayer('seaports', raw('seaports.geojson'), 'seaports.geojson');
const airports = parseLayer('airports', raw('airports.geojson'), 'airports.geojson');
const gates = parseLayer('border-gates', raw('border-gates.geojson'), 'border-gates.geojson');
const corridors = parseLayer('corridors', raw('corridors.geojson'), 'corridors.geojson');
const border = parseLayer('border-line', raw('border-line.geojson'), 'border-line.geojson');

// From the brief's tables, written out here independently of scripts/facts-layers.ts.
const TERMINAL_PROVINCE: Record<string, string> = {
  'nghi-son': 'VN-21',
  'cua-lo': 'VN-22',
  'dong-hoi-na': 'VN-22',
  'vung-ang': 'VN-23',
  'son-duong': 'VN-23',
  'hon-la': 'VN-24',
  gianh: 'VN-24',
  'cua-viet': 'VN-25',
  'my-thuy': 'VN-25',
  'chan-may': 'VN-26',
  'thuan-an': 'VN-26',
  'tien-sa': 'VN-DN',
  'lien-chieu': 'VN-DN',
  'ky-ha-chu-lai': 'VN-27',
  'dung-quat': 'VN-29',
  'sa-ky': 'VN-29',
  'quy-nhon': 'VN-31',
  'vung-ro': 'VN-32',
  'van-phong': 'VN-34',
  'nha-trang': 'VN-34',
  'ba-ngoi-cam-ranh': 'VN-34',
  'ca-na': 'VN-36',
  'vinh-tan': 'VN-40',
  'phan-thiet-port': 'VN-40',
  'phu-quy': 'VN-40',
};
const AIRPORT_PROVINCE: Record<string, string> = {
  THD: 'VN-21',
  VII: 'VN-22',
  VDH: 'VN-24',
  HUI: 'VN-26',
  DAD: 'VN-DN',
  VCL: 'VN-27',
  UIH: 'VN-31',
  TBB: 'VN-32',
  CXR: 'VN-34',
};
const GATE_PROVINCE: Record<string, [string, string]> = {
  'na-meo': ['VN-21', 'VN-21'],
  'ten-tan': ['VN-21', 'VN-21'],
  'thong-thu': ['VN-22', 'VN-22'],
  'nam-can': ['VN-22', 'VN-22'],
  'thanh-thuy': ['VN-22', 'VN-22'],
  'cau-treo': ['VN-23', 'VN-23'],
  'cha-lo': ['VN-24', 'VN-25'],
  'lao-bao': ['VN-25', 'VN-25'],
  'la-lay': ['VN-25', 'VN-25'],
  'hong-van': ['VN-26', 'VN-26'],
  'a-dot': ['VN-26', 'VN-26'],
  'nam-giang': ['VN-27', 'VN-DN'],
  'bo-y': ['VN-28', 'VN-29'],
  'le-thanh': ['VN-30', 'VN-30'],
};

const inVietnam = (pt: Position) => p2022.features.some((f) => booleanPointInPolygon(pt, f));
function kmToBorder(pt: Position, country: 'LA' | 'KH'): number {
  const f = border.features.find((b) => b.properties.country === country);
  if (!f) throw new Error(`no border line for ${country}`);
  return Math.min(
    ...f.geometry.coordinates.map((line) => pointToLineDistance(pt, { type: 'LineString', coordinates: line }, { units: 'kilometers' })),
  );
}

describe('schemas', () => {
  it('accept every layer file', () => {
    for (const id of LAYER_FILE_IDS) expect(() => parseLayer(id, raw(`${id}.geojson`), `${id}.geojson`), id).not.toThrow();
  });

  it('name the file, the feature and the field of an error', () => {
    const bad = structuredClone(raw('airports.geojson')) as { features: { properties: Record<string, unknown> }[] };
    const f = bad.features[2];
    if (f) f.properties['iata'] = 'vdh1';
    expect(() => parseLayer('airports', bad, 'airports.geojson')).toThrow(LayerDataError);
    expect(() => parseLayer('airports', bad, 'airports.geojson')).toThrow(
      /^airports\.geojson: feature 2 \(dong-hoi\): field "properties\.iata"/,
    );
  });

  it('refuse a feature with neither accuracy nor schematic geometry, or with no source', () => {
    const bad = structuredClone(raw('islands.geojson')) as { features: { properties: Record<string, unknown> }[] };
    const f = bad.features[0];
    if (f) f.properties['accuracy_m'] = null;
    expect(() => parseLayer('islands', bad, 'islands.geojson')).toThrow(/needs accuracy_m or schematic/);
    const noSource = structuredClone(raw('islands.geojson')) as { features: { properties: Record<string, unknown> }[] };
    const g = noSource.features[1];
    if (g) g.properties['source'] = '  ';
    expect(() => parseLayer('islands', noSource, 'islands.geojson')).toThrow(/field "properties\.source"/);
  });

  it('leave no feature without a source, and mark the defence layers restricted', () => {
    for (const id of LAYER_FILE_IDS) {
      const fc = parseLayer(id, raw(`${id}.geojson`), `${id}.geojson`);
      for (const f of fc.features) expect(f.properties.source.trim().length, `${id} ${f.properties.id}`).toBeGreaterThan(0);
      const restricted = ['military-regions', 'border-line', 'border-belt', 'islands', 'baseline-points'].includes(id);
      for (const f of fc.features) expect(f.properties.sensitivity).toBe(restricted ? 'restricted' : 'public');
    }
  });
});

describe('computed provinces', () => {
  it('match the brief for every seaport terminal', () => {
    expect(seaports.features).toHaveLength(Object.keys(TERMINAL_PROVINCE).length);
    for (const f of seaports.features) expect(f.properties.province_2022, f.properties.id).toBe(TERMINAL_PROVINCE[f.properties.id]);
  });
  it('match the brief for every airport with a code', () => {
    for (const f of airports.features.filter((a) => a.properties.iata))
      expect(f.properties.province_2022, f.properties.id).toBe(AIRPORT_PROVINCE[f.properties.iata ?? '']);
  });
  it('match the brief for every border gate, in 2022 and 2025', () => {
    expect(gates.features).toHaveLength(14);
    for (const f of gates.features)
      expect([f.properties.province_2022, f.properties.province_2025], f.properties.id).toEqual(GATE_PROVINCE[f.properties.id]);
  });
  it('are the point-in-polygon result for points on land', () => {
    for (const f of [...airports.features, ...gates.features]) {
      const hit = p2022.features.find((p) => booleanPointInPolygon(f.geometry.coordinates, p));
      expect(hit?.properties.iso, f.properties.id).toBe(f.properties.province_2022);
    }
  });
});

describe('positions', () => {
  it('put every border gate on the Vietnamese side, within 5 km of the border line', () => {
    for (const f of gates.features) {
      expect(inVietnam(f.geometry.coordinates), f.properties.id).toBe(true);
      expect(kmToBorder(f.geometry.coordinates, f.properties.country), f.properties.id).toBeLessThanOrEqual(5);
    }
  });

  it('put every seaport terminal within 5 km of the coast', () => {
    for (const f of seaports.features) {
      const at = f.geometry.coordinates;
      const seaNearby = Array.from(
        { length: 48 },
        (_, i) => destination(at, 5, i * 7.5, { units: 'kilometers' }).geometry.coordinates,
      ).some((c) => !inVietnam(c));
      expect(seaNearby || !inVietnam(at), f.properties.id).toBe(true);
    }
  });

  it('end every corridor within 1 km of the gate and the port it names', () => {
    const ends = corridors.features.filter((c) => c.properties.gate_end || c.properties.port_end);
    expect(ends.length).toBeGreaterThanOrEqual(12);
    for (const c of ends) {
      const coords = c.geometry.coordinates;
      const first = coords[0] as Position;
      const last = coords[coords.length - 1] as Position;
      if (c.properties.gate_end) {
        const gate = gates.features.find((g) => g.properties.id === c.properties.gate_end);
        expect(gate, c.properties.id).toBeDefined();
        expect(distance(last, gate?.geometry.coordinates ?? [0, 0], { units: 'kilometers' }), c.properties.id).toBeLessThanOrEqual(1);
      }
      if (c.properties.port_end) {
        const port = seaports.features.find((p) => p.properties.id === c.properties.port_end);
        expect(port, c.properties.id).toBeDefined();
        expect(distance(first, port?.geometry.coordinates ?? [0, 0], { units: 'kilometers' }), c.properties.id).toBeLessThanOrEqual(1);
      }
    }
  });

  it('draws each economic zone as a schematic circle of the stated area (±1 %)', () => {
    const zones = parseLayer('economic-zones', raw('economic-zones.geojson'), 'economic-zones.geojson');
    expect(zones.features).toHaveLength(11);
    for (const z of zones.features) {
      expect(z.properties.schematic).toBe(true);
      expect(Math.abs(area(z) / (z.properties.area_ha * 1e4) - 1), z.properties.id).toBeLessThan(0.01);
    }
  });

  it('computes the border belt at each offered width: every gate inside, inland cities outside, wider belts larger', () => {
    const belts = raw('border-belt.geojson') as FeatureCollection<
      MultiPolygon,
      { km: number; source: string; sensitivity: string; accuracy_m: number }
    >;
    expect(belts.features.map((f) => f.properties.km)).toEqual([...BELT_KM_CHOICES]);
    const inBelt = (f: (typeof belts.features)[number], pt: Position) => booleanPointInPolygon(pt, f);
    let last = 0;
    for (const f of belts.features) {
      const km = f.properties.km;
      expect(f.properties.source, `${km}`).toMatch(/Natural Earth|NE-/);
      expect(f.properties.sensitivity).toBe('restricted');
      expect(f.properties.accuracy_m).toBe(1000);
      // Gates stand 0.5 km inside the border; Đà Nẵng and Quy Nhơn are over 50 km from it.
      for (const g of gates.features) expect(inBelt(f, g.geometry.coordinates), `${km} km, ${g.properties.id}`).toBe(true);
      expect(inBelt(f, [108.2, 16.05]), `${km} km, Đà Nẵng`).toBe(false);
      expect(inBelt(f, [109.22, 13.77]), `${km} km, Quy Nhơn`).toBe(false);
      // Every vertex lies within the width of the border (plus the line's 1 km accuracy).
      for (const ring of f.geometry.coordinates.flat())
        for (const v of ring.filter((_, i) => i % 10 === 0))
          expect(Math.min(kmToBorder(v, 'LA'), kmToBorder(v, 'KH')), `${km} km, vertex ${v.join(',')}`).toBeLessThanOrEqual(km + 1);
      expect(area(f)).toBeGreaterThan(last);
      last = area(f);
    }
  });

  it('makes each military region the union of its member provinces (area within 0.5 %)', () => {
    const regions = parseLayer('military-regions', raw('military-regions.geojson'), 'military-regions.geojson');
    for (const r of regions.features) {
      const sum = r.properties.members_2022.reduce(
        (acc, iso) => acc + area(p2022.features.find((p) => p.properties.iso === iso) ?? { type: 'Polygon', coordinates: [] }),
        0,
      );
      expect(Math.abs(area(r) / sum - 1), r.properties.id).toBeLessThan(0.005);
    }
  });
});
