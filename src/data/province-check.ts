/**
 * Checks the shape of a province boundary file (either edition) before anything uses it.
 * No file imports here, so Node (the command line, tests) can use it too.
 */
import type { Edition, Province2022Props, Province2025Props, ProvinceCollection } from '../core/types.ts';

/** An error that names the file and, where known, the feature and the field. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DataError';
  }
}

const REQUIRED: Record<Edition, readonly string[]> = {
  '2022': ['iso', 'name_vi', 'name_en', 'in_region', 'area_computed_km2', 'label_lon', 'label_lat', 'source'],
  '2025': ['iso', 'name_vi', 'name_en', 'in_region', 'members_2022', 'area_computed_km2', 'label_lon', 'label_lat', 'source'],
};

/**
 * Checks that `json` is a FeatureCollection of (Multi)Polygons whose features carry the
 * edition's required properties; throws a DataError naming the feature and field.
 */
export function checkProvinceCollection<E extends Edition>(
  json: unknown,
  edition: E,
  file: string,
): ProvinceCollection<E extends '2022' ? Province2022Props : Province2025Props> {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection')
    throw new DataError(file, 'not a GeoJSON FeatureCollection');
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0) throw new DataError(file, 'no features');
  features.forEach((f: unknown, i) => {
    const feat = f as { geometry?: { type?: unknown }; properties?: Record<string, unknown> } | null;
    const type = feat?.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') throw new DataError(file, `feature ${i}: geometry is not a Polygon or MultiPolygon`);
    for (const key of REQUIRED[edition]) {
      if (feat?.properties?.[key] === undefined) throw new DataError(file, `feature ${i}: property "${key}" is missing`);
    }
    checkTowns(feat?.properties?.towns, file, i);
  });
  return json as ProvinceCollection<E extends '2022' ? Province2022Props : Province2025Props>;
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A 2022 province's towns (optional): each with a name, its centre, a population and an area. */
function checkTowns(towns: unknown, file: string, i: number): void {
  if (towns === undefined) return;
  if (!Array.isArray(towns)) throw new DataError(file, `feature ${i}: property "towns" is not a list`);
  towns.forEach((t: unknown, k) => {
    const o = (t ?? {}) as Record<string, unknown>;
    const ok =
      typeof o.id === 'string' &&
      typeof o.name_vi === 'string' &&
      typeof o.name_en === 'string' &&
      finite(o.lon) &&
      finite(o.lat) &&
      Math.abs(o.lon) <= 180 &&
      Math.abs(o.lat) <= 90 &&
      finite(o.population) &&
      o.population > 0 &&
      finite(o.area_km2) &&
      o.area_km2 > 0;
    if (!ok) throw new DataError(file, `feature ${i}: town ${k} lacks a name, a centre, a population or an area`);
  });
}
