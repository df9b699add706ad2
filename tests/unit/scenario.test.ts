/**
 * Planning scenarios: files read, written and carried in the address; bad files refused with
 * their reason; and what a scenario does to the analyses, as properties: an empty scenario
 * equals none, adding a link never lengthens a trip, removing or slowing one never shortens
 * a trip. The command line takes --scenario, --speeds and the two compare flags.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadInputs } from '../../cli/load.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { applyScenario } from '../../src/analysis/scenario.ts';
import { DEFAULT_PARAMS, overridesKey, type AnalysisParams, type AnalysisResult } from '../../src/core/analysis.ts';
import { EMPTY_SCENARIO, scenarioKey, type Scenario, type ScenarioEdit } from '../../src/core/scenario.ts';
import {
  decodeScenario,
  encodeScenario,
  readScenario,
  readScenarioBytes,
  scenarioToGeoJSON,
  writeScenario,
} from '../../src/data/scenario.ts';
import { render } from '../../src/i18n/index.ts';
import { runCli } from './helpers/run-cli.ts';
import { addedCorridor } from './helpers/scenario.ts';

const inputs = loadInputs();
const known = new Set(inputs.corridors.features.map((f) => f.properties.id));
const RUNS = Number(process.env['SCENARIO_RUNS'] ?? 12);

const line = addedCorridor;

const SAMPLE: Scenario = {
  name: 'Kịch bản thử',
  speeds: { expressway: 100 },
  edits: [
    line(),
    { action: 'add', kind: 'seaport', id: 'sc-2', name_vi: 'Cảng thử', name_en: 'Test port', coordinates: [109.2, 13.8] },
    { action: 'remove', target: 'ql1' },
    { action: 'slow', target: 'ql9', speed_kmh: 30 },
  ],
};

/** Minutes to the nearest seaport per cell, for a scenario (20 km cells keep the property runs short). */
function seaportMinutes(s: Scenario | null, p: Partial<AnalysisParams> = {}): Float32Array {
  const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes', cellKm: 20, ...p }, () => {}, { scenario: s });
  if (r.kind !== 'access') throw new Error('not access');
  return r.grid.minutes_to_seaport!;
}

/** Every entry of `a` is at most the matching entry of `b` (up to float rounding). */
function allAtMost(a: Float32Array, b: Float32Array): boolean {
  return a.every((x, i) => x <= b[i]! * (1 + 1e-6) + 1e-6);
}

const stripVolatile = (r: AnalysisResult): unknown =>
  JSON.parse(JSON.stringify({ ...r, notes: r.notes }, (_k, v: unknown) => (v instanceof Float32Array ? [...v] : v)));

describe('scenario files', () => {
  it('round-trip through GeoJSON and through the address', () => {
    const read = readScenario(JSON.parse(writeScenario(SAMPLE)), known);
    expect(read).toEqual({ ok: true, scenario: SAMPLE });
    const code = encodeScenario(SAMPLE);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(writeScenario(SAMPLE).length);
    expect(decodeScenario(code, known)).toEqual({ ok: true, scenario: SAMPLE });
  });

  it('gives added features ids and an axis when the file has none', () => {
    const gj = scenarioToGeoJSON({
      ...SAMPLE,
      edits: [
        line({
          coordinates: [
            [108, 12],
            [108.3, 15],
          ],
        }),
      ],
    });
    delete gj.features[0]!.properties['id'];
    delete gj.features[0]!.properties['axis'];
    const r = readScenario(gj, known);
    if (!r.ok) throw new Error('refused');
    const e = r.scenario.edits[0]!;
    expect(e.action === 'add' && e.id).toBe('sc-1');
    expect(e.action === 'add' && e.kind === 'corridor' && e.axis).toBe('north_south');
  });

  it('refuses bad files with the reason, in both languages', () => {
    const cases: [unknown, string][] = [
      [{ type: 'Feature' }, 'not-scenario'],
      [{ type: 'FeatureCollection', ntcc_scenario: { version: 99 }, features: [] }, 'future-version'],
      [{ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { action: 'bulldoze' }, geometry: null }] }, 'feature'],
      [
        { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { action: 'remove', target: 'nowhere' }, geometry: null }] },
        'target',
      ],
      [
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { action: 'slow', target: 'ql1', speed_kmh: 0 }, geometry: null }],
        },
        'feature',
      ],
      [
        {
          ...scenarioToGeoJSON({
            ...SAMPLE,
            edits: [
              line({
                coordinates: [
                  [0, 0],
                  [1, 1],
                ],
              }),
            ],
          }),
        },
        'bounds',
      ],
      [{ ...scenarioToGeoJSON({ ...SAMPLE, edits: [line(), line()] }) }, 'duplicate'],
      [{ ...scenarioToGeoJSON({ ...SAMPLE, edits: [line({ id: 'ql1' })] }) }, 'feature'], // an added id starts with sc-
      [{ type: 'FeatureCollection', ntcc_scenario: { speeds: { warp: 9 } }, features: [] }, 'speed'],
      [{ type: 'FeatureCollection', features: Array.from({ length: 501 }, () => ({})) }, 'too-many'],
    ];
    for (const [json, code] of cases) {
      const r = readScenario(json, known);
      expect(r.ok, code).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe(code);
      for (const lang of ['vi', 'en'] as const)
        expect(render(lang, { key: `Scenario.err.${r.error.code}`, vars: r.error.vars })).not.toMatch(/\{|Scenario\.err/);
    }
    expect(readScenarioBytes(new TextEncoder().encode('{ not json'), known)).toMatchObject({ ok: false, error: { code: 'json' } });
    expect(decodeScenario('!!', known)).toMatchObject({ ok: false });
  });

  it('never throws on arbitrary JSON, and what it accepts round-trips', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const wrapped = { type: 'FeatureCollection', features: [json] };
        for (const x of [json, wrapped]) {
          const r = readScenario(x, known);
          if (r.ok) expect(readScenario(JSON.parse(writeScenario(r.scenario)), known)).toEqual(r);
        }
      }),
      { numRuns: Number(process.env['FUZZ_RUNS'] ?? 300) },
    );
  });
});

describe('scenarios in the analyses', () => {
  it('an empty scenario equals no scenario', () => {
    expect(scenarioKey(EMPTY_SCENARIO)).toBe('');
    expect(overridesKey({ scenario: EMPTY_SCENARIO })).toBe(overridesKey({}));
    expect(applyScenario(inputs, EMPTY_SCENARIO).inputs).toBe(inputs);
    for (const p of [
      { kind: 'access', metric: 'minutes', cellKm: 20 },
      { kind: 'gravity', impedance: 'minutes' },
      { kind: 'distance' },
      { kind: 'index' },
    ] as const) {
      const none = runAnalysis(inputs, { ...DEFAULT_PARAMS, ...p }, () => {});
      const empty = runAnalysis(inputs, { ...DEFAULT_PARAMS, ...p }, () => {}, { scenario: EMPTY_SCENARIO });
      expect(stripVolatile(empty), p.kind).toEqual(stripVolatile(none));
    }
  });

  it('is applied only where it can change a run: never to shared borders or gravity in km, speeds alone only in minutes', () => {
    const speedsOnly: Scenario = { name: 'Nhanh', speeds: { expressway: 120 }, edits: [] };
    const cases: [Partial<AnalysisParams>, Scenario, boolean][] = [
      [{ kind: 'adjacency' }, SAMPLE, false],
      [{ kind: 'gravity', impedance: 'km' }, SAMPLE, false],
      [{ kind: 'gravity', impedance: 'minutes' }, SAMPLE, true],
      [{ kind: 'access', metric: 'km' }, speedsOnly, false],
      [{ kind: 'access', metric: 'minutes' }, speedsOnly, true],
      [{ kind: 'distance' }, SAMPLE, true],
    ];
    for (const [p, sc, acts] of cases) {
      const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, cellKm: 20, ...p } as AnalysisParams, () => {}, { scenario: sc });
      expect(r.scenario !== null, JSON.stringify(p)).toBe(acts);
      expect(
        r.notes.some((n) => render('en', n).startsWith('Scenario “')),
        JSON.stringify(p),
      ).toBe(acts);
    }
  });

  it('adding a corridor never lengthens a trip', () => {
    const before = seaportMinutes(null);
    const pt = fc.tuple(fc.double({ min: 105, max: 109.3, noNaN: true }), fc.double({ min: 11, max: 19.5, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(pt, { minLength: 2, maxLength: 4 }),
        fc.constantFrom('expressway', 'national_road', 'coastal_road') as fc.Arbitrary<'expressway'>,
        (coordinates, mode) => {
          const after = seaportMinutes({ name: '', speeds: {}, edits: [line({ coordinates, mode })] });
          expect(allAtMost(after, before)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('removing or slowing a corridor never shortens a trip', () => {
    const before = seaportMinutes(null);
    const ids = inputs.corridors.features.filter((f) => f.properties.horizon === 'today').map((f) => f.properties.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.boolean(), fc.integer({ min: 5, max: 40 }), (target, remove, kmh) => {
        const edit: ScenarioEdit = remove ? { action: 'remove', target } : { action: 'slow', target, speed_kmh: kmh };
        expect(allAtMost(before, seaportMinutes({ name: '', speeds: {}, edits: [edit] }))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('an added seaport is a destination; a faster expressway shortens trips; the note says what changed', () => {
    const before = seaportMinutes(null);
    const port: Scenario = { name: 'P', speeds: {}, edits: [SAMPLE.edits[1]!] };
    const withPort = seaportMinutes(port);
    expect(allAtMost(withPort, before)).toBe(true);
    expect(withPort.some((m, i) => m < before[i]! - 1)).toBe(true);
    const faster = seaportMinutes({ name: '', speeds: { expressway: 120 }, edits: [] });
    expect(allAtMost(faster, before)).toBe(true);
    const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'gravity', impedance: 'minutes' }, () => {}, { scenario: SAMPLE });
    expect(r.scenario).toMatchObject({ name: 'Kịch bản thử', add: 2, remove: 1, slow: 1, speeds: 1 });
    const notes = r.notes.map((n) => render('en', n)).join(' ');
    expect(notes).toMatch(/Scenario “Kịch bản thử”: 2 added, 1 removed, 1 slowed/);
    expect(notes).toMatch(/Speeds set by the scenario \(km\/h\): expressways 100/);
  });
});

describe('ntcc analyze with scenarios', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ntcc-sc-'));
  const file = join(dir, 'sc.geojson');
  writeFileSync(file, writeScenario(SAMPLE));

  it('--compare-horizon adds delta_<field> = this run − the baseline', async () => {
    const { code, out } = await runCli([
      'analyze',
      'access',
      '--metric',
      'minutes',
      '--cell-km',
      '20',
      '--horizon',
      '2030',
      '--compare-horizon',
      'today',
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, number | null>[];
    const base = JSON.parse((await runCli(['analyze', 'access', '--metric', 'minutes', '--cell-km', '20'])).out) as typeof rows;
    expect(rows.length).toBe(base.length);
    rows.forEach((r, i) =>
      expect(r['delta_minutes_to_seaport']).toBeCloseTo(r['minutes_to_seaport']! - base[i]!['minutes_to_seaport']!, 4),
    );
    // The 2030 east–west expressways shorten some trips and lengthen none.
    expect(rows.some((r) => r['delta_minutes_to_seaport']! < -1)).toBe(true);
    expect(rows.every((r) => r['delta_minutes_to_seaport']! <= 1e-3)).toBe(true);
  });

  it('--scenario and --compare-scenario: the index before and after, with the change in rank', async () => {
    const empty = join(dir, 'empty.geojson');
    writeFileSync(empty, writeScenario(EMPTY_SCENARIO));
    const { code, out } = await runCli(['analyze', 'index', '--scenario', file, '--compare-scenario', empty]);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['rank', 'index', 'delta_rank', 'delta_index']));
  });

  it('a bad scenario or speeds file exits 2 and says why; --speeds changes the minutes', async () => {
    const bad = join(dir, 'bad.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { action: 'remove', target: 'x' }, geometry: null }],
      }),
    );
    const r = await runCli(['analyze', 'gravity', '--lang', 'en', '--scenario', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no corridor “x”/);
    const speeds = join(dir, 'speeds.json');
    writeFileSync(speeds, JSON.stringify({ warp: 3 }));
    expect((await runCli(['analyze', 'gravity', '--speeds', speeds])).code).toBe(2);
    writeFileSync(speeds, JSON.stringify({ national_road: 25, expressway: 45, coastal_road: 25, ho_chi_minh_road: 25 }));
    const slow = JSON.parse((await runCli(['analyze', 'gravity', '--impedance', 'minutes', '--speeds', speeds])).out) as {
      minutes: number;
    }[];
    const normal = JSON.parse((await runCli(['analyze', 'gravity', '--impedance', 'minutes'])).out) as { minutes: number }[];
    expect(Math.min(...slow.map((x) => x.minutes))).toBeGreaterThan(Math.min(...normal.map((x) => x.minutes)));
    expect(readFileSync(file, 'utf8')).toContain('ntcc_scenario');
  });
});
