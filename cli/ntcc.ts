/**
 * `ntcc`: the command line for the same analyses and exports as the app.
 *   ntcc analyze <adjacency|reach|distance|gravity|hinterland|access|index> [options]
 *   ntcc export --layers LIST --format geojson|csv|kml|shp|gpkg|fgb --out FILE [--horizon H] [--belt-km 5|10|20|50] [--include-restricted]
 *   ntcc bundle --out FILE.zip [--layers LIST] [--formats LIST] [--analyses LIST] [--include-restricted]
 *   ntcc validate FILE   (checks a file exactly as the app's import does; exit 1 with the same message)
 * Arguments are untrusted: each is checked, and a bad one gets a message in the chosen
 * language (`--lang vi|en`, Vietnamese by default) and exit code 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Geometry } from 'geojson';
import { ANALYSES, PARAM_DEFS, parseParams, writeParam, type AnalysisKind, type ParamDef, type ParamKey } from '../src/core/analysis.ts';
import { HORIZONS } from '../src/core/layers.ts';
import { runAnalysis } from '../src/analysis/run.ts';
import { unitsFor } from '../src/analysis/inputs.ts';
import { resultTables, tableToCsv, tableToGeoJSON } from '../src/export/results.ts';
import { EXPORT_FORMATS, toGeoPackage, writeLayer, type ExportFormat } from '../src/export/writers.ts';
import { EXPORT_LAYERS, beltAt, sensitivityOf, visiblePart } from '../src/export/catalogue.ts';
import { buildBundle } from '../src/export/bundle.ts';
import { DEFAULT_PARAMS } from '../src/core/analysis.ts';
import { BELT_KM_CHOICES, STATUSES, beltKmOf, type Horizon } from '../src/core/layers.ts';
import { t, type Lang, type MessageKey } from '../src/i18n/index.ts';
import { importFile, setDomParser } from '../src/data/import.ts';
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { loadInputs, loadLayer } from './load.ts';

/** A bad argument: printed as given and exit code 2. */
class UsageError extends Error {}

const COMMANDS = ['analyze', 'export', 'bundle', 'validate'] as const;

/** A file that failed validation: exit code 1 with the import's message. */
class InvalidFileError extends Error {}
const FORMATS = ['json', 'csv', 'geojson', 'kml', 'shp', 'gpkg', 'fgb'] as const;

/** Flag name → analysis parameter, from the parameters' definitions (the analysis itself is the positional). */
const FLAG_PARAM: Record<string, ParamKey> = Object.fromEntries(
  (Object.keys(PARAM_DEFS) as ParamKey[]).filter((k) => k !== 'kind').map((k) => [PARAM_DEFS[k].flag, k]),
);

function allowed(lang: Lang, param: ParamKey): string {
  const d: ParamDef = PARAM_DEFS[param];
  if (d.type === 'number') return t(lang, 'Cli.Range', { min: d.range[0], max: d.range[1] });
  if (d.type === 'boolean') return t(lang, 'Cli.Boolean');
  return d.choices.join(', ');
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

async function analyze(argv: string[], lang: Lang, out: (s: string) => void): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...Object.fromEntries(
          Object.entries(FLAG_PARAM).map(([flag, k]) => [flag, { type: PARAM_DEFS[k].type === 'boolean' ? 'boolean' : 'string' } as const]),
        ),
        table: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        lang: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError(t(lang, 'Cli.BadOption', { message: e instanceof Error ? e.message : String(e) }));
  }
  const kinds = ANALYSES.join('|');
  const [kind, ...extra] = parsed.positionals;
  if (!kind) throw new UsageError(t(lang, 'Cli.Usage', { kinds }));
  if (!(ANALYSES as readonly string[]).includes(kind))
    throw new UsageError(t(lang, 'Cli.UnknownAnalysis', { kind, kinds: ANALYSES.join(', ') }));
  if (extra.length) throw new UsageError(t(lang, 'Cli.BadOption', { message: extra.join(' ') }));
  const v = parsed.values;
  if (v.lang !== undefined && v.lang !== 'vi' && v.lang !== 'en')
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'lang', value: v.lang, allowed: 'vi, en' }));
  const format = v.format!;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'format', value: format, allowed: FORMATS.join(', ') }));
  const raw: Partial<Record<ParamKey, string>> = { kind };
  for (const [flag, param] of Object.entries(FLAG_PARAM)) {
    const value = (v as Record<string, string | boolean | undefined>)[flag];
    if (value !== undefined) raw[param] = typeof value === 'boolean' ? writeParam(param, value) : value;
  }
  const { params, problems } = parseParams(raw);
  const bad = problems[0];
  if (bad) {
    const flag = Object.entries(FLAG_PARAM).find(([, p]) => p === bad.param)?.[0] ?? bad.param;
    throw new UsageError(t(lang, 'Cli.BadValue', { flag, value: bad.value, allowed: allowed(lang, bad.param) }));
  }

  const inputs = loadInputs();
  const result = runAnalysis(inputs, { ...params, kind: kind as AnalysisKind });
  const geometries = new Map<string, Geometry>(unitsFor(inputs, params.edition, { context: true }).map((u) => [u.id, u.geometry]));
  const tables = resultTables(result, geometries);
  const table = v.table === undefined ? tables[0]! : tables.find((x) => x.name === v.table);
  if (!table) throw new UsageError(t(lang, 'Cli.BadTable', { table: v.table!, tables: tables.map((x) => x.name).join(', ') }));

  if (format === 'json' || format === 'csv' || format === 'geojson') {
    const text =
      format === 'csv'
        ? tableToCsv(table)
        : format === 'geojson'
          ? JSON.stringify(tableToGeoJSON(table)) + '\n'
          : JSON.stringify(table.rows, null, 2) + '\n';
    if (v.out === undefined) out(text);
    else save(lang, v.out, text, table.rows.length);
    return;
  }
  if (v.out === undefined) throw new UsageError(t(lang, 'Cli.NeedOut', { format }));
  const { bytes } = await writeLayer(tableToGeoJSON(table), `${kind}-${table.name}`, format as ExportFormat);
  save(lang, v.out, bytes, table.rows.length);
}

function save(lang: Lang, file: string, data: string | Uint8Array, rows: number): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new Error(t(lang, 'Cli.WriteError', { file, message: e instanceof Error ? e.message : String(e) }), { cause: e });
  }
  process.stderr.write(t(lang, 'Cli.Wrote', { rows, file }) + '\n');
}

/** Reads `--layers LIST` (or `all`): known ids, restricted ones only with the flag. */
function layerList(lang: Lang, list: string | undefined, includeRestricted: boolean, fallbackAll: boolean): string[] {
  if (list === undefined && !fallbackAll) throw new UsageError(t(lang, 'Cli.NeedLayers', { layers: EXPORT_LAYERS.join(', ') }));
  const ids =
    list === undefined || list === 'all'
      ? EXPORT_LAYERS.filter((id) => includeRestricted || sensitivityOf(id) === 'public')
      : list.split(',').map((x) => x.trim());
  for (const id of ids) {
    if (!(EXPORT_LAYERS as readonly string[]).includes(id))
      throw new UsageError(t(lang, 'Cli.UnknownLayer', { layer: id, layers: EXPORT_LAYERS.join(', ') }));
    if (sensitivityOf(id) === 'restricted' && !includeRestricted) throw new UsageError(t(lang, 'Cli.Restricted', { layer: id }));
  }
  return ids;
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];
function parseOrUsage(lang: Lang, argv: string[], options: Options): { values: Record<string, string | boolean | undefined> } {
  try {
    const { values } = parseArgs({ args: argv, allowPositionals: false, strict: true, options: { ...options, lang: { type: 'string' } } });
    return { values: values as Record<string, string | boolean | undefined> };
  } catch (e) {
    throw new UsageError(t(lang, 'Cli.BadOption', { message: e instanceof Error ? e.message : String(e) }));
  }
}

async function exportCmd(argv: string[], lang: Lang): Promise<void> {
  const { values: v } = parseOrUsage(lang, argv, {
    layers: { type: 'string' },
    format: { type: 'string', default: 'geojson' },
    out: { type: 'string' },
    horizon: { type: 'string' },
    'belt-km': { type: 'string' },
    'include-restricted': { type: 'boolean', default: false },
  });
  const format = String(v['format']);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'format', value: format, allowed: EXPORT_FORMATS.join(', ') }));
  const horizon = v['horizon'] === undefined ? undefined : String(v['horizon']);
  if (horizon !== undefined && !(HORIZONS as readonly string[]).includes(horizon))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'horizon', value: horizon, allowed: HORIZONS.join(', ') }));
  // The border belt at one width (the file holds every offered width).
  const beltText = v['belt-km'] === undefined ? undefined : String(v['belt-km']);
  const beltKm = beltText === undefined ? undefined : beltKmOf(beltText);
  if (beltText !== undefined && beltKm === undefined)
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'belt-km', value: beltText, allowed: BELT_KM_CHOICES.join(', ') }));
  const ids = layerList(lang, v['layers'] as string | undefined, Boolean(v['include-restricted']), false);
  if (v['out'] === undefined) throw new UsageError(t(lang, 'Cli.NeedOut', { format }));
  const outFile = String(v['out']);
  const layers = ids.map((id) => {
    const fc = loadLayer(id);
    const shown = horizon ? visiblePart(fc, horizon as Horizon, STATUSES) : fc;
    return { id, fc: id === 'border-belt' && beltKm !== undefined ? beltAt(shown, beltKm) : shown };
  });
  const rows = layers.reduce((s, l) => s + l.fc.features.length, 0);
  if (layers.length === 1) {
    const { bytes } = await writeLayer(layers[0]!.fc, layers[0]!.id, format as ExportFormat);
    return save(lang, outFile, bytes, rows);
  }
  if (format === 'gpkg') return save(lang, outFile, await toGeoPackage(layers.map((l) => ({ name: l.id, fc: l.fc }))), rows);
  if (!outFile.endsWith('.zip')) throw new UsageError(t(lang, 'Cli.NeedZip', { format }));
  const { zipSync } = await import('fflate');
  const files: Record<string, Uint8Array> = {};
  for (const l of layers) {
    const { bytes, filename } = await writeLayer(l.fc, l.id, format as ExportFormat);
    files[filename] = bytes;
  }
  save(lang, outFile, zipSync(files, { level: 6 }), rows);
}

async function validateCmd(argv: string[], lang: Lang, out: (s: string) => void): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { lang: { type: 'string' } } });
  } catch (e) {
    throw new UsageError(t(lang, 'Cli.BadOption', { message: e instanceof Error ? e.message : String(e) }));
  }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) throw new UsageError(t(lang, 'Cli.BadOption', { message: 'ntcc validate FILE' }));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UsageError(t(lang, 'Cli.WriteError', { file, message: e instanceof Error ? e.message : String(e) }));
  }
  setDomParser(() => new XmlDomParser({ onError: () => undefined }) as never);
  const r = await importFile(file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!r.ok) throw new InvalidFileError(t(lang, `Import.${r.error.code}` as MessageKey, r.error.vars));
  for (const w of r.warnings)
    process.stderr.write(t(lang, 'Cli.Warning', { message: t(lang, `ImportWarn.${w.code}` as MessageKey, w.vars) }) + '\n');
  out(t(lang, 'Cli.Valid', { n: r.fc.features.length, name: r.name }) + '\n');
}

async function bundleCmd(argv: string[], lang: Lang): Promise<void> {
  const { values: v } = parseOrUsage(lang, argv, {
    layers: { type: 'string' },
    formats: { type: 'string', default: 'geojson,csv,gpkg' },
    analyses: { type: 'string', default: ANALYSES.join(',') },
    edition: { type: 'string', default: '2022' },
    out: { type: 'string' },
    'include-restricted': { type: 'boolean', default: false },
  });
  const formats = String(v['formats']).split(',');
  for (const f of formats)
    if (!(EXPORT_FORMATS as readonly string[]).includes(f))
      throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'formats', value: f, allowed: EXPORT_FORMATS.join(', ') }));
  const analyses = String(v['analyses']) === 'none' ? [] : String(v['analyses']).split(',');
  for (const a of analyses)
    if (!(ANALYSES as readonly string[]).includes(a))
      throw new UsageError(t(lang, 'Cli.UnknownAnalysis', { kind: a, kinds: ANALYSES.join(', ') }));
  const edition = String(v['edition']);
  if (edition !== '2022' && edition !== '2025')
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'edition', value: edition, allowed: '2022, 2025' }));
  if (v['out'] === undefined || !String(v['out']).endsWith('.zip')) throw new UsageError(t(lang, 'Cli.NeedZip', { format: 'bundle' }));
  const includeRestricted = Boolean(v['include-restricted']);
  const ids = layerList(lang, v['layers'] as string | undefined, includeRestricted, true);
  const inputs = loadInputs();
  const results = analyses.map((kind) => runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: kind as AnalysisKind, edition, horizon: 'today' }));
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const { zip, metadata } = await buildBundle({
    layers: ids.map((id) => ({ id, fc: loadLayer(id) })),
    results,
    formats: formats as ExportFormat[],
    edition,
    horizon: 'today',
    includeRestricted,
    version,
  });
  save(
    lang,
    String(v['out']),
    zip,
    metadata.layers.reduce((s, l) => s + l.features, 0),
  );
}

/**
 * Runs the command line.
 * @param argv - the arguments after the program name
 * @returns the exit code: 0 done, 2 bad argument, 1 failure
 * @example await main(['analyze', 'adjacency', '--edition', '2022']) // prints JSON rows, returns 0
 */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const lang = langOf(argv);
  const [command, ...rest] = argv;
  try {
    if (command === 'analyze') await analyze(rest, lang, out);
    else if (command === 'export') await exportCmd(rest, lang);
    else if (command === 'bundle') await bundleCmd(rest, lang);
    else if (command === 'validate') await validateCmd(rest, lang, out);
    else throw new UsageError(t(lang, 'Cli.UnknownCommand', { command: command ?? '', commands: COMMANDS.join(', ') }));
    return 0;
  } catch (e) {
    process.stderr.write(`ntcc: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError ? 2 : e instanceof InvalidFileError ? 1 : 1;
  }
}
