/**
 * What the travel-time analyses ask of a network, whatever it is: "minutes from each place to
 * the nearest of these points" (or from them to each place), with one search from all the
 * points at once. Two networks answer it: the bundled corridors (`travel-time.ts`, undirected)
 * and a user's own road network (`road-graph.ts`, with one-way streets, so the direction of a
 * trip matters). The accessibility grid, hinterlands, gravity and isochrones take either.
 */
import { nearestTo, timesFrom, type TimeNetwork } from './travel-time.ts';

/** The result of one search: the nearest point from any place, by travel minutes. */
export interface TravelTimes {
  /** Minutes between the place and the nearest point (Infinity when none is reachable), and which point (-1 then). */
  nearestTo(lon: number, lat: number): { minutes: number; point: number };
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
}

/** The bundled corridor network or any other graph. */
export type Travel = TimeNetwork | TravelGraph;

/** The bundled corridors as a TravelGraph (their links are two-way, so the direction changes nothing). */
export function corridorGraph(tn: TimeNetwork): TravelGraph {
  return {
    timesFrom: (points) => {
      const times = timesFrom(tn, points);
      return { nearestTo: (lon, lat) => nearestTo(times, lon, lat) };
    },
  };
}

/** A TravelGraph from either kind of network. */
export const graphOf = (t: Travel): TravelGraph => ('timesFrom' in t ? t : corridorGraph(t));
