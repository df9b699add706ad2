/**
 * A road network from an OpenStreetMap extract (PBF or XML), in two passes over the file:
 * the ways first (keeping the drivable ones and the ids of their nodes), then the nodes
 * (keeping the positions of those ids only). Two passes rather than one node store: a
 * country's file holds tens of millions of nodes (buildings, paths, coasts), and only the
 * few millions on drivable roads are needed, so memory holds those alone; a PBF file lists
 * its nodes before its ways, so a single pass would have to keep every node.
 *
 * The rules (issue 27): `highway` motorway … residential and their links are driven
 * (`service` and `route=ferry` only when asked for); construction, proposed, footways, paths,
 * cycleways, steps, tracks and anything else are not; `access`, `motor_vehicle` or `vehicle`
 * = no is not driven; `oneway` yes/true/1 (or implied on motorways, their links and
 * roundabouts) and -1/reverse; `maxspeed` (km/h, mph converted) wins over the class's speed;
 * a ferry's `duration` gives its minutes.
 */
import { netClassIndex, OSM_HIGHWAY_CLASS, readDuration, readMaxspeed, type NetClass } from '../core/network-classes.ts';
import { readOsmPbf, type ByteChunks, type OsmFileInfo, type OsmPass, type OsmWay } from './osm-pbf.ts';
import { readOsmXml } from './osm-xml.ts';
import { buildRoadNetwork, Grow, NetworkError, type BuildOptions, type RoadNetwork, type WayTable } from './road-network.ts';

/** Which reader a file takes. */
export type OsmKind = 'osm-pbf' | 'osm-xml';

/** The largest input file accepted, bytes (a whole-country extract is about 300 MB). */
export const MAX_NETWORK_INPUT_BYTES = 1024 * 1024 * 1024;

/** Progress of a build: which pass, and its share done (0–1). */
export type BuildProgress = (phase: 'ways' | 'nodes' | 'build', done: number) => void;

/** What a build reads and how: the file (opened once per pass), its name and size, and the builder's options. */
export interface OsmBuildInput extends BuildOptions {
  /** Opens the file's bytes afresh (each pass reads it once): `() => file.stream()` in a worker. */
  open: () => ByteChunks;
  name: string;
  kind: OsmKind;
  /** The file's size in bytes (for progress, and the size limit), when known. */
  size?: number;
  onProgress?: BuildProgress;
  signal?: AbortSignal;
  /** The build's date (fixed in tests). */
  now?: string;
}

/** The class of a way by its tags, or null when it is not driven. */
export function classOfTags(tags: Record<string, string>, opts: { service?: boolean; ferries?: boolean }): NetClass | null {
  for (const k of ['access', 'motor_vehicle', 'vehicle', 'motorcar']) if (tags[k] === 'no') return null;
  if (tags['route'] === 'ferry') return opts.ferries ? 'ferry' : null;
  const h = tags['highway'];
  if (h === undefined || tags['area'] === 'yes') return null;
  const c = OSM_HIGHWAY_CLASS[h];
  if (!c || (c === 'service' && !opts.service)) return null;
  return c;
}

/** A way's direction by its tags: 1 along, -1 against, 0 both. */
export function onewayOfTags(tags: Record<string, string>): number {
  const o = tags['oneway'];
  if (o === 'yes' || o === 'true' || o === '1') return 1;
  if (o === '-1' || o === 'reverse') return -1;
  if (o === 'no' || o === 'false' || o === '0') return 0;
  const h = tags['highway'];
  if (h === 'motorway' || h === 'motorway_link') return 1;
  if (tags['junction'] === 'roundabout' || tags['junction'] === 'circular') return 1;
  return 0;
}

/** The index of `v` in the sorted `ids`, or -1. */
function indexOf(ids: Float64Array, v: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = ids[mid]!;
    if (x < v) lo = mid + 1;
    else if (x > v) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Builds a road network from an OpenStreetMap file.
 * @throws NetworkError for a bad file (named by its code), nothing drivable, or everything outside the region
 * @example await buildFromOsm({ open: () => file.stream(), name: file.name, kind: 'osm-pbf', size: file.size, clip, onProgress, signal })
 */
export async function buildFromOsm(input: OsmBuildInput): Promise<RoadNetwork> {
  if (input.size !== undefined && input.size > MAX_NETWORK_INPUT_BYTES)
    throw new NetworkError('too-large', { size: Math.round(input.size / 1024 / 1024), limit: MAX_NETWORK_INPUT_BYTES / 1024 / 1024 });
  if (input.size === 0) throw new NetworkError('empty');
  const read = (pass: OsmPass): Promise<OsmFileInfo> => (input.kind === 'osm-pbf' ? readOsmPbf : readOsmXml)(input.open(), pass);
  const size = input.size ?? 0;
  const bytes = (phase: 'ways' | 'nodes') => (n: number) => {
    if (n > MAX_NETWORK_INPUT_BYTES)
      throw new NetworkError('too-large', { size: Math.round(n / 1024 / 1024), limit: MAX_NETWORK_INPUT_BYTES / 1024 / 1024 });
    if (size) input.onProgress?.(phase, Math.min(1, n / size));
  };

  // Pass 1: the drivable ways and their node ids.
  const refs = new Grow((n) => new Float64Array(n));
  const wayStart = new Grow((n) => new Uint32Array(n));
  const cls = new Grow((n) => new Uint8Array(n));
  const oneway = new Grow((n) => new Int8Array(n));
  const kmh = new Grow((n) => new Float32Array(n));
  const minutes = new Grow((n) => new Float32Array(n));
  const label = new Grow((n) => new Uint32Array(n));
  const labels: [string, string][] = [['', '']];
  const labelIndex = new Map<string, number>([['\u0000', 0]]);
  const opts = { service: input.service ?? false, ferries: input.ferries ?? false };
  const onWay = (w: OsmWay): void => {
    const c = classOfTags(w.tags, opts);
    if (c === null || w.refs.length < 2) return;
    wayStart.push(refs.n);
    for (const r of w.refs) refs.push(r);
    cls.push(netClassIndex(c));
    oneway.push(c === 'ferry' ? 0 : onewayOfTags(w.tags));
    kmh.push(c === 'ferry' ? NaN : (readMaxspeed(w.tags['maxspeed']) ?? NaN));
    minutes.push(c === 'ferry' ? (readDuration(w.tags['duration']) ?? NaN) : NaN);
    const ref = (w.tags['ref'] ?? '').slice(0, 100);
    const name = (w.tags['name'] ?? '').slice(0, 200);
    const key = `${ref}\u0000${name}`;
    let li = labelIndex.get(key);
    if (li === undefined) {
      li = labels.length;
      labels.push([ref, name]);
      labelIndex.set(key, li);
    }
    label.push(li);
  };
  const first = await read({ way: onWay, timestamps: true, onBytes: bytes('ways'), ...(input.signal ? { signal: input.signal } : {}) });
  wayStart.push(refs.n);
  if (!cls.n) throw new NetworkError('nothing-drivable');

  // The node ids the ways use, sorted and unique; each way's refs become indexes into them.
  // (Views, not copies, where it can: a country's road nodes are millions.)
  const allRefs = refs.arr.subarray(0, refs.n);
  const sorted = allRefs.slice().sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  // A copy of the unique ids, so the sorted buffer (every reference) can go before the nodes pass.
  const ids = sorted.slice(0, u);
  const wayNodes = new Uint32Array(allRefs.length);
  for (let i = 0; i < allRefs.length; i++) wayNodes[i] = indexOf(ids, allRefs[i]!);
  refs.arr = new Float64Array(0);
  input.onProgress?.('ways', 1);

  // Pass 2: the positions of those nodes only.
  const lonE7 = new Int32Array(u);
  const latE7 = new Int32Array(u);
  const hasPos = new Uint8Array(u);
  let last = -1;
  const onNode = (id: number, lon: number, lat: number): void => {
    // Files sorted by id (the usual case) find the next node just after the last one.
    let i = last + 1 < u && ids[last + 1] === id ? last + 1 : indexOf(ids, id);
    if (i < 0) return;
    lonE7[i] = lon;
    latE7[i] = lat;
    hasPos[i] = 1;
    last = i;
  };
  const second = await read({
    node: onNode,
    timestamps: first.replicationTimestamp === null,
    onBytes: bytes('nodes'),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  input.onProgress?.('nodes', 1);

  const table: WayTable = {
    lonE7,
    latE7,
    hasPos,
    wayStart: wayStart.view(),
    wayNodes,
    cls: cls.view(),
    oneway: oneway.view(),
    kmh: kmh.view(),
    minutes: minutes.view(),
    label: label.view(),
    labels,
  };
  const newest = Math.max(first.newestTimestamp ?? -Infinity, second.newestTimestamp ?? -Infinity);
  const date =
    first.replicationTimestamp !== null
      ? {
          extract_date: new Date(first.replicationTimestamp * 1000).toISOString(),
          extract_date_from: 'osmosis_replication_timestamp' as const,
        }
      : Number.isFinite(newest)
        ? { extract_date: new Date(newest * 1000).toISOString(), extract_date_from: 'newest_element_timestamp' as const }
        : { extract_date: null, extract_date_from: null };
  const net = buildRoadNetwork(
    table,
    { source: { file: input.name, kind: input.kind }, ...date, ...(input.now ? { now: input.now } : {}) },
    { service: opts.service, ferries: opts.ferries, clip: input.clip ?? null },
  );
  input.onProgress?.('build', 1);
  return net;
}
