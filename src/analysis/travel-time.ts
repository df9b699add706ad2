/**
 * Travel time on the corridor network, in minutes. Each corridor's edges take its class's
 * speed; a place reaches the network by a straight leg at the access speed, times a detour
 * factor: anywhere along a road, but onto an expressway only at its vertices (its
 * interchanges) and junctions. The railways need stations, which the data does not fix yet,
 * so they are not offered.
 *
 * Times to the nearest of many destinations are found with one search from all of them at
 * once (multi-source Dijkstra over the nodes), then each place takes the best of: its straight
 * leg to a destination, its ways onto the network (the edge it joins, to either end, or along
 * that edge to a destination on the same edge), and its legs to entry nodes. Adding a link can
 * only add ways, so it never lengthens a trip.
 */
import TinyQueue from 'tinyqueue';
import { DEFAULT_DETOUR, DEFAULT_SPEEDS, SPEED_CLASSES, type SpeedClass } from '../core/speeds.ts';
import { buildNetwork, type Network } from './network.ts';
import { closestOnSegment, haversineKm, planar } from './geo.ts';

/** A corridor with its speed class. */
export interface TimedLine {
  id: string;
  coordinates: [number, number][];
  cls: SpeedClass;
  /** Its own speed, km/h (a scenario's added or slowed corridor); otherwise its class's. */
  kmh?: number;
}

/** The model: speeds per class (km/h), the detour of the straight leg, and which classes a trip may use. */
export interface TravelModel {
  speeds: Readonly<Record<SpeedClass, number>>;
  detour: number;
  classes: readonly SpeedClass[];
  /** How close a corridor's vertex must pass to another to be joined to it, km. */
  toleranceKm: number;
}

/** The defaults: the region brief's speeds (assumptions, labelled), roads only. */
export function defaultModel(over: Partial<Record<SpeedClass, number>> = {}, classes?: readonly SpeedClass[]): TravelModel {
  const speeds = Object.fromEntries(SPEED_CLASSES.map((c) => [c, over[c] ?? DEFAULT_SPEEDS[c].kmh])) as Record<SpeedClass, number>;
  return {
    speeds,
    detour: DEFAULT_DETOUR,
    classes: classes ?? ['expressway', 'national_road', 'ho_chi_minh_road', 'coastal_road'],
    toleranceKm: 0.5,
  };
}

/** The latitude the network's planar frame is true at (the middle of the region). */
const FRAME_LAT = 15.5;

/** Classes a place joins anywhere along (every other class only at its nodes). */
const ALONG: ReadonlySet<SpeedClass> = new Set(['national_road', 'ho_chi_minh_road', 'coastal_road']);

export interface TimeNetwork {
  net: Network;
  /** Minutes to travel each edge. */
  emin: Float64Array;
  /** Per edge: whether a place can join it anywhere along (a road). */
  along: Uint8Array;
  /** Nodes a place can join at (a road's or an expressway's). */
  entries: Int32Array;
  model: TravelModel;
}

/** A line's speed, km/h: its own, or its class's. */
const speedOfLine = (model: TravelModel, l: TimedLine): number => l.kmh ?? model.speeds[l.cls];

/** The network of the lines a trip may use, with minutes per edge. */
export function buildTimeNetwork(lines: readonly TimedLine[], model: TravelModel): TimeNetwork {
  // Where two lines share a segment exactly (an expressway drawn along a national road), each
  // keeps its own edge: its speed, and the road joinable along. Fastest first keeps edge order stable.
  const used = lines
    .filter((l) => model.classes.includes(l.cls) && l.cls !== 'railway' && l.cls !== 'high_speed_railway')
    .sort((a, b) => speedOfLine(model, b) - speedOfLine(model, a));
  // A frame fixed at the region's latitude: adding a line must not move the others' joins.
  const net = buildNetwork(used, model.toleranceKm, FRAME_LAT, true);
  const m = net.eu.length;
  const emin = new Float64Array(m);
  const along = new Uint8Array(m);
  const entry = new Uint8Array(net.lon.length);
  for (let e = 0; e < m; e++) {
    const li = net.edgeLine[e]!;
    // A junction connector (a few hundred metres) is walked at the access speed.
    const cls: SpeedClass = li < 0 ? 'access' : used[li]!.cls;
    emin[e] = (net.elen[e]! / (li < 0 ? model.speeds.access : speedOfLine(model, used[li]!))) * 60;
    if (li >= 0) {
      along[e] = ALONG.has(cls) ? 1 : 0;
      entry[net.eu[e]!] = 1;
      entry[net.ev[e]!] = 1;
    }
  }
  const entries: number[] = [];
  entry.forEach((v, i) => v && entries.push(i));
  return { net, emin, along, entries: Int32Array.from(entries), model };
}

/** Minutes for a straight leg of `km`, at the access speed, with the detour. */
const legMinutes = (tn: TimeNetwork, km: number): number => ((km * tn.model.detour) / tn.model.speeds.access) * 60;

/** One way a point joins the network. */
interface Join {
  /** An edge joined along (at t), or -1 for a node. */
  edge: number;
  t: number;
  node: number;
  /** The leg's minutes. */
  leg: number;
}

/** Every way a point joins the network: the nearest point of each road edge, and each entry node. */
function joinsOf(tn: TimeNetwork, lon: number, lat: number): Join[] {
  const { net } = tn;
  // The nearest point of each edge in a frame true at the place's own latitude: the same
  // answer whatever else the network holds.
  const { x, y } = planar(lat);
  const px = x(lon);
  const py = y(lat);
  const out: Join[] = [];
  for (let e = 0; e < net.eu.length; e++) {
    if (!tn.along[e]) continue;
    const u = net.eu[e]!;
    const v = net.ev[e]!;
    const c = closestOnSegment(px, py, x(net.lon[u]!), y(net.lat[u]!), x(net.lon[v]!), y(net.lat[v]!));
    const atLon = net.lon[u]! + c.t * (net.lon[v]! - net.lon[u]!);
    const atLat = net.lat[u]! + c.t * (net.lat[v]! - net.lat[u]!);
    out.push({ edge: e, t: c.t, node: -1, leg: legMinutes(tn, haversineKm(lon, lat, atLon, atLat)) });
  }
  for (const n of tn.entries) out.push({ edge: -1, t: 0, node: n, leg: legMinutes(tn, haversineKm(lon, lat, net.lon[n]!, net.lat[n]!)) });
  return out;
}

/** Minutes from the nearest of some destinations to every node, and how each destination joins. */
export interface TimesFrom {
  tn: TimeNetwork;
  /** Per node, minutes to the nearest destination (Infinity when none is reachable). */
  node: Float64Array;
  /** Per edge, the destinations joined along it (t, and minutes from there to the destination). */
  onEdge: Map<number, { t: number; leg: number }[]>;
  /** The destinations themselves (for the straight leg). */
  points: readonly [number, number][];
}

/** One search from all destinations at once: minutes from every node to the nearest. */
export function timesFrom(tn: TimeNetwork, points: readonly [number, number][]): TimesFrom {
  const { net, emin } = tn;
  const dist = new Float64Array(net.lon.length).fill(Infinity);
  const onEdge = new Map<number, { t: number; leg: number }[]>();
  const queue = new TinyQueue<[number, number]>([], (a, b) => a[0] - b[0]);
  const seed = (n: number, d: number): void => {
    if (d < dist[n]!) {
      dist[n] = d;
      queue.push([d, n]);
    }
  };
  for (const [lon, lat] of points)
    for (const j of joinsOf(tn, lon, lat)) {
      if (j.edge < 0) {
        seed(j.node, j.leg);
        continue;
      }
      seed(net.eu[j.edge]!, j.leg + j.t * emin[j.edge]!);
      seed(net.ev[j.edge]!, j.leg + (1 - j.t) * emin[j.edge]!);
      let list = onEdge.get(j.edge);
      if (!list) onEdge.set(j.edge, (list = []));
      list.push({ t: j.t, leg: j.leg });
    }
  while (queue.length) {
    const [d, u] = queue.pop()!;
    if (d > dist[u]!) continue;
    for (const e of net.nodeEdges[u]!) {
      const v = net.eu[e] === u ? net.ev[e]! : net.eu[e]!;
      const nd = d + emin[e]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        queue.push([nd, v]);
      }
    }
  }
  return { tn, node: dist, onEdge, points };
}

/** Minutes from a place to the nearest destination of `times`: straight, or by the network. */
export function minutesTo(times: TimesFrom, lon: number, lat: number): number {
  const { tn } = times;
  const { net, emin } = tn;
  let best = Infinity;
  for (const [dl, dt] of times.points) best = Math.min(best, legMinutes(tn, haversineKm(lon, lat, dl, dt)));
  for (const j of joinsOf(tn, lon, lat)) {
    if (j.edge < 0) {
      best = Math.min(best, j.leg + times.node[j.node]!);
      continue;
    }
    const e = j.edge;
    best = Math.min(best, j.leg + j.t * emin[e]! + times.node[net.eu[e]!]!, j.leg + (1 - j.t) * emin[e]! + times.node[net.ev[e]!]!);
    for (const d of times.onEdge.get(e) ?? []) best = Math.min(best, j.leg + Math.abs(j.t - d.t) * emin[e]! + d.leg);
  }
  return best;
}

/**
 * Minutes from each place (lon, lat interleaved) to the nearest destination.
 * @example minutesFromCells(tn, grid.centres, ports.map((p) => p.coordinates)) // Float32Array, one per cell
 */
export function minutesFromCells(tn: TimeNetwork, centres: Float64Array, points: readonly [number, number][]): Float32Array {
  const out = new Float32Array(centres.length / 2).fill(Infinity);
  if (!points.length) return out;
  const times = timesFrom(tn, points);
  for (let i = 0; i < out.length; i++) out[i] = minutesTo(times, centres[2 * i]!, centres[2 * i + 1]!);
  return out;
}
