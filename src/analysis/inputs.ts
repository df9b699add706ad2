/**
 * Turns the app's data (province editions, corridors, ports, airports, gates) into the
 * plain units, lines and points the analyses take. The same code runs in the worker and
 * in the command line, so both answer the same question the same way.
 */
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
