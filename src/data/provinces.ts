/**
 * Loads the bundled province boundaries (both editions) and checks their shape before the
 * app uses them. The files are fetched from the app's own origin as hashed assets.
 */
import url2022 from '../../data/geojson/provinces-2022.geojson?url';
import url2025 from '../../data/geojson/provinces-2025.geojson?url';
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
  });
  return json as ProvinceCollection<E extends '2022' ? Province2022Props : Province2025Props>;
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, signal ? { signal } : {});
  if (!res.ok) throw new DataError(url, `HTTP ${res.status}`);
  return res.json();
}

/** Fetches and checks both editions. */
export async function loadProvinces(signal?: AbortSignal): Promise<{
  provinces2022: ProvinceCollection<Province2022Props>;
  provinces2025: ProvinceCollection<Province2025Props>;
}> {
  const [a, b] = await Promise.all([fetchJson(url2022, signal), fetchJson(url2025, signal)]);
  return {
    provinces2022: checkProvinceCollection(a, '2022', 'provinces-2022.geojson'),
    provinces2025: checkProvinceCollection(b, '2025', 'provinces-2025.geojson'),
  };
}
