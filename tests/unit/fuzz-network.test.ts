/**
 * Fuzzed network and population inputs (issue 27), as the other importers are fuzzed
 * (fuzz.test.ts): OSM PBF and XML, roads layers, network files and GeoTIFFs, mutated byte by
 * byte, end in a network (or grid) or in a coded refusal with words in both languages, never in
 * an uncaught exception, and within a second. `npm run fuzz` runs it long (FUZZ_RUNS).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { isMessageKey, t } from '../../src/i18n/index.ts';
import { buildFromOsm } from '../../src/data/osm-network.ts';
import { buildFromLines } from '../../src/data/network-lines.ts';
import { readNetworkFile, writeNetworkFile } from '../../src/data/network-file.ts';
import { NetworkError } from '../../src/data/road-network.ts';
import { PopulationError, readPopulationGrid } from '../../src/data/population-grid.ts';
import { roadGraph } from '../../src/analysis/road-graph.ts';
import { VI_CLASS_MAP, writeFixtureFiles } from './helpers/road-fixture.ts';
import { readClassMap } from '../../src/data/network-lines.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 40);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
console.log(`fuzz (networks): seed ${SEED}, ${RUNS} runs per property (replay: FUZZ_SEED=${SEED})`);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const TIMEOUT = 60_000 + RUNS * 500;

const dir = mkdtempSync(join(tmpdir(), 'ntcc-fuzznet-'));
const good: Record<'pbf' | 'xml' | 'geojson' | 'net' | 'tif', Uint8Array> = {} as never;

beforeAll(async () => {
  const files = writeFixtureFiles(dir);
  good.pbf = new Uint8Array(readFileSync(files.pbf));
  good.xml = new Uint8Array(readFileSync(files.xml));
  good.geojson = new Uint8Array(readFileSync(files.geojson));
  const net = await buildFromOsm({ open: () => chunks(good.pbf), name: 'town.osm.pbf', kind: 'osm-pbf', size: good.pbf.length });
  good.net = writeNetworkFile(net);
  writeFileSync(join(dir, 'g.asc'), 'ncols 4\nnrows 3\nxllcorner 105\nyllcorner 19\ncellsize 0.01\n1 2 3 4\n5 6 7 8\n9 10 11 12\n');
  execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:4326', join(dir, 'g.asc'), join(dir, 'g.tif')]);
  good.tif = new Uint8Array(readFileSync(join(dir, 'g.tif')));
}, 60_000);

/** Bytes as a stream of small chunks (as a browser File's stream gives them). */
async function* chunks(b: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < b.length; i += 97) yield b.subarray(i, i + 97);
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

/** Flips, cuts, inserts, truncations and repeats of a good file. */
const mutate = (of: () => Uint8Array) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }),
        fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 24 }) }),
        fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('repeat' as const), times: fc.integer({ min: 2, max: 4 }) }),
      ),
      { minLength: 1, maxLength: 5 },
    )
    .map((ops) => {
      let b = Uint8Array.from(of());
      for (const o of ops) {
        const at = 'at' in o ? o.at % Math.max(1, b.length) : 0;
        if (o.op === 'flip') b[at] = o.byte;
        else if (o.op === 'cut') b = concat(b.subarray(0, at), b.subarray(at + o.len)) as Uint8Array<ArrayBuffer>;
        else if (o.op === 'insert') b = concat(b.subarray(0, at), o.bytes, b.subarray(at)) as Uint8Array<ArrayBuffer>;
        else if (o.op === 'truncate') b = b.slice(0, at);
        else b = concat(...Array.from({ length: o.times }, () => b)) as Uint8Array<ArrayBuffer>;
      }
      return b;
    });

/** Runs a read within a second; a refusal must be a coded error with words in both languages. */
async function explained(read: () => Promise<unknown>, prefix: 'Net.err' | 'Pop.err'): Promise<void> {
  const start = performance.now();
  try {
    await read();
  } catch (e) {
    const ok = prefix === 'Net.err' ? e instanceof NetworkError : e instanceof PopulationError;
    if (!ok) throw e;
    const { code, vars } = e as NetworkError | PopulationError;
    const key = `${prefix}.${code}`;
    expect(isMessageKey(key), key).toBe(true);
    if (isMessageKey(key)) for (const lang of ['vi', 'en'] as const) expect(t(lang, key, vars)).not.toMatch(/\{\w+\}/);
  }
  expect(performance.now() - start).toBeLessThan(1000);
}

describe('fuzzed network and population inputs', () => {
  it(
    'OSM PBF',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          mutate(() => good.pbf),
          (b) =>
            explained(
              async () => roadGraph(await buildFromOsm({ open: () => chunks(b), name: 'f.osm.pbf', kind: 'osm-pbf', size: b.length })),
              'Net.err',
            ),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'OSM XML',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          mutate(() => good.xml),
          (b) => explained(() => buildFromOsm({ open: () => chunks(b), name: 'f.osm', kind: 'osm-xml', size: b.length }), 'Net.err'),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'roads layers (GeoJSON with Vietnamese fields)',
    async () => {
      const map = readClassMap(VI_CLASS_MAP);
      await fc.assert(
        fc.asyncProperty(
          mutate(() => good.geojson),
          (b) =>
            explained(
              () =>
                buildFromLines({
                  name: 'f.geojson',
                  bytes: b,
                  classField: 'cap_duong',
                  speedField: 'toc_do',
                  onewayField: 'mot_chieu',
                  classMap: map,
                }),
              'Net.err',
            ),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'network files',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          mutate(() => good.net),
          (b) =>
            explained(async () => {
              const g = roadGraph(readNetworkFile(b));
              g.route([105.2, 19.1], [105.23, 19.12]);
            }, 'Net.err'),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'population GeoTIFFs',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          mutate(() => good.tif),
          (b) => explained(() => readPopulationGrid('f.tif', b, { box: [102, 10, 110, 21] }), 'Pop.err'),
        ),
        params,
      );
    },
    TIMEOUT,
  );
});
