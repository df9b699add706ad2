/**
 * Fuzzed import checks: malformed and odd inputs, generated with fast-check, for every import
 * path (GeoJSON, CSV, KML, zipped Shapefile, story files, statistics tables, scenario files and their address form). Every input ends in acceptance or in
 * a message that exists in both languages, never in an uncaught exception, and within a second.
 *
 * The run is short here; `npm run fuzz` runs it long (FUZZ_RUNS). The seed is printed so a
 * failure can be replayed: FUZZ_SEED=<seed> npx vitest run tests/unit/fuzz.test.ts
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { loadLayer } from '../../cli/load.ts';
import { importFile, writeLayer } from '../../src/export/formats.ts';
import { readStory, writeStory } from '../../src/export/story-file.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';
import { isMessageKey, render, t } from '../../src/i18n/index.ts';
import { readFileSync } from 'node:fs';
import { loadInputs } from '../../cli/load.ts';
import { readTable, shapeTable, TableError } from '../../src/data/table.ts';
import { guessKeyField, joinTable, JoinError } from '../../src/data/join.ts';
import { decodeScenario, readScenario, readScenarioBytes, writeScenario } from '../../src/data/scenario.ts';
import { applyScenario } from '../../src/analysis/scenario.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
console.log(`fuzz: seed ${SEED}, ${RUNS} runs per property (replay: FUZZ_SEED=${SEED})`);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
/** Each property's time limit grows with the number of runs (a long run is `npm run fuzz`). */
const TIMEOUT = 60_000 + RUNS * 400;

const encoder = new TextEncoder();
const seaports = loadLayer('seaports');
const small = { type: 'FeatureCollection', features: seaports.features.slice(0, 3) } as typeof seaports;

/** Good files of each format, to mutate. */
const GOOD = {
  geojson: encoder.encode(JSON.stringify(small)),
  csv: encoder.encode('name,lon,lat,note\nVũng Áng,106.39,18.10,"a, b"\nChân Mây,108.00,16.33,\n'),
  kml: encoder.encode(
    '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Cửa Lò</name><Point><coordinates>105.72,18.82</coordinates></Point></Placemark></Document></kml>',
  ),
};

/** Byte arrays joined into one. */
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A byte-level mutation of a good file: flips, cuts, inserts and repeats. */
const mutate = (good: Uint8Array) =>
  fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }),
        fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 24, unit: 'binary' }) }),
        fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('repeat' as const), times: fc.integer({ min: 2, max: 50 }) }),
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((ops) => {
      let b: Uint8Array = Uint8Array.from(good);
      for (const o of ops) {
        const at = 'at' in o ? o.at % Math.max(1, b.length) : 0;
        if (o.op === 'flip') b[at] = o.byte;
        else if (o.op === 'cut') b = concat(b.subarray(0, at), b.subarray(at + o.len));
        else if (o.op === 'insert') b = concat(b.subarray(0, at), encoder.encode(o.text), b.subarray(at));
        else if (o.op === 'truncate') b = b.slice(0, at);
        else b = concat(...Array.from({ length: o.times }, () => b)).slice(0, 200_000);
      }
      return b;
    });

/** Odd but well-formed JSON: every JSON value, and FeatureCollections with odd members. */
const oddGeoJSON = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record({
      type: fc.constantFrom('FeatureCollection', 'Feature', 'Point', 'GeometryCollection', 'featurecollection', ''),
      features: fc.array(
        fc.record({
          type: fc.constantFrom('Feature', 'Point', null),
          properties: fc.oneof(fc.constant(null), fc.dictionary(fc.string(), fc.jsonValue())),
          geometry: fc.oneof(
            fc.constant(null),
            fc.record({
              type: fc.constantFrom('Point', 'LineString', 'Polygon', 'MultiPolygon', 'Circle'),
              coordinates: fc.jsonValue(),
            }),
            fc.record({
              type: fc.constant('Point'),
              coordinates: fc.tuple(fc.double(), fc.double()),
            }),
          ),
        }),
        { maxLength: 8 },
      ),
    })
    .map((v) => JSON.stringify(v)),
);

/** A statistics-table fixture's bytes. */
const tableFixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/tables/${name}`, import.meta.url)));

/** A message a user would read: the error's code has words in both languages, every placeholder filled. */
function expectExplained(r: Awaited<ReturnType<typeof importFile>>): void {
  if (r.ok) {
    expect(r.fc.type).toBe('FeatureCollection');
    for (const w of r.warnings) expect(isMessageKey(`ImportWarn.${w.code}`)).toBe(true);
    return;
  }
  const key = `Import.${r.error.code}`;
  expect(isMessageKey(key), key).toBe(true);
  if (!isMessageKey(key)) return;
  for (const lang of ['vi', 'en'] as const) expect(t(lang, key, r.error.vars), `${key} ${lang}`).not.toMatch(/\{\w+\}/);
}

/** Imports within a second, without throwing, and explains the outcome. */
async function checkImport(name: string, bytes: Uint8Array): Promise<void> {
  const start = performance.now();
  const r = await importFile(name, bytes);
  const ms = performance.now() - start;
  expect(ms, `${name}: ${ms.toFixed(0)} ms`).toBeLessThan(1000);
  expectExplained(r);
}

/** Reads a story file within a second; a refusal has a reason with words in both languages. */
function checkStory(text: string): void {
  const start = performance.now();
  const r = readStory(text);
  expect(performance.now() - start).toBeLessThan(1000);
  if (r.ok) return;
  const key = `Story.reason.${r.error.code}`;
  expect(isMessageKey(key), key).toBe(true);
}

describe(`fuzzed imports (seed ${SEED})`, () => {
  it(
    'GeoJSON: mutated files and odd JSON',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutate(GOOD.geojson), (b) => checkImport('x.geojson', b)),
        params,
      );
      await fc.assert(
        fc.asyncProperty(oddGeoJSON, (text) => checkImport('x.geojson', encoder.encode(text))),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'CSV: mutated files and random text with delimiters, quotes and line ends',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutate(GOOD.csv), (b) => checkImport('x.csv', b)),
        params,
      );
      const cell = fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.double().map(String),
        fc.constantFrom('"', '""', ',', ';', '\n', '\r\n', 'POINT(1 2)', 'lon', 'lat'),
      );
      const csv = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));
      await fc.assert(
        fc.asyncProperty(csv, (text) => checkImport('x.csv', encoder.encode(`lon,lat,name\n${text}`))),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'KML: mutated files',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutate(GOOD.kml), (b) => checkImport('x.kml', b)),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'Shapefile: mutated zips, random bytes, and zips of random members',
    async () => {
      const good = (await writeLayer(small, 'ports', 'shp')).bytes;
      await fc.assert(
        fc.asyncProperty(mutate(good), (b) => checkImport('x.zip', b)),
        { ...params, numRuns: Math.max(10, RUNS / 2) },
      );
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), (b) => checkImport('x.shp.zip', b)),
        params,
      );
      const member = fc.tuple(
        fc.constantFrom('a.shp', 'a.dbf', 'a.prj', 'a.shx', 'b.SHP', '__MACOSX/a.shp'),
        fc.uint8Array({ maxLength: 512 }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(member, { maxLength: 5 }), (entries) => checkImport('x.zip', zipSync(Object.fromEntries(entries)))),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'story files: mutated stories, odd JSON and future versions get a reason with words in both languages',
    async () => {
      const good = writeStory(BUILTIN_STORY);
      fc.assert(
        fc.property(mutate(strToU8(good)), (b) => checkStory(new TextDecoder().decode(b))),
        params,
      );
      fc.assert(
        fc.property(fc.jsonValue(), fc.integer({ min: -3, max: 1e9 }), (v, schema) => {
          checkStory(JSON.stringify(v));
          checkStory(JSON.stringify({ schema, story: v }));
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'statistics tables: mutated CSV and workbooks, random bytes; read, shaped and joined, or refused with words in both languages',
    async () => {
      const inputs = loadInputs();
      const units = { '2022': inputs.provinces2022, '2025': inputs.provinces2025 };
      const check = async (name: string, bytes: Uint8Array): Promise<void> => {
        const start = performance.now();
        try {
          const table = shapeTable(await readTable(name, bytes));
          const key = guessKeyField(table, units['2022']) ?? table.columns[0]!;
          const joined = joinTable(table, units, { keyField: key, tableEdition: '2022', targetEdition: '2025' });
          for (const u of joined.units)
            for (const c of joined.numericColumns) expect(u.values[c] === null || Number.isFinite(u.values[c])).toBe(true);
        } catch (e) {
          if (!(e instanceof TableError || e instanceof JoinError)) throw e;
          const key = `TableFile.${e.code}`;
          expect(isMessageKey(key), key).toBe(true);
          if (isMessageKey(key)) for (const lang of ['vi', 'en'] as const) expect(t(lang, key, e.vars)).not.toMatch(/\{\w+\}/);
        }
        expect(performance.now() - start, name).toBeLessThan(1000);
      };
      await fc.assert(
        fc.asyncProperty(mutate(tableFixture('grdp-vi-semicolon.csv')), (b) => check('x.csv', b)),
        params,
      );
      await fc.assert(
        fc.asyncProperty(mutate(tableFixture('exports-two-sheets.xlsx')), (b) => check('x.xlsx', b)),
        { ...params, numRuns: Math.max(10, RUNS / 2) },
      );
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('x.csv', 'x.tsv', 'x.xlsx', 'x.xls', 'x.txt'), (b, name) =>
          check(name, b),
        ),
        params,
      );
    },
    TIMEOUT,
  );
  it(
    'scenario files and the address form: mutated files, odd JSON, random text; read and applied, or refused with words in both languages',
    () => {
      const inputs = loadInputs();
      const known = new Set(inputs.corridors.features.map((f) => f.properties.id));
      const good = encoder.encode(
        writeScenario({
          name: 'Thử',
          speeds: { expressway: 100 },
          edits: [
            {
              action: 'add',
              kind: 'corridor',
              id: 'sc-1',
              mode: 'expressway',
              status: 'planned',
              axis: 'east_west',
              speed_kmh: 80,
              name_vi: 'A',
              name_en: 'A',
              coordinates: [
                [107, 14.5],
                [108.8, 15.1],
              ],
            },
            { action: 'add', kind: 'station', id: 'sc-2', name_vi: 'Ga', name_en: 'Station', coordinates: [108.2, 16.05] },
            { action: 'remove', target: 'ql1' },
            { action: 'slow', target: 'sc-1', speed_kmh: 30 },
          ],
        }),
      );
      const check = (r: ReturnType<typeof readScenarioBytes>): void => {
        if (r.ok) {
          // What is accepted can be applied and written back unchanged.
          expect(() => applyScenario(inputs, r.scenario)).not.toThrow();
          expect(readScenario(JSON.parse(writeScenario(r.scenario)), known)).toEqual(r);
          return;
        }
        const key = `Scenario.err.${r.error.code}`;
        expect(isMessageKey(key), key).toBe(true);
        if (isMessageKey(key))
          for (const lang of ['vi', 'en'] as const) expect(render(lang, { key, vars: r.error.vars })).not.toMatch(/\{\w+\}/);
      };
      fc.assert(
        fc.property(mutate(good), (b) => check(readScenarioBytes(b, known))),
        params,
      );
      fc.assert(
        fc.property(oddGeoJSON, (text) => check(readScenarioBytes(encoder.encode(text), known))),
        params,
      );
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (text) => check(decodeScenario(text, known))),
        params,
      );
    },
    TIMEOUT,
  );
});
