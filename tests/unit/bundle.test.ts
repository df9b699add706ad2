/** The research bundle: progress, cancellation, restricted layers. */
import { describe, expect, it } from 'vitest';
import { loadLayer } from '../../cli/load.ts';
import { RestrictedLayerError, buildBundle } from '../../src/export/bundle.ts';

const base = { results: [], edition: '2022', horizon: 'today', version: 'test', now: '2026-01-01T00:00:00Z' };

describe('buildBundle', () => {
  it('reports progress up to 1 and lists every file in the metadata', async () => {
    const seen: number[] = [];
    const { metadata } = await buildBundle({
      ...base,
      layers: [{ id: 'seaports', fc: loadLayer('seaports') }],
      formats: ['geojson', 'csv'],
      includeRestricted: false,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.at(-1)).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(metadata.layers[0]!.files).toEqual(['layers/seaports.geojson', 'layers/seaports.csv']);
    expect(metadata.created).toBe('2026-01-01T00:00:00Z');
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    const run = buildBundle({
      ...base,
      layers: ['provinces-2022', 'provinces-2025', 'corridors', 'seaports'].map((id) => ({ id, fc: loadLayer(id) })),
      formats: ['geojson', 'gpkg', 'fgb'],
      includeRestricted: false,
      onProgress: (p) => {
        if (p > 0.2) abort.abort();
      },
      signal: abort.signal,
    });
    await expect(run).rejects.toThrow(/abort/i);
  });

  it('refuses a restricted layer unless it is included explicitly, and then says so', async () => {
    const layers = [{ id: 'border-line', fc: loadLayer('border-line') }];
    await expect(buildBundle({ ...base, layers, formats: ['geojson'], includeRestricted: false })).rejects.toThrow(RestrictedLayerError);
    const { metadata } = await buildBundle({ ...base, layers, formats: ['geojson'], includeRestricted: true });
    expect(metadata.restricted_included).toBe(true);
    expect(metadata.restricted_note).toMatch(/defence and security/);
    expect(metadata.layers[0]!.sensitivity).toBe('restricted');
  });
});

describe('a bundle of a scenario compared with a baseline', () => {
  it('holds the scenario file, delta_ columns, and says what each run was made on', async () => {
    const { loadInputs } = await import('../../cli/load.ts');
    const { runAnalysis } = await import('../../src/analysis/run.ts');
    const { DEFAULT_PARAMS } = await import('../../src/core/analysis.ts');
    const { readScenario } = await import('../../src/data/scenario.ts');
    const { unzipSync, strFromU8 } = await import('fflate');
    const inputs = loadInputs();
    const scenario = {
      name: 'Thử',
      speeds: { expressway: 100 },
      edits: [{ action: 'remove' as const, target: 'ql1' }],
    };
    const p = { ...DEFAULT_PARAMS, kind: 'gravity' as const, impedance: 'minutes' as const };
    const result = runAnalysis(inputs, p, () => {}, { scenario });
    const baseline = runAnalysis(inputs, p, () => {});
    if (baseline.kind !== 'gravity') throw new Error('not gravity');
    const { zip, metadata } = await buildBundle({
      ...base,
      layers: [],
      results: [{ result, tables: ['rows'], baseline }],
      scenario,
      formats: ['geojson'],
      includeRestricted: false,
    });
    const files = unzipSync(zip);
    expect(metadata.scenario).toEqual({ file: 'scenario.geojson', name: 'Thử' });
    const known = new Set(inputs.corridors.features.map((f) => f.properties.id));
    expect(readScenario(JSON.parse(strFromU8(files['scenario.geojson']!)), known)).toEqual({ ok: true, scenario });
    expect(metadata.analyses[0]!.scenario).toMatchObject({ name: 'Thử', remove: 1, speeds: 1 });
    expect(metadata.analyses[0]!.compared_with).toMatchObject({ scenario: null, params: { impedance: 'minutes' } });
    const rows = JSON.parse(strFromU8(files['analysis/gravity-rows.geojson']!)) as { features: { properties: Record<string, number> }[] };
    const props = rows.features[0]!.properties;
    expect(props['delta_minutes']).toBeCloseTo(
      props['minutes']! -
        baseline.rows.find((r) => r.a === (props['a'] as unknown as string) && r.b === (props['b'] as unknown as string))!.minutes!,
      4,
    );
  });
});
