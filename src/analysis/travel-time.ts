/**
 * Travel time on the corridor network, in minutes. Each corridor's edges take its class's
 * speed (or its own); a place reaches the network by a straight leg at the access speed, times
 * a detour factor: anywhere along a road, but onto an expressway only at its vertices and
 * junctions, or, where interchanges are listed (the bundled ones, and a scenario's), only there.
 * Railways are boarded only at stations: the bundled ones (each on its own kind of railway) and
 * those a scenario places.
 *
 * Times to the nearest of many destinations are found with one search from all of them at
 * once (multi-source Dijkstra over the nodes), then each place takes the best of: its straight
 * leg to a destination, its ways onto the network (the edge it joins, to either end, or along
 * that edge to a destination on the same edge), and its legs to entry nodes. Adding a link can
 * only add ways, so it never lengthens a trip.
 */
import Flatbush from 'flatbush';
import TinyQueue from 'tinyqueue';
import {
  DEFAULT_BOARD_MINUTES,
  DEFAULT_DETOUR,
  DEFAULT_SPEEDS,
  RAIL_CLASSES,
  ROAD_CLASSES,
  SECTION_SPEEDS,
  SPEED_CLASSES,
  STATION_KM,
  type SpeedClass,
} from '../core/speeds.ts';
import { buildNetwork, type LengthFactor, type Network } from './network.ts';
import { closestOnSegment, haversineKm, planar } from './geo.ts';

/** A corridor with its speed class. */
export interface TimedLine {
  id: string;
  coordinates: [number, number][];
  cls: SpeedClass;
  /** Its own speed, km/h (a scenario's added or slowed corridor); otherwise its class's. */
  kmh?: number;
  /** Without its own speed: its class's speed times this (a stretch calibrated on its own, `SECTION_SPEEDS`). */
  factor?: number;
  /** Added by a scenario: an added expressway is entered at its vertices unless the scenario lists interchanges. */
  added?: boolean;
  /** Its published length ÷ its drawn length, whole or per segment (absent: 1); every edge counts this many times its drawn km. */
  lengthFactor?: LengthFactor;
}

/** A station: where it is, and which kind of railway it serves (any, when not said). */
export type StationAt = readonly [number, number] | { at: readonly [number, number]; cls?: SpeedClass };

const stationOf = (s: StationAt): { at: [number, number]; cls: SpeedClass | null } => {
  if (isPair(s)) return { at: [s[0], s[1]], cls: null };
  return { at: [s.at[0], s.at[1]], cls: s.cls ?? null };
};
const isPair = (s: StationAt): s is readonly [number, number] => Array.isArray(s);

/** The model: speeds per class (km/h), the detour of the straight leg, and which classes a trip may use. */
export interface TravelModel {
  speeds: Readonly<Record<SpeedClass, number>>;
  detour: number;
  classes: readonly SpeedClass[];
  /** How close a corridor's vertex must pass to another to be joined to it, km. */
  toleranceKm: number;
  /** Minutes to change between road and rail at a station (an assumption). */
  boardMinutes: number;
}

/** The defaults: the region brief's speeds (assumptions, labelled), roads only. */
export function defaultModel(over: Partial<Record<SpeedClass, number>> = {}, classes?: readonly SpeedClass[]): TravelModel {
  const speeds = Object.fromEntries(SPEED_CLASSES.map((c) => [c, over[c] ?? DEFAULT_SPEEDS[c].kmh])) as Record<SpeedClass, number>;
  return {
    speeds,
    detour: DEFAULT_DETOUR,
    classes: classes ?? ROAD_CLASSES,
    toleranceKm: 0.5,
    boardMinutes: DEFAULT_BOARD_MINUTES,
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
  /** Nodes a place can join at (a road's or an expressway's, and the stations). */
  entries: Int32Array;
  /** The entries of the roads alone (a station or an interchange is joined to these, never to another one). */
  roadEntries: Int32Array;
  model: TravelModel;
  /** The stations that lie on a railway the trip may use (the others are left out). */
  stationsUsed: number;
  /** The listed interchanges that lie on an expressway (0: expressways are entered at their vertices). */
  interchangesUsed: number;
  /** Per edge: whether it belongs to a line a scenario added (absent: none did). */
  edgeAdded?: Uint8Array;
  /** Per edge: the line it belongs to (index into `lineIds`; -1 for a junction connector or a station's link), for naming a path's roads. */
  edgeOwner: Int32Array;
  /** The ids of the lines the edges belong to. */
  lineIds: string[];
}

/** A line's speed, km/h: its own, or its class's. */
const speedOfLine = (model: TravelModel, l: TimedLine): number => l.kmh ?? model.speeds[l.cls] * (l.factor ?? 1);

/**
 * Puts a point on a line as a vertex (at its nearest place on the line, within STATION_KM);
 * returns the vertex's index, or -1 when the line passes farther away. A per-segment length
 * factor is split with its segment.
 */
function cutAt(line: { coordinates: [number, number][]; lf: number[] | null }, at: readonly [number, number]): number {
  const { x, y } = planar(at[1]);
  const c = line.coordinates;
  let best: { seg: number; t: number; d2: number } | null = null;
  for (let i = 0; i + 1 < c.length; i++) {
    const r = closestOnSegment(x(at[0]), y(at[1]), x(c[i]![0]), y(c[i]![1]), x(c[i + 1]![0]), y(c[i + 1]![1]));
    if (!best || r.d2 < best.d2) best = { seg: i, ...r };
  }
  if (!best || best.d2 > STATION_KM * STATION_KM) return -1;
  if (best.t <= 1e-9) return best.seg;
  if (best.t >= 1 - 1e-9) return best.seg + 1;
  const [p, q] = [c[best.seg]!, c[best.seg + 1]!];
  c.splice(best.seg + 1, 0, [p[0] + best.t * (q[0] - p[0]), p[1] + best.t * (q[1] - p[1])]);
  line.lf?.splice(best.seg, 0, line.lf[best.seg]!);
  return best.seg + 1;
}

/**
 * The lines with each stretch of `SECTION_SPEEDS` cut out as a line of its own (the same id),
 * whose speed is its class's times the stretch's calibrated share. A line with its own speed (a
 * scenario's) keeps it throughout; a stretch whose ends are not on the line is left as it is.
 * @example withSections([railway])[1].factor // 28 / 48 on Huế – Đà Nẵng
 */
export function withSections(lines: readonly TimedLine[]): TimedLine[] {
  return lines.flatMap((l) => {
    const stretches = SECTION_SPEEDS.filter((st) => st.line === l.id);
    if (l.kmh !== undefined || !stretches.length) return [l];
    const lf = l.lengthFactor;
    const line = { coordinates: l.coordinates.map((c) => [c[0], c[1]] as [number, number]), lf: typeof lf === 'object' ? [...lf] : null };
    // Each stretch's ends become vertices first (a later cut shifts the earlier indices, so the ends are found again after).
    for (const st of stretches) {
      cutAt(line, st.from);
      cutAt(line, st.to);
    }
    const cuts = stretches
      .map((st) => {
        const a = cutAt(line, st.from);
        const b = cutAt(line, st.to);
        return { i: Math.min(a, b), j: Math.max(a, b), factor: st.kmh / DEFAULT_SPEEDS[l.cls].kmh, ok: a >= 0 && b >= 0 && a !== b };
      })
      .filter((c) => c.ok)
      .sort((x, y) => x.i - y.i);
    if (!cuts.length) return [l];
    const part = (i: number, j: number, factor?: number): TimedLine[] =>
      j > i
        ? [
            {
              ...l,
              coordinates: line.coordinates.slice(i, j + 1),
              ...(line.lf ? { lengthFactor: line.lf.slice(i, j) } : {}),
              ...(factor === undefined ? {} : { factor }),
            },
          ]
        : [];
    const out: TimedLine[] = [];
    let at = 0;
    for (const c of cuts) {
      if (c.i < at) continue; // overlapping stretches: the first wins
      out.push(...part(at, c.i), ...part(c.i, c.j, c.factor));
      at = c.j;
    }
    out.push(...part(at, line.coordinates.length - 1));
    return out;
  });
}

const isRail = (c: SpeedClass): boolean => RAIL_CLASSES.includes(c);

/**
 * The network of the lines a trip may use, with minutes per edge. Railways (when the model
 * allows them) are a network of their own, boarded only at `stations`: each station is put on
 * its nearest railway (within STATION_KM) and joined to the roads as a place is, with the
 * boarding minutes between road and train. Expressways are entered at their vertices and
 * junctions; where `interchanges` are listed, they become a network of their own too, entered
 * only there (no minutes to change).
 */
export function buildTimeNetwork(
  given: readonly TimedLine[],
  model: TravelModel,
  stations: readonly StationAt[] = [],
  interchanges: readonly [number, number][] = [],
  bundledInterchanges: readonly [number, number][] = [],
  /** The bundled lines a scenario removed: a station or interchange whose road this was loses its way onto the roads, and gains no other. */
  removed: readonly TimedLine[] = [],
): TimeNetwork {
  const lines = withSections(given);
  const allowed = (l: TimedLine): boolean => model.classes.includes(l.cls);
  const allInterchanges = [...bundledInterchanges, ...interchanges];
  // An expressway with interchanges on it (the data's or a scenario's) is entered only there;
  // one without any listed (a planned one whose interchanges are not published) at its
  // vertices and junctions, as before. An interchange is on the expressway nearest to it (within
  // STATION_KM): one near the junction of two expressways does not gate the other, which would
  // then have no entry at all.
  const expresswayLines = lines.filter((l) => l.cls === 'expressway');
  const withInterchange = new Set(
    allInterchanges.flatMap(([lon, lat]) => {
      const i = nearestLine(expresswayLines, lon, lat);
      return i < 0 ? [] : [expresswayLines[i]!];
    }),
  );
  const gated = (l: TimedLine): boolean => withInterchange.has(l);
  let tn = buildRoadNetwork(
    lines.filter((l) => !gated(l)),
    model,
  );
  const rail = lines.filter((l) => allowed(l) && isRail(l.cls));
  const gone = removed.filter((l) => allowed(l) && !isRail(l.cls) && l.cls !== 'expressway');
  if (rail.length && stations.length) tn = withGated(tn, rail, stations.map(stationOf), model.boardMinutes, 'stationsUsed', gone);
  const expressways = lines.filter((l) => allowed(l) && gated(l));
  if (expressways.length)
    tn = withGated(
      tn,
      expressways,
      allInterchanges.map((at) => ({ at, cls: null })),
      0,
      'interchangesUsed',
      gone,
    );
  return tn;
}

/** The index of the line nearest a point (the first of equals), or -1 when none passes within STATION_KM. */
function nearestLine(lines: readonly { coordinates: readonly [number, number][] }[], lon: number, lat: number): number {
  const { x, y } = planar(lat);
  let best = -1;
  let bestD2 = Infinity;
  lines.forEach((l, li) => {
    for (let i = 0; i + 1 < l.coordinates.length; i++) {
      const [a, b] = [l.coordinates[i]!, l.coordinates[i + 1]!];
      const d2 = closestOnSegment(x(lon), y(lat), x(a[0]), y(a[1]), x(b[0]), y(b[1])).d2;
      if (d2 <= STATION_KM * STATION_KM && d2 < bestD2) {
        bestD2 = d2;
        best = li;
      }
    }
  });
  return best;
}

/** The join with the shortest leg, or null. */
const nearestJoin = (js: readonly Join[]): Join | null => js.reduce<Join | null>((a, b) => (a === null || b.leg < a.leg ? b : a), null);

/** Km from a point to the nearest of some lines (Infinity for none). */
function kmToLines(lines: readonly TimedLine[], lon: number, lat: number): number {
  const { x, y } = planar(lat);
  let best = Infinity;
  for (const l of lines)
    for (let i = 0; i + 1 < l.coordinates.length; i++) {
      const [a, b] = [l.coordinates[i]!, l.coordinates[i + 1]!];
      best = Math.min(best, Math.sqrt(closestOnSegment(x(lon), y(lat), x(a[0]), y(a[1]), x(b[0]), y(b[1])).d2));
    }
  return best;
}

/** A station's point on the nearest of the lines (a vertex inserted there), or null when none is within STATION_KM. */
function putOnLine(
  lines: { coordinates: [number, number][]; cls: SpeedClass }[],
  lon: number,
  lat: number,
  cls: SpeedClass | null,
): [number, number] | null {
  const { x, y } = planar(lat);
  let best: { li: number; seg: number; t: number; km: number } | null = null;
  lines.forEach((l, li) => {
    if (cls !== null && l.cls !== cls) return;
    for (let i = 0; i + 1 < l.coordinates.length; i++) {
      const [a, b] = [l.coordinates[i]!, l.coordinates[i + 1]!];
      const c = closestOnSegment(x(lon), y(lat), x(a[0]), y(a[1]), x(b[0]), y(b[1]));
      const km = Math.sqrt(c.d2);
      if (!best || km < best.km) best = { li, seg: i, t: c.t, km };
    }
  });
  const b = best as { li: number; seg: number; t: number; km: number } | null;
  if (!b || b.km > STATION_KM) return null;
  const line = lines[b.li]!.coordinates;
  const [p, q] = [line[b.seg]!, line[b.seg + 1]!];
  const at: [number, number] = [p[0] + b.t * (q[0] - p[0]), p[1] + b.t * (q[1] - p[1])];
  if (b.t > 0 && b.t < 1) line.splice(b.seg + 1, 0, at);
  return b.t <= 0 ? p : b.t >= 1 ? q : at;
}

/** The network with lines beside it (railways, or expressways with listed interchanges), joined only at the given points. */
function withGated(
  road: TimeNetwork,
  rail: readonly TimedLine[],
  stations: readonly { at: [number, number]; cls: SpeedClass | null }[],
  boardMinutes: number,
  count: 'stationsUsed' | 'interchangesUsed',
  removed: readonly TimedLine[] = [],
): TimeNetwork {
  const { model } = road;
  const lines = rail.map((l) => ({ ...l, coordinates: l.coordinates.map((c) => [c[0], c[1]] as [number, number]) }));
  const onLine = stations.map((s) => putOnLine(lines, s.at[0], s.at[1], s.cls));
  const used = stations.flatMap((s, k) => (onLine[k] ? [{ at: s.at, on: onLine[k] }] : []));
  if (!used.length) return road;
  const railNet = buildNetwork(lines, model.toleranceKm, FRAME_LAT, true);
  const r0 = road.net.lon.length;
  const s0 = r0 + railNet.lon.length;
  const lon = [...road.net.lon, ...railNet.lon, ...used.map((u) => u.at[0])];
  const lat = [...road.net.lat, ...railNet.lat, ...used.map((u) => u.at[1])];
  const eu = [...road.net.eu, ...Array.from(railNet.eu, (n) => n + r0)];
  const ev = [...road.net.ev, ...Array.from(railNet.ev, (n) => n + r0)];
  const elen = [...road.net.elen, ...railNet.elen];
  const owner = [...road.edgeOwner, ...Array.from(railNet.edgeLine, (li) => (li < 0 ? -1 : road.lineIds.length + li))];
  const emin = [...road.emin];
  for (let e = 0; e < railNet.eu.length; e++) {
    const li = railNet.edgeLine[e]!;
    emin.push((railNet.elen[e]! / (li < 0 ? model.speeds.access : speedOfLine(model, lines[li]!))) * 60);
  }
  const link = (u: number, v: number, minutes: number): void => {
    eu.push(u);
    ev.push(v);
    elen.push(0);
    emin.push(minutes);
    owner.push(-1);
  };
  used.forEach((u, k) => {
    const sNode = s0 + k;
    // The train, at the rail node where the station was put on the line.
    let best = -1;
    let bestKm = Infinity;
    for (let n = 0; n < railNet.lon.length; n++) {
      const km = haversineKm(u.on[0], u.on[1], railNet.lon[n]!, railNet.lat[n]!);
      if (km < bestKm) {
        bestKm = km;
        best = n;
      }
    }
    link(sNode, r0 + best, boardMinutes);
    // The roads, by the station's nearest way onto them only: two ways would let a trip walk
    // between two roads through the station without taking the train. (A place still walks
    // straight to the station: it is an entry.)
    //
    // Which road that is does not depend on a scenario's edits, so that an edit only ever takes
    // a way away (a removed road) or adds one (an added road nearer than the bundled one), and
    // removing a road never shortens a trip, nor adding one lengthens it: the nearest way onto the
    // bundled roads, unless a removed road was nearer still; and an added road's, where nearer.
    const joins = joinsOf({ ...road, entries: road.roadEntries }, u.at[0], u.at[1]);
    const added = (j: Join): boolean => j.edge >= 0 && road.edgeAdded?.[j.edge] === 1;
    const bundled = nearestJoin(joins.filter((j) => !added(j)));
    const removedLeg = removed.length ? legMinutes(road, kmToLines(removed, u.at[0], u.at[1])) : Infinity;
    const join = (j: Join): void => {
      if (j.edge < 0) link(sNode, j.node, j.leg);
      else {
        link(sNode, road.net.eu[j.edge]!, j.leg + j.t * road.emin[j.edge]!);
        link(sNode, road.net.ev[j.edge]!, j.leg + (1 - j.t) * road.emin[j.edge]!);
      }
    };
    if (bundled && bundled.leg <= removedLeg) join(bundled);
    const limit = Math.min(bundled?.leg ?? Infinity, removedLeg);
    for (const j of joins) if (added(j) && j.leg < limit) join(j);
  });
  const nodeEdges: number[][] = Array.from({ length: lon.length }, () => []);
  for (let e = 0; e < eu.length; e++) {
    nodeEdges[eu[e]!]!.push(e);
    nodeEdges[ev[e]!]!.push(e);
  }
  const along = new Uint8Array(eu.length);
  along.set(road.along);
  const edgeAdded = new Uint8Array(eu.length);
  if (road.edgeAdded) edgeAdded.set(road.edgeAdded);
  return {
    net: {
      proj: road.net.proj,
      lon: Float64Array.from(lon),
      lat: Float64Array.from(lat),
      eu: Int32Array.from(eu),
      ev: Int32Array.from(ev),
      elen: Float64Array.from(elen),
      edgeLine: new Int32Array(eu.length).fill(-1),
      nodeEdges,
    },
    emin: Float64Array.from(emin),
    along,
    // A place walks to a station or an interchange as it walks to an expressway's vertex.
    entries: Int32Array.from([...road.entries, ...used.map((_, k) => s0 + k)]),
    roadEntries: road.roadEntries,
    model,
    stationsUsed: road.stationsUsed,
    interchangesUsed: road.interchangesUsed,
    edgeAdded,
    edgeOwner: Int32Array.from(owner),
    lineIds: [...road.lineIds, ...rail.map((l) => l.id)],
    [count]: used.length,
  };
}

/** The roads a trip may use, with minutes per edge. */
function buildRoadNetwork(lines: readonly TimedLine[], model: TravelModel): TimeNetwork {
  // Where two lines share a segment exactly (an expressway drawn along a national road), each
  // keeps its own edge: its speed, and the road joinable along. Fastest first keeps edge order stable.
  const used = lines
    .filter((l) => model.classes.includes(l.cls) && !isRail(l.cls))
    .sort((a, b) => speedOfLine(model, b) - speedOfLine(model, a));
  // A frame fixed at the region's latitude: adding a line must not move the others' joins.
  const net = buildNetwork(used, model.toleranceKm, FRAME_LAT, true);
  const m = net.eu.length;
  const emin = new Float64Array(m);
  const along = new Uint8Array(m);
  const edgeAdded = new Uint8Array(m);
  const entry = new Uint8Array(net.lon.length);
  for (let e = 0; e < m; e++) {
    const li = net.edgeLine[e]!;
    // A junction connector (a few hundred metres) is walked at the access speed.
    const cls: SpeedClass = li < 0 ? 'access' : used[li]!.cls;
    emin[e] = (net.elen[e]! / (li < 0 ? model.speeds.access : speedOfLine(model, used[li]!))) * 60;
    if (li >= 0) {
      along[e] = ALONG.has(cls) ? 1 : 0;
      edgeAdded[e] = used[li]!.added ? 1 : 0;
      entry[net.eu[e]!] = 1;
      entry[net.ev[e]!] = 1;
    }
  }
  const entries: number[] = [];
  entry.forEach((v, i) => v && entries.push(i));
  const roadEntries = Int32Array.from(entries);
  return {
    net,
    emin,
    along,
    entries: roadEntries,
    roadEntries,
    model,
    stationsUsed: 0,
    interchangesUsed: 0,
    edgeAdded,
    edgeOwner: Int32Array.from(net.edgeLine),
    lineIds: used.map((l) => l.id),
  };
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
  /** Per node, which destination that is (index into `points`; -1 when none). */
  nearest: Int32Array;
  /** Per edge, the destinations joined along it (t, minutes from there to the destination, and which one). */
  onEdge: Map<number, { t: number; leg: number; point: number }[]>;
  /** The destinations themselves (for the straight leg). */
  points: readonly [number, number][];
}

/** One search from all destinations at once: minutes from every node to the nearest. */
export function timesFrom(tn: TimeNetwork, points: readonly [number, number][]): TimesFrom {
  const { net, emin } = tn;
  const dist = new Float64Array(net.lon.length).fill(Infinity);
  const nearest = new Int32Array(net.lon.length).fill(-1);
  const onEdge = new Map<number, { t: number; leg: number; point: number }[]>();
  const queue = new TinyQueue<[number, number]>([], (a, b) => a[0] - b[0]);
  const seed = (n: number, d: number, point: number): void => {
    if (d < dist[n]!) {
      dist[n] = d;
      nearest[n] = point;
      queue.push([d, n]);
    }
  };
  for (const [point, [lon, lat]] of points.entries())
    for (const j of joinsOf(tn, lon, lat)) {
      if (j.edge < 0) {
        seed(j.node, j.leg, point);
        continue;
      }
      seed(net.eu[j.edge]!, j.leg + j.t * emin[j.edge]!, point);
      seed(net.ev[j.edge]!, j.leg + (1 - j.t) * emin[j.edge]!, point);
      let list = onEdge.get(j.edge);
      if (!list) onEdge.set(j.edge, (list = []));
      list.push({ t: j.t, leg: j.leg, point });
    }
  while (queue.length) {
    const [d, u] = queue.pop()!;
    if (d > dist[u]!) continue;
    for (const e of net.nodeEdges[u]!) {
      const v = net.eu[e] === u ? net.ev[e]! : net.eu[e]!;
      const nd = d + emin[e]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        nearest[v] = nearest[u]!;
        queue.push([nd, v]);
      }
    }
  }
  return { tn, node: dist, nearest, onEdge, points };
}

/**
 * The nearest destination of `times` from a place, by travel minutes (straight, or by the
 * network), and which one it is (index into the destinations; -1 when none).
 */
export function nearestTo(times: TimesFrom, lon: number, lat: number): { minutes: number; point: number } {
  const { tn } = times;
  const { net, emin } = tn;
  let best = Infinity;
  let point = -1;
  const take = (m: number, p: number): void => {
    if (m < best) {
      best = m;
      point = p;
    }
  };
  for (const [i, [dl, dt]] of times.points.entries()) take(legMinutes(tn, haversineKm(lon, lat, dl, dt)), i);
  for (const j of joinsOf(tn, lon, lat)) {
    if (j.edge < 0) {
      take(j.leg + times.node[j.node]!, times.nearest[j.node]!);
      continue;
    }
    const e = j.edge;
    const u = net.eu[e]!;
    const v = net.ev[e]!;
    take(j.leg + j.t * emin[e]! + times.node[u]!, times.nearest[u]!);
    take(j.leg + (1 - j.t) * emin[e]! + times.node[v]!, times.nearest[v]!);
    for (const d of times.onEdge.get(e) ?? []) take(j.leg + Math.abs(j.t - d.t) * emin[e]! + d.leg, d.point);
  }
  return { minutes: best, point };
}

/** Minutes from a place to the nearest destination of `times`: straight, or by the network. */
export function minutesTo(times: TimesFrom, lon: number, lat: number): number {
  return nearestTo(times, lon, lat).minutes;
}

/**
 * Minutes from each place (lon, lat interleaved) to the nearest destination.
 * @example minutesFromCells(tn, grid.centres, ports.map((p) => p.coordinates)) // Float32Array, one per cell
 */
export function minutesFromCells(tn: TimeNetwork, centres: Float64Array, points: readonly [number, number][]): Float32Array {
  if (!points.length) return new Float32Array(centres.length / 2).fill(Infinity);
  // Each cell's ways onto the network from the spatial index (the same answers as `minutesTo` cell by cell).
  return nearestAll(timesFrom(tn, points), placeJoins(tn, centres)).minutes;
}

/**
 * Places' ways onto the network, found once for many searches: each place's joins (as
 * `joinsOf` finds them) with a leg of at most `maxLeg` minutes, sorted by leg, in flat arrays.
 */
export interface PlaceJoins {
  /** The places, lon and lat interleaved. */
  lonlat: Float64Array;
  /** Per place, where its joins start in the arrays below (one more entry than places). */
  off: Uint32Array;
  /** Per join: the edge joined along (-1: a node), the node (-1: along an edge), where along the edge (0–1) and the leg's minutes. */
  edge: Int32Array;
  node: Int32Array;
  t: Float64Array;
  leg: Float64Array;
  /** Joins with a longer leg were left out; a place whose best is beyond this is asked again in full. */
  maxLeg: number;
}

/** The joinable edges and entry nodes of a network in a spatial index, for finding a place's near joins. */
interface JoinIndex {
  index: Flatbush | null;
  /** Per indexed item: the edge (≥ 0) or the entry node as -1 − node. */
  item: Int32Array;
}

/** Each network's join index, made the first time it is asked for. */
const joinIndexes = new WeakMap<TimeNetwork, JoinIndex>();

function joinIndexOf(tn: TimeNetwork): JoinIndex {
  const cached = joinIndexes.get(tn);
  if (cached) return cached;
  const { net } = tn;
  const items: number[] = [];
  for (let e = 0; e < net.eu.length; e++) if (tn.along[e]) items.push(e);
  for (const n of tn.entries) items.push(-1 - n);
  const index = items.length ? new Flatbush(items.length) : null;
  if (index) {
    for (const it of items) {
      if (it >= 0) {
        const u = net.eu[it]!;
        const v = net.ev[it]!;
        index.add(
          Math.min(net.lon[u]!, net.lon[v]!),
          Math.min(net.lat[u]!, net.lat[v]!),
          Math.max(net.lon[u]!, net.lon[v]!),
          Math.max(net.lat[u]!, net.lat[v]!),
        );
      } else {
        const n = -1 - it;
        index.add(net.lon[n]!, net.lat[n]!, net.lon[n]!, net.lat[n]!);
      }
    }
    index.finish();
  }
  const out = { index, item: Int32Array.from(items) };
  joinIndexes.set(tn, out);
  return out;
}

/** Room for one place's joins, reused from place to place (grown when needed). */
interface JoinScratch {
  n: number;
  edge: Int32Array;
  node: Int32Array;
  t: Float64Array;
  leg: Float64Array;
}

const scratchOf = (size = 256): JoinScratch => ({
  n: 0,
  edge: new Int32Array(size),
  node: new Int32Array(size),
  t: new Float64Array(size),
  leg: new Float64Array(size),
});

/** Adds a join to the scratch, keeping it sorted by leg when asked (insertion: a place has a few dozen within the usual cap). */
function pushJoin(s: JoinScratch, edge: number, node: number, t: number, leg: number, sorted: boolean): void {
  if (s.n === s.leg.length) {
    const grow = scratchOf(s.n * 2);
    grow.edge.set(s.edge);
    grow.node.set(s.node);
    grow.t.set(s.t);
    grow.leg.set(s.leg);
    s.edge = grow.edge;
    s.node = grow.node;
    s.t = grow.t;
    s.leg = grow.leg;
  }
  let i = s.n++;
  if (sorted)
    while (i > 0 && s.leg[i - 1]! > leg) {
      s.edge[i] = s.edge[i - 1]!;
      s.node[i] = s.node[i - 1]!;
      s.t[i] = s.t[i - 1]!;
      s.leg[i] = s.leg[i - 1]!;
      i--;
    }
  s.edge[i] = edge;
  s.node[i] = node;
  s.t[i] = t;
  s.leg[i] = leg;
}

/**
 * The joins of a place whose leg is at most `maxLeg` minutes, as `joinsOf` finds them (the same
 * legs), looked up in the network's spatial index instead of tried one by one, into `out` sorted by leg.
 */
function joinsNearInto(tn: TimeNetwork, lon: number, lat: number, maxLeg: number, out: JoinScratch, sorted = true): void {
  out.n = 0;
  if (!Number.isFinite(maxLeg)) {
    for (const j of joinsOf(tn, lon, lat)) if (j.leg <= maxLeg) pushJoin(out, j.edge, j.node, j.t, j.leg, sorted);
    return;
  }
  const { index, item } = joinIndexOf(tn);
  if (!index) return;
  const { net } = tn;
  // The straight leg's reach in km, and a box of degrees that holds it (1 % to spare).
  const km = (maxLeg / 60) * (tn.model.speeds.access / tn.model.detour) * 1.01;
  const dLat = km / 111.19;
  const dLon = km / (111.19 * Math.max(0.1, Math.cos(((Math.abs(lat) + dLat) * Math.PI) / 180)));
  const { x, y } = planar(lat);
  const px = x(lon);
  const py = y(lat);
  for (const k of index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
    const it = item[k]!;
    if (it >= 0) {
      const e = it;
      const u = net.eu[e]!;
      const v = net.ev[e]!;
      const c = closestOnSegment(px, py, x(net.lon[u]!), y(net.lat[u]!), x(net.lon[v]!), y(net.lat[v]!));
      const atLon = net.lon[u]! + c.t * (net.lon[v]! - net.lon[u]!);
      const atLat = net.lat[u]! + c.t * (net.lat[v]! - net.lat[u]!);
      const leg = legMinutes(tn, haversineKm(lon, lat, atLon, atLat));
      if (leg <= maxLeg) pushJoin(out, e, -1, c.t, leg, sorted);
    } else {
      const n = -1 - it;
      const leg = legMinutes(tn, haversineKm(lon, lat, net.lon[n]!, net.lat[n]!));
      if (leg <= maxLeg) pushJoin(out, -1, n, 0, leg, sorted);
    }
  }
}

/** The joins of a place whose leg is at most `maxLeg` minutes (in no order). */
function joinsNear(tn: TimeNetwork, lon: number, lat: number, maxLeg: number): Join[] {
  const s = scratchOf();
  joinsNearInto(tn, lon, lat, maxLeg, s, false);
  return Array.from({ length: s.n }, (_, i) => ({ edge: s.edge[i]!, t: s.t[i]!, node: s.node[i]!, leg: s.leg[i]! }));
}

/**
 * Finds each place's ways onto the network once (for many searches: `nearestAll`, `coverageSets`).
 * @param lonlat - places, lon and lat interleaved
 * @param maxLeg - the longest leg kept, minutes (answers stay exact: a place whose best is longer is asked in full);
 *   by default 120, or less for very many places (memory grows with its square)
 */
export function placeJoins(tn: TimeNetwork, lonlat: ArrayLike<number>, maxLeg?: number): PlaceJoins {
  const n = Math.floor(lonlat.length / 2);
  const cap = maxLeg ?? (n <= 5000 ? 120 : n <= 20000 ? 90 : 60);
  const off = new Uint32Array(n + 1);
  let edge = new Int32Array(n * 16);
  let node = new Int32Array(n * 16);
  let t = new Float64Array(n * 16);
  let leg = new Float64Array(n * 16);
  let size = 0;
  const s = scratchOf();
  for (let i = 0; i < n; i++) {
    joinsNearInto(tn, lonlat[2 * i]!, lonlat[2 * i + 1]!, cap, s);
    if (size + s.n > leg.length) {
      const room = Math.max(2 * leg.length, size + s.n);
      const grow = <A extends Int32Array | Float64Array>(a: A, make: (k: number) => A): A => {
        const b = make(room);
        b.set(a);
        return b;
      };
      edge = grow(edge, (k) => new Int32Array(k));
      node = grow(node, (k) => new Int32Array(k));
      t = grow(t, (k) => new Float64Array(k));
      leg = grow(leg, (k) => new Float64Array(k));
    }
    edge.set(s.edge.subarray(0, s.n), size);
    node.set(s.node.subarray(0, s.n), size);
    t.set(s.t.subarray(0, s.n), size);
    leg.set(s.leg.subarray(0, s.n), size);
    size += s.n;
    off[i + 1] = size;
  }
  return {
    lonlat: Float64Array.from(lonlat),
    off,
    edge: edge.slice(0, size),
    node: node.slice(0, size),
    t: t.slice(0, size),
    leg: leg.slice(0, size),
    maxLeg: cap,
  };
}

/**
 * The nearest destination of one search from every place of `pj` at once: the same answer as
 * `nearestTo` place by place (the same terms, each place's joins found once and taken shortest
 * leg first, stopping once a leg alone is longer than the best so far).
 * @example nearestAll(timesFrom(tn, ports), placeJoins(tn, grid.centres)).minutes // Float32Array, one per place
 */
export function nearestAll(times: TimesFrom, pj: PlaceJoins): { minutes: Float32Array; point: Int32Array } {
  const { tn } = times;
  const { emin } = tn;
  const { eu, ev } = tn.net;
  const n = pj.off.length - 1;
  const minutes = new Float32Array(n);
  const point = new Int32Array(n);
  // The destinations joined along each edge, nearest the edge first (a trip along one edge stops being worth trying once the legs alone are too long).
  const onEdge = new Map<number, { t: number; leg: number; point: number }[]>();
  for (const [e, list] of times.onEdge)
    onEdge.set(
      e,
      [...list].sort((a, b) => a.leg - b.leg),
    );
  let best = Infinity;
  let bp = -1;
  /** The terms of one join: through its node, or both ends of its edge and along the edge to a destination on it. */
  const take = (leg: number, e: number, nd: number, tt: number): void => {
    if (e < 0) {
      const m = leg + times.node[nd]!;
      if (m < best) {
        best = m;
        bp = times.nearest[nd]!;
      }
      return;
    }
    const u = eu[e]!;
    const v = ev[e]!;
    const mu = leg + tt * emin[e]! + times.node[u]!;
    if (mu < best) {
      best = mu;
      bp = times.nearest[u]!;
    }
    const mv = leg + (1 - tt) * emin[e]! + times.node[v]!;
    if (mv < best) {
      best = mv;
      bp = times.nearest[v]!;
    }
    const list = onEdge.get(e);
    if (list)
      for (const d of list) {
        if (leg + d.leg >= best) break;
        const m = leg + Math.abs(tt - d.t) * emin[e]! + d.leg;
        if (m < best) {
          best = m;
          bp = d.point;
        }
      }
  };
  const more = scratchOf();
  for (let i = 0; i < n; i++) {
    const lon = pj.lonlat[2 * i]!;
    const lat = pj.lonlat[2 * i + 1]!;
    best = Infinity;
    bp = -1;
    for (let p = 0; p < times.points.length; p++) {
      const [dl, dt] = times.points[p]!;
      const m = legMinutes(tn, haversineKm(lon, lat, dl, dt));
      if (m < best) {
        best = m;
        bp = p;
      }
    }
    for (let k = pj.off[i]!; k < pj.off[i + 1]!; k++) {
      const leg = pj.leg[k]!;
      if (leg >= best) break;
      take(leg, pj.edge[k]!, pj.node[k]!, pj.t[k]!);
    }
    if (best > pj.maxLeg) {
      // Its best may use a leg longer than those kept: try the joins with a leg shorter than the best so far (all, when none was found).
      joinsNearInto(tn, lon, lat, best, more, false);
      for (let k = 0; k < more.n; k++) {
        const leg = more.leg[k]!;
        if (leg > pj.maxLeg && leg < best) take(leg, more.edge[k]!, more.node[k]!, more.t[k]!);
      }
    }
    minutes[i] = best;
    point[i] = bp;
  }
  return { minutes, point };
}

/**
 * For each origin, the places within `maxMinutes` of it (trips from the origin; the corridors
 * are two-way, so to it too): one search per origin bounded at `maxMinutes`, each place's ways
 * onto the network found once and indexed by the node they reach, so that a search touches only
 * the places near what it reached. A place is within when `nearestTo` would give it at most
 * `maxMinutes` from that origin.
 * @param places - lon and lat interleaved (the grid's cells)
 * @param origins - the candidates
 * @returns per origin, the indices of the places within, ascending
 * @example coverageSets(tn, grid.centres, candidates, 60)[0] // Int32Array of cells within 60 min of the first candidate
 */
export function coverageSets(
  tn: TimeNetwork,
  places: ArrayLike<number>,
  origins: readonly [number, number][],
  maxMinutes: number,
  onProgress?: (done: number) => void,
): Int32Array[] {
  const { net, emin } = tn;
  const V = net.lon.length;
  const n = Math.floor(places.length / 2);
  const pj = placeJoins(tn, places, maxMinutes);
  // Each place's best offset to each node it can reach within the minutes (its node joins, and both ends of its edge joins).
  const seedNode: number[] = [];
  const seedPlace: number[] = [];
  const seedOff: number[] = [];
  // Each place's joins along an edge, by edge (for a trip along that one edge).
  const alongEdge: number[] = [];
  const alongPlace: number[] = [];
  const alongT: number[] = [];
  const alongLeg: number[] = [];
  const bestAt = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    bestAt.clear();
    const put = (nd: number, m: number): void => {
      if (m <= maxMinutes && m < (bestAt.get(nd) ?? Infinity)) bestAt.set(nd, m);
    };
    for (let k = pj.off[i]!; k < pj.off[i + 1]!; k++) {
      const e = pj.edge[k]!;
      const leg = pj.leg[k]!;
      if (e < 0) {
        put(pj.node[k]!, leg);
        continue;
      }
      const tt = pj.t[k]!;
      put(net.eu[e]!, leg + tt * emin[e]!);
      put(net.ev[e]!, leg + (1 - tt) * emin[e]!);
      alongEdge.push(e);
      alongPlace.push(i);
      alongT.push(tt);
      alongLeg.push(leg);
    }
    for (const [nd, m] of bestAt) {
      seedNode.push(nd);
      seedPlace.push(i);
      seedOff.push(m);
    }
  }
  const byNode = csrOf(V, seedNode);
  const byEdge = csrOf(net.eu.length, alongEdge);
  // Places by a square of the straight leg's reach, for the straight leg from an origin.
  const reachKm = (maxMinutes / 60) * (tn.model.speeds.access / tn.model.detour);
  // A degree of longitude is at least 100 km in the region (below 25° N): a 3 × 3 block of squares holds the reach.
  const cellDeg = Math.max(reachKm / 100, 1e-3);
  const bucket = new Map<string, number[]>();
  const keyOf = (lon: number, lat: number): string => `${Math.floor(lon / cellDeg)}:${Math.floor(lat / cellDeg)}`;
  for (let i = 0; i < n; i++) {
    const k = keyOf(places[2 * i]!, places[2 * i + 1]!);
    let b = bucket.get(k);
    if (!b) bucket.set(k, (b = []));
    b.push(i);
  }
  const dist = new Float64Array(V).fill(Infinity);
  const touched: number[] = [];
  const stamp = new Int32Array(n).fill(-1);
  const out: Int32Array[] = [];
  const queue = new TinyQueue<[number, number]>([], (a, b) => a[0] - b[0]);
  origins.forEach(([olon, olat], o) => {
    const found: number[] = [];
    const take = (i: number): void => {
      if (stamp[i] !== o) {
        stamp[i] = o;
        found.push(i);
      }
    };
    const seed = (nd: number, d: number): void => {
      if (d <= maxMinutes && d < dist[nd]!) {
        if (dist[nd] === Infinity) touched.push(nd);
        dist[nd] = d;
        queue.push([d, nd]);
      }
    };
    for (const j of joinsNear(tn, olon, olat, maxMinutes)) {
      if (j.edge < 0) {
        seed(j.node, j.leg);
        continue;
      }
      seed(net.eu[j.edge]!, j.leg + j.t * emin[j.edge]!);
      seed(net.ev[j.edge]!, j.leg + (1 - j.t) * emin[j.edge]!);
      // Places joined along the same edge: along it alone.
      for (let k = byEdge.off[j.edge]!; k < byEdge.off[j.edge + 1]!; k++) {
        const a = byEdge.idx[k]!;
        if (alongLeg[a]! + Math.abs(alongT[a]! - j.t) * emin[j.edge]! + j.leg <= maxMinutes) take(alongPlace[a]!);
      }
    }
    // Bounded Dijkstra: only nodes within the minutes are settled.
    while (queue.length) {
      const [d, u] = queue.pop()!;
      if (d > dist[u]!) continue;
      for (let k = byNode.off[u]!; k < byNode.off[u + 1]!; k++) {
        const s = byNode.idx[k]!;
        if (d + seedOff[s]! <= maxMinutes) take(seedPlace[s]!);
      }
      for (const e of net.nodeEdges[u]!) {
        const v = net.eu[e] === u ? net.ev[e]! : net.eu[e]!;
        const nd = d + emin[e]!;
        if (nd <= maxMinutes && nd < dist[v]!) {
          if (dist[v] === Infinity) touched.push(v);
          dist[v] = nd;
          queue.push([nd, v]);
        }
      }
    }
    for (const v of touched) dist[v] = Infinity;
    touched.length = 0;
    // The straight leg from the origin.
    const cx = Math.floor(olon / cellDeg);
    const cy = Math.floor(olat / cellDeg);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const i of bucket.get(`${cx + dx}:${cy + dy}`) ?? [])
          if (legMinutes(tn, haversineKm(places[2 * i]!, places[2 * i + 1]!, olon, olat)) <= maxMinutes) take(i);
    out.push(Int32Array.from(found).sort());
    onProgress?.((o + 1) / origins.length);
  });
  return out;
}

/** Indices grouped by a key (0 … size − 1), in CSR form. */
function csrOf(size: number, keys: readonly number[]): { off: Uint32Array; idx: Uint32Array } {
  const off = new Uint32Array(size + 1);
  for (const k of keys) off[k + 1]!++;
  for (let i = 0; i < size; i++) off[i + 1]! += off[i]!;
  const fill = off.slice(0, size);
  const idx = new Uint32Array(keys.length);
  keys.forEach((k, i) => (idx[fill[k]!++] = i));
  return { off, idx };
}

/** A trip found by `routesFrom`: minutes, km (the network's and the straight legs with the detour), the path and its lines. */
export interface CorridorRoute {
  minutes: number;
  km: number;
  /** [lon, lat] from the origin to the destination. */
  path: [number, number][];
  /** The lines used, in travel order, with their km (consecutive edges of a line merged). */
  lines: { id: string; km: number }[];
}

/**
 * One search from an origin that also keeps how each node was reached, so that the path (and
 * its km and lines) to any place can be traced back. The minutes are `timesFrom`'s; this search
 * is separate so that the others pay nothing for the bookkeeping.
 * @example routesFrom(tn, hue).to(...quangNgai)?.km
 */
export function routesFrom(tn: TimeNetwork, origin: [number, number]): { to(lon: number, lat: number): CorridorRoute | null } {
  const { net, emin } = tn;
  const V = net.lon.length;
  const dist = new Float64Array(V).fill(Infinity);
  // How a node was reached: the edge from its parent (-1: seeded from the origin's join), the km so far.
  const prevEdge = new Int32Array(V).fill(-1);
  const km = new Float64Array(V).fill(Infinity);
  // A seeded node's join: the edge joined along (-1: a node join) and where.
  const seedEdge = new Int32Array(V).fill(-1);
  const seedT = new Float64Array(V);
  const queue = new TinyQueue<[number, number]>([], (a, b) => a[0] - b[0]);
  const detourKm = (a: number): number => a * tn.model.detour;
  const [olon, olat] = origin;
  const joins = joinsOf(tn, olon, olat);
  const seed = (nd: number, d: number, k: number, e: number, t: number): void => {
    if (d < dist[nd]!) {
      dist[nd] = d;
      km[nd] = k;
      prevEdge[nd] = -1;
      seedEdge[nd] = e;
      seedT[nd] = t;
      queue.push([d, nd]);
    }
  };
  const legKm = (lon: number, lat: number, nd: number): number => detourKm(haversineKm(lon, lat, net.lon[nd]!, net.lat[nd]!));
  for (const j of joins) {
    if (j.edge < 0) {
      seed(j.node, j.leg, legKm(olon, olat, j.node), -1, 0);
      continue;
    }
    const e = j.edge;
    const at = pointOnEdge(tn, e, j.t);
    const lk = detourKm(haversineKm(olon, olat, at[0], at[1]));
    seed(net.eu[e]!, j.leg + j.t * emin[e]!, lk + j.t * net.elen[e]!, e, j.t);
    seed(net.ev[e]!, j.leg + (1 - j.t) * emin[e]!, lk + (1 - j.t) * net.elen[e]!, e, j.t);
  }
  while (queue.length) {
    const [d, u] = queue.pop()!;
    if (d > dist[u]!) continue;
    for (const e of net.nodeEdges[u]!) {
      const v = net.eu[e] === u ? net.ev[e]! : net.eu[e]!;
      const nd = d + emin[e]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        km[v] = km[u]! + net.elen[e]!;
        prevEdge[v] = e;
        queue.push([nd, v]);
      }
    }
  }
  // The origin's joins along each edge (for a trip along one edge alone).
  const originOnEdge = new Map<number, Join[]>();
  for (const j of joins)
    if (j.edge >= 0) {
      const list = originOnEdge.get(j.edge);
      if (list) list.push(j);
      else originOnEdge.set(j.edge, [j]);
    }
  const nodeAt = (nd: number): [number, number] => [net.lon[nd]!, net.lat[nd]!];
  /** The path from the origin to a node, and the lines it used with their km. */
  const trace = (end: number): { path: [number, number][]; lines: Map<number, number>; order: number[] } => {
    const edges: number[] = [];
    let nd = end;
    while (prevEdge[nd]! >= 0) {
      const e = prevEdge[nd]!;
      edges.push(e);
      nd = net.eu[e] === nd ? net.ev[e]! : net.eu[e]!;
    }
    edges.reverse();
    const path: [number, number][] = [origin];
    const se = seedEdge[nd]!;
    if (se >= 0) path.push(pointOnEdge(tn, se, seedT[nd]!));
    path.push(nodeAt(nd));
    const lines = new Map<number, number>();
    const order: number[] = [];
    const add = (e: number, k: number): void => {
      const li = tn.edgeOwner[e]!;
      if (li < 0 || k <= 0) return;
      if (!lines.has(li)) order.push(li);
      lines.set(li, (lines.get(li) ?? 0) + k);
    };
    if (se >= 0) add(se, (nd === net.eu[se] ? seedT[nd]! : 1 - seedT[nd]!) * net.elen[se]!);
    let at = nd;
    for (const e of edges) {
      at = net.eu[e] === at ? net.ev[e]! : net.eu[e]!;
      path.push(nodeAt(at));
      add(e, net.elen[e]!);
    }
    return { path, lines, order };
  };
  const routeOf = (
    minutes: number,
    totalKm: number,
    via: number,
    tail: { edge: number; t: number } | null,
    dest: [number, number],
  ): CorridorRoute => {
    const { path, lines, order } = via >= 0 ? trace(via) : { path: [origin], lines: new Map<number, number>(), order: [] as number[] };
    if (tail) {
      path.push(pointOnEdge(tn, tail.edge, tail.t));
      const li = tn.edgeOwner[tail.edge]!;
      const part = via >= 0 ? (via === net.eu[tail.edge] ? tail.t : 1 - tail.t) * net.elen[tail.edge]! : 0;
      if (li >= 0 && part > 0) {
        if (!lines.has(li)) order.push(li);
        lines.set(li, (lines.get(li) ?? 0) + part);
      }
    }
    path.push(dest);
    // A line cut into stretches (`withSections`) is one line here: its parts' km summed under its id.
    const byId = new Map<string, number>();
    for (const li of order) byId.set(tn.lineIds[li]!, (byId.get(tn.lineIds[li]!) ?? 0) + lines.get(li)!);
    return { minutes, km: totalKm, path, lines: [...byId].map(([id, along]) => ({ id, km: along })) };
  };
  return {
    to: (lon, lat) => {
      let best = legMinutes(tn, haversineKm(lon, lat, olon, olat));
      let make = (): CorridorRoute => routeOf(best, detourKm(haversineKm(lon, lat, olon, olat)), -1, null, [lon, lat]);
      for (const j of joinsOf(tn, lon, lat)) {
        if (j.edge < 0) {
          const m = j.leg + dist[j.node]!;
          if (m < best) {
            best = m;
            const nd = j.node;
            make = () => routeOf(m, km[nd]! + legKm(lon, lat, nd), nd, null, [lon, lat]);
          }
          continue;
        }
        const e = j.edge;
        const at = pointOnEdge(tn, e, j.t);
        const lk = detourKm(haversineKm(lon, lat, at[0], at[1]));
        const u = net.eu[e]!;
        const v = net.ev[e]!;
        const mu = j.leg + j.t * emin[e]! + dist[u]!;
        if (mu < best) {
          best = mu;
          make = () => routeOf(mu, km[u]! + j.t * net.elen[e]! + lk, u, { edge: e, t: j.t }, [lon, lat]);
        }
        const mv = j.leg + (1 - j.t) * emin[e]! + dist[v]!;
        if (mv < best) {
          best = mv;
          make = () => routeOf(mv, km[v]! + (1 - j.t) * net.elen[e]! + lk, v, { edge: e, t: j.t }, [lon, lat]);
        }
        // Both on this one edge: along it alone.
        for (const o of originOnEdge.get(e) ?? []) {
          const m = j.leg + Math.abs(j.t - o.t) * emin[e]! + o.leg;
          if (m < best) {
            best = m;
            const from = pointOnEdge(tn, e, o.t);
            const alongKm = Math.abs(j.t - o.t) * net.elen[e]!;
            make = () => {
              const ok = detourKm(haversineKm(olon, olat, from[0], from[1]));
              const li = tn.edgeOwner[e]!;
              return {
                minutes: m,
                km: ok + alongKm + lk,
                path: [origin, from, at, [lon, lat]],
                lines: li >= 0 && alongKm > 0 ? [{ id: tn.lineIds[li]!, km: alongKm }] : [],
              };
            };
          }
        }
      }
      return Number.isFinite(best) ? make() : null;
    },
  };
}

/** The point at `t` (0–1) along an edge, lon/lat. */
function pointOnEdge(tn: TimeNetwork, e: number, t: number): [number, number] {
  const { net } = tn;
  const u = net.eu[e]!;
  const v = net.ev[e]!;
  return [net.lon[u]! + t * (net.lon[v]! - net.lon[u]!), net.lat[u]! + t * (net.lat[v]! - net.lat[u]!)];
}
