/**
 * Tests that walk the registries: every analysis kind, every file format and every thematic
 * layer is checked the same way, so a new one is tested the moment it is defined. And the
 * architecture's rules that the compiler cannot see: no module-level mutable state in src
 * (the worker's own cache aside), no analysis kind asked for by name outside its own module
 * and its definition.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  ANALYSES,
  ANALYSIS_DEFS,
  DEFAULT_PARAMS,
  PARAM_DEFS,
  paramsKey,
  viewMeasures,
  type AnalysisKind,
  type AnalysisParams,
} from '../../src/core/analysis.ts';
import { analysisLegend } from '../../src/core/analysis-style.ts';
import { baseColumn } from '../../src/core/columns.ts';
import { chartOf, markCount } from '../../src/export/charts.ts';
import { THEMATIC_LAYERS } from '../../src/core/layers.ts';
import { legendFor } from '../../src/core/thematic-style.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { parseLayer } from '../../src/data/schemas.ts';
import { FORMATS, formatById, IMPORT_EXTENSIONS, importFile, writeLayer, type ExportFormat } from '../../src/export/formats.ts';
import { IMPORT_EXTENSIONS as PICKER_EXTENSIONS } from '../../src/export/import-accept.ts';
import { resultTables } from '../../src/export/results.ts';
import { isMessageKey, render } from '../../src/i18n/index.ts';
import { formatHash, parseHash } from '../../src/state/url-hash.ts';
import { loadInputs } from '../../cli/load.ts';

const inputs = loadInputs();
/** Each kind at its defaults, on coarse cells so the walk stays quick. */
const paramsOf = (kind: AnalysisKind): AnalysisParams => ({ ...DEFAULT_PARAMS, kind, cellKm: 20 });

describe('every analysis kind', () => {
  for (const kind of ANALYSES) {
    describe(kind, () => {
      const params = paramsOf(kind);
      const result = runAnalysis(inputs, params);

      it('runs on the bundled data and gives its main table first, every column defined and labelled', () => {
        expect(result.kind).toBe(kind);
        const tables = resultTables(result);
        expect(tables[0]!.name).toBe(ANALYSIS_DEFS[kind].mainTable);
        for (const t of tables)
          for (const c of t.columns) {
            const base = baseColumn(c);
            expect(base, `${kind}.${t.name}.${c}`).toBeDefined();
            expect(isMessageKey(`Col.${base!}`), `${kind}.${t.name}.${c}`).toBe(true);
          }
      });

      it('says its model and notes in both languages, every placeholder filled', () => {
        for (const lang of ['vi', 'en'] as const)
          for (const m of [result.model, ...result.notes]) {
            const text = render(lang, m);
            expect(text.length).toBeGreaterThan(10);
            expect(text, text).not.toMatch(/\{\w+\}/);
          }
        expect(render('vi', result.model)).not.toBe(render('en', result.model));
      });

      it('has a legend, in the measure it opens with', () => {
        const measure = viewMeasures(params, result)[0] ?? 'seaport_km';
        const spec = analysisLegend(result, { measure });
        if (spec.type === 'ramp') expect(spec.range[0]).toBeLessThanOrEqual(spec.range[1]);
        else expect(spec.items.length).toBeGreaterThan(0);
      });

      it('has a chart of at least five marks, named by its main finding in both languages', () => {
        const measure = viewMeasures(params, result)[0] ?? 'seaport_km';
        const chart = chartOf(result, { measure, method: 'network' });
        expect(markCount(chart)).toBeGreaterThanOrEqual(5);
        for (const lang of ['vi', 'en'] as const) {
          const finding = render(lang, chart.finding);
          expect(finding).not.toMatch(/\{\w+\}/);
          expect(finding.length).toBeGreaterThan(10);
        }
        for (const s of chart.series) expect(s.values).toHaveLength(chart.categories.length);
      });

      it('reads only the parameters it uses: the cache key changes with them and with nothing else', () => {
        const uses = ANALYSIS_DEFS[kind].uses;
        for (const key of uses) expect(PARAM_DEFS[key], key).toBeDefined();
        const unused = (Object.keys(PARAM_DEFS) as (keyof AnalysisParams)[]).filter((k) => k !== 'kind' && !uses.includes(k));
        for (const k of unused) {
          const other = k === 'beta' ? { ...params, beta: 3 } : k === 'context' ? { ...params, context: true } : null;
          if (other) expect(paramsKey(other), k).toBe(paramsKey(params));
        }
        if (uses.includes('edition')) expect(paramsKey({ ...params, edition: '2025' })).not.toBe(paramsKey(params));
      });

      it('round-trips through the address', () => {
        const { edition: _e, horizon: _h, ...analysis } = { ...params, cellKm: DEFAULT_PARAMS.cellKm };
        const hash = formatHash({
          view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
          edition: '2022',
          lang: 'vi',
          selected: null,
          analysis,
        });
        expect(parseHash(hash).state.analysis).toEqual(analysis);
      });
    });
  }
});

describe('every file format', () => {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: 'Vũng Áng', n: 2 }, geometry: { type: 'Point', coordinates: [106.39, 18.1] } },
      { type: 'Feature', properties: { name: 'Chân Mây', n: 3 }, geometry: { type: 'Point', coordinates: [108.0, 16.33] } },
    ],
  };
  it('the file picker offers exactly the endings of the formats the import reads', () => {
    expect([...PICKER_EXTENSIONS].sort()).toEqual([...IMPORT_EXTENSIONS].sort());
  });
  for (const f of FORMATS) {
    if (!('write' in f)) continue;
    it(`${f.id}: writes a file named for its format${'read' in f ? ', and reads it back' : ''}`, async () => {
      const { bytes, filename } = await writeLayer(fc, 'ports', f.id as ExportFormat);
      expect(filename).toBe(`ports.${formatById(f.id).extensions[0]}`);
      expect(bytes.length).toBeGreaterThan(0);
      if (!('read' in f)) return;
      const back = await importFile(filename, bytes);
      expect(back.ok, filename).toBe(true);
      if (back.ok) expect(back.fc.features.map((x) => String(x.properties?.['name']))).toEqual(['Vũng Áng', 'Chân Mây']);
    });
  }
});

describe('every thematic layer', () => {
  for (const layer of THEMATIC_LAYERS)
    it(`${layer.id}: its file matches its schema, and it has a legend and a name in both languages`, () => {
      const json: unknown = JSON.parse(readFileSync(`data/geojson/${layer.file}`, 'utf8'));
      expect(parseLayer(layer.id, json, layer.file).features.length).toBeGreaterThan(0);
      expect(legendFor(layer.id).length).toBeGreaterThan(0);
      expect(isMessageKey(`Layer.${layer.id}`)).toBe(true);
    });
});

/** Every source file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__fixtures__' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the architecture', () => {
  const files = sources('src');

  it('keeps no mutable state at module level (the worker’s cache aside): it lives in the store or the injected services', () => {
    const found = files
      .filter((f) => !f.startsWith(join('src', 'workers')))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ i, line }))
          .filter(({ line }) => /^(export )?(let|var) /.test(line))
          .map(({ i, line }) => `${f}:${i + 1}: ${line}`),
      );
    expect(found).toEqual([]);
  });

  it('asks for an analysis kind by name only in its own module and its definition (at most 3 elsewhere)', () => {
    const kinds = ANALYSES.join('|');
    const check = new RegExp(`(kind\\s*[!=]==\\s*'(${kinds})'|case '(${kinds})':)`);
    const allowed = new RegExp(`^src/(analysis/(${kinds})\\.ts|core/analysis\\.ts)$`);
    const found = files
      .map((f) => f.split('\\').join('/'))
      .filter((f) => !allowed.test(f))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .filter((line) => check.test(line))
          .map((line) => `${f}: ${line.trim()}`),
      );
    expect(found.length, found.join('\n')).toBeLessThanOrEqual(3);
  });

  it('never casts a message key', () => {
    const found = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => /as MessageKey\b|as '(\w+\.)+\w+'/.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
