/**
 * Turns the app's data (province editions, corridors, ports, airports, gates) into the
 * plain units, lines and points the analyses take. The same code runs in the worker and
 * in the command line, so both answer the same question the same way.
 */
import { area } from '@turf/area';
import polylabel from 'polylabel';
import type { FeatureCollection } from 'geojson';
import type { AnalysisLine, AnalysisPoint, AnalysisUnit, CorridorKind } from '../core/analysis.ts';
import { existsAt, type Horizon } from '../core/layers.ts';
import type { Edition, Province2022Props, Province2025Props, ProvinceCollection } from '../core/types.ts';
import type { LayerCollection } from '../data/schemas.ts';

/** Everything an analysis may read. Ports may be replaced by a user's own list. */
export interface AnalysisInputs {
  provinces2022: ProvinceCollection<Province2022Props>;
  provinces2025: ProvinceCollection<Province2025Props>;
  corridors: LayerCollection<'corridors'>;
  seaports: LayerCollection<'seaports'>;
  airports: LayerCollection<'airports'>;
  gates: LayerCollection<'border-gates'>;
}

/**
 * The in-region units of an edition. Mass: the 2022 provinces carry GSO 2023 population;
 * a 2025 unit gets the sum of its 2022 members' GSO 2023 population (NQ202 counts are not
 * in the brief), or null if a member has none.
 * @example unitsFor(inputs, '2025').length // 11
 */
export function unitsFor(inputs: AnalysisInputs, edition: Edition): AnalysisUnit[] {
  if (edition === '2022')
    return inputs.provinces2022.features
      .filter((f) => f.properties.in_region)
      .map((f) => ({
        id: f.properties.iso,
        name_vi: f.properties.name_vi,
        name_en: f.properties.name_en,
        centre: [f.properties.capital_lon ?? f.properties.label_lon, f.properties.capital_lat ?? f.properties.label_lat],
        population: f.properties.population_2023,
        area_km2: f.properties.area_computed_km2,
        geometry: f.geometry as AnalysisUnit['geometry'],
      }));
  const pop = new Map(inputs.provinces2022.features.map((f) => [f.properties.iso, f.properties.population_2023]));
  return inputs.provinces2025.features
    .filter((f) => f.properties.in_region)
    .map((f) => {
      const members = f.properties.members_2022.map((m) => pop.get(m) ?? null);
      const population =
        f.properties.population_nq202 ?? (members.every((m) => m !== null) ? members.reduce<number>((s, m) => s + (m ?? 0), 0) : null);
      return {
        id: f.properties.iso,
        name_vi: f.properties.name_vi,
        name_en: f.properties.name_en,
        centre: [f.properties.centre_lon ?? f.properties.label_lon, f.properties.centre_lat ?? f.properties.label_lat],
        population,
        area_km2: f.properties.area_computed_km2,
        geometry: f.geometry as AnalysisUnit['geometry'],
      };
    });
}

/** Whether a corridor belongs to a kind (an axis or a mode). */
export function corridorIsKind(p: { axis: string; mode: string }, kind: CorridorKind): boolean {
  return kind === 'all' || p.axis === kind || p.mode === kind;
}

/** Corridors of a kind that exist at the horizon, as lines. */
export function corridorsFor(inputs: AnalysisInputs, horizon: Horizon, kind: CorridorKind): AnalysisLine[] {
  return inputs.corridors.features
    .filter((f) => existsAt(f.properties.horizon, horizon) && corridorIsKind(f.properties, kind))
    .map((f) => ({
      id: f.properties.id,
      name_vi: f.properties.name_vi,
      name_en: f.properties.name_en,
      coordinates: f.geometry.coordinates as [number, number][],
    }));
}

type PointLayer = LayerCollection<'seaports'> | LayerCollection<'airports'> | LayerCollection<'border-gates'>;

/** Point features that exist at the horizon; seaport terminals are grouped by their seaport. */
export function pointsFor(layer: PointLayer, horizon: Horizon): AnalysisPoint[] {
  return layer.features
    .filter((f) => existsAt(f.properties.horizon, horizon))
    .map((f) => {
      const p = f.properties as typeof f.properties & { seaport_id?: string; seaport_name_vi?: string; seaport_name_en?: string };
      return {
        id: p.id,
        group: p.seaport_id ?? p.id,
        group_name_vi: p.seaport_name_vi ?? p.name_vi,
        group_name_en: p.seaport_name_en ?? p.name_en,
        name_vi: p.name_vi,
        name_en: p.name_en,
        coordinates: f.geometry.coordinates as [number, number],
      };
    });
}

/** A text value of a property, or null. */
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

/**
 * Point features of a user's layer as analysis points (each its own group): the name from
 * `name_vi`, `name` or the first text field, the id from `id` or the feature's position.
 * @example pointsFromCollection(importedPorts)[0] // { id: 'p1', group: 'p1', name_vi: 'Cảng A', ... }
 */
export function pointsFromCollection(fc: FeatureCollection): AnalysisPoint[] {
  const out: AnalysisPoint[] = [];
  fc.features.forEach((f, i) => {
    const g = f.geometry;
    const coords = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' ? g.coordinates : [];
    const p = f.properties ?? {};
    const name =
      text(p['name_vi']) ??
      text(p['name']) ??
      Object.values(p)
        .map(text)
        .find((x) => x !== null) ??
      `#${i + 1}`;
    const id = text(p['id']) ?? text(f.id) ?? `p${i + 1}`;
    coords.forEach((c, k) => {
      const pid = coords.length > 1 ? `${id}-${k + 1}` : id;
      out.push({
        id: pid,
        group: pid,
        group_name_vi: name,
        group_name_en: text(p['name_en']) ?? name,
        name_vi: name,
        name_en: text(p['name_en']) ?? name,
        coordinates: [c[0]!, c[1]!],
      });
    });
  });
  return out;
}

/**
 * Polygon features of a user's boundary file as analysis units, with the fields that give
 * the code, the name and (optionally) the population in persons. The centre is the pole of
 * inaccessibility of the largest polygon (always inside it); the area is geodesic (Turf).
 * Features with no code are left out.
 */
export function unitsFromCollection(
  fc: FeatureCollection,
  fields: { code: string; name: string; population: string | null },
): AnalysisUnit[] {
  const out: AnalysisUnit[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
    const p = f.properties ?? {};
    const code = text(p[fields.code]);
    if (!code) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const largest = polys.reduce((a, b) => (area({ type: 'Polygon', coordinates: b }) > area({ type: 'Polygon', coordinates: a }) ? b : a));
    const c = polylabel(largest as number[][][], 0.001);
    const pop = fields.population ? Number(p[fields.population]) : NaN;
    const name = text(p[fields.name]) ?? code;
    out.push({
      id: code,
      name_vi: name,
      name_en: name,
      centre: [c[0]!, c[1]!],
      population: Number.isFinite(pop) && pop >= 0 ? pop : null,
      area_km2: area(f) / 1e6,
      geometry: g as AnalysisUnit['geometry'],
    });
  }
  return out;
}
