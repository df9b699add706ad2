/**
 * A user's road network in memory: junctions as nodes, the roads between them as edges with
 * their geometry, class, direction, own speed or duration, and ref/name. Built from a table of
 * ways (an OpenStreetMap extract or a roads layer, see `osm-network.ts` and `network-lines.ts`):
 * each way is cut at every node it shares with another way (or with itself), so a junction is
 * exactly where ways meet; ways are kept when a node lies within the clip area (the region and
 * its neighbouring provinces, as `--context` takes them). Everything is in typed arrays (no
 * object per node or edge), so a whole-country extract fits in memory in a Web Worker too.
 */
import { NET_CLASSES, NET_SPEEDS, type NetClass } from '../core/network-classes.ts';

/** Coordinates are stored as integers of 1e-7 degree (OpenStreetMap's own precision, about 1 cm). */
export const E7 = 1e7;

/** A growable typed array (appending, then `view()` to read). */
export class Grow<T extends Float64Array | Uint32Array | Int32Array | Float32Array | Uint8Array | Int8Array> {
  arr: T;
  n = 0;
  constructor(private make: (n: number) => T) {
    this.arr = make(1024);
  }
  push(v: number): void {
    if (this.n === this.arr.length) {
      const next = this.make(this.arr.length * 2);
      next.set(this.arr as never);
      this.arr = next;
    }
    this.arr[this.n++] = v;
  }
  /** The values pushed so far (a view: no copy, so the peak memory is the buffer alone). */
  view(): T {
    return this.arr.subarray(0, this.n) as T;
  }
}

/** The ways a network is built from: node positions and, per way, its nodes and attributes. */
export interface WayTable {
  /** Node positions, 1e-7 degree; a node without a position (missing from the file) has `hasPos` 0. */
  lonE7: Int32Array;
  latE7: Int32Array;
  hasPos: Uint8Array;
  /** Way w's nodes are wayNodes[wayStart[w] .. wayStart[w+1]). */
  wayStart: Uint32Array;
  wayNodes: Uint32Array;
  /** Per way: class (index into NET_CLASSES), direction (0 both, 1 along, -1 against), own km/h and minutes (NaN none), label. */
  cls: Uint8Array;
  oneway: Int8Array;
  kmh: Float32Array;
  minutes: Float32Array;
  label: Uint32Array;
  /** Labels: [ref, name] (empty strings where none). */
  labels: [string, string][];
}

/** Where a network came from and what it holds: written into the network file and printed by `ntcc network build`. */
export interface NetworkMeta {
  format: 'ntcc-network';
  version: 1;
  source: { file: string; kind: 'osm-pbf' | 'osm-xml' | 'lines'; layer_fields?: Record<string, string | null> };
  /** The extract's date (ISO), and where it was read: the PBF header's replication timestamp, or the newest element's. */
  extract_date: string | null;
  extract_date_from: 'osmosis_replication_timestamp' | 'newest_element_timestamp' | null;
  built: string;
  options: { service: boolean; ferries: boolean; clip: 'region_and_neighbours' | 'none' };
  nodes: number;
  /** Edges as stored (a two-way road is one edge) and as driven (a two-way road counts twice). */
  edges: number;
  directed_edges: number;
  oneway_edges: number;
  /** Edges whose speed is their own (OpenStreetMap maxspeed or a layer's speed field), and ferries with a duration. */
  own_speed_edges: number;
  timed_ferries: number;
  km_total: number;
  km_by_class: Record<NetClass, number>;
  components: number;
  /** Share of the km in the largest connected component (ignoring direction), 0–1. */
  largest_component_km_share: number;
  bbox: [number, number, number, number];
  /** The class speeds the network's minutes assume (km/h; all assumptions, see core/network-classes.ts). */
  speeds_kmh: Record<NetClass, number>;
  /** Ways left out: outside the clip area, and cut where a node had no position. */
  ways_read: number;
  ways_outside: number;
  missing_nodes: number;
}

/** The network itself: nodes, edges (with geometry), labels and metadata. */
export interface RoadNetwork {
  meta: NetworkMeta;
  lonE7: Int32Array;
  latE7: Int32Array;
  /** Edge e runs from eu[e] to ev[e]; flags bit 0: one way (only from eu to ev). */
  eu: Uint32Array;
  ev: Uint32Array;
  km: Float32Array;
  cls: Uint8Array;
  flags: Uint8Array;
  /** Own speed, km/h, and own minutes (a ferry's duration); NaN where none. */
  kmh: Float32Array;
  minutes: Float32Array;
  label: Uint32Array;
  /** Intermediate vertices of edge e: geomLon/geomLat[geomStart[e] .. geomStart[e+1]), from eu to ev. */
  geomStart: Uint32Array;
  geomLon: Int32Array;
  geomLat: Int32Array;
  labels: [string, string][];
}

const RAD = Math.PI / 180;
/** Great-circle km between two points in 1e-7 degree (the analyses' sphere, radius 6,371.0088 km). */
export function kmE7(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = (lat1 / E7) * RAD;
  const p2 = (lat2 / E7) * RAD;
  const dp = p2 - p1;
  const dl = ((lon2 - lon1) / E7) * RAD;
  const a = Math.sin(dp / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A test of whether a point (1e-7 degree) lies in the clip area. */
export type ClipTest = (lonE7: number, latE7: number) => boolean;

/**
 * A clip test from polygons (lon/lat rings): a raster of `cellDeg` cells marked inside by an
 * even–odd scanline at each row's middle, grown by one cell all round, so a road along the
 * edge is kept. Cells of 0.01° (about 1 km) over the region and its neighbours: about a million bytes.
 * @example const inside = clipTest(provinces.map((p) => p.rings)); inside(1082000000, 160500000) // true
 */
export function clipTest(polygons: readonly (readonly (readonly number[])[])[][], cellDeg = 0.01): ClipTest {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const rings of polygons)
    for (const r of rings)
      for (const c of r) {
        minX = Math.min(minX, c[0]!);
        maxX = Math.max(maxX, c[0]!);
        minY = Math.min(minY, c[1]!);
        maxY = Math.max(maxY, c[1]!);
      }
  if (!Number.isFinite(minX)) return () => false;
  minX -= 2 * cellDeg;
  minY -= 2 * cellDeg;
  const nx = Math.ceil((maxX - minX) / cellDeg) + 3;
  const ny = Math.ceil((maxY - minY) / cellDeg) + 3;
  const mask = new Uint8Array(nx * ny);
  const xs: number[] = [];
  for (const rings of polygons)
    for (let j = 0; j < ny; j++) {
      const y = minY + (j + 0.5) * cellDeg;
      xs.length = 0;
      for (const r of rings)
        for (let k = 0; k + 1 < r.length; k++) {
          const [xa, ya] = r[k] as [number, number];
          const [xb, yb] = r[k + 1] as [number, number];
          if (ya <= y !== yb <= y) xs.push(xa + ((y - ya) / (yb - ya)) * (xb - xa));
        }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2)
        for (let i = Math.max(0, Math.floor((xs[k]! - minX) / cellDeg)); i < nx && minX + i * cellDeg <= xs[k + 1]!; i++)
          mask[j * nx + i] = 1;
    }
  // Grow by one cell (roads along a coast or a border, and the raster's own edge).
  const grown = new Uint8Array(mask.length);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      if (!mask[j * nx + i]) continue;
      for (let dj = -1; dj <= 1; dj++)
        for (let di = -1; di <= 1; di++) {
          const a = i + di;
          const b = j + dj;
          if (a >= 0 && a < nx && b >= 0 && b < ny) grown[b * nx + a] = 1;
        }
    }
  return (lonE7, latE7) => {
    const i = Math.floor((lonE7 / E7 - minX) / cellDeg);
    const j = Math.floor((latE7 / E7 - minY) / cellDeg);
    return i >= 0 && i < nx && j >= 0 && j < ny && grown[j * nx + i] === 1;
  };
}

/** Polygon features (lon/lat) as rings per feature. */
function ringsOfFeatures(fc: { features: readonly { geometry: unknown }[] }): number[][][][] {
  return fc.features.flatMap((f) => {
    const g = f.geometry as { type: string; coordinates: unknown } | null;
    if (g?.type === 'Polygon') return [g.coordinates as number[][][]];
    if (g?.type === 'MultiPolygon') return [(g.coordinates as number[][][][]).flat()];
    return [];
  });
}

/**
 * The clip area of a network: the provinces given (the 2022 edition's features, the region and
 * its neighbours, as `--context` takes them), as a clip test.
 * @example clipOfProvinces(provinces2022) // what `ntcc network build` clips to
 */
export const clipOfProvinces = (fc: { features: readonly { geometry: unknown }[] }): ClipTest => clipTest(ringsOfFeatures(fc));

/**
 * The box of the provinces given, [lon min, lat min, lon max, lat max] (a population grid is read within it).
 * @example boxOfProvinces(provinces2022) // about [102.1, 8.5, 109.5, 21.1]
 */
export function boxOfProvinces(fc: { features: readonly { geometry: unknown }[] }): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of ringsOfFeatures(fc))
    for (const r of rings)
      for (const c of r) {
        box[0] = Math.min(box[0], c[0]!);
        box[1] = Math.min(box[1], c[1]!);
        box[2] = Math.max(box[2], c[0]!);
        box[3] = Math.max(box[3], c[1]!);
      }
  return box;
}

/** Why a network could not be built: a code and its values (the message is in i18n, `Net.err.<code>`). */
export class NetworkError extends Error {
  constructor(
    readonly code: NetworkErrorCode,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(vars)}`);
    this.name = 'NetworkError';
  }
}

/** Every reason a network input is refused. */
export type NetworkErrorCode =
  | 'too-large'
  | 'empty'
  | 'unknown-type'
  | 'pbf-truncated'
  | 'pbf-corrupt'
  | 'pbf-compression'
  | 'pbf-feature'
  | 'xml-syntax'
  | 'not-osm'
  | 'nothing-drivable'
  | 'outside-region'
  | 'no-lines'
  | 'no-field'
  | 'class-unmapped'
  | 'bad-oneway'
  | 'bad-speed'
  | 'bad-class-map'
  | 'bad-coordinates'
  | 'unsupported-crs'
  | 'lines-unreadable'
  | 'network-file'
  | 'cancelled';

/** Builder options: whether service roads and ferries are driven, and the clip area (none: everything). */
export interface BuildOptions {
  service?: boolean;
  ferries?: boolean;
  clip?: ClipTest | null;
}

/**
 * Builds the network from ways: clipped, cut at junctions, measured, with components counted.
 * @param ways - the ways and their nodes
 * @param source - the metadata's source, extract date and read counts
 * @throws NetworkError `nothing-drivable` when no way is left, `outside-region` when every way lies outside the clip area
 * @example buildRoadNetwork(table, { file: 'vn.osm.pbf', kind: 'osm-pbf', ... }).meta.edges
 */
export function buildRoadNetwork(
  ways: WayTable,
  source: Pick<NetworkMeta, 'source' | 'extract_date' | 'extract_date_from'> & { now?: string },
  options: BuildOptions = {},
): RoadNetwork {
  const W = ways.cls.length;
  if (!W) throw new NetworkError('nothing-drivable');
  const N = ways.lonE7.length;
  // 1. Which ways are kept (a node inside the clip area), and how often each node is used by them.
  const keep = new Uint8Array(W);
  const uses = new Uint8Array(N);
  let outside = 0;
  let missing = 0;
  for (let w = 0; w < W; w++) {
    const a = ways.wayStart[w]!;
    const b = ways.wayStart[w + 1]!;
    let inside = !options.clip;
    let positioned = 0;
    for (let k = a; k < b; k++) {
      const n = ways.wayNodes[k]!;
      if (!ways.hasPos[n]) continue;
      positioned++;
      if (!inside && options.clip!(ways.lonE7[n]!, ways.latE7[n]!)) inside = true;
    }
    if (positioned < 2) continue;
    if (!inside) {
      outside++;
      continue;
    }
    keep[w] = 1;
    for (let k = a; k < b; k++) {
      const n = ways.wayNodes[k]!;
      if (!ways.hasPos[n]) {
        missing++;
        continue;
      }
      // An end, or a node used twice (by two ways, or twice by one): a junction.
      const end = k === a || k === b - 1 || !ways.hasPos[ways.wayNodes[k - 1]!] || !ways.hasPos[ways.wayNodes[k + 1]!];
      uses[n] = Math.min(255, uses[n]! + (end ? 2 : 1));
    }
  }
  if (!keep.some((x) => x === 1)) throw new NetworkError(outside ? 'outside-region' : 'nothing-drivable');

  // 2. Cut each kept way at its junctions into edges; junctions get compact ids.
  const nodeId = new Int32Array(N).fill(-1);
  const lonOut = new Grow((n) => new Int32Array(n));
  const latOut = new Grow((n) => new Int32Array(n));
  const idOf = (n: number): number => {
    let id = nodeId[n]!;
    if (id < 0) {
      id = nodeId[n] = lonOut.n;
      lonOut.push(ways.lonE7[n]!);
      latOut.push(ways.latE7[n]!);
    }
    return id;
  };
  const eu = new Grow((n) => new Uint32Array(n));
  const ev = new Grow((n) => new Uint32Array(n));
  const km = new Grow((n) => new Float32Array(n));
  const cls = new Grow((n) => new Uint8Array(n));
  const flags = new Grow((n) => new Uint8Array(n));
  const kmh = new Grow((n) => new Float32Array(n));
  const minutes = new Grow((n) => new Float32Array(n));
  const label = new Grow((n) => new Uint32Array(n));
  const geomStart = new Grow((n) => new Uint32Array(n));
  const gLon = new Grow((n) => new Int32Array(n));
  const gLat = new Grow((n) => new Int32Array(n));
  const seg: number[] = [];
  for (let w = 0; w < W; w++) {
    if (!keep[w]) continue;
    const a = ways.wayStart[w]!;
    const b = ways.wayStart[w + 1]!;
    const backward = ways.oneway[w] === -1;
    // The way's whole length, for sharing a ferry's duration between its pieces.
    let wayKm = 0;
    for (let k = a + 1; k < b; k++) {
      const p = ways.wayNodes[k - 1]!;
      const q = ways.wayNodes[k]!;
      if (ways.hasPos[p] && ways.hasPos[q]) wayKm += kmE7(ways.lonE7[p]!, ways.latE7[p]!, ways.lonE7[q]!, ways.latE7[q]!);
    }
    const flush = (): void => {
      if (seg.length >= 2) {
        let len = 0;
        for (let k = 1; k < seg.length; k++) {
          const p = seg[k - 1]!;
          const q = seg[k]!;
          len += kmE7(ways.lonE7[p]!, ways.latE7[p]!, ways.lonE7[q]!, ways.latE7[q]!);
        }
        // A closed way with no junction but its ends (an island's ring road): two edges, split at its middle vertex.
        if (seg[0] === seg[seg.length - 1] && seg.length >= 3) {
          const whole = seg.splice(0);
          const mid = Math.floor(whole.length / 2);
          seg.push(...whole.slice(0, mid + 1));
          flush();
          seg.push(...whole.slice(mid));
          flush();
          return;
        }
        const ends = backward ? [seg[seg.length - 1]!, seg[0]!] : [seg[0]!, seg[seg.length - 1]!];
        if (ends[0] !== ends[1] && len > 0) {
          eu.push(idOf(ends[0]!));
          ev.push(idOf(ends[1]!));
          km.push(len);
          cls.push(ways.cls[w]!);
          flags.push(ways.oneway[w] !== 0 ? 1 : 0);
          kmh.push(ways.kmh[w]!);
          const m = ways.minutes[w]!;
          minutes.push(Number.isFinite(m) && wayKm > 0 ? (m * len) / wayKm : NaN);
          label.push(ways.label[w]!);
          geomStart.push(gLon.n);
          const inner = seg.slice(1, -1);
          if (backward) inner.reverse();
          for (const n of inner) {
            gLon.push(ways.lonE7[n]!);
            gLat.push(ways.latE7[n]!);
          }
        }
      }
      seg.length = 0;
    };
    for (let k = a; k < b; k++) {
      const n = ways.wayNodes[k]!;
      if (!ways.hasPos[n]) {
        flush();
        continue;
      }
      // Two equal nodes in a row (a repeated vertex) are one.
      if (seg.length && seg[seg.length - 1] === n) continue;
      seg.push(n);
      if (seg.length > 1 && uses[n]! >= 2) {
        flush();
        seg.push(n);
      }
    }
    flush();
  }
  geomStart.push(gLon.n);
  const net: RoadNetwork = {
    meta: undefined as unknown as NetworkMeta,
    lonE7: lonOut.view(),
    latE7: latOut.view(),
    eu: eu.view(),
    ev: ev.view(),
    km: km.view(),
    cls: cls.view(),
    flags: flags.view(),
    kmh: kmh.view(),
    minutes: minutes.view(),
    label: label.view(),
    geomStart: geomStart.view(),
    geomLon: gLon.view(),
    geomLat: gLat.view(),
    labels: ways.labels,
  };
  if (!net.eu.length) throw new NetworkError('nothing-drivable');
  net.meta = summarise(net, source, options, { ways_read: W, ways_outside: outside, missing_nodes: missing });
  return net;
}

/** The metadata of a built network: counts, km by class, components, bounding box. */
function summarise(
  net: RoadNetwork,
  source: Pick<NetworkMeta, 'source' | 'extract_date' | 'extract_date_from'> & { now?: string },
  options: BuildOptions,
  counts: Pick<NetworkMeta, 'ways_read' | 'ways_outside' | 'missing_nodes'>,
): NetworkMeta {
  const M = net.eu.length;
  const V = net.lonE7.length;
  const byClass = Object.fromEntries(NET_CLASSES.map((c) => [c, 0])) as Record<NetClass, number>;
  // Components ignoring direction: union–find over the edges.
  const parent = new Int32Array(V);
  for (let i = 0; i < V; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  let oneway = 0;
  let own = 0;
  let timed = 0;
  let total = 0;
  for (let e = 0; e < M; e++) {
    const a = find(net.eu[e]!);
    const b = find(net.ev[e]!);
    if (a !== b) parent[a] = b;
    byClass[NET_CLASSES[net.cls[e]!]!] += net.km[e]!;
    total += net.km[e]!;
    if (net.flags[e]! & 1) oneway++;
    if (Number.isFinite(net.kmh[e]!)) own++;
    if (Number.isFinite(net.minutes[e]!)) timed++;
  }
  const compKm = new Float64Array(V);
  for (let e = 0; e < M; e++) {
    const c = find(net.eu[e]!);
    compKm[c] = compKm[c]! + net.km[e]!;
  }
  let components = 0;
  let largest = 0;
  for (let i = 0; i < V; i++)
    if (find(i) === i) {
      components++;
      largest = Math.max(largest, compKm[i]!);
    }
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < V; i++) {
    box[0] = Math.min(box[0], net.lonE7[i]!);
    box[1] = Math.min(box[1], net.latE7[i]!);
    box[2] = Math.max(box[2], net.lonE7[i]!);
    box[3] = Math.max(box[3], net.latE7[i]!);
  }
  const r = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;
  return {
    format: 'ntcc-network',
    version: 1,
    source: source.source,
    extract_date: source.extract_date,
    extract_date_from: source.extract_date_from,
    built: source.now ?? new Date().toISOString(),
    options: {
      service: Boolean(options.service),
      ferries: Boolean(options.ferries),
      clip: options.clip ? 'region_and_neighbours' : 'none',
    },
    nodes: V,
    edges: M,
    directed_edges: 2 * M - oneway,
    oneway_edges: oneway,
    own_speed_edges: own,
    timed_ferries: timed,
    km_total: r(total, 1),
    km_by_class: Object.fromEntries(NET_CLASSES.map((c) => [c, r(byClass[c], 1)])) as Record<NetClass, number>,
    components,
    largest_component_km_share: total > 0 ? r(largest / total, 4) : 0,
    bbox: box.map((v) => v / E7) as [number, number, number, number],
    speeds_kmh: Object.fromEntries(NET_CLASSES.map((c) => [c, NET_SPEEDS[c].kmh])) as Record<NetClass, number>,
    ...counts,
  };
}

/**
 * The network's edges as paths to draw (the shape of deck.gl's binary PathLayer data): every
 * edge's lon/lat pairs one after another (its start, inner vertices, end), the vertex each edge
 * starts at (plus the total at the end), and its class (index into NET_CLASSES) for a style by class.
 * @example const { positions, startIndices, cls } = networkPaths(net) // new PathLayer({ data: { length: cls.length, startIndices, attributes: { getPath: { value: positions, size: 2 } } } })
 */
export function networkPaths(net: RoadNetwork): { positions: Float64Array; startIndices: Uint32Array; cls: Uint8Array } {
  const M = net.eu.length;
  const positions = new Float64Array(2 * (2 * M + net.geomLon.length));
  const startIndices = new Uint32Array(M + 1);
  let v = 0;
  const put = (lon: number, lat: number): void => {
    positions[2 * v] = lon / E7;
    positions[2 * v + 1] = lat / E7;
    v++;
  };
  for (let e = 0; e < M; e++) {
    startIndices[e] = v;
    put(net.lonE7[net.eu[e]!]!, net.latE7[net.eu[e]!]!);
    for (let k = net.geomStart[e]!; k < net.geomStart[e + 1]!; k++) put(net.geomLon[k]!, net.geomLat[k]!);
    put(net.lonE7[net.ev[e]!]!, net.latE7[net.ev[e]!]!);
  }
  startIndices[M] = v;
  return { positions, startIndices, cls: net.cls.slice() };
}
