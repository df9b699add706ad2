/**
 * The corridor network as a graph: corridors are joined where they cross, and where a
 * vertex of one passes within `toleranceKm` of another (a short connector edge is added).
 * Points (unit centres, ports) reach the network by a straight leg to its nearest point.
 * Edge lengths are great-circle km, times the line's length factor where it has one (a line
 * drawn through its waypoints cuts across the bends of the road; where its published length is
 * known, the network counts that: see `lengthFactorOf`); shortest paths by Dijkstra.
 */
import TinyQueue from 'tinyqueue';
import { closestOnSegment, haversineKm, meanLat, planar, type Planar } from './geo.ts';

/**
 * How many times its great-circle length each edge of a line counts: one factor for the whole
 * line, or one per segment (entry i for the segment from vertex i to vertex i + 1; a missing
 * entry counts 1).
 */
export type LengthFactor = number | readonly number[];

/** A line of the network: its vertices (lon/lat) and, where known, its length factor. */
export interface NetworkLine {
  coordinates: [number, number][];
  /**
   * The published length of the line ÷ its drawn length, for the whole line or per segment
   * (1 or absent: the drawn length). Every edge of the line is counted this many times its
   * great-circle length.
   */
  lengthFactor?: LengthFactor;
  /**
   * Whether a place may join it anywhere along by a straight leg (true, the default: a road);
   * false for an expressway, entered only where the network joins it to other lines.
   */
  entry?: boolean;
}

/**
 * A corridor's length factor: its published length (`published_km`, the length of the line
 * as drawn, from the source it names) ÷ its drawn length (`length_km`); 1 where no length is
 * published.
 * @example lengthFactorOf({ published_km: 49, length_km: 45.5 }) // 1.077
 */
export function lengthFactorOf(p: { published_km?: number | null; length_km?: number | null }): number {
  const pub = p.published_km ?? null;
  const drawn = p.length_km ?? null;
  return pub !== null && drawn !== null && pub > 0 && drawn > 0 ? pub / drawn : 1;
}

/** A km post of a line: the index of the vertex it stands at, and its km. */
export type KmPost = readonly [vertex: number, km: number];

/**
 * A corridor's length factors: per stretch between its km posts (`km_posts`, at least two), the
 * difference of their km ÷ the drawn km between them, so that the network counts each stretch at
 * its km posts; a segment before the first post or after the last takes the factor of the
 * stretch next to it. Without km posts, `lengthFactorOf` for the whole line.
 * @param coordinates - the line's vertices (lon/lat), as the network draws it
 * @example lengthFactorsOf({ km_posts: [[0, 0], [2, 30]] }, [[108, 15], [108, 15.1], [108, 15.2]]) // [1.349, 1.349]
 */
export function lengthFactorsOf(
  p: { published_km?: number | null; length_km?: number | null; km_posts?: readonly KmPost[] | null },
  coordinates: readonly (readonly [number, number])[],
): LengthFactor {
  const n = coordinates.length;
  const posts = [...(p.km_posts ?? [])].filter(([i]) => Number.isInteger(i) && i >= 0 && i < n).sort((a, b) => a[0] - b[0]);
  if (posts.length < 2) return lengthFactorOf(p);
  const seg = (i: number): number => {
    const [lon0, lat0] = coordinates[i]!;
    const [lon1, lat1] = coordinates[i + 1]!;
    return haversineKm(lon0, lat0, lon1, lat1);
  };
  const out: number[] = Array.from({ length: Math.max(0, n - 1) }, () => 1);
  for (let k = 0; k + 1 < posts.length; k++) {
    const [i0, km0] = posts[k]!;
    const [i1, km1] = posts[k + 1]!;
    let drawn = 0;
    for (let i = i0; i < i1; i++) drawn += seg(i);
    const f = drawn > 0 && km1 > km0 ? (km1 - km0) / drawn : 1;
    // The first stretch also covers the segments before it, the last those after it.
    const from = k === 0 ? 0 : i0;
    const to = k + 2 === posts.length ? n - 1 : i1;
    for (let i = from; i < to; i++) out[i] = f;
  }
  return out;
}

export interface Network {
  proj: Planar;
  /** Node positions, lon/lat. */
  lon: Float64Array;
  lat: Float64Array;
  /** Edges: end nodes and great-circle length, km. */
  eu: Int32Array;
  ev: Int32Array;
  elen: Float64Array;
  /** The line (index into the input) each edge belongs to; -1 for a junction connector. */
  edgeLine: Int32Array;
  /** For each node, the edges that touch it. */
  nodeEdges: number[][];
  /** The lines a place may not join by a straight leg (by index into the input); absent: all may be joined. */
  noEntry?: ReadonlySet<number>;
}

/** Where a point joins the network: on edge `edge` at `t` (0 at eu, 1 at ev). */
export interface Attachment {
  edge: number;
  t: number;
  /** The straight leg from the point to the network, km. */
  legKm: number;
  /** Along the edge from the joining point to eu and to ev, km. */
  toU: number;
  toV: number;
  /** The joining point, lon/lat. */
  at: [number, number];
}

/**
 * Builds the network from corridor lines.
 * @param lines - corridors (lon/lat)
 * @param toleranceKm - how close a vertex must pass to another corridor to be joined to it, km
 * @param frameLat - the latitude the planar frame is true at (default: the lines' mean), fixed
 *   where adding a line must not move the frame (travel time)
 * @param parallel - keep one edge per line where lines share a segment exactly (travel time:
 *   each keeps its own speed and the road stays joinable along); by default the first line's
 *   edge stands for all (distances: one length)
 * @example buildNetwork(corridors, 0.5).eu.length // number of edges
 */
export function buildNetwork(lines: readonly NetworkLine[], toleranceKm: number, frameLat?: number, parallel = false): Network {
  const proj = planar(frameLat ?? (meanLat(lines.map((l) => l.coordinates)) || 15));
  const lonA: number[] = [];
  const latA: number[] = [];
  const nodeByKey = new Map<string, number>();
  const node = (lon: number, lat: number): number => {
    const k = `${lon.toFixed(7)},${lat.toFixed(7)}`;
    let id = nodeByKey.get(k);
    if (id === undefined) {
      id = lonA.length;
      lonA.push(lon);
      latA.push(lat);
      nodeByKey.set(k, id);
    }
    return id;
  };
  const freshNode = (lon: number, lat: number): number => {
    lonA.push(lon);
    latA.push(lat);
    return lonA.length - 1;
  };

  interface Seg {
    line: number;
    x0: number;
    y0: number;
    x1: number;
    y1: number;
    lon0: number;
    lat0: number;
    lon1: number;
    lat1: number;
    /** The length factor of the line's segment. */
    factor: number;
    splits: { t: number; node: number }[];
  }
  const segs: Seg[] = [];
  lines.forEach((l, li) => {
    const lf = l.lengthFactor ?? 1;
    for (let i = 0; i + 1 < l.coordinates.length; i++) {
      const factor = typeof lf === 'number' ? lf : (lf[i] ?? 1);
      const [lon0, lat0] = l.coordinates[i]!;
      const [lon1, lat1] = l.coordinates[i + 1]!;
      if (lon0 === lon1 && lat0 === lat1) continue;
      segs.push({
        line: li,
        x0: proj.x(lon0),
        y0: proj.y(lat0),
        x1: proj.x(lon1),
        y1: proj.y(lat1),
        lon0,
        lat0,
        lon1,
        lat1,
        factor,
        splits: [
          { t: 0, node: node(lon0, lat0) },
          { t: 1, node: node(lon1, lat1) },
        ],
      });
    }
  });

  const connectors: [number, number][] = [];
  const tol2 = toleranceKm * toleranceKm;
  const pointAt = (s: Seg, t: number): [number, number] => [s.lon0 + t * (s.lon1 - s.lon0), s.lat0 + t * (s.lat1 - s.lat0)];
  for (let i = 0; i < segs.length; i++) {
    const a = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const b = segs[j]!;
      if (a.line === b.line) continue;
      if (
        Math.max(a.x0, a.x1) + toleranceKm < Math.min(b.x0, b.x1) ||
        Math.max(b.x0, b.x1) + toleranceKm < Math.min(a.x0, a.x1) ||
        Math.max(a.y0, a.y1) + toleranceKm < Math.min(b.y0, b.y1) ||
        Math.max(b.y0, b.y1) + toleranceKm < Math.min(a.y0, a.y1)
      )
        continue;
      // A proper crossing joins both at one node.
      const rx = a.x1 - a.x0;
      const ry = a.y1 - a.y0;
      const sx = b.x1 - b.x0;
      const sy = b.y1 - b.y0;
      const den = rx * sy - ry * sx;
      if (Math.abs(den) > 1e-12) {
        const t = ((b.x0 - a.x0) * sy - (b.y0 - a.y0) * sx) / den;
        const u = ((b.x0 - a.x0) * ry - (b.y0 - a.y0) * rx) / den;
        if (t > 0 && t < 1 && u > 0 && u < 1) {
          const [lon, lat] = pointAt(a, t);
          const n = freshNode(lon, lat);
          a.splits.push({ t, node: n });
          b.splits.push({ t: u, node: n });
          continue;
        }
      }
      // Otherwise join a vertex that passes within the tolerance of the other segment.
      const near = (p: Seg, end: 0 | 1, q: Seg): void => {
        const px = end ? p.x1 : p.x0;
        const py = end ? p.y1 : p.y0;
        const c = closestOnSegment(px, py, q.x0, q.y0, q.x1, q.y1);
        if (c.d2 > tol2) return;
        const vertex = end ? node(p.lon1, p.lat1) : node(p.lon0, p.lat0);
        const [lon, lat] = pointAt(q, c.t);
        const n = c.t === 0 ? node(q.lon0, q.lat0) : c.t === 1 ? node(q.lon1, q.lat1) : freshNode(lon, lat);
        if (c.t > 0 && c.t < 1) q.splits.push({ t: c.t, node: n });
        if (n !== vertex) connectors.push([vertex, n]);
      };
      near(a, 0, b);
      near(a, 1, b);
      near(b, 0, a);
      near(b, 1, a);
    }
  }

  const eu: number[] = [];
  const ev: number[] = [];
  const el: number[] = [];
  const lens: number[] = [];
  const seen = new Set<string>();
  const addEdge = (u: number, v: number, line: number, km: number): void => {
    if (u === v) return;
    // With `parallel`, two lines over the same segment keep an edge each (a road beside an expressway).
    const k = (u < v ? `${u}-${v}` : `${v}-${u}`) + (parallel ? `:${line}` : '');
    if (seen.has(k)) return;
    seen.add(k);
    eu.push(u);
    ev.push(v);
    el.push(line);
    lens.push(km);
  };
  for (const s of segs) {
    s.splits.sort((p, q) => p.t - q.t);
    // A split segment's parts share its length in proportion: splitting never lengthens a way
    // (the great-circle lengths of the parts would add up to a hair more than the whole's).
    const km = haversineKm(s.lon0, s.lat0, s.lon1, s.lat1) * s.factor;
    for (let i = 0; i + 1 < s.splits.length; i++)
      addEdge(s.splits[i]!.node, s.splits[i + 1]!.node, s.line, (s.splits[i + 1]!.t - s.splits[i]!.t) * km);
  }
  const lon = Float64Array.from(lonA);
  const lat = Float64Array.from(latA);
  for (const [u, v] of connectors) addEdge(u, v, -1, haversineKm(lon[u]!, lat[u]!, lon[v]!, lat[v]!));

  const elen = Float64Array.from(lens);
  const nodeEdges: number[][] = Array.from({ length: lon.length }, () => []);
  for (let e = 0; e < eu.length; e++) {
    nodeEdges[eu[e]!]!.push(e);
    nodeEdges[ev[e]!]!.push(e);
  }
  const noEntry = new Set(lines.flatMap((l, i) => (l.entry === false ? [i] : [])));
  return {
    proj,
    lon,
    lat,
    eu: Int32Array.from(eu),
    ev: Int32Array.from(ev),
    elen,
    edgeLine: Int32Array.from(el),
    nodeEdges,
    ...(noEntry.size ? { noEntry } : {}),
  };
}

/** A point joined to the network, and which point (`index`) it belongs to. */
export interface Source {
  att: Attachment;
  index: number;
}

function attachmentOn(net: Network, e: number, t: number, lon: number, lat: number): Attachment {
  const u = net.eu[e]!;
  const v = net.ev[e]!;
  const at: [number, number] = [net.lon[u]! + t * (net.lon[v]! - net.lon[u]!), net.lat[u]! + t * (net.lat[v]! - net.lat[u]!)];
  const len = net.elen[e]!;
  return { edge: e, t, legKm: haversineKm(lon, lat, at[0], at[1]), toU: t * len, toV: (1 - t) * len, at };
}

/**
 * Joins a point to the network: at the nearest point of each corridor that passes within
 * `maxLegKm` (so a port near two corridors can use either), and always at the nearest
 * point of the nearest one.
 * @param maxLegKm - longest straight leg considered beyond the nearest, km
 * @returns the attachments, nearest first; empty for an empty network
 */
export function attachAll(net: Network, lon: number, lat: number, maxLegKm = 25): Attachment[] {
  const { proj } = net;
  const px = proj.x(lon);
  const py = proj.y(lat);
  const bestByLine = new Map<number, { e: number; t: number; d2: number }>();
  for (let e = 0; e < net.eu.length; e++) {
    const u = net.eu[e]!;
    const v = net.ev[e]!;
    const c = closestOnSegment(px, py, proj.x(net.lon[u]!), proj.y(net.lat[u]!), proj.x(net.lon[v]!), proj.y(net.lat[v]!));
    const line = net.edgeLine[e]!;
    if (line >= 0 && net.noEntry?.has(line)) continue;
    const cur = bestByLine.get(line);
    if (!cur || c.d2 < cur.d2) bestByLine.set(line, { e, t: c.t, d2: c.d2 });
  }
  const all = [...bestByLine.values()].sort((a, b) => a.d2 - b.d2 || a.e - b.e);
  const out: Attachment[] = [];
  all.forEach((b, i) => {
    if (i === 0 || Math.sqrt(b.d2) <= maxLegKm) out.push(attachmentOn(net, b.e, b.t, lon, lat));
  });
  return out;
}

export interface ShortestPaths {
  dist: Float64Array;
  prev: Int32Array;
  /** Which source (index into the sources list) reached each node first. */
  src: Int32Array;
}

/**
 * Dijkstra from one or more attached sources (each starts with its leg and the way along its edge).
 * @returns per node: distance in km (Infinity if unreachable), previous node (-1 at a source edge), and source
 */
export function shortestPaths(net: Network, sources: readonly Source[]): ShortestPaths {
  const n = net.lon.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const src = new Int32Array(n).fill(-1);
  const queue = new TinyQueue<[number, number]>([], (a, b) => a[0] - b[0]);
  sources.forEach(({ att: s }, i) => {
    for (const [node, d] of [
      [net.eu[s.edge]!, s.legKm + s.toU],
      [net.ev[s.edge]!, s.legKm + s.toV],
    ] as const) {
      if (d < dist[node]!) {
        dist[node] = d;
        src[node] = i;
        prev[node] = -1;
        queue.push([d, node]);
      }
    }
  });
  while (queue.length) {
    const [d, u] = queue.pop()!;
    if (d > dist[u]!) continue;
    for (const e of net.nodeEdges[u]!) {
      const v = net.eu[e] === u ? net.ev[e]! : net.eu[e]!;
      const nd = d + net.elen[e]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        prev[v] = u;
        src[v] = src[u]!;
        queue.push([nd, v]);
      }
    }
  }
  return { dist, prev, src };
}

/** The best way from the sources of `sp` to a point attached at `targets`. */
export interface Reach {
  /** Total km, legs included (Infinity if unreachable). */
  km: number;
  /** The node the path enters the target's edge through, or -1 when it runs straight along one edge. */
  via: number;
  /** Index into the sources list. */
  src: number;
  /** The target attachment used. */
  target: Attachment | null;
}

/**
 * Distance from the sources of `sp` to a point attached at `targets`, km, including the
 * direct way along an edge that a source and the target share.
 */
export function reachTarget(net: Network, sp: ShortestPaths, sources: readonly Source[], targets: readonly Attachment[]): Reach {
  let best: Reach = { km: Infinity, via: -1, src: -1, target: null };
  for (const t of targets) {
    const u = net.eu[t.edge]!;
    const v = net.ev[t.edge]!;
    const viaU = sp.dist[u]! + t.toU + t.legKm;
    const viaV = sp.dist[v]! + t.toV + t.legKm;
    if (viaU < best.km) best = { km: viaU, via: u, src: sp.src[u]!, target: t };
    if (viaV < best.km) best = { km: viaV, via: v, src: sp.src[v]!, target: t };
    sources.forEach((s, i) => {
      if (s.att.edge !== t.edge) return;
      const direct = s.att.legKm + Math.abs(s.att.t - t.t) * net.elen[t.edge]! + t.legKm;
      if (direct < best.km) best = { km: direct, via: -1, src: i, target: t };
    });
  }
  return best;
}

/** The node path from a source edge to `via`, as lon/lat, ending at node `via`. */
export function pathTo(net: Network, sp: ShortestPaths, via: number): [number, number][] {
  const out: [number, number][] = [];
  for (let n = via; n >= 0; n = sp.prev[n]!) out.push([net.lon[n]!, net.lat[n]!]);
  return out.reverse();
}
