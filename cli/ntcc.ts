/**
 * `ntcc`: the command line for the same analyses and exports as the app, built on commander.
 *   ntcc analyze <kind> [options]     the app's analyses (options from the parameters' definitions)
 *   ntcc export --layers LIST --format F --out FILE [--horizon H] [--belt-km K] [--include-restricted]
 *   ntcc bundle --out FILE.zip [--layers LIST] [--formats LIST] [--analyses LIST] [--include-restricted]
 *   ntcc validate FILE                (the app's import checks; exit 1 with the same message)
 *   ntcc join --table FILE [--sheet S] [--header-row N] [--key-field F] [--edition E] [--aggregate A] --format F [--out FILE]
 *   ntcc story --out FILE [--format html|pptx] [--story FILE.json] [--story-lang vi|en]   (an offline HTML file, or a PowerPoint deck)
 *   ntcc --help | <command> --help | --version
 * Arguments are untrusted: each is checked, and a bad one gets a message in the chosen
 * language (`--lang vi|en`, Vietnamese by default) and exit code 2. Help goes to stdout
 * with exit code 0, in the chosen language.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { FeatureCollection } from 'geojson';
import {
  ANALYSES,
  DEFAULT_PARAMS,
  PARAM_DEFS,
  parseParams,
  writeParam,
  type AnalysisKind,
  type AnalysisOverrides,
  type ParamDef,
  type ParamKey,
} from '../src/core/analysis.ts';
import { BELT_KM_CHOICES, HORIZONS, STATUSES, beltKmOf, type Horizon } from '../src/core/layers.ts';
import { runAnalysis } from '../src/analysis/run.ts';
import { deltaTable, resultTables, unitGeometries } from '../src/export/results.ts';
import { readScenarioBytes } from '../src/data/scenario.ts';
import { EMPTY_SCENARIO, type Scenario } from '../src/core/scenario.ts';
import { checkSpeeds, SPEED_CLASSES, type SpeedClass } from '../src/core/speeds.ts';
import { CRS_CHOICES, crsByName, type CrsDef } from '../src/core/crs.ts';
import { crsProblem, EXPORT_FORMATS, formatById, importFile, writeLayer, type ExportFormat } from '../src/export/formats.ts';
import { EXPORT_LAYERS, beltAt, sensitivityOf, visiblePart } from '../src/export/catalogue.ts';
import { exportFiles, type BundleInput } from '../src/export/bundle.ts';
import { render, t, type Lang } from '../src/i18n/index.ts';
import { readTable, shapeTable, TableError, type Table } from '../src/data/table.ts';
import { AGGREGATES, guessKeyField, joinTable, JoinError, type Aggregate } from '../src/data/join.ts';
import { tableLayer } from '../src/export/table-layer.ts';
import type { NumberFormat } from '../src/core/figures.ts';
import { addNetworkCommand } from './network.ts';
import { PrintCliError, printOptions } from './print.ts';
import { loadInputs, loadLayer } from './load.ts';
import { addNetworkInputOptions, CliExit, networkOverride, registerNetworkBuild } from './network-build.ts';
import { registerRoute } from './route.ts';
import { populationArg } from './population.ts';

/** A bad argument: printed as given, exit code 2. */
class UsageError extends Error {}
/** A file that failed validation (`ntcc validate`): exit code 1 with the import's message. */
class InvalidFileError extends Error {}

/** What `analyze` can print or write: JSON rows, CSV and GeoJSON also to stdout; the rest need --out. */
const ANALYZE_FORMATS = ['json', ...EXPORT_FORMATS] as const;
const TO_STDOUT = ['json', 'csv', 'geojson'];

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** The language asked for anywhere on the line (`--lang en` or `--lang=en`); Vietnamese otherwise. */
function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

/** What a parameter accepts, in words: its choices, its range, or "a flag". */
function allowed(lang: Lang, param: ParamKey): string {
  const d: ParamDef = PARAM_DEFS[param];
  if (d.type === 'number') return t(lang, 'Cli.Range', { min: d.range[0], max: d.range[1] });
  if (d.type === 'boolean') return t(lang, 'Cli.Boolean');
  if (d.type === 'point') return t(lang, 'Cli.Point', { lon: d.bounds[0].join('–'), lat: d.bounds[1].join('–') });
  if (d.type === 'list') return t(lang, 'Cli.List', { max: d.max, min: d.range[0], maxv: d.range[1] });
  return (FILE_PARAMS as readonly string[]).includes(param) ? `${d.choices.join(', ')}, ${t(lang, 'Cli.OrFile')}` : d.choices.join(', ');
}

/** The parameters whose value may also be a file of points (od's places, siting's candidates; coverage takes `--points FILE` as another kind of place). */
const FILE_PARAMS = ['points', 'to', 'candidates'] as const satisfies readonly ParamKey[];

/** Flag name → analysis parameter, from the parameters' definitions (the analysis itself is the argument). */
const FLAG_PARAM: Record<string, ParamKey> = Object.fromEntries(
  (Object.keys(PARAM_DEFS) as ParamKey[]).filter((k) => k !== 'kind').map((k) => [PARAM_DEFS[k].flag, k]),
);

function save(lang: Lang, file: string, data: string | Uint8Array, rows: number): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    throw new Error(t(lang, 'Cli.WriteError', { file, message: e instanceof Error ? e.message : String(e) }), { cause: e });
  }
  process.stderr.write(t(lang, 'Cli.Wrote', { rows, file }) + '\n');
}

/** A file named on the command line, as bytes; one that cannot be read is a bad argument (exit 2). */
function readArg(lang: Lang, file: string): Uint8Array {
  try {
    const b = readFileSync(file);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    throw new UsageError(t(lang, 'Cli.ReadError', { file, message: e instanceof Error ? e.message : String(e) }));
  }
}

/** Reads a file through the app's import checks; a bad one is a bad argument (exit 2). */
async function importArg(lang: Lang, file: string): Promise<{ fc: FeatureCollection; name: string }> {
  const bytes = readArg(lang, file);
  const r = await importFile(basename(file), bytes);
  if (!r.ok) throw new UsageError(t(lang, 'Cli.BadFile', { file, message: t(lang, `Import.${r.error.code}`, r.error.vars) }));
  return { fc: r.fc, name: r.name };
}

/** Reads a table file and finds its header (a bad file is a bad argument: exit 2). */
async function tableArg(
  lang: Lang,
  file: string,
  opts: { sheet?: string | undefined; encoding?: 'utf-8' | 'windows-1258' | undefined; headerRow?: number | undefined },
): Promise<Table> {
  const bytes = readArg(lang, file);
  const sheet = opts.sheet !== undefined && /^\d+$/.test(opts.sheet) ? Number(opts.sheet) : opts.sheet;
  try {
    const raw = await readTable(basename(file), bytes, {
      ...(sheet === undefined ? {} : { sheet }),
      ...(opts.encoding ? { encoding: opts.encoding } : {}),
    });
    for (const w of raw.warnings) process.stderr.write(t(lang, 'Cli.Warning', { message: t(lang, `TableWarn.${w}`) }) + '\n');
    return shapeTable(raw, opts.headerRow);
  } catch (e) {
    if (e instanceof TableError)
      throw new UsageError(t(lang, 'Cli.BadFile', { file, message: t(lang, `TableFile.${e.code}`, e.vars) }), { cause: e });
    throw e;
  }
}

/** A figure column of the user's table, joined to the run's edition, as the mass (`--mass-table`, `--mass-field`). */
async function massTableArg(
  lang: Lang,
  file: string,
  field: string,
  sheet: string | undefined,
  edition: '2022' | '2025',
): Promise<NonNullable<AnalysisOverrides['mass']>> {
  const table = await tableArg(lang, file, { sheet });
  const inputs = loadInputs();
  const units = { '2022': inputs.provinces2022, '2025': inputs.provinces2025 };
  const keyField = guessKeyField(table, units['2022']) ?? guessKeyField(table, units['2025']);
  if (keyField === null) throw new UsageError(t(lang, 'Cli.NoKeyField', { columns: table.columns.join(', ') }));
  // A table of 2025 units is read as such when its rows match those better.
  const tableEdition = edition === '2025' && guessKeyField(table, units['2022']) === null ? '2025' : '2022';
  const joined = joinTable(table, units, { keyField, tableEdition, targetEdition: edition });
  const column = joined.report.columns.find((c) => c.name === field && c.numeric);
  if (!column) throw new UsageError(t(lang, 'Cli.NoFigureColumn', { field, columns: joined.numericColumns.join(', ') }));
  if (column.ambiguous || column.mixed) throw new UsageError(t(lang, column.mixed ? 'Cli.Mixed' : 'Cli.Ambiguous', { column: field }));
  for (const u of joined.report.unmatched) process.stderr.write(t(lang, 'Cli.Unmatched', { row: u.sheetRow, key: u.key }) + '\n');
  const values = Object.fromEntries(joined.units.map((u) => [u.iso, u.values[field] as number | null]));
  const name = basename(file);
  return { layer: `table:${name}`, name, field, values };
}

/** `--crs`: the system the files are written in, checked against every format asked for (exit 2 when one cannot hold it). */
function crsArg(lang: Lang, text: unknown, formats: readonly string[]): CrsDef | undefined {
  if (typeof text !== 'string') return undefined;
  const crs = crsByName(text);
  if (!crs) throw new UsageError(t(lang, 'Cli.BadCrs', { crs: text, choices: CRS_CHOICES.join(', ') }));
  for (const f of formats) {
    if (f === 'json') continue;
    const problem = crsProblem(f as ExportFormat, crs);
    if (problem === 'wgs84-only') throw new UsageError(t(lang, 'Cli.CrsNotFor', { format: f }));
    if (problem === 'needs-epsg') throw new UsageError(t(lang, 'Cli.CrsNoEpsg', { format: f, crs: crs.id }));
  }
  return crs.epsg === 4326 ? undefined : crs;
}

/** The fields of a collection, in first-seen order. */
const fieldsOf = (fc: FeatureCollection): string[] => [...new Set(fc.features.flatMap((f) => Object.keys(f.properties ?? {})))];
const hasGeometry = (fc: FeatureCollection, types: string[]): boolean =>
  fc.features.some((f) => f.geometry && types.includes(f.geometry.type));

/** The user's own units and ports for an analysis, read and checked as the app reads them. */
async function overridesOf(lang: Lang, o: Record<string, string | undefined>, edition: '2022' | '2025'): Promise<AnalysisOverrides> {
  const out: AnalysisOverrides = {};
  if (o['units'] !== undefined) {
    const { fc, name } = await importArg(lang, o['units']);
    if (!hasGeometry(fc, ['Polygon', 'MultiPolygon'])) throw new UsageError(t(lang, 'Cli.NotPolygons', { file: o['units'] }));
    const fields = fieldsOf(fc);
    const code = o['codeField'];
    if (code === undefined) throw new UsageError(t(lang, 'Cli.NeedCodeField', { fields: fields.join(', ') }));
    for (const f of [code, o['nameField'], o['populationField']])
      if (f !== undefined && !fields.includes(f)) throw new UsageError(t(lang, 'Cli.NoField', { field: f, fields: fields.join(', ') }));
    out.units = { layer: name, name, fc, code, nameField: o['nameField'] ?? code, population: o['populationField'] ?? null };
  } else
    for (const flag of ['codeField', 'nameField', 'populationField'] as const)
      if (o[flag] !== undefined) throw new UsageError(t(lang, 'Cli.FieldWithoutUnits'));
  if (o['massTable'] !== undefined || o['massField'] !== undefined) {
    if (o['massTable'] === undefined || o['massField'] === undefined) throw new UsageError(t(lang, 'Cli.MassNeedsBoth'));
    if (out.units) throw new UsageError(t(lang, 'Cli.MassWithUnits'));
    out.mass = await massTableArg(lang, o['massTable'], o['massField'], o['massSheet'], edition);
  }
  if (o['ports'] !== undefined) {
    const { fc, name } = await importArg(lang, o['ports']);
    if (!hasGeometry(fc, ['Point', 'MultiPoint'])) throw new UsageError(t(lang, 'Cli.NotPoints', { file: o['ports'] }));
    out.ports = { layer: name, name, fc };
  }
  return out;
}

/** A scenario file (`--scenario`, `--compare-scenario`), checked as the app checks it; a bad one is a bad argument (exit 2). */
function scenarioArg(lang: Lang, file: string, known: ReadonlySet<string>): Scenario {
  const r = readScenarioBytes(readArg(lang, file), known);
  if (!r.ok)
    throw new UsageError(
      t(lang, 'Cli.BadScenario', { file, message: render(lang, { key: `Scenario.err.${r.error.code}`, vars: r.error.vars }) }),
    );
  return r.scenario;
}

/** A speeds file (`--speeds`): km/h per kind of link; a bad one is a bad argument (exit 2). */
function speedsArg(lang: Lang, file: string): Partial<Record<SpeedClass, number>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(readArg(lang, file)));
  } catch {
    json = null;
  }
  const r = checkSpeeds(json);
  if (!r.ok) throw new UsageError(t(lang, 'Cli.BadSpeeds', { file, key: r.key, classes: SPEED_CLASSES.join(', ') }));
  return r.speeds;
}

/** A scenario with the speeds file's speeds on top (the speeds hold for every run of the line). */
function withSpeeds(s: Scenario | null, speeds: Partial<Record<SpeedClass, number>>): Scenario | null {
  if (!Object.keys(speeds).length) return s;
  const base = s ?? EMPTY_SCENARIO;
  return { ...base, speeds: { ...base.speeds, ...speeds } };
}

/**
 * An analysis asked for on the command line (`ntcc analyze`, `ntcc print --analysis`): its
 * parameters from the flags (PARAM_DEFS), the user's units, ports, mass table, scenario and
 * speeds, and the baseline to compare with; a bad one is a bad argument (exit 2).
 */
export async function analysisArgs(lang: Lang, kind: string, v: Record<string, string | boolean | undefined>) {
  if (!(ANALYSES as readonly string[]).includes(kind))
    throw new UsageError(t(lang, 'Cli.UnknownAnalysis', { kind, kinds: ANALYSES.join(', ') }));
  const raw: Partial<Record<ParamKey, string>> = { kind };
  for (const [flag, param] of Object.entries(FLAG_PARAM)) {
    const value = v[camel(flag)];
    if (value !== undefined) raw[param] = typeof value === 'boolean' ? writeParam(param, value) : value;
  }
  // `--points FILE`, `--to FILE`, `--candidates FILE`: a file of points, read through the app's import checks.
  const files: Partial<Record<(typeof FILE_PARAMS)[number], { layer: string; name: string; fc: FeatureCollection }>> = {};
  for (const param of FILE_PARAMS) {
    const text = raw[param];
    const d = PARAM_DEFS[param];
    if (text === undefined || (d.choices as readonly string[]).includes(text)) continue;
    if (!existsSync(text)) throw new UsageError(t(lang, 'Cli.BadValue', { flag: d.flag, value: text, allowed: allowed(lang, param) }));
    const { fc, name } = await importArg(lang, text);
    if (!hasGeometry(fc, ['Point', 'MultiPoint'])) throw new UsageError(t(lang, 'Cli.NotPoints', { file: text }));
    files[param] = { layer: name, name, fc };
    delete raw[param];
  }
  const { params, problems } = parseParams(raw);
  const bad = problems[0];
  if (bad)
    throw new UsageError(
      t(lang, 'Cli.BadValue', { flag: PARAM_DEFS[bad.param].flag, value: bad.value, allowed: allowed(lang, bad.param) }),
    );
  const overrides = await overridesOf(lang, v as Record<string, string | undefined>, params.edition as '2022' | '2025');
  Object.assign(overrides, files);
  const inputs = loadInputs();
  const known = new Set(inputs.corridors.features.map((f) => f.properties.id));
  const speeds = v['speeds'] === undefined ? {} : speedsArg(lang, String(v['speeds']));
  overrides.scenario = withSpeeds(v['scenario'] === undefined ? null : scenarioArg(lang, String(v['scenario']), known), speeds);
  // Your own road network (with the speeds given for expressways, national roads and the access leg) and population grid (issue 27).
  if (typeof v['network'] === 'string')
    overrides.network = await networkOverride(lang, v['network'], params.detour, v, overrides.scenario?.speeds ?? {});
  if (typeof v['population'] === 'string') overrides.population = await populationArg(lang, v['population']);
  const compareHorizon = v['compareHorizon'] === undefined ? undefined : String(v['compareHorizon']);
  if (compareHorizon !== undefined && v['compareScenario'] !== undefined) throw new UsageError(t(lang, 'Cli.CompareOne'));
  if (compareHorizon !== undefined && !(HORIZONS as readonly string[]).includes(compareHorizon))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'compare-horizon', value: compareHorizon, allowed: HORIZONS.join(', ') }));
  // The baseline: the same analysis at another horizon without the scenario, or on another scenario.
  const baseline =
    compareHorizon !== undefined
      ? { params: { ...params, horizon: compareHorizon as Horizon }, scenario: withSpeeds(null, speeds) }
      : v['compareScenario'] !== undefined
        ? { params, scenario: withSpeeds(scenarioArg(lang, String(v['compareScenario']), known), speeds) }
        : null;
  return { params, overrides, inputs, baseline };
}

async function analyze(lang: Lang, kind: string, v: Record<string, string | boolean | undefined>, out: (s: string) => void): Promise<void> {
  if (!(ANALYSES as readonly string[]).includes(kind))
    throw new UsageError(t(lang, 'Cli.UnknownAnalysis', { kind, kinds: ANALYSES.join(', ') }));
  const format = String(v['format'] ?? 'json');
  if (!(ANALYZE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'format', value: format, allowed: ANALYZE_FORMATS.join(', ') }));
  const { params, overrides, inputs, baseline } = await analysisArgs(lang, kind, v);

  const result = runAnalysis(inputs, { ...params, kind: kind as AnalysisKind }, undefined, overrides);
  const geometry = unitGeometries(result, inputs as unknown as Parameters<typeof unitGeometries>[1], overrides.units?.fc);
  const tables = resultTables(result, geometry);
  const tableName = v['table'] === undefined ? tables[0]!.name : String(v['table']);
  const found = tables.find((x) => x.name === tableName);
  if (!found) throw new UsageError(t(lang, 'Cli.BadTable', { table: tableName, tables: tables.map((x) => x.name).join(', ') }));
  // The baseline's own sensitivity runs would change no column: it is run once.
  const before = baseline
    ? runAnalysis(inputs, { ...baseline.params, kind: kind as AnalysisKind, sensitivity: false }, undefined, {
        ...overrides,
        scenario: baseline.scenario,
      })
    : null;
  const baseTable = before ? resultTables(before, geometry).find((x) => x.name === tableName) : undefined;
  const table = baseTable ? deltaTable(found, baseTable) : found;
  // The model and the notes, in the language asked for, beside the figures (stdout holds only the table).
  for (const m of [result.model, ...result.notes]) process.stderr.write(render(lang, m) + '\n');

  if (format === 'json') {
    const text = JSON.stringify(table.rows, null, 2) + '\n';
    if (v['out'] === undefined) out(text);
    else save(lang, String(v['out']), text, table.rows.length);
    return;
  }
  if (v['out'] === undefined && !TO_STDOUT.includes(format)) throw new UsageError(t(lang, 'Cli.NeedOut', { format }));
  // The same bytes the app and `ntcc bundle` write for this table, to a file or (text formats) to stdout.
  const crs = crsArg(lang, v['crs'], [format]);
  const file = await exportFiles({
    ...exportBase(params.edition, params.horizon, false),
    ...(crs ? { crs } : {}),
    results: [{ result, tables: [table.name], baseline: before }],
    scenario: overrides.scenario ?? null,
    formats: [format as ExportFormat],
    unitGeometry: () => geometry,
  });
  if (v['out'] === undefined) out(new TextDecoder().decode(file.bytes));
  else save(lang, String(v['out']), file.bytes, table.rows.length);
}

/** What every export request from the command line shares. */
function exportBase(edition: string, horizon: string, includeRestricted: boolean): Omit<BundleInput, 'formats'> {
  return { layers: [], results: [], edition, horizon, includeRestricted, version: VERSION };
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

/** The file name an export must have for what the rule makes of it (a ZIP for a bundle). */
function checkOut(lang: Lang, out: string, kind: 'file' | 'gpkg' | 'bundle', format: string): void {
  if (kind === 'bundle' && !out.endsWith('.zip')) throw new UsageError(t(lang, 'Cli.NeedZip', { format }));
}

async function exportCmd(lang: Lang, v: Record<string, string | boolean | undefined>): Promise<void> {
  const format = String(v['format'] ?? 'geojson');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'format', value: format, allowed: EXPORT_FORMATS.join(', ') }));
  const horizon = v['horizon'] === undefined ? undefined : String(v['horizon']);
  if (horizon !== undefined && !(HORIZONS as readonly string[]).includes(horizon))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'horizon', value: horizon, allowed: HORIZONS.join(', ') }));
  // The border belt at one width (the file holds every offered width).
  const beltText = v['beltKm'] === undefined ? undefined : String(v['beltKm']);
  const beltKm = beltText === undefined ? undefined : beltKmOf(beltText);
  if (beltText !== undefined && beltKm === undefined)
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'belt-km', value: beltText, allowed: BELT_KM_CHOICES.join(', ') }));
  const includeRestricted = Boolean(v['includeRestricted']);
  const ids = layerList(lang, v['layers'] as string | undefined, includeRestricted, false);
  if (v['out'] === undefined) throw new UsageError(t(lang, 'Cli.NeedOut', { format }));
  const outFile = String(v['out']);
  const layers = ids.map((id) => {
    const fc = loadLayer(id);
    const shown = horizon ? visiblePart(fc, horizon as Horizon, STATUSES) : fc;
    return { id, fc: id === 'border-belt' && beltKm !== undefined ? beltAt(shown, beltKm) : shown };
  });
  const rows = layers.reduce((s, l) => s + l.fc.features.length, 0);
  // Decide the kind before writing (a bundle must go to a .zip), then write.
  const kind = layers.length === 1 ? 'file' : formatById(format as ExportFormat).writeMany ? 'gpkg' : 'bundle';
  checkOut(lang, outFile, kind, format);
  const crs = crsArg(lang, v['crs'], [format]);
  const file = await exportFiles({
    ...exportBase('2022', horizon ?? 'all', includeRestricted),
    ...(crs ? { crs } : {}),
    layers,
    formats: [format as ExportFormat],
  });
  save(lang, outFile, file.bytes, rows);
}

async function validateCmd(lang: Lang, file: string, out: (s: string) => void): Promise<void> {
  const bytes = readArg(lang, file);
  const r = await importFile(file, bytes);
  if (!r.ok) throw new InvalidFileError(render(lang, { key: `Import.${r.error.code}`, vars: r.error.vars }));
  for (const w of r.warnings)
    process.stderr.write(t(lang, 'Cli.Warning', { message: render(lang, { key: `ImportWarn.${w.code}`, vars: w.vars }) }) + '\n');
  out(t(lang, 'Cli.Valid', { n: r.fc.features.length, name: r.name }) + '\n');
}

async function bundleCmd(lang: Lang, v: Record<string, string | boolean | undefined>): Promise<void> {
  const formats = String(v['formats'] ?? 'geojson,csv,gpkg').split(',');
  for (const f of formats)
    if (!(EXPORT_FORMATS as readonly string[]).includes(f))
      throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'formats', value: f, allowed: EXPORT_FORMATS.join(', ') }));
  const list = String(v['analyses'] ?? ANALYSES.join(','));
  const analyses = list === 'none' ? [] : list.split(',');
  for (const a of analyses)
    if (!(ANALYSES as readonly string[]).includes(a))
      throw new UsageError(t(lang, 'Cli.UnknownAnalysis', { kind: a, kinds: ANALYSES.join(', ') }));
  const edition = String(v['edition'] ?? '2022');
  if (edition !== '2022' && edition !== '2025')
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'edition', value: edition, allowed: '2022, 2025' }));
  if (v['out'] === undefined || !String(v['out']).endsWith('.zip')) throw new UsageError(t(lang, 'Cli.NeedZip', { format: 'bundle' }));
  const includeRestricted = Boolean(v['includeRestricted']);
  const ids = layerList(lang, v['layers'] as string | undefined, includeRestricted, true);
  const inputs = loadInputs();
  const results = analyses.map((kind) => runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: kind as AnalysisKind, edition, horizon: 'today' }));
  const layers = ids.map((id) => ({ id, fc: loadLayer(id) }));
  const { buildBundle } = await import('../src/export/bundle.ts');
  const crs = crsArg(lang, v['crs'], formats);
  const { zip, metadata } = await buildBundle({
    ...(crs ? { crs } : {}),
    ...exportBase(edition, 'today', includeRestricted),
    layers,
    results: results.map((result) => ({ result })),
    formats: formats as ExportFormat[],
    unitGeometry: (r) => unitGeometries(r, inputs as unknown as Parameters<typeof unitGeometries>[1]),
  });
  save(
    lang,
    String(v['out']),
    zip,
    metadata.layers.reduce((s, l) => s + l.features, 0),
  );
}

/** Reads `X` or `COLUMN=X,COLUMN=Y` for a per-column choice among `allowed`. */
function perColumn<T extends string>(
  lang: Lang,
  flag: string,
  text: string | undefined,
  allowedValues: readonly T[],
): T | Record<string, T> | undefined {
  if (text === undefined) return undefined;
  const bad = (value: string): never => {
    throw new UsageError(t(lang, 'Cli.BadValue', { flag, value, allowed: allowedValues.join(', ') }));
  };
  if (!text.includes('=')) return (allowedValues as readonly string[]).includes(text) ? (text as T) : bad(text);
  const out: Record<string, T> = {};
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    const column = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!column || !(allowedValues as readonly string[]).includes(value)) bad(part);
    out[column] = value as T;
  }
  return out;
}

async function storyCmd(lang: Lang, v: Record<string, string | boolean | undefined>): Promise<void> {
  const format = String(v['format'] ?? 'html');
  if (format !== 'html' && format !== 'pptx')
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'format', value: format, allowed: 'html, pptx' }));
  const storyLang = String(v['storyLang'] ?? lang);
  if (storyLang !== 'vi' && storyLang !== 'en')
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'story-lang', value: storyLang, allowed: 'vi, en' }));
  if (typeof v['out'] !== 'string') throw new UsageError(t(lang, 'Cli.NeedOut', { format }));
  const { writeOfflineStory, writeDeckStory, StoryCliError } = await import('./story.ts');
  const story = typeof v['story'] === 'string' ? { story: v['story'] } : {};
  try {
    const bytes =
      format === 'pptx'
        ? await writeDeckStory(lang, { out: v['out'], storyLang, ...story })
        : writeOfflineStory(lang, { out: v['out'], storyLang, version: VERSION, ...story });
    process.stderr.write(t(lang, 'Cli.WroteOffline', { file: v['out'], mb: (bytes / 1e6).toFixed(1) }) + '\n');
  } catch (e) {
    if (e instanceof StoryCliError && e.exitCode === 2) throw new UsageError(e.message, { cause: e });
    throw e;
  }
}

async function joinCmd(lang: Lang, v: Record<string, string | boolean | undefined>, out: (s: string) => void): Promise<void> {
  const file = v['table'];
  if (typeof file !== 'string') throw new UsageError(t(lang, 'Cli.OptionNeedsValue', { option: '--table' }));
  const format = String(v['format'] ?? 'geojson');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'format', value: format, allowed: EXPORT_FORMATS.join(', ') }));
  if (v['out'] === undefined && !TO_STDOUT.includes(format)) throw new UsageError(t(lang, 'Cli.NeedOut', { format }));
  const edition = String(v['edition'] ?? '2022');
  const tableEdition = String(v['tableEdition'] ?? '2022');
  for (const [flag, value] of [
    ['edition', edition],
    ['table-edition', tableEdition],
  ] as const)
    if (value !== '2022' && value !== '2025') throw new UsageError(t(lang, 'Cli.BadValue', { flag, value, allowed: '2022, 2025' }));
  if (tableEdition === '2025' && edition === '2022')
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'edition', value: edition, allowed: '2025' }));
  const by = String(v['matchBy'] ?? 'auto');
  if (!['auto', 'iso', 'gso', 'name'].includes(by))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'match-by', value: by, allowed: 'auto, iso, gso, name' }));
  const encoding = v['encoding'] === undefined ? undefined : String(v['encoding']);
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'windows-1258')
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'encoding', value: encoding, allowed: 'utf-8, windows-1258' }));
  const headerText = v['headerRow'] === undefined ? undefined : String(v['headerRow']);
  const headerRow = headerText === undefined ? undefined : Number(headerText);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1))
    throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'header-row', value: String(headerText), allowed: '1, 2, 3, …' }));
  const aggregate = perColumn<Aggregate>(lang, 'aggregate', v['aggregate'] as string | undefined, AGGREGATES);
  const numberFormats = perColumn<NumberFormat>(lang, 'number-format', v['numberFormat'] as string | undefined, ['vi', 'en']);
  const table = await tableArg(lang, file, {
    sheet: v['sheet'] === undefined ? undefined : String(v['sheet']),
    encoding: encoding as 'utf-8' | 'windows-1258' | undefined,
    headerRow,
  });
  const inputs = loadInputs();
  const units = { '2022': inputs.provinces2022, '2025': inputs.provinces2025 };
  const keyField = v['keyField'] === undefined ? guessKeyField(table, units[tableEdition as '2022' | '2025']) : String(v['keyField']);
  if (keyField === null) throw new UsageError(t(lang, 'Cli.NoKeyField', { columns: table.columns.join(', ') }));
  const formats = typeof numberFormats === 'string' ? Object.fromEntries(table.columns.map((c) => [c, numberFormats])) : numberFormats;
  let joined;
  try {
    joined = joinTable(table, units, {
      keyField,
      by: by as 'auto',
      tableEdition: tableEdition as '2022' | '2025',
      targetEdition: edition as '2022' | '2025',
      ...(formats ? { numberFormats: formats } : {}),
      ...(aggregate ? { aggregate } : {}),
    });
  } catch (e) {
    if (e instanceof JoinError)
      throw new UsageError(t(lang, 'Cli.BadFile', { file, message: t(lang, `TableFile.${e.code}`, e.vars) }), { cause: e });
    throw e;
  }
  const { report } = joined;
  for (const c of report.columns) {
    if (c.mixed) throw new UsageError(t(lang, 'Cli.Mixed', { column: c.name }));
    if (c.ambiguous) throw new UsageError(t(lang, 'Cli.Ambiguous', { column: c.name }));
  }
  for (const d of report.duplicates)
    process.stderr.write(
      t(lang, 'Cli.Warning', { message: t(lang, 'Cli.Duplicate', { iso: d.iso, rows: d.sheetRows.join(', ') }) }) + '\n',
    );
  for (const u of report.unmatched) process.stderr.write(t(lang, 'Cli.Unmatched', { row: u.sheetRow, key: u.key }) + '\n');
  process.stderr.write(
    t(lang, 'Cli.Joined', {
      matched: report.matched.length,
      rows: report.matched.length + report.unmatched.length,
      by: t(lang, `TableFile.MatchBy.${report.by}`),
      columns: joined.numericColumns.length,
    }) + '\n',
  );
  if (v['strict'] && report.unmatched.length)
    throw new Error(t(lang, 'Cli.Unmatched', { row: report.unmatched[0]!.sheetRow, key: report.unmatched[0]!.key }));
  const layer = tableLayer(joined, units[edition as '2022' | '2025'], '', units['2022']).fc;
  const name = basename(file).replace(/\.[^.]+$/, '');
  const crs = crsArg(lang, v['crs'], [format]);
  const { bytes: written } = await writeLayer(layer, name, format as ExportFormat, crs ? { crs } : {});
  if (v['out'] === undefined) out(new TextDecoder().decode(written));
  else save(lang, String(v['out']), written, layer.features.length);
}

/** commander's option key for a kebab-case flag (`cell-km` → `cellKm`). */
const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** An option's help: its label, then what it accepts and its default, in the chosen language. */
function describe(lang: Lang, label: string, accepts?: string, byDefault?: string): string {
  const parts = [
    accepts && t(lang, 'Cli.Accepts', { list: accepts }),
    byDefault !== undefined && t(lang, 'Cli.Default', { value: byDefault }),
  ].filter(Boolean);
  return parts.length ? `${label} (${parts.join('; ')})` : label;
}

/** The options of an analysis on the command line: every parameter (PARAM_DEFS) and the user's own data, scenario and baseline. */
export function analysisOptions(cmd: Command, lang: Lang): Command {
  for (const key of Object.keys(PARAM_DEFS) as ParamKey[]) {
    if (key === 'kind') continue;
    const d: ParamDef = PARAM_DEFS[key];
    const label = t(lang, `Param.${key}`);
    if (d.type === 'boolean')
      cmd.addOption(new Option(`--${d.flag}`, describe(lang, label, undefined, t(lang, DEFAULT_PARAMS[key] ? 'Cli.On' : 'Cli.Off'))));
    else cmd.addOption(new Option(`--${d.flag} <value>`, describe(lang, label, allowed(lang, key), writeParam(key, DEFAULT_PARAMS[key]))));
  }
  return cmd
    .addOption(new Option('--units <file>', t(lang, 'Cli.Opt.units')))
    .addOption(new Option('--code-field <field>', t(lang, 'Cli.Opt.codeField')))
    .addOption(new Option('--name-field <field>', t(lang, 'Cli.Opt.nameField')))
    .addOption(new Option('--population-field <field>', t(lang, 'Cli.Opt.populationField')))
    .addOption(new Option('--ports <file>', t(lang, 'Cli.Opt.ports')))
    .addOption(new Option('--mass-table <file>', t(lang, 'Cli.Opt.massTable')))
    .addOption(new Option('--mass-field <column>', t(lang, 'Cli.Opt.massField')))
    .addOption(new Option('--mass-sheet <sheet>', t(lang, 'Cli.Opt.sheet')))
    .addOption(new Option('--scenario <file>', t(lang, 'Cli.Opt.scenario')))
    .addOption(new Option('--speeds <file>', t(lang, 'Cli.Opt.speeds')))
    .addOption(new Option('--compare-horizon <horizon>', describe(lang, t(lang, 'Cli.Opt.compareHorizon'), HORIZONS.join(', '))))
    .addOption(new Option('--compare-scenario <file>', t(lang, 'Cli.Opt.compareScenario')))
    .addOption(new Option('--network <file>', t(lang, 'Cli.Opt.network')))
    .addOption(new Option('--population <file.tif>', t(lang, 'Cli.Opt.population')));
}

/**
 * The program, with every command, option and help text in `lang`; actions write to `out`.
 * Parameters of `analyze` come from PARAM_DEFS, so a new parameter is a new flag and help line.
 */
function buildProgram(lang: Lang, out: (s: string) => void): Command {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'Cli.Title.Usage'),
    'Options:': t(lang, 'Cli.Title.Options'),
    'Commands:': t(lang, 'Cli.Title.Commands'),
    'Arguments:': t(lang, 'Cli.Title.Arguments'),
    'Global Options:': t(lang, 'Cli.Title.GlobalOptions'),
  };
  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({ writeOut: out, writeErr: () => undefined, outputError: () => undefined })
      .configureHelp({ styleTitle: (s) => titles[s] ?? s, sortOptions: false, showGlobalOptions: true })
      .helpOption('-h, --help', t(lang, 'Cli.HelpOption'));
  const program = configure(new Command('ntcc'))
    .description(t(lang, 'Cli.Description'))
    .version(VERSION, '-V, --version', t(lang, 'Cli.VersionOption'))
    .addOption(new Option('--lang <lang>', describe(lang, t(lang, 'Cli.LangOption'), 'vi, en', 'vi')))
    .helpCommand('help [command]', t(lang, 'Cli.HelpCommand'))
    .showSuggestionAfterError(false)
    .allowExcessArguments(false);

  const analyzeCmd = configure(program.command('analyze'))
    .description(t(lang, 'Cli.Cmd.analyze'))
    .argument('<kind>', describe(lang, t(lang, 'Param.kind'), ANALYSES.join(', ')));
  analysisOptions(analyzeCmd, lang)
    .addOption(new Option('--table <name>', describe(lang, t(lang, 'Cli.Opt.table'))))
    .addOption(new Option('--format <format>', describe(lang, t(lang, 'Cli.Opt.format'), ANALYZE_FORMATS.join(', '), 'json')))
    .addOption(new Option('--out <file>', t(lang, 'Cli.Opt.out')))
    .addOption(new Option('--crs <crs>', describe(lang, t(lang, 'Cli.Opt.crs'), CRS_CHOICES.join(', '), 'EPSG:4326')));
  addNetworkInputOptions(analyzeCmd, lang)
    .addHelpText(
      'after',
      `\n${t(lang, 'Cli.Analyses')}\n${ANALYSES.map((k) => `  ${k.padEnd(12)}${t(lang, `Analysis.kind.${k}`)}`).join('\n')}\n`,
    )
    .action((kind: string, opts: Record<string, string | boolean | undefined>) => analyze(lang, kind, opts, out));

  configure(program.command('export'))
    .description(t(lang, 'Cli.Cmd.export'))
    .addOption(new Option('--crs <crs>', describe(lang, t(lang, 'Cli.Opt.crs'), CRS_CHOICES.join(', '), 'EPSG:4326')))
    .addOption(new Option('--layers <list>', describe(lang, t(lang, 'Cli.Opt.layers'), `${EXPORT_LAYERS.join(', ')}, all`)))
    .addOption(new Option('--format <format>', describe(lang, t(lang, 'Cli.Opt.exportFormat'), EXPORT_FORMATS.join(', '), 'geojson')))
    .addOption(new Option('--out <file>', t(lang, 'Cli.Opt.out')))
    .addOption(new Option('--horizon <horizon>', describe(lang, t(lang, 'Cli.Opt.horizon'), HORIZONS.join(', '))))
    .addOption(new Option('--belt-km <km>', describe(lang, t(lang, 'Cli.Opt.beltKm'), BELT_KM_CHOICES.join(', '))))
    .addOption(new Option('--include-restricted', t(lang, 'Cli.Opt.includeRestricted')))
    .action((opts: Record<string, string | boolean | undefined>) => exportCmd(lang, opts));

  configure(program.command('bundle'))
    .description(t(lang, 'Cli.Cmd.bundle'))
    .addOption(new Option('--crs <crs>', describe(lang, t(lang, 'Cli.Opt.crs'), CRS_CHOICES.join(', '), 'EPSG:4326')))
    .addOption(new Option('--out <file.zip>', t(lang, 'Cli.Opt.out')))
    .addOption(new Option('--layers <list>', describe(lang, t(lang, 'Cli.Opt.layers'), `${EXPORT_LAYERS.join(', ')}, all`, 'all')))
    .addOption(new Option('--formats <list>', describe(lang, t(lang, 'Cli.Opt.formats'), EXPORT_FORMATS.join(', '), 'geojson,csv,gpkg')))
    .addOption(
      new Option('--analyses <list>', describe(lang, t(lang, 'Cli.Opt.analyses'), `${ANALYSES.join(', ')}, none`, ANALYSES.join(','))),
    )
    .addOption(new Option('--edition <edition>', describe(lang, t(lang, 'Param.edition'), '2022, 2025', '2022')))
    .addOption(new Option('--include-restricted', t(lang, 'Cli.Opt.includeRestricted')))
    .action((opts: Record<string, string | boolean | undefined>) => bundleCmd(lang, opts));

  configure(program.command('join'))
    .description(t(lang, 'Cli.Cmd.join'))
    .addOption(new Option('--crs <crs>', describe(lang, t(lang, 'Cli.Opt.crs'), CRS_CHOICES.join(', '), 'EPSG:4326')))
    .addOption(new Option('--table <file>', t(lang, 'Cli.Opt.tableFile')))
    .addOption(new Option('--sheet <sheet>', t(lang, 'Cli.Opt.sheet')))
    .addOption(new Option('--header-row <n>', t(lang, 'Cli.Opt.headerRow')))
    .addOption(new Option('--key-field <column>', t(lang, 'Cli.Opt.keyField')))
    .addOption(new Option('--match-by <how>', describe(lang, t(lang, 'Cli.Opt.matchBy'), 'auto, iso, gso, name', 'auto')))
    .addOption(new Option('--table-edition <edition>', describe(lang, t(lang, 'Cli.Opt.tableEdition'), '2022, 2025', '2022')))
    .addOption(new Option('--edition <edition>', describe(lang, t(lang, 'Cli.Opt.joinEdition'), '2022, 2025', '2022')))
    .addOption(new Option('--aggregate <how>', describe(lang, t(lang, 'Cli.Opt.aggregate'), AGGREGATES.join(', '), 'sum')))
    .addOption(new Option('--number-format <format>', describe(lang, t(lang, 'Cli.Opt.numberFormat'), 'vi, en')))
    .addOption(new Option('--encoding <encoding>', describe(lang, t(lang, 'Cli.Opt.encoding'), 'utf-8, windows-1258')))
    .addOption(new Option('--format <format>', describe(lang, t(lang, 'Cli.Opt.exportFormat'), EXPORT_FORMATS.join(', '), 'geojson')))
    .addOption(new Option('--out <file>', t(lang, 'Cli.Opt.out')))
    .addOption(new Option('--strict', t(lang, 'Cli.Opt.strict')))
    .action((opts: Record<string, string | boolean | undefined>) => joinCmd(lang, opts, out));

  configure(program.command('story'))
    .description(t(lang, 'Cli.Cmd.story'))
    .addOption(new Option('--format <format>', describe(lang, t(lang, 'Cli.Opt.storyFormat'), 'html, pptx', 'html')))
    .addOption(new Option('--out <file>', t(lang, 'Cli.Opt.out')))
    .addOption(new Option('--story <file.json>', t(lang, 'Cli.Opt.storyFile')))
    .addOption(new Option('--story-lang <lang>', describe(lang, t(lang, 'Cli.Opt.storyLang'), 'vi, en', 'vi')))
    .action((opts: Record<string, string | boolean | undefined>) => storyCmd(lang, opts));

  analysisOptions(printOptions(configure(program.command('print')).description(t(lang, 'Cli.Cmd.print')), lang, describe), lang).action(
    async (opts: Record<string, string | boolean | undefined>) => {
      const { printCmd } = await import('./print.ts');
      try {
        const r = await printCmd(lang, opts, { analysisArgs });
        process.stderr.write(
          t(lang, 'Print.Wrote', { file: r.file, paper: r.paper, fraction: r.fraction, mb: (r.bytes / 1e6).toFixed(1) }) + '\n',
        );
      } catch (e) {
        if (e instanceof PrintCliError && e.exitCode === 2) throw new UsageError(e.message, { cause: e });
        throw e;
      }
    },
  );

  configure(program.command('validate'))
    .description(t(lang, 'Cli.Cmd.validate'))
    .argument('<file>', t(lang, 'Cli.Arg.file'))
    .action((file: string) => validateCmd(lang, file, out));
  addNetworkCommand(program, lang, out);
  registerNetworkBuild(program, lang, configure, out);
  registerRoute(program, lang, configure, out);
  return program;
}

/** A commander error in the user's language. */
function commanderMessage(lang: Lang, e: CommanderError, program: Command): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownCommand':
      return t(lang, 'Cli.UnknownCommand', { command: quoted, commands: program.commands.map((c) => c.name()).join(', ') });
    case 'commander.unknownOption':
      return t(lang, 'Cli.UnknownOption', { option: quoted });
    case 'commander.missingArgument':
      return t(lang, 'Cli.MissingArgument', { name: quoted });
    case 'commander.optionMissingArgument':
      return t(lang, 'Cli.OptionNeedsValue', { option: quoted.split(/[ ,]/)[0] ?? quoted });
    case 'commander.excessArguments':
      return t(lang, 'Cli.ExcessArguments');
    default:
      return e.message.replace(/^error: /, '');
  }
}

/**
 * Runs the command line.
 * @param argv - the arguments after the program name
 * @returns the exit code: 0 done (help and version too), 2 bad argument, 1 failure
 * @example await main(['analyze', 'adjacency', '--edition', '2022']) // prints JSON rows, returns 0
 */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const lang = langOf(argv);
  const program = buildProgram(lang, out);
  try {
    const given = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    const value = given < 0 ? undefined : argv[given]!.includes('=') ? argv[given]!.split('=')[1] : argv[given + 1];
    if (value !== undefined && value !== 'vi' && value !== 'en')
      throw new UsageError(t(lang, 'Cli.BadValue', { flag: 'lang', value, allowed: 'vi, en' }));
    if (!argv.length) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      process.stderr.write(`ntcc: ${commanderMessage(lang, e, program)}\n`);
      return 2;
    }
    process.stderr.write(`ntcc: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError ? 2 : e instanceof CliExit ? e.exitCode : 1;
  }
}
