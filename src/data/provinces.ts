/**
 * Loads the bundled province boundaries (both editions) and checks their shape before the
 * app uses them. The files are fetched from the app's own origin as hashed assets.
 */
import url2022 from '../../data/geojson/provinces-2022.geojson?url';
import url2025 from '../../data/geojson/provinces-2025.geojson?url';
import type { Province2022Props, Province2025Props, ProvinceCollection } from '../core/types.ts';

export { DataError, checkProvinceCollection } from './province-check.ts';
import { DataError, checkProvinceCollection } from './province-check.ts';

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
