/**
 * Tests on the built boundary data (data/geojson) against the region brief.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import type { Polygon } from 'geojson';
import type { CrosswalkRow, Province2022Props, Province2025Props, ProvinceCollection } from '../../src/core/types.ts';
import { buildData } from '../../scripts/build-data.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(`data/geojson/${name}`, 'utf8')) as T;
const p2022 = read<ProvinceCollection<Province2022Props>>('provinces-2022.geojson');
const p2025 = read<ProvinceCollection<Province2025Props>>('provinces-2025.geojson');
const crosswalk = read<CrosswalkRow[]>('crosswalk-2022-2025.json');

// Written out again here from the brief, independently of scripts/facts.ts.
const BRIEF_ISO = [
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

function polygons(g: ProvinceCollection['features'][number]['geometry']): Polygon[] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map((c) => ({ type: 'Polygon', coordinates: c }));
}

const eastOf = (g: Polygon, lon: number) => g.coordinates[0]?.every((c) => (c[0] ?? 0) > lon) ?? false;

describe('provinces-2022', () => {
  it('has exactly the 14 in-region provinces of the brief', () => {
    const iso = p2022.features.filter((f) => f.properties.in_region).map((f) => f.properties.iso);
    expect(iso).toHaveLength(14);
    expect([...iso].sort()).toEqual([...BRIEF_ISO].sort());
  });

  it('holds the ten context neighbours the brief names', () => {
    const names = p2022.features.filter((f) => !f.properties.in_region).map((f) => f.properties.name_vi);
    expect(names.sort()).toEqual(
      ['Bà Rịa–Vũng Tàu', 'Đắk Lắk', 'Đắk Nông', 'Đồng Nai', 'Gia Lai', 'Hòa Bình', 'Kon Tum', 'Lâm Đồng', 'Ninh Bình', 'Sơn La'].sort(),
    );
  });

  it('places every capital inside its own province', () => {
    const withCapital = p2022.features.filter((f) => f.properties.capital_lon !== null);
    expect(withCapital.length).toBeGreaterThanOrEqual(14);
    for (const f of withCapital) {
      const pt: [number, number] = [f.properties.capital_lon ?? NaN, f.properties.capital_lat ?? NaN];
      expect(booleanPointInPolygon(pt, f), f.properties.name_vi).toBe(true);
    }
  });

  it('keeps Vietnamese diacritics in names', () => {
    const names = p2022.features.map((f) => f.properties.name_vi);
    expect(names).toContain('Thừa Thiên Huế');
    expect(names).toContain('Đà Nẵng');
    expect(names).toContain('Quảng Nam');
  });

  it('computes areas within 12 % of the official GSO figure, except Đà Nẵng (official area counts Hoàng Sa)', () => {
    for (const f of p2022.features.filter((x) => x.properties.area_official_km2 !== null && x.properties.iso !== 'VN-DN')) {
      const { area_official_km2: official, area_computed_km2: computed } = f.properties;
      expect(Math.abs(computed / (official ?? 1) - 1), f.properties.name_vi).toBeLessThan(0.12);
    }
  });

  it('folds Hoàng Sa into Đà Nẵng and Trường Sa into Khánh Hòa', () => {
    const dn = p2022.features.find((f) => f.properties.iso === 'VN-DN');
    const kh = p2022.features.find((f) => f.properties.iso === 'VN-34');
    expect(dn && polygons(dn.geometry).filter((p) => eastOf(p, 110.5)).length).toBeGreaterThanOrEqual(5);
    expect(kh && polygons(kh.geometry).filter((p) => eastOf(p, 113.5)).length).toBeGreaterThanOrEqual(10);
  });
});

describe('provinces-2025', () => {
  it('has 11 units holding the region', () => {
    const inRegion = p2025.features.filter((f) => f.properties.in_region);
    expect(inRegion).toHaveLength(11);
    const members = inRegion.flatMap((f) => f.properties.members_in_region).sort();
    expect(members).toEqual([...BRIEF_ISO].sort());
  });

  it('makes each unit the union of its members, area within 0.5 %', () => {
    for (const u of p2025.features) {
      const sum = u.properties.members_2022.reduce((acc, iso) => {
        const m = p2022.features.find((f) => f.properties.iso === iso);
        if (!m) throw new Error(`member ${iso} missing`);
        return acc + area(m);
      }, 0);
      expect(Math.abs(area(u) / sum - 1), u.properties.name_vi).toBeLessThan(0.005);
    }
  });

  it('dissolves the shared border of merged units', () => {
    const qt = p2025.features.find((f) => f.properties.iso === 'VN-25');
    // Quảng Bình + Quảng Trị: one mainland polygon, no internal ring.
    expect(qt && polygons(qt.geometry).filter((p) => area(p) > 1e8)).toHaveLength(1);
  });
});

describe('geometry validity', () => {
  const all = [...p2022.features, ...p2025.features];
  it('has no self-intersection in any ring', () => {
    for (const f of all) expect(kinks(f).features, `${f.properties.edition} ${f.properties.name_vi}`).toHaveLength(0);
  });
  it('has closed rings of at least four positions, wound per RFC 7946', () => {
    for (const f of all)
      for (const p of polygons(f.geometry)) {
        p.coordinates.forEach((ring, i) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          // Shoelace sign: exterior counter-clockwise (positive), holes clockwise.
          let s = 0;
          for (let k = 0; k + 1 < ring.length; k++)
            s += ((ring[k + 1]?.[0] ?? 0) - (ring[k]?.[0] ?? 0)) * ((ring[k + 1]?.[1] ?? 0) + (ring[k]?.[1] ?? 0));
          expect(i === 0 ? s < 0 : s > 0).toBe(true);
        });
      }
  });
});

describe('crosswalk', () => {
  it('maps every 2022 province to one 2025 unit, and in-region ones to a bundled unit', () => {
    expect(crosswalk).toHaveLength(p2022.features.length);
    for (const iso of BRIEF_ISO) {
      const row = crosswalk.find((r) => r.iso_2022 === iso);
      expect(row && p2025.features.some((f) => f.properties.iso === row.iso_2025), iso).toBe(true);
    }
    expect(crosswalk.find((r) => r.iso_2022 === 'VN-27')?.name_2025_vi).toBe('Đà Nẵng');
    expect(crosswalk.find((r) => r.iso_2022 === 'VN-40')?.name_2025_vi).toBe('Lâm Đồng');
  });
});

describe('build', () => {
  it('gives identical bytes when run twice', () => {
    expect(buildData()).toEqual(buildData());
  });

  it('reproduces the committed files byte for byte', () => {
    const built = buildData();
    for (const [name, text] of Object.entries(built)) expect(text, name).toBe(readFileSync(`data/geojson/${name}`, 'utf8'));
  });

  it('uses a user boundary file when given one, matched by ISO code', () => {
    const user = {
      type: 'FeatureCollection' as const,
      features: p2022.features.map((f) => ({ ...f, properties: { code: f.properties.iso } })),
    };
    const built = buildData({ boundaries: user, isoField: 'code' });
    const fc = JSON.parse(built['provinces-2025.geojson'] ?? '') as ProvinceCollection<Province2025Props>;
    const dn = fc.features.find((f) => f.properties.iso === 'VN-DN');
    expect(dn && Math.abs(dn.properties.area_computed_km2 / 11772.8 - 1)).toBeLessThan(0.005);
    expect(() => buildData({ boundaries: { type: 'FeatureCollection', features: [] } })).toThrow(/no feature with iso=VN-21/);
  });
});
