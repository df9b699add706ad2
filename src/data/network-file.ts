/**
 * The network file (`.ntccnet`): what `ntcc network build` writes and every analysis, the
 * route command and the app read. One binary file, little-endian:
 *
 *   bytes 0–7    "NTCCNET1"
 *   bytes 8–11   length L of the JSON header (UTF-8)
 *   bytes 12…    the JSON header: { meta, labels, counts }, padded with spaces to a multiple of 4
 *   then, each section 4-byte aligned, in this order:
 *     node lon, lat             Int32 × nodes each (1e-7 degree)
 *     edge from, to             Uint32 × edges each
 *     edge km                   Float32 × edges
 *     edge own km/h, minutes    Float32 × edges each (NaN: none)
 *     edge label                Uint32 × edges (index into labels)
 *     edge geometry start       Uint32 × (edges + 1)
 *     vertex lon, lat           Int32 × vertices each (each edge's inner vertices)
 *     edge class, flags         Uint8 × edges each
 *
 * Typed arrays read straight from the bytes (no parsing per element), so a network of a
 * million edges loads in tens of milliseconds in the browser and in Node; the metadata stays
 * readable JSON at the top of the file. See docs/architecture.md for why this format.
 */
import type { NetworkMeta, RoadNetwork } from './road-network.ts';
import { NetworkError } from './road-network.ts';
import { NET_CLASSES } from '../core/network-classes.ts';

const MAGIC = 'NTCCNET1';

/** The file name ending the app and the command line give a network file. */
export const NETWORK_FILE_EXT = 'ntccnet';

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * Writes a network as the bytes of a network file.
 * @example writeNetworkFile(net).length // bytes
 */
export function writeNetworkFile(net: RoadNetwork): Uint8Array {
  const V = net.lonE7.length;
  const M = net.eu.length;
  const G = net.geomLon.length;
  const header = new TextEncoder().encode(
    JSON.stringify({ meta: net.meta, labels: net.labels, counts: { nodes: V, edges: M, vertices: G } }),
  );
  const hlen = pad4(header.length);
  const sections: ArrayBufferView[] = [
    net.lonE7,
    net.latE7,
    net.eu,
    net.ev,
    net.km,
    net.kmh,
    net.minutes,
    net.label,
    net.geomStart,
    net.geomLon,
    net.geomLat,
    net.cls,
    net.flags,
  ];
  const size = 12 + hlen + sections.reduce((s, a) => s + pad4(a.byteLength), 0);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, hlen, true);
  out.set(header, 12);
  out.fill(0x20, 12 + header.length, 12 + hlen);
  let at = 12 + hlen;
  for (const s of sections) {
    out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
    at += pad4(s.byteLength);
  }
  return out;
}

/** Whether bytes start like a network file. */
export const isNetworkFile = (bytes: Uint8Array): boolean => bytes.length >= 12 && new TextDecoder().decode(bytes.subarray(0, 8)) === MAGIC;

/**
 * Reads a network file's bytes (checked: sizes, indexes in range).
 * @throws NetworkError `network-file` when the bytes are not a whole network file
 * @example readNetworkFile(bytes).meta.km_total
 */
export function readNetworkFile(bytes: Uint8Array): RoadNetwork {
  const bad = (detail: string): never => {
    throw new NetworkError('network-file', { detail });
  };
  if (!isNetworkFile(bytes)) bad('not a network file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = dv.getUint32(8, true);
  if (hlen % 4 || 12 + hlen > bytes.length) bad('header');
  let head: { meta: NetworkMeta; labels: [string, string][]; counts: { nodes: number; edges: number; vertices: number } };
  try {
    head = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + hlen))) as typeof head;
  } catch {
    return bad('header');
  }
  const { nodes: V, edges: M, vertices: G } = head.counts ?? {};
  if (![V, M, G].every((x) => Number.isInteger(x) && x! >= 0) || !Array.isArray(head.labels) || head.meta?.format !== 'ntcc-network')
    bad('header');
  let at = 12 + hlen;
  // Copies each section into an aligned array of its own (the file's buffer may be shared or unaligned).
  const take = <T>(Ctor: { new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number }, n: number): T => {
    const len = n * Ctor.BYTES_PER_ELEMENT;
    if (at + len > bytes.length) bad('truncated');
    const copy = bytes.slice(at, at + len);
    at += pad4(len);
    return new Ctor(copy.buffer);
  };
  const net: RoadNetwork = {
    meta: head.meta,
    labels: head.labels,
    lonE7: take(Int32Array, V!),
    latE7: take(Int32Array, V!),
    eu: take(Uint32Array, M!),
    ev: take(Uint32Array, M!),
    km: take(Float32Array, M!),
    kmh: take(Float32Array, M!),
    minutes: take(Float32Array, M!),
    label: take(Uint32Array, M!),
    geomStart: take(Uint32Array, M! + 1),
    geomLon: take(Int32Array, G!),
    geomLat: take(Int32Array, G!),
    cls: take(Uint8Array, M!),
    flags: take(Uint8Array, M!),
  };
  if (!net.labels.every((l) => Array.isArray(l) && typeof l[0] === 'string' && typeof l[1] === 'string')) bad('labels');
  for (let i = 0; i < V!; i++) if (Math.abs(net.lonE7[i]!) > 180e7 || Math.abs(net.latE7[i]!) > 90e7) bad(`node ${i}`);
  for (let i = 0; i < G!; i++) if (Math.abs(net.geomLon[i]!) > 180e7 || Math.abs(net.geomLat[i]!) > 90e7) bad(`vertex ${i}`);
  for (let e = 0; e < M!; e++) {
    if (
      net.eu[e]! >= V! ||
      net.ev[e]! >= V! ||
      net.label[e]! >= net.labels.length ||
      !(net.km[e]! >= 0) ||
      net.cls[e]! >= NET_CLASSES.length
    )
      bad(`edge ${e}`);
    if (!(net.minutes[e]! >= 0) && !Number.isNaN(net.minutes[e]!)) bad(`edge ${e}`);
    if (!(net.kmh[e]! > 0) && !Number.isNaN(net.kmh[e]!)) bad(`edge ${e}`);
    if (net.geomStart[e]! > net.geomStart[e + 1]! || net.geomStart[e + 1]! > G!) bad(`edge ${e}`);
  }
  return net;
}
