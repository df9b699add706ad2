/**
 * A scenario applied to the analyses' inputs: removed corridors leave the network, added
 * corridors and points join it (whatever the horizon: in the scenario they exist), and
 * added or slowed corridors carry their own speed for the travel-time model. The bundled
 * data is never changed; a new inputs object is returned.
 */
import type { Scenario } from '../core/scenario.ts';
import type { SpeedClass } from '../core/speeds.ts';
import type { AnalysisInputs } from './inputs.ts';
import { haversineKm } from './geo.ts';

/** The inputs with the scenario's edits, and the speed class and own speed of each corridor it adds or slows. */
export interface ScenarioInputs {
  inputs: AnalysisInputs;
  /** Speed class of each added corridor (bundled ones take theirs from their properties). */
  classOf: ReadonlyMap<string, SpeedClass>;
  /** A corridor's own speed, km/h (added with one, or slowed). */
  speedOf: ReadonlyMap<string, number>;
  /** Railway stations the scenario places (the data fixes none). */
  stations: [number, number][];
  /** Expressway interchanges the scenario lists (none: expressways are entered at their vertices). */
  interchanges: [number, number][];
}

/** The corridor layer's mode for an added corridor's class. */
const CORRIDOR_MODE: Record<string, string> = {
  expressway: 'expressway',
  national_road: 'road',
  ho_chi_minh_road: 'road',
  coastal_road: 'road',
  railway: 'railway',
  high_speed_railway: 'high_speed_railway',
};

const lengthKm = (c: readonly [number, number][]): number =>
  c.slice(1).reduce((s, p, i) => s + haversineKm(c[i]![0], c[i]![1], p[0], p[1]), 0);

type Corridor = AnalysisInputs['corridors']['features'][number];
type PointFeature<K extends 'seaports' | 'airports' | 'gates'> = AnalysisInputs[K]['features'][number];

/** A point feature for an added port, airport or gate (only what the analyses read; the rest is not known). */
function pointFeature<K extends 'seaports' | 'airports' | 'gates'>(e: {
  id: string;
  name_vi: string;
  name_en: string;
  coordinates: [number, number];
}): PointFeature<K> {
  return {
    type: 'Feature',
    properties: { id: e.id, name_vi: e.name_vi, name_en: e.name_en, horizon: 'today', status: 'planned', source: 'scenario' },
    geometry: { type: 'Point', coordinates: e.coordinates },
  } as unknown as PointFeature<K>;
}

/**
 * Applies a scenario (none, or an empty one, gives the inputs back as they are).
 * @example applyScenario(inputs, { name: '', speeds: {}, edits: [{ action: 'remove', target: 'ql1' }] }).inputs.corridors.features.length // one fewer
 */
export function applyScenario(inputs: AnalysisInputs, s: Scenario | null | undefined): ScenarioInputs {
  const classOf = new Map<string, SpeedClass>();
  const speedOf = new Map<string, number>();
  const stations: [number, number][] = [];
  const interchanges: [number, number][] = [];
  if (!s || !s.edits.length) return { inputs, classOf, speedOf, stations, interchanges };
  const removed = new Set(s.edits.flatMap((e) => (e.action === 'remove' ? [e.target] : [])));
  const corridors: Corridor[] = inputs.corridors.features.filter((f) => !removed.has(f.properties.id));
  const seaports = [...inputs.seaports.features];
  const airports = [...inputs.airports.features];
  const gates = [...inputs.gates.features];
  for (const e of s.edits) {
    if (e.action !== 'add') continue;
    if (e.kind === 'corridor') {
      if (removed.has(e.id)) continue;
      classOf.set(e.id, e.mode);
      if (e.speed_kmh !== null) speedOf.set(e.id, e.speed_kmh);
      corridors.push({
        type: 'Feature',
        properties: {
          id: e.id,
          name_vi: e.name_vi,
          name_en: e.name_en,
          source: 'scenario',
          accuracy_m: null,
          schematic: true,
          status: e.status,
          horizon: 'today',
          sensitivity: 'public',
          axis: e.axis,
          mode: CORRIDOR_MODE[e.mode],
          length_km: lengthKm(e.coordinates),
        },
        geometry: { type: 'LineString', coordinates: e.coordinates },
      } as unknown as Corridor);
    } else if (e.kind === 'station') stations.push(e.coordinates);
    else if (e.kind === 'interchange') interchanges.push(e.coordinates);
    else if (e.kind === 'seaport') seaports.push(pointFeature<'seaports'>(e));
    else if (e.kind === 'airport') airports.push(pointFeature<'airports'>(e));
    else gates.push(pointFeature<'gates'>(e));
  }
  // A slow applies after the adds, so it can slow a corridor the scenario adds.
  for (const e of s.edits) if (e.action === 'slow' && !removed.has(e.target)) speedOf.set(e.target, e.speed_kmh);
  return {
    inputs: {
      ...inputs,
      corridors: { ...inputs.corridors, features: corridors },
      seaports: { ...inputs.seaports, features: seaports },
      airports: { ...inputs.airports, features: airports },
      gates: { ...inputs.gates, features: gates },
    },
    classOf,
    speedOf,
    stations,
    interchanges,
  };
}
