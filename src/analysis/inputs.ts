/**
 * Turns the app's data (province editions, corridors, ports, airports, gates) into the
 * plain units, lines and points the analyses take. The same code runs in the worker and
 * in the command line, so both answer the same question the same way.
 */
import { area } from '@turf/area';
import polylabel from 'polylabel';
import type { FeatureCollection } from 'geojson';
import {
  sumOfMembers,
  type AnalysisLine,
  type AnalysisPoint,
  type AnalysisUnit,
  type CorridorKind,
  type PopBase,
  type UnitTown,
} from '../core/analysis.ts';
import { existsAt, type Horizon } from '../core/layers.ts';
import type { Edition, Province2022Props, Province2025Props, ProvinceCollection } from '../core/types.ts';
import type { LayerCollection } from '../data/schemas.ts';
import { lengthFactorsOf, type LengthFactor } from './network.ts';

/** Everything an analysis may read. Ports may be replaced by a user's own list. */
export interface AnalysisInputs {
  provinces2022: ProvinceCollection<Province2022Props>;
  provinces2025: ProvinceCollection<Province2025Props>;
  corridors: LayerCollection<'corridors'>;
  seaports: LayerCollection<'seaports'>;
  airports: LayerCollection<'airports'>;
  gates: LayerCollection<'border-gates'>;
  /** The bundled railway stations (trains are boarded there); absent: none. */
  stations?: LayerCollection<'stations'>;
  /** The bundled expressway interchanges (expressways are entered there); absent: none. */
  interchanges?: LayerCollection<'interchanges'>;
  /** The coastal economic zones (coverage, od and siting take their centres); absent: none. */
  zones?: LayerCollection<'economic-zones'>;
}

/**
 * The economic zones that exist at the horizon, each at its centre (the mean of its largest
 * ring's vertices: the zones are schematic circles around their published centres).
 * @example zonesFor(inputs, 'today')[0] // { id: 'kkt-nghi-son', coordinates: [105.8, 19.3], ... }
 */
export function zonesFor(inputs: Pick<AnalysisInputs, 'zones'>, horizon: Horizon): AnalysisPoint[] {
  return (inputs.zones?.features ?? [])
    .filter((f) => existsAt(f.properties.horizon, horizon))
    .map((f) => {
      const g = f.geometry as { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
      const rings = g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((poly) => poly[0]!);
      const ring = rings.reduce((a, b) => (b.length > a.length ? b : a));
      const open = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
      const lon = open.reduce((s, c) => s + c[0]!, 0) / open.length;
      const lat = open.reduce((s, c) => s + c[1]!, 0) / open.length;
      const p = f.properties;
      return {
        id: p.id,
        group: p.id,
        group_name_vi: p.name_vi,
        group_name_en: p.name_en,
        name_vi: p.name_vi,
        name_en: p.name_en,
        coordinates: [lon, lat] as [number, number],
      };
    });
}

/** A station of the bundled data at the horizon, with the kind of railway it serves. */
export interface StationPoint {
  at: [number, number];
  cls: 'railway' | 'high_speed_railway';
}

/** The bundled stations that exist at the horizon. */
export function stationsFor(inputs: Pick<AnalysisInputs, 'stations'>, horizon: Horizon): StationPoint[] {
  return (inputs.stations?.features ?? [])
    .filter((f) => existsAt(f.properties.horizon, horizon))
    .map((f) => ({ at: f.geometry.coordinates as [number, number], cls: f.properties.line }));
}

/** The bundled interchanges that exist at the horizon. */
export function interchangesFor(inputs: Pick<AnalysisInputs, 'interchanges'>, horizon: Horizon): [number, number][] {
  return (inputs.interchanges?.features ?? [])
    .filter((f) => existsAt(f.properties.horizon, horizon))
    .map((f) => f.geometry.coordinates as [number, number]);
}

/** Which units a run takes, and from which population base. */
export interface UnitOptions {
  /** The population base (default GSO 2023). */
  popBase?: PopBase;
  /** Also take the neighbouring provinces outside the region (default false). */
  context?: boolean;
}

/** The source key a population figure of a base is written with. */
export const POP_SOURCE: Record<PopBase, string> = { gso2023: 'GSO23', nq202: 'NQ202' };

/** A unit's administrative centre, or its label point (and saying so) where the data has none. */
const centreOf = (lon: number | null, lat: number | null, p: { label_lon: number; label_lat: number }) =>
  lon !== null && lat !== null
    ? { centre: [lon, lat] as [number, number], centre_is_label: false }
    : { centre: [p.label_lon, p.label_lat] as [number, number], centre_is_label: true };

/**
 * A unit's towns (its 2022 members' cities and towns) with their persons: each town's published
 * figure as it is (an assumption: the figures are of 2019 or the year their source gives, not of
 * the run's base). None where the unit has no figure in the run's base, or where its towns would
 * hold all of it.
 */
function townsOf(members: readonly Province2022Props[], population: number | null): UnitTown[] {
  if (population === null) return [];
  const towns = members.flatMap((m) =>
    (m.towns ?? []).map((t) => ({
      id: t.id,
      name_vi: t.name_vi,
      name_en: t.name_en,
      at: [t.lon, t.lat] as [number, number],
      radiusKm: Math.sqrt(t.area_km2 / Math.PI),
      persons: t.population,
    })),
  );
  return towns.reduce((s, t) => s + t.persons, 0) < population ? towns : [];
}

/**
 * The units of an edition: the region's, and with `context` the neighbouring provinces in
 * the data too (marked `in_region: false`). Population comes from one base only:
 * - `gso2023`: a 2022 province's GSO 2023 figure; a 2025 unit's is the sum of its 2022
 *   members' figures, or null where a member has none;
 * - `nq202`: the NQ202 count of a merged 2025 unit; null for unchanged units and for 2022.
 * The centre is the administrative centre; where the data has none (some context
 * provinces), it is the unit's label point and `centre_is_label` says so.
 * @example unitsFor(inputs, '2025').length // 11
 */
export function unitsFor(
  inputs: Pick<AnalysisInputs, 'provinces2022' | 'provinces2025'>,
  edition: Edition,
  opts: UnitOptions = {},
): AnalysisUnit[] {
  const base = opts.popBase ?? 'gso2023';
  const take = (inRegion: boolean) => inRegion || opts.context === true;
  if (edition === '2022')
    return inputs.provinces2022.features
      .filter((f) => take(f.properties.in_region))
      .map((f) => {
        const p = f.properties;
        const population = base === 'gso2023' ? p.population_2023 : null;
        const towns = townsOf([p], population);
        return {
          id: p.iso,
          name_vi: p.name_vi,
          name_en: p.name_en,
          ...centreOf(p.capital_lon, p.capital_lat, p),
          population,
          population_source: population === null ? null : POP_SOURCE[base],
          in_region: p.in_region,
          area_km2: p.area_computed_km2,
          geometry: f.geometry as AnalysisUnit['geometry'],
          ...(towns.length ? { towns } : {}),
        };
      });
  const props2022 = new Map(inputs.provinces2022.features.map((f) => [f.properties.iso, f.properties]));
  const pop2022 = new Map(inputs.provinces2022.features.map((f) => [f.properties.iso, f.properties.population_2023]));
  return inputs.provinces2025.features
    .filter((f) => take(f.properties.in_region))
    .map((f) => {
      const p = f.properties;
      let population: number | null;
      if (base === 'nq202') population = p.population_nq202;
      else {
        population = sumOfMembers(p.members_2022, (m) => pop2022.get(m) ?? null);
      }
      const members = p.members_2022.map((m) => props2022.get(m));
      const towns = members.every((m) => m !== undefined) ? townsOf(members as Province2022Props[], population) : [];
      return {
        id: p.iso,
        name_vi: p.name_vi,
        name_en: p.name_en,
        ...centreOf(p.centre_lon, p.centre_lat, p),
        population,
        population_source: population === null ? null : POP_SOURCE[base],
        in_region: p.in_region,
        area_km2: p.area_computed_km2,
        geometry: f.geometry as AnalysisUnit['geometry'],
        ...(towns.length ? { towns } : {}),
      };
    });
}

/** Whether a corridor belongs to a kind (an axis or a mode). */
export function corridorIsKind(p: { axis: string; mode: string }, kind: CorridorKind): boolean {
  return kind === 'all' || p.axis === kind || p.mode === kind;
}

/**
 * A corridor as a line of the network, with its length factor (published ÷ drawn length, for the
 * whole line or per stretch between km posts; 1 where none is published).
 */
export type CorridorLine = AnalysisLine & { lengthFactor: LengthFactor; entry: boolean; rail: boolean };

/**
 * The lines paths in km run along: the roads of the chosen corridors. A railway meets a road
 * only at its stations, which paths in km do not model (travel minutes do, with `modes`), so a
 * path in km never changes between road and rail; railways carry such paths only where a
 * railway kind is what was chosen.
 */
export function kmLines(lines: readonly CorridorLine[], kind: CorridorKind): CorridorLine[] {
  return kind === 'railway' || kind === 'high_speed_railway' ? [...lines] : lines.filter((l) => !l.rail);
}

/** Corridors of a kind that exist at the horizon, as lines (each with its length factors, `lengthFactorsOf`). */
export function corridorsFor(inputs: AnalysisInputs, horizon: Horizon, kind: CorridorKind): CorridorLine[] {
  return inputs.corridors.features
    .filter((f) => existsAt(f.properties.horizon, horizon) && corridorIsKind(f.properties, kind))
    .map((f) => ({
      id: f.properties.id,
      name_vi: f.properties.name_vi,
      name_en: f.properties.name_en,
      coordinates: f.geometry.coordinates as [number, number][],
      lengthFactor: lengthFactorsOf(f.properties, f.geometry.coordinates as [number, number][]),
      // An expressway is entered at its interchanges and junctions, never by a straight leg from a place.
      entry: f.properties.mode !== 'expressway',
      rail: f.properties.mode === 'railway' || f.properties.mode === 'high_speed_railway',
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
 * Ids are made unique (a repeated id gets `~2`, `~3` …): two places sharing an id would
 * otherwise be one group in a hinterland and one pair in a matrix.
 * @example pointsFromCollection(importedPorts)[0] // { id: 'p1', group: 'p1', name_vi: 'Cảng A', ... }
 */
export function pointsFromCollection(fc: FeatureCollection): AnalysisPoint[] {
  const out: AnalysisPoint[] = [];
  const taken = new Set<string>();
  const unique = (id: string): string => {
    let u = id;
    for (let n = 2; taken.has(u); n++) u = `${id}~${n}`;
    taken.add(u);
    return u;
  };
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
      const pid = unique(coords.length > 1 ? `${id}-${k + 1}` : id);
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
    const population = Number.isFinite(pop) && pop >= 0 ? pop : null;
    out.push({
      id: code,
      name_vi: name,
      name_en: name,
      centre: [c[0]!, c[1]!],
      centre_is_label: true,
      in_region: true,
      population,
      population_source: population === null || !fields.population ? null : `field:${fields.population}`,
      area_km2: area(f) / 1e6,
      geometry: g as AnalysisUnit['geometry'],
    });
  }
  return out;
}
