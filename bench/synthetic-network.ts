/**
 * Synthetic OpenStreetMap extracts for the network benchmark (issue 27), written as PBF by a
 * small encoder on the `pbf` package and fflate (the same libraries the reader uses, so the
 * check that matters is that osmium-tool reads these files too: `osmium fileinfo -e`).
 *
 * - `streetGrid`: a lattice of streets spanning the region's box (every crossing a junction),
 *   a trunk and a primary road every tenth row and column, a motorway north–south, some
 *   one-way streets and maxspeeds: after clipping to the region and its neighbours, well over
 *   200,000 directed edges.
 * - `country`: a file the size of a country extract (about 300 MB): the street grid plus tens
 *   of millions of nodes and ways that are not roads (buildings), as a real extract is mostly.
 *
 *   npx tsx bench/synthetic-network.ts grid OUT.osm.pbf
 *   npx tsx bench/synthetic-network.ts country OUT.osm.pbf [NODES_MILLIONS=30]
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { PbfWriter } from 'pbf';
import { zlibSync } from 'fflate';

/** The first `n` values as differences from the one before (PBF's delta coding). */
function delta(a: ArrayLike<number>, n: number): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < n; i++) {
    out.push(a[i]! - prev);
    prev = a[i]!;
  }
  return out;
}

/** Writes blobs to a stream. */
class PbfFile {
  constructor(private out: WriteStream) {}
  private async blob(type: string, data: Uint8Array): Promise<void> {
    const blob = new PbfWriter();
    blob.writeVarintField(2, data.length);
    blob.writeBytesField(3, zlibSync(data, { level: 6 }));
    const body = blob.finish();
    const head = new PbfWriter();
    head.writeStringField(1, type);
    head.writeVarintField(3, body.length);
    const h = head.finish();
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, h.length, false);
    for (const part of [len, h, body]) if (!this.out.write(part)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }
  async header(replication: number): Promise<void> {
    const p = new PbfWriter();
    p.writeStringField(4, 'OsmSchema-V0.6');
    p.writeStringField(4, 'DenseNodes');
    p.writeStringField(5, 'Sort.Type_then_ID');
    p.writeStringField(16, 'ntcc-bench');
    p.writeVarintField(32, replication);
    await this.blob('OSMHeader', p.finish());
  }
  /** One block of dense nodes: ids ascending, lon/lat in 1e-7 degree. */
  async nodes(ids: Float64Array, lon: Int32Array, lat: Int32Array, n: number): Promise<void> {
    const p = new PbfWriter();
    p.writeMessage(1, (_: unknown, w: PbfWriter) => w.writeBytesField(1, new Uint8Array(0)), null);
    p.writeMessage(
      2,
      (_: unknown, g: PbfWriter) =>
        g.writeMessage(
          2,
          (__: unknown, d: PbfWriter) => {
            d.writePackedSVarint(1, delta(ids, n));
            d.writePackedSVarint(8, delta(lat, n));
            d.writePackedSVarint(9, delta(lon, n));
          },
          null,
        ),
      null,
    );
    await this.blob('OSMData', p.finish());
  }
  /** One block of ways, each with its node ids and tags. */
  async ways(ways: { id: number; refs: number[]; tags: [string, string][] }[]): Promise<void> {
    const strings = [''];
    const index = new Map<string, number>([['', 0]]);
    const s = (x: string): number => {
      let i = index.get(x);
      if (i === undefined) {
        i = strings.length;
        strings.push(x);
        index.set(x, i);
      }
      return i;
    };
    const encoded = ways.map((w) => ({ ...w, keys: w.tags.map(([k]) => s(k)), vals: w.tags.map(([, v]) => s(v)) }));
    const p = new PbfWriter();
    p.writeMessage(1, (_: unknown, w: PbfWriter) => strings.forEach((x) => w.writeBytesField(1, new TextEncoder().encode(x))), null);
    p.writeMessage(
      2,
      (_: unknown, g: PbfWriter) => {
        for (const w of encoded)
          g.writeMessage(
            3,
            (__: unknown, m: PbfWriter) => {
              m.writeVarintField(1, w.id);
              m.writePackedVarint(2, w.keys);
              m.writePackedVarint(3, w.vals);
              let prev = 0;
              m.writePackedSVarint(
                8,
                w.refs.map((r) => {
                  const d = r - prev;
                  prev = r;
                  return d;
                }),
              );
            },
            null,
          );
      },
      null,
    );
    await this.blob('OSMData', p.finish());
  }
  close(): Promise<void> {
    return new Promise<void>((r) => this.out.end(() => r()));
  }
}

/** The lattice: `nx` × `ny` nodes over the region's box. */
const BOX = { lon0: 102.6, lon1: 109.6, lat0: 10.4, lat1: 20.7 };

/** A seeded generator. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The street grid's ways (node ids 1 … nx·ny) and how to write its nodes. */
async function writeGrid(f: PbfFile, nx: number, ny: number, wayId0: number, nodeId0: number): Promise<{ ways: number; nodes: number }> {
  const id = (i: number, j: number): number => nodeId0 + j * nx + i;
  const BLOCK = 8000;
  const ids = new Float64Array(BLOCK);
  const lon = new Int32Array(BLOCK);
  const lat = new Int32Array(BLOCK);
  let k = 0;
  const r = rng(3);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      ids[k] = id(i, j);
      // A little jitter, so the streets are not exactly straight.
      lon[k] = Math.round((BOX.lon0 + ((BOX.lon1 - BOX.lon0) * (i + (r() - 0.5) * 0.2)) / (nx - 1)) * 1e7);
      lat[k] = Math.round((BOX.lat0 + ((BOX.lat1 - BOX.lat0) * (j + (r() - 0.5) * 0.2)) / (ny - 1)) * 1e7);
      if (++k === BLOCK) {
        await f.nodes(ids, lon, lat, k);
        k = 0;
      }
    }
  if (k) await f.nodes(ids, lon, lat, k);
  let wid = wayId0;
  let batch: { id: number; refs: number[]; tags: [string, string][] }[] = [];
  const push = async (refs: number[], tags: [string, string][]) => {
    batch.push({ id: wid++, refs, tags });
    if (batch.length === 4000) {
      await f.ways(batch);
      batch = [];
    }
  };
  const tagsOf = (n: number, along: 'row' | 'col'): [string, string][] => {
    if (along === 'col' && n === Math.floor(nx / 2))
      return [
        ['highway', 'motorway'],
        ['ref', 'CT01'],
      ];
    if (n % 20 === 0)
      return [
        ['highway', 'trunk'],
        ['ref', `QL${n}`],
        ['maxspeed', '80'],
      ];
    if (n % 10 === 0)
      return [
        ['highway', 'primary'],
        ['ref', `DT${n}`],
      ];
    if (n % 7 === 0)
      return [
        ['highway', 'residential'],
        ['oneway', n % 2 ? 'yes' : '-1'],
        ['name', `Phố ${n}`],
      ];
    if (n % 3 === 0)
      return [
        ['highway', 'tertiary'],
        ['name', `Đường ${n}`],
      ];
    return [
      ['highway', 'residential'],
      ['name', `Ngõ ${n}`],
    ];
  };
  // Rows and columns as ways of 25 nodes each (real ways are short), so there are many.
  const SEG = 24;
  for (let j = 0; j < ny; j++)
    for (let i0 = 0; i0 < nx - 1; i0 += SEG)
      await push(
        Array.from({ length: Math.min(SEG, nx - 1 - i0) + 1 }, (_, d) => id(i0 + d, j)),
        tagsOf(j, 'row'),
      );
  for (let i = 0; i < nx; i++)
    for (let j0 = 0; j0 < ny - 1; j0 += SEG) {
      const refs = Array.from({ length: Math.min(SEG, ny - 1 - j0) + 1 }, (_, d) => id(i, j0 + d));
      const tags = tagsOf(i, 'col');
      await push(refs, tags);
      // Motorway links every 25 nodes, to the next column.
      if (tags[0]![1] === 'motorway') await push([id(i, j0), id(i + 1, j0)], [['highway', 'motorway_link']]);
    }
  // Paths that must not be driven: diagonals.
  for (let j = 0; j + 1 < ny; j += 5)
    for (let i = 0; i + 1 < nx; i += 5) await push([id(i, j), id(i + 1, j + 1)], [['highway', 'footway']]);
  if (batch.length) await f.ways(batch);
  return { ways: wid - wayId0, nodes: nx * ny };
}

/**
 * Writes the street grid (`nx` × `ny` nodes over the region's box).
 * @example await streetGrid('/tmp/grid.osm.pbf') // about 300,000 directed edges inside the region
 */
export async function streetGrid(file: string, nx = 560, ny = 620): Promise<{ ways: number; nodes: number }> {
  const f = new PbfFile(createWriteStream(file));
  await f.header(Math.floor(Date.UTC(2026, 0, 1) / 1000));
  const r = await writeGrid(f, nx, ny, 1, 1);
  await f.close();
  return r;
}

/**
 * Writes a country-sized file: the street grid's nodes first, then `millions` of millions of
 * building nodes (in blocks, ids after the grid's), then the grid's ways and the buildings'.
 */
export async function country(file: string, millions = 30): Promise<{ nodes: number; ways: number }> {
  const out = new PbfFile(createWriteStream(file, { highWaterMark: 1 << 22 }));
  await out.header(Math.floor(Date.UTC(2026, 0, 1) / 1000));
  // Write grid nodes and ways through a second pass: nodes first (a PBF lists nodes, then ways).
  const nx = 560;
  const ny = 620;
  const grid = nx * ny;
  const BLOCK = 8000;
  const ids = new Float64Array(BLOCK);
  const lon = new Int32Array(BLOCK);
  const lat = new Int32Array(BLOCK);
  // The grid's nodes and ways come from writeGrid; its ways are written after every node.
  const deferred: PbfFile = out;
  const wayBlocks: { id: number; refs: number[]; tags: [string, string][] }[][] = [];
  const collector = {
    nodes: (a: Float64Array, b: Int32Array, c: Int32Array, n: number) => deferred.nodes(a, b, c, n),
    ways: async (w: { id: number; refs: number[]; tags: [string, string][] }[]) => void wayBlocks.push(w),
    header: async () => undefined,
    close: async () => undefined,
  } as unknown as PbfFile;
  const g = await writeGrid(collector, nx, ny, 1, 1);
  const r = rng(11);
  const total = Math.round(millions * 1e6);
  let id = grid + 1;
  for (let done = 0; done < total;) {
    const n = Math.min(BLOCK, total - done);
    // Buildings in clusters (towns): near a random place, a few metres apart.
    const cx = BOX.lon0 + r() * (BOX.lon1 - BOX.lon0);
    const cy = BOX.lat0 + r() * (BOX.lat1 - BOX.lat0);
    for (let k = 0; k < n; k++) {
      ids[k] = id++;
      lon[k] = Math.round((cx + (r() - 0.5) * 0.05) * 1e7);
      lat[k] = Math.round((cy + (r() - 0.5) * 0.05) * 1e7);
    }
    await out.nodes(ids, lon, lat, n);
    done += n;
  }
  for (const b of wayBlocks) await out.ways(b);
  // Buildings: closed ways of 4 nodes (every fifth node starts one).
  let wid = 10_000_000;
  let batch: { id: number; refs: number[]; tags: [string, string][] }[] = [];
  for (let first = grid + 1; first + 4 < grid + total; first += 5) {
    batch.push({ id: wid++, refs: [first, first + 1, first + 2, first + 3, first], tags: [['building', 'yes']] });
    if (batch.length === 8000) {
      await out.ways(batch);
      batch = [];
    }
  }
  if (batch.length) await out.ways(batch);
  await out.close();
  return { nodes: grid + total, ways: g.ways + (wid - 10_000_000) };
}

if (process.argv[1]?.endsWith('synthetic-network.ts')) {
  const [kind, file, m] = process.argv.slice(2);
  if (!file || (kind !== 'grid' && kind !== 'country')) {
    console.error('usage: synthetic-network.ts grid|country OUT.osm.pbf [MILLIONS]');
    process.exit(2);
  }
  const t0 = performance.now();
  const r = kind === 'grid' ? await streetGrid(file) : await country(file, Number(m ?? 30));
  console.log(JSON.stringify({ ...r, seconds: Math.round((performance.now() - t0) / 100) / 10 }));
}
