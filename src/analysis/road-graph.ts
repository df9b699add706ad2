/**
 * A user's road network (`data/road-network.ts`) as a searchable graph: minutes per edge from
 * its class's speed (or its own maxspeed, or a ferry's duration), arcs in both directions
 * except along one-way streets (CSR adjacency in typed arrays, forward and reverse), a spatial
 * index of the joinable edges' segments (flatbush) for the way onto the network, and Dijkstra
 * with a binary heap on typed arrays.
 *
 * The way onto the network is the analyses' access leg: a straight line from the place to the
 * nearest point of the nearest joinable edge (any class but motorways and ferries, which are
 * reached by their links and landings), at the access speed, times the detour. From there a
 * trip goes along the edge to either end (only forward on a one-way street).
 */
import Flatbush from 'flatbush';
import { NET_CLASSES, NET_JOINABLE, NET_SPEEDS, type NetClass } from '../core/network-classes.ts';
import { DEFAULT_DETOUR, DEFAULT_SPEEDS, type SpeedClass } from '../core/speeds.ts';
import { E7, type RoadNetwork } from '../data/road-network.ts';
import { closestOnSegment, haversineKm, planar } from './geo.ts';
import type { Places, TravelGraph, TravelRoute, TravelTimes, TripDirection } from './travel-graph.ts';
import type { NetworkOverride } from '../core/analysis.ts';

/**
 * A road graph as the analyses take it (`AnalysisOverrides.network`): the graph, its speeds and
 * detour, and the summary results and metadata.json carry.
 * @param name - the network's name as the user knows it (its file name)
 * @example runAnalysis(inputs, params, onProgress, { network: asNetworkOverride('vn.ntccnet', roadGraph(net)) })
 */
export function asNetworkOverride(name: string, graph: RoadGraph): NetworkOverride {
  const m = graph.net.meta;
  return {
    name,
    graph,
    // The same network with every class's speed scaled and another detour, for the sensitivity runs.
    variant: (factor, detour) =>
      roadGraph(graph.net, {
        ...graph.model,
        speeds: Object.fromEntries(NET_CLASSES.map((c) => [c, graph.model.speeds[c] * factor])) as RoadModel['speeds'],
        detour,
      }),
    speeds: graph.model.speeds,
    accessKmh: graph.model.accessKmh,
    detour: graph.model.detour,
    summary: {
      file: name,
      source: m.source.file,
      extract_date: m.extract_date,
      extract_date_from: m.extract_date_from,
      nodes: m.nodes,
      edges: m.edges,
      km_total: m.km_total,
      components: m.components,
      largest_component_km_share: m.largest_component_km_share,
    },
  };
}

/** Speeds and the access leg of a road graph. */
export interface RoadModel {
  /** Km/h per class (defaults: `NET_SPEEDS`). */
  speeds: Record<NetClass, number>;
  /** Km/h of the way onto the network, and its detour factor. */
  accessKmh: number;
  detour: number;
}

/** The default model: the classes' speeds, the bundled model's access speed and detour. */
export function defaultRoadModel(over: Partial<Record<NetClass, number>> = {}, detour = DEFAULT_DETOUR): RoadModel {
  return {
    speeds: Object.fromEntries(NET_CLASSES.map((c) => [c, over[c] ?? NET_SPEEDS[c].kmh])) as Record<NetClass, number>,
    accessKmh: DEFAULT_SPEEDS.access.kmh,
    detour,
  };
}

/**
 * The model from the corridors' speeds (a speeds file or a scenario's): expressways' speed for
 * motorways, national roads' for trunk roads, the access speed for the way onto the network.
 * @example roadModelFromSpeeds({ expressway: 100 }, 1.3).speeds.motorway // 100
 */
export function roadModelFromSpeeds(speeds: Partial<Record<SpeedClass, number>>, detour = DEFAULT_DETOUR): RoadModel {
  const m = defaultRoadModel(
    {
      ...(speeds.expressway !== undefined ? { motorway: speeds.expressway } : {}),
      ...(speeds.national_road !== undefined ? { trunk: speeds.national_road } : {}),
    },
    detour,
  );
  return speeds.access !== undefined ? { ...m, accessKmh: speeds.access } : m;
}

/** Where a place joins the network. */
export interface RoadJoin {
  edge: number;
  /** Km along the edge from its start (eu) to the joining point. */
  pos: number;
  /** The straight leg, km, and its minutes (detour and access speed). */
  legKm: number;
  leg: number;
  at: [number, number];
}

/** A route door to door. */
export interface Route {
  minutes: number;
  /** Km driven on the network, and the straight legs onto and off it (before the detour). */
  km: number;
  network_km: number;
  leg_km: [number, number];
  /** The path, lon/lat: the place, the joining point, the roads, the joining point, the destination. */
  path: [number, number][];
  /** The roads used, in order (consecutive edges of the same road merged), with km and minutes on each. */
  roads: { ref: string; name: string; cls: NetClass; km: number; minutes: number }[];
}

/** A binary min-heap of (key, value) on typed arrays, with lazy deletion by the caller. */
class Heap {
  keys = new Float64Array(1024);
  vals = new Int32Array(1024);
  size = 0;
  push(k: number, v: number): void {
    if (this.size === this.keys.length) {
      const nk = new Float64Array(this.size * 2);
      nk.set(this.keys);
      const nv = new Int32Array(this.size * 2);
      nv.set(this.vals);
      this.keys = nk;
      this.vals = nv;
    }
    let i = this.size++;
    const { keys, vals } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= k) break;
      keys[i] = keys[p]!;
      vals[i] = vals[p]!;
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  /** Removes the smallest; its key and value are in `topKey`, `topVal`. */
  topKey = 0;
  topVal = 0;
  pop(): void {
    const { keys, vals } = this;
    this.topKey = keys[0]!;
    this.topVal = vals[0]!;
    const k = keys[--this.size]!;
    const v = vals[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && keys[c + 1]! < keys[c]!) c++;
      if (keys[c]! >= k) break;
      keys[i] = keys[c]!;
      vals[i] = vals[c]!;
      i = c;
    }
    keys[i] = k;
    vals[i] = v;
  }
}

/** A road network ready to search. */
export interface RoadGraph extends TravelGraph {
  net: RoadNetwork;
  model: RoadModel;
  /** Minutes to drive each edge. */
  emin: Float32Array;
  /** The nearest joinable point, or null when none is within 300 km. */
  join(lon: number, lat: number): RoadJoin | null;
  /** The fastest route by road from one place to another; null when none (another component, an island). */
  route(from: [number, number], to: [number, number]): Route | null;
}

/**
 * Makes a road network searchable.
 * @example roadGraph(net).route([105.7, 18.7], [106.6, 17.5])?.minutes
 */
export function roadGraph(net: RoadNetwork, model: RoadModel = defaultRoadModel()): RoadGraph {
  const V = net.lonE7.length;
  const M = net.eu.length;
  const emin = new Float32Array(M);
  for (let e = 0; e < M; e++) {
    const own = net.minutes[e]!;
    const speed = Number.isFinite(net.kmh[e]!) ? net.kmh[e]! : model.speeds[NET_CLASSES[net.cls[e]!]!];
    emin[e] = Number.isFinite(own) ? own : (net.km[e]! / speed) * 60;
  }
  const oneway = (e: number): boolean => (net.flags[e]! & 1) === 1;
  /** Whether a place joined at `j` may go to, or come from, its edge's start (eu): on a two-way edge, or when it joins at eu itself. */
  const atStartOk = (j: { edge: number; pos: number }): boolean => !oneway(j.edge) || j.pos <= 1e-9;
  /** Whether it may come from, or go to, its edge's end (ev) against the edge: on a two-way edge, or when it joins at ev itself. */
  const atEndOk = (j: { edge: number; pos: number }): boolean => !oneway(j.edge) || net.km[j.edge]! - j.pos <= 1e-9;
  // Arcs: forward (from → to) and reverse (to → from), each in CSR order; arc value = edge id.
  const csr = (reverse: boolean): { off: Uint32Array; to: Uint32Array; edge: Uint32Array } => {
    const off = new Uint32Array(V + 1);
    for (let e = 0; e < M; e++) {
      off[(reverse ? net.ev : net.eu)[e]! + 1]!++;
      if (!oneway(e)) off[(reverse ? net.eu : net.ev)[e]! + 1]!++;
    }
    for (let i = 0; i < V; i++) off[i + 1]! += off[i]!;
    const fill = off.slice(0, V);
    const to = new Uint32Array(off[V]!);
    const edge = new Uint32Array(off[V]!);
    const put = (a: number, b: number, e: number): void => {
      const k = fill[a]!++;
      to[k] = b;
      edge[k] = e;
    };
    for (let e = 0; e < M; e++) {
      const [a, b] = reverse ? [net.ev[e]!, net.eu[e]!] : [net.eu[e]!, net.ev[e]!];
      put(a, b, e);
      if (!oneway(e)) put(b, a, e);
    }
    return { off, to, edge };
  };
  const fwd = csr(false);
  const rev = csr(true);

  // The edge's polyline point k (0 = eu, last = ev), lon/lat.
  const ptLon = (e: number, k: number, n: number): number =>
    k === 0 ? net.lonE7[net.eu[e]!]! / E7 : k === n - 1 ? net.lonE7[net.ev[e]!]! / E7 : net.geomLon[net.geomStart[e]! + k - 1]! / E7;
  const ptLat = (e: number, k: number, n: number): number =>
    k === 0 ? net.latE7[net.eu[e]!]! / E7 : k === n - 1 ? net.latE7[net.ev[e]!]! / E7 : net.geomLat[net.geomStart[e]! + k - 1]! / E7;
  const npts = (e: number): number => net.geomStart[e + 1]! - net.geomStart[e]! + 2;

  // The joinable edges' segments in a spatial index (degrees).
  const joinable = NET_CLASSES.map((c) => NET_JOINABLE.has(c));
  let nseg = 0;
  for (let e = 0; e < M; e++) if (joinable[net.cls[e]!]) nseg += npts(e) - 1;
  const segEdge = new Uint32Array(nseg);
  const segK = new Uint32Array(nseg);
  const index = nseg ? new Flatbush(nseg) : null;
  if (index) {
    let s = 0;
    for (let e = 0; e < M; e++) {
      if (!joinable[net.cls[e]!]) continue;
      const n = npts(e);
      for (let k = 0; k + 1 < n; k++) {
        const x0 = ptLon(e, k, n);
        const y0 = ptLat(e, k, n);
        const x1 = ptLon(e, k + 1, n);
        const y1 = ptLat(e, k + 1, n);
        index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        segEdge[s] = e;
        segK[s++] = k;
      }
    }
    index.finish();
  }

  const legMinutes = (km: number): number => ((km * model.detour) / model.accessKmh) * 60;

  const join = (lon: number, lat: number): RoadJoin | null => {
    if (!index) return null;
    const { x, y } = planar(lat);
    const px = x(lon);
    const py = y(lat);
    for (let r = 1; r <= 300; r *= 3) {
      const dLat = r / 111.19;
      const dLon = r / (111.19 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
      let best = Infinity;
      let bs = -1;
      let bt = 0;
      for (const s of index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
        const e = segEdge[s]!;
        const k = segK[s]!;
        const n = npts(e);
        const c = closestOnSegment(px, py, x(ptLon(e, k, n)), y(ptLat(e, k, n)), x(ptLon(e, k + 1, n)), y(ptLat(e, k + 1, n)));
        if (c.d2 < best || (c.d2 === best && s < bs)) {
          best = c.d2;
          bs = s;
          bt = c.t;
        }
      }
      if (bs < 0 || Math.sqrt(best) > r) continue;
      const e = segEdge[bs]!;
      const k = segK[bs]!;
      const n = npts(e);
      // Km along the edge to the joining point, measured as the edge's own km were (great-circle per segment).
      let pos = 0;
      for (let i = 0; i < k; i++) pos += haversineKm(ptLon(e, i, n), ptLat(e, i, n), ptLon(e, i + 1, n), ptLat(e, i + 1, n));
      const [ax, ay, bx, by] = [ptLon(e, k, n), ptLat(e, k, n), ptLon(e, k + 1, n), ptLat(e, k + 1, n)];
      pos += bt * haversineKm(ax, ay, bx, by);
      const at: [number, number] = [ax + bt * (bx - ax), ay + bt * (by - ay)];
      const legKm = haversineKm(lon, lat, at[0], at[1]);
      return { edge: e, pos: Math.min(pos, net.km[e]!), legKm, leg: legMinutes(legKm), at };
    }
    return null;
  };

  /** Minutes along edge e between two positions (km from eu). */
  const along = (e: number, a: number, b: number): number => (net.km[e]! > 0 ? (Math.abs(b - a) / net.km[e]!) * emin[e]! : 0);

  /** Dijkstra from seeds over forward (from) or reverse (to) arcs; stops when the heap's top passes `stopAt()`. */
  const search = (
    seeds: { node: number; minutes: number; point: number }[],
    reverse: boolean,
    prevArc: Int32Array | null,
    stopAt: (dist: Float64Array) => number = () => Infinity,
    needed: Uint8Array | null = null,
  ): { dist: Float64Array; nearest: Int32Array } => {
    // With `needed` (1 for each node whose minutes are asked for), the search ends once all are settled.
    let left = 0;
    if (needed) for (let i = 0; i < needed.length; i++) left += needed[i]!;
    const { off, to, edge } = reverse ? rev : fwd;
    const dist = new Float64Array(V).fill(Infinity);
    const nearest = new Int32Array(V).fill(-1);
    const heap = new Heap();
    for (const s of seeds)
      if (s.minutes < dist[s.node]!) {
        dist[s.node] = s.minutes;
        nearest[s.node] = s.point;
        heap.push(s.minutes, s.node);
      }
    while (heap.size) {
      heap.pop();
      const d = heap.topKey;
      const u = heap.topVal;
      if (d > dist[u]!) continue;
      if (d > stopAt(dist)) break;
      if (needed && needed[u] === 1) {
        needed[u] = 2;
        if (--left === 0) break;
      }
      for (let k = off[u]!; k < off[u + 1]!; k++) {
        const v = to[k]!;
        const nd = d + emin[edge[k]!]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          nearest[v] = nearest[u]!;
          if (prevArc) prevArc[v] = edge[k]!;
          heap.push(nd, v);
        }
      }
    }
    return { dist, nearest };
  };

  /** The seeds of a place joined at `j`: the ends of its edge a trip may reach (from the place) or leave towards it (to the place). */
  const seedsOf = (j: RoadJoin, toward: boolean, point: number) => {
    const e = j.edge;
    const u = net.eu[e]!;
    const v = net.ev[e]!;
    const out = [];
    // Leaving the place: along the edge to ev (always), or back to eu (two-way only). Arriving: from eu (always), from ev (two-way only).
    if (toward) {
      out.push({ node: u, minutes: j.leg + along(e, 0, j.pos), point });
      if (atEndOk(j)) out.push({ node: v, minutes: j.leg + along(e, j.pos, net.km[e]!), point });
    } else {
      out.push({ node: v, minutes: j.leg + along(e, j.pos, net.km[e]!), point });
      if (atStartOk(j)) out.push({ node: u, minutes: j.leg + along(e, 0, j.pos), point });
    }
    return out;
  };

  /** Minutes between two places joined on the same edge, by that edge alone (Infinity against a one-way street). */
  const sameEdge = (first: RoadJoin, second: RoadJoin): number => {
    if (first.edge !== second.edge) return Infinity;
    if (second.pos < first.pos && oneway(first.edge)) return Infinity;
    return first.leg + along(first.edge, first.pos, second.pos) + second.leg;
  };

  const timesFrom = (points: readonly [number, number][], direction: TripDirection, reach?: ArrayLike<number>): TravelTimes => {
    const toward = direction === 'to';
    const joins = points.map(([lon, lat]) => join(lon, lat));
    const seeds = joins.flatMap((j, i) => (j ? seedsOf(j, toward, i) : []));
    // Only some places asked for: the search stops once the ends of their edges are settled.
    let needed: Uint8Array | null = null;
    if (reach) {
      needed = new Uint8Array(V);
      for (let k = 0; k + 1 < reach.length; k += 2) {
        const j = join(reach[k]!, reach[k + 1]!);
        if (!j) continue;
        needed[net.eu[j.edge]!] = 1;
        needed[net.ev[j.edge]!] = 1;
      }
    }
    const { dist, nearest } = search(seeds, toward, null, undefined, needed);
    return {
      nearestTo: (lon, lat) => {
        let best = Infinity;
        let point = -1;
        const take = (m: number, p: number): void => {
          if (m < best) {
            best = m;
            point = p;
          }
        };
        // The straight leg to a point, as the bundled model allows.
        points.forEach(([plon, plat], i) => take(legMinutes(haversineKm(lon, lat, plon, plat)), i));
        const j = join(lon, lat);
        if (j) {
          const e = j.edge;
          const u = net.eu[e]!;
          const v = net.ev[e]!;
          if (toward) {
            // Leaving the place for a point: along to ev, or back to eu on a two-way street.
            take(j.leg + along(e, j.pos, net.km[e]!) + dist[v]!, nearest[v]!);
            if (atStartOk(j)) take(j.leg + along(e, 0, j.pos) + dist[u]!, nearest[u]!);
          } else {
            take(dist[u]! + along(e, 0, j.pos) + j.leg, nearest[u]!);
            if (atEndOk(j)) take(dist[v]! + along(e, j.pos, net.km[e]!) + j.leg, nearest[v]!);
          }
          joins.forEach((pj, i) => {
            if (pj && pj.edge === e) take(toward ? sameEdge(j, pj) : sameEdge(pj, j), i);
          });
        }
        return Number.isFinite(best) ? { minutes: best, point } : { minutes: Infinity, point: -1 };
      },
    };
  };

  const route = (from: [number, number], to: [number, number]): Route | null => {
    const a = join(from[0], from[1]);
    const b = join(to[0], to[1]);
    if (!a || !b) return null;
    const prevArc = new Int32Array(V).fill(-1);
    let best = sameEdge(a, b);
    const bu = net.eu[b.edge]!;
    const bv = net.ev[b.edge]!;
    const arrive = (dist: Float64Array): number =>
      Math.min(
        dist[bu]! + along(b.edge, 0, b.pos) + b.leg,
        atEndOk(b) ? dist[bv]! + along(b.edge, b.pos, net.km[b.edge]!) + b.leg : Infinity,
      );
    const { dist } = search(seedsOf(a, false, 0), false, prevArc, (d) => Math.min(best, arrive(d)));
    const viaNetwork = arrive(dist);
    const direct = best <= viaNetwork;
    best = Math.min(best, viaNetwork);
    if (!Number.isFinite(best)) return null;
    // The node the trip enters b's edge by, and the chain of edges back to a's edge.
    const entry = direct ? -1 : dist[bu]! + along(b.edge, 0, b.pos) + b.leg <= viaNetwork ? bu : bv;
    const edges: { e: number; forward: boolean }[] = [];
    if (entry >= 0)
      for (let n = entry; prevArc[n]! >= 0;) {
        const e = prevArc[n]!;
        const forward = net.ev[e] === n;
        edges.push({ e, forward });
        n = forward ? net.eu[e]! : net.ev[e]!;
      }
    edges.reverse();
    // The first node of the network path: where the trip leaves a's edge.
    const start = edges.length ? (edges[0]!.forward ? net.eu[edges[0]!.e]! : net.ev[edges[0]!.e]!) : entry;
    const path: [number, number][] = [from, a.at];
    const roads: Route['roads'] = [];
    const addRoad = (e: number, km: number): void => {
      if (km <= 1e-6) return;
      const [ref, name] = net.labels[net.label[e]!] ?? ['', ''];
      const cls = NET_CLASSES[net.cls[e]!]!;
      const last = roads[roads.length - 1];
      const min = net.km[e]! > 0 ? (km / net.km[e]!) * emin[e]! : 0;
      if (last && last.ref === ref && last.name === name) {
        last.km += km;
        last.minutes += min;
      } else roads.push({ ref, name, cls, km, minutes: min });
    };
    const partial = (e: number, p0: number, p1: number): void => {
      // The edge's points strictly between positions p0 and p1 (km from eu), in travel order.
      const n = npts(e);
      const pts: { pos: number; p: [number, number] }[] = [];
      let acc = 0;
      for (let k = 0; k < n; k++) {
        if (k > 0) acc += haversineKm(ptLon(e, k - 1, n), ptLat(e, k - 1, n), ptLon(e, k, n), ptLat(e, k, n));
        if (acc > Math.min(p0, p1) && acc < Math.max(p0, p1)) pts.push({ pos: acc, p: [ptLon(e, k, n), ptLat(e, k, n)] });
      }
      if (p1 < p0) pts.reverse();
      for (const q of pts) path.push(q.p);
      addRoad(e, Math.abs(p1 - p0));
    };
    const nodeAt = (n: number): [number, number] => [net.lonE7[n]! / E7, net.latE7[n]! / E7];
    if (direct) partial(a.edge, a.pos, b.pos);
    else {
      partial(a.edge, a.pos, start === net.ev[a.edge] ? net.km[a.edge]! : 0);
      path.push(nodeAt(start));
      for (const { e, forward } of edges) {
        partial(e, forward ? 0 : net.km[e]!, forward ? net.km[e]! : 0);
        path.push(nodeAt(forward ? net.ev[e]! : net.eu[e]!));
      }
      partial(b.edge, entry === bu ? 0 : net.km[b.edge]!, b.pos);
    }
    path.push(b.at, to);
    const clean = path.filter((p, i) => i === 0 || p[0] !== path[i - 1]![0] || p[1] !== path[i - 1]![1]);
    const networkKm = roads.reduce((s, r) => s + r.km, 0);
    return {
      minutes: best,
      km: networkKm + (a.legKm + b.legKm) * model.detour,
      network_km: networkKm,
      leg_km: [a.legKm, b.legKm],
      path: clean,
      roads,
    };
  };

  /** The minutes of a place joined at `j` from (or to) the search's nodes, by its edge's ends (Infinity where none). */
  const viaEnds = (j: RoadJoin, toward: boolean, dist: Float64Array, nearest: Int32Array | null): { m: number; p: number } => {
    const e = j.edge;
    const u = net.eu[e]!;
    const v = net.ev[e]!;
    let m = Infinity;
    let p = -1;
    const take = (x: number, q: number): void => {
      if (x < m) {
        m = x;
        p = q;
      }
    };
    if (toward) {
      take(j.leg + along(e, j.pos, net.km[e]!) + dist[v]!, nearest ? nearest[v]! : 0);
      if (atStartOk(j)) take(j.leg + along(e, 0, j.pos) + dist[u]!, nearest ? nearest[u]! : 0);
    } else {
      take(dist[u]! + along(e, 0, j.pos) + j.leg, nearest ? nearest[u]! : 0);
      if (atEndOk(j)) take(dist[v]! + along(e, j.pos, net.km[e]!) + j.leg, nearest ? nearest[v]! : 0);
    }
    return { m, p };
  };

  /** Each place's join, found once. */
  const placesJoined = (lonlat: ArrayLike<number>): Places & { road: (RoadJoin | null)[] } => {
    const road: (RoadJoin | null)[] = [];
    for (let k = 0; k + 1 < lonlat.length; k += 2) road.push(join(lonlat[k]!, lonlat[k + 1]!));
    return { lonlat: Float64Array.from(lonlat), road };
  };

  /** For each origin, the places within the minutes of it (trips from each place to the origin), by searches bounded there. */
  const within = (
    lonlat: ArrayLike<number>,
    origins: readonly [number, number][],
    maxMinutes: number,
    onProgress?: (done: number) => void,
  ) => {
    const ps = placesJoined(lonlat);
    const n = ps.road.length;
    // Places by the ends of their edge.
    const byNode = new Map<number, number[]>();
    ps.road.forEach((j, i) => {
      if (!j) return;
      for (const nd of [net.eu[j.edge]!, net.ev[j.edge]!]) {
        let l = byNode.get(nd);
        if (!l) byNode.set(nd, (l = []));
        l.push(i);
      }
    });
    const dist = new Float64Array(V).fill(Infinity);
    const touched: number[] = [];
    const stamp = new Int32Array(n).fill(-1);
    return origins.map(([olon, olat], o) => {
      const found: number[] = [];
      const oj = join(olon, olat);
      const heap = new Heap();
      // People travel to the site: the search runs back from it over the reverse arcs.
      if (oj)
        for (const sd of seedsOf(oj, true, 0))
          if (sd.minutes <= maxMinutes && sd.minutes < dist[sd.node]!) {
            if (dist[sd.node] === Infinity) touched.push(sd.node);
            dist[sd.node] = sd.minutes;
            heap.push(sd.minutes, sd.node);
          }
      while (heap.size) {
        heap.pop();
        const d = heap.topKey;
        const u = heap.topVal;
        if (d > dist[u]!) continue;
        for (let k = rev.off[u]!; k < rev.off[u + 1]!; k++) {
          const v = rev.to[k]!;
          const nd = d + emin[rev.edge[k]!]!;
          if (nd <= maxMinutes && nd < dist[v]!) {
            if (dist[v] === Infinity) touched.push(v);
            dist[v] = nd;
            heap.push(nd, v);
          }
        }
      }
      const check = (i: number): void => {
        if (stamp[i] === o) return;
        const j = ps.road[i];
        const plon = ps.lonlat[2 * i]!;
        const plat = ps.lonlat[2 * i + 1]!;
        let m = legMinutes(haversineKm(plon, plat, olon, olat));
        if (j) {
          m = Math.min(m, viaEnds(j, true, dist, null).m);
          if (oj) m = Math.min(m, sameEdge(j, oj));
        }
        if (m <= maxMinutes) {
          stamp[i] = o;
          found.push(i);
        }
      };
      for (const nd of touched) for (const i of byNode.get(nd) ?? []) check(i);
      // Straight legs and trips along the origin's own edge: the places near it.
      const reachKm = (maxMinutes / 60) * (model.accessKmh / model.detour);
      const dLat = reachKm / 111;
      for (let i = 0; i < n; i++) if (Math.abs(ps.lonlat[2 * i + 1]! - olat) <= dLat + 1e-9 && stamp[i] !== o) check(i);
      if (oj) for (let i = 0; i < n; i++) if (ps.road[i]?.edge === oj.edge) check(i);
      for (const v of touched) dist[v] = Infinity;
      touched.length = 0;
      onProgress?.((o + 1) / origins.length);
      return Int32Array.from(found).sort();
    });
  };

  const routes = (origin: [number, number]) => ({
    to: (lon: number, lat: number): TravelRoute | null => {
      const r = route(origin, [lon, lat]);
      return r && { minutes: r.minutes, km: r.km, path: r.path, roads: r.roads.map((x) => ({ name: x.ref || x.name, km: x.km })) };
    },
  });

  return { net, model, emin, join, route, timesFrom, within, routes };
}
