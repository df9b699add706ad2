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
