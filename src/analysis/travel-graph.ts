/**
 * What the travel-time analyses ask of a network, whatever it is: "minutes from each place to
 * the nearest of these points" (or from them to each place), with one search from all the
 * points at once. Two networks answer it: the bundled corridors (`travel-time.ts`, undirected)
 * and a user's own road network (`road-graph.ts`, with one-way streets, so the direction of a
 * trip matters). The accessibility grid, hinterlands, gravity and isochrones take either.
 */
import {
  coverageSets,
  nearestAll,
  nearestTo,
  placeJoins,
  routesFrom,
  timesFrom,
  type PlaceJoins,
  type TimeNetwork,
} from './travel-time.ts';

/** The result of one search: the nearest point from any place, by travel minutes. */
export interface TravelTimes {
  /** Minutes between the place and the nearest point (Infinity when none is reachable), and which point (-1 then). */
  nearestTo(lon: number, lat: number): { minutes: number; point: number };
  /** The same for every place of a set made by the same graph's `places` (faster: each place's ways onto the network found once). */
  nearestAll?(places: Places): { minutes: Float32Array; point: Int32Array };
}

/** Places whose ways onto a network were found once, for many searches (each graph keeps its own form). */
export interface Places {
  /** Lon and lat interleaved. */
  lonlat: Float64Array;
  /** The graph's own form (for the graph that made it). */
  joins?: PlaceJoins;
}

/** A trip between two places: minutes, km (the network's and the straight legs onto and off it), the path and its main roads. */
export interface TravelRoute {
  minutes: number;
  km: number;
  path: [number, number][];
  /** The roads used in travel order, with their km (the corridors' ids, or a road network's refs or names). */
  roads: { name: string; km: number }[];
}

/** Which way the trips of a search go: from each place to the points (`to`), or from the points out (`from`). */
export type TripDirection = 'to' | 'from';

/** A network the travel-time analyses can search. */
export interface TravelGraph {
  /**
   * One search from all `points` at once. With `reach` (lon, lat interleaved), only those places'
   * minutes are asked for, and a graph may stop its search once it has them (others may then read Infinity).
   */
  timesFrom(points: readonly [number, number][], direction: TripDirection, reach?: ArrayLike<number>): TravelTimes;
  /** Each place's ways onto the network, found once for many searches (absent: places are asked one by one). */
  places?(lonlat: ArrayLike<number>): Places;
  /** For each origin, the places within `maxMinutes` of it (trips from each place to the origin), by searches bounded there. */
  within?(
    places: ArrayLike<number>,
    origins: readonly [number, number][],
    maxMinutes: number,
    onProgress?: (done: number) => void,
  ): Int32Array[];
  /** Trips from an origin to any place, with their km and roads (absent: minutes only). */
  routes?(origin: [number, number]): { to(lon: number, lat: number): TravelRoute | null };
}

/** The bundled corridor network or any other graph. */
export type Travel = TimeNetwork | TravelGraph;

/** The bundled corridors as a TravelGraph (their links are two-way, so the direction changes nothing). */
export function corridorGraph(tn: TimeNetwork): TravelGraph {
  return {
    timesFrom: (points) => {
      const times = timesFrom(tn, points);
      return {
        nearestTo: (lon, lat) => nearestTo(times, lon, lat),
        nearestAll: (places) => nearestAll(times, places.joins ?? placeJoins(tn, places.lonlat)),
      };
    },
    places: (lonlat) => ({ lonlat: Float64Array.from(lonlat), joins: placeJoins(tn, lonlat) }),
    within: (places, origins, maxMinutes, onProgress) => coverageSets(tn, places, origins, maxMinutes, onProgress),
    routes: (origin) => {
      const tree = routesFrom(tn, origin);
      return {
        to: (lon, lat) => {
          const r = tree.to(lon, lat);
          return r && { minutes: r.minutes, km: r.km, path: r.path, roads: r.lines.map((l) => ({ name: l.id, km: l.km })) };
        },
      };
    },
  };
}

/**
 * Minutes from every place to the nearest of a search's points (or from them), whatever the
 * graph: at once where it can, place by place otherwise.
 * @param places - made by `placesOf` on the same graph
 */
export function minutesAll(times: TravelTimes, places: Places): { minutes: Float32Array; point: Int32Array } {
  if (times.nearestAll) return times.nearestAll(places);
  const n = places.lonlat.length / 2;
  const minutes = new Float32Array(n);
  const point = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const m = times.nearestTo(places.lonlat[2 * i]!, places.lonlat[2 * i + 1]!);
    minutes[i] = m.minutes;
    point[i] = m.point;
  }
  return { minutes, point };
}

/** A graph's places (their ways onto the network found once where the graph can). */
export const placesOf = (g: TravelGraph, lonlat: ArrayLike<number>): Places => g.places?.(lonlat) ?? { lonlat: Float64Array.from(lonlat) };

/**
 * For each origin, the places within `maxMinutes` of it (trips from each place to it, as coverage
 * counts them): the graph's bounded searches where it has them, else one search per origin and
 * each place asked.
 */
export function withinOf(
  g: TravelGraph,
  places: ArrayLike<number>,
  origins: readonly [number, number][],
  maxMinutes: number,
  onProgress?: (done: number) => void,
): Int32Array[] {
  if (g.within) return g.within(places, origins, maxMinutes, onProgress);
  const ps = placesOf(g, places);
  return origins.map((o, k) => {
    const { minutes } = minutesAll(g.timesFrom([o], 'to'), ps);
    const found: number[] = [];
    for (let i = 0; i < minutes.length; i++) if (minutes[i]! <= maxMinutes) found.push(i);
    onProgress?.((k + 1) / origins.length);
    return Int32Array.from(found);
  });
}

/** A TravelGraph from either kind of network. */
export const graphOf = (t: Travel): TravelGraph => ('timesFrom' in t ? t : corridorGraph(t));
