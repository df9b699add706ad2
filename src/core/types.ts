/**
 * Domain types shared by the data build, the app and the tests.
 * Units: lon/lat in decimal degrees (WGS84), areas in km², populations in persons
 * unless a field name says thousands.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** A boundary edition: the 2022 provinces of Resolution 26, or the 2025 merged units. */
export type Edition = '2022' | '2025';

/** The editions, oldest first. */
export const EDITIONS: readonly Edition[] = ['2022', '2025'];

/** Sub-region in the GSO scheme. */
export type GsoSubregion = 'BTB' | 'DHNTB';
/** Sub-region in the QD376 scheme. */
export type Qd376Subregion = 'bac' | 'trung' | 'nam';

/** Properties of one 2022 province feature in `data/geojson/provinces-2022.geojson`. */
export interface Province2022Props {
  /** ISO 3166-2 code, e.g. `VN-DN`; the stable id of the unit. */
  iso: string;
  name_vi: string;
  name_en: string;
  slug: string;
  edition: '2022';
  /** True for the 14 provinces of Resolution 26-NQ/TW; false for context neighbours. */
  in_region: boolean;
  subregion_gso: GsoSubregion | null;
  subregion_qd376: Qd376Subregion | null;
  capital_vi: string | null;
  capital_lon: number | null;
  capital_lat: number | null;
  /** Official area in km² (GSO 2023), or null when the brief does not give it. */
  area_official_km2: number | null;
  /** Area of the bundled geometry in km² (geodesic, @turf/area). */
  area_computed_km2: number;
  /** Population 2023 in persons (GSO 2023), or null when the brief does not give it. */
  population_2023: number | null;
  /**
   * Its cities and towns (thành phố, thị xã; Đà Nẵng's urban districts) with their published
   * population and area: where, without a population grid, the analyses put those persons (the
   * rest of the province's figure is spread evenly). Absent or empty: none listed.
   */
  towns?: TownProps[];
  /** ISO code of the 2025 unit this province became part of. */
  unit_2025: string | null;
  unit_2025_name_vi: string;
  /** A point inside the polygon for the name label. */
  label_lon: number;
  label_lat: number;
  source: string;
  /** How far boundaries may be off, in metres (Natural Earth 1:10m). */
  accuracy_m: number;
  /** What a user should know about missing or adjusted figures, in Vietnamese and English. */
  note_vi: string | null;
  note_en: string | null;
}

/** A city or town of a 2022 province (`Province2022Props.towns`), with its published figures. */
export interface TownProps {
  id: string;
  name_vi: string;
  name_en: string;
  /** `city`: thành phố; `town`: thị xã; `urban-district`: a quận of Đà Nẵng. */
  kind: 'city' | 'town' | 'urban-district';
  /** Its centre, WGS 84. */
  lon: number;
  lat: number;
  /** Persons, as published for `population_year` (the 2019 census where one was found). */
  population: number;
  /** The year of that figure; null where the source gives none. */
  population_year: number | null;
  /** Its area in km². */
  area_km2: number;
  /** Source keys of data/SOURCES.md (the figures, then the centre). */
  source: string;
  /** How far the centre may be off, metres. */
  accuracy_m: number;
}

/** Properties of one 2025 unit in `data/geojson/provinces-2025.geojson`. */
export interface Province2025Props {
  /** ISO 3166-2 code of the member whose name the unit keeps (see data/README.md). */
  iso: string;
  name_vi: string;
  name_en: string;
  slug: string;
  edition: '2025';
  /** True when the unit holds at least one province of Resolution 26. */
  in_region: boolean;
  /** ISO codes of the 2022 provinces it is the exact union of. */
  members_2022: string[];
  /** ISO codes of those members that are Resolution 26 provinces. */
  members_in_region: string[];
  centre_vi: string;
  centre_lon: number | null;
  centre_lat: number | null;
  /** Area in km² counted by NQ202, or null where not given. */
  area_nq202_km2: number | null;
  /** Population in persons counted by NQ202 (includes temporary residents), or null. */
  population_nq202: number | null;
  area_computed_km2: number;
  label_lon: number;
  label_lat: number;
  source: string;
  accuracy_m: number;
  /** What a user should know about missing or adjusted figures, in Vietnamese and English. */
  note_vi: string | null;
  note_en: string | null;
}

export type ProvinceProps = Province2022Props | Province2025Props;
export type ProvinceFeature<P extends ProvinceProps = ProvinceProps> = Feature<Polygon | MultiPolygon, P>;
export type ProvinceCollection<P extends ProvinceProps = ProvinceProps> = FeatureCollection<Polygon | MultiPolygon, P>;

/** One row of the 2022 ↔ 2025 crosswalk (`data/geojson/crosswalk-2022-2025.json`). */
export interface CrosswalkRow {
  iso_2022: string;
  name_2022_vi: string;
  iso_2025: string;
  name_2025_vi: string;
  /** Share of the 2022 province's computed area that lies in the 2025 unit (always 1: mergers took whole provinces). */
  area_share: number;
}
