/**
 * Place search across provinces, seaport terminals, airports (also by IATA code), border
 * gates and economic zones; ignores diacritics and case ("da nang", "Đà Nẵng", "DAD",
 * "vung ang" all find what a user means).
 */
import { stripDiacritics } from '../core/text.ts';
import type { AppState, FeatureRef } from './store.ts';
import { featuresOf } from './store.ts';

export type SearchKind = 'province' | 'seaports' | 'airports' | 'border-gates' | 'economic-zones';

export interface SearchEntry {
  kind: SearchKind;
  /** ISO code for a province; feature id otherwise. */
  id: string;
  name_vi: string;
  name_en: string;
  /** Extra text shown and searched (seaport name, IATA code). */
  extra: string | null;
  center: [number, number];
  zoom: number;
  /** Normalised text searched: names and extra, lower-case ASCII. */
  haystack: string;
}

/** Lower-case ASCII, single spaces: what both the query and the names are compared as. */
export function normalise(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function centroidOfRing(ring: readonly (readonly number[])[]): [number, number] {
  let x = 0;
  let y = 0;
  for (const c of ring) {
    x += c[0] ?? 0;
    y += c[1] ?? 0;
  }
  return [x / Math.max(1, ring.length), y / Math.max(1, ring.length)];
}

/** Builds the entries from what is loaded (provinces of the current edition, thematic points and zones). */
export function buildSearchIndex(s: Pick<AppState, 'data' | 'edition' | 'thematic'>): SearchEntry[] {
  const out: SearchEntry[] = [];
  const entry = (e: Omit<SearchEntry, 'haystack'>): void => {
    out.push({ ...e, haystack: normalise([e.name_vi, e.name_en, e.extra ?? ''].join(' ')) });
  };
  for (const f of featuresOf(s)) {
    const p = f.properties;
    entry({
      kind: 'province',
      id: p.iso,
      name_vi: p.name_vi,
      name_en: p.name_en,
      extra: p.iso,
      center: [p.label_lon, p.label_lat],
      zoom: 7.5,
    });
  }
  for (const f of s.thematic.seaports?.features ?? []) {
    const p = f.properties;
    entry({
      kind: 'seaports',
      id: p.id,
      name_vi: p.name_vi,
      name_en: p.name_en,
      extra: `${p.seaport_name_vi} · ${p.seaport_name_en}`,
      center: f.geometry.coordinates,
      zoom: 10,
    });
  }
  for (const f of s.thematic.airports?.features ?? []) {
    const p = f.properties;
    entry({ kind: 'airports', id: p.id, name_vi: p.name_vi, name_en: p.name_en, extra: p.iata, center: f.geometry.coordinates, zoom: 10 });
  }
  for (const f of s.thematic['border-gates']?.features ?? []) {
    const p = f.properties;
    entry({
      kind: 'border-gates',
      id: p.id,
      name_vi: p.name_vi,
      name_en: p.name_en,
      extra: p.other_side,
      center: f.geometry.coordinates,
      zoom: 10,
    });
  }
  for (const f of s.thematic['economic-zones']?.features ?? []) {
    const p = f.properties;
    const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0]?.[0];
    entry({
      kind: 'economic-zones',
      id: p.id,
      name_vi: p.name_vi,
      name_en: p.name_en,
      extra: null,
      center: centroidOfRing(ring ?? []),
      zoom: 9,
    });
  }
  return out;
}

const KIND_RANK: Record<SearchKind, number> = { province: 0, seaports: 1, airports: 2, 'border-gates': 3, 'economic-zones': 4 };

/**
 * Entries matching every word of the query, best first: an exact code (IATA, ISO), then
 * names that start with the query, then the rest; provinces before features.
 * @example searchPlaces(index, 'vung ang')[0]?.id // 'vung-ang'
 */
export function searchPlaces(index: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const q = normalise(query);
  if (!q) return [];
  const words = q.split(' ');
  const scored: { e: SearchEntry; score: number }[] = [];
  for (const e of index) {
    if (!words.every((w) => e.haystack.includes(w))) continue;
    const name = normalise(e.name_vi);
    const short = name.replace(/^(cang hang khong|cua khau|khu kinh te( mo)?) /, '');
    let score = 3;
    if (e.extra && normalise(e.extra) === q) score = 0;
    else if (short === q || name === q) score = 0.5;
    else if (short.startsWith(q) || name.startsWith(q)) score = 1;
    else if (new RegExp(`(^| )${q}`).test(e.haystack)) score = 2;
    scored.push({ e, score: score * 10 + KIND_RANK[e.kind] });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.e.name_vi.localeCompare(b.e.name_vi, 'vi'))
    .slice(0, limit)
    .map((x) => x.e);
}

/** What choosing a result selects. */
export function refOf(e: SearchEntry): { province: string } | { feature: FeatureRef } {
  return e.kind === 'province' ? { province: e.id } : { feature: { layer: e.kind, id: e.id } };
}
