/**
 * `ntcc`: the command line for the same analyses (and, later, exports) as the app.
 *   ntcc analyze <adjacency|reach|distance|gravity|hinterland|access|index> [options]
 * Arguments are untrusted: each is checked, and a bad one gets a message in the chosen
 * language (`--lang vi|en`, Vietnamese by default) and exit code 2.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Geometry } from 'geojson';
import {
  ANALYSES,
  CORRIDOR_KINDS,
  MASSES,
  PARAM_RANGES,
  parseParams,
  type AnalysisKind,
  type AnalysisParams,
} from '../src/core/analysis.ts';
import { HORIZONS } from '../src/core/layers.ts';
import { runAnalysis } from '../src/analysis/run.ts';
import { unitsFor } from '../src/analysis/inputs.ts';
import { resultTables, tableToCsv, tableToGeoJSON } from '../src/export/results.ts';
import { t, type Lang } from '../src/i18n/index.ts';
import { loadInputs } from './load.ts';

/** A bad argument: printed as given and exit code 2. */
class UsageError extends Error {}

const COMMANDS = ['analyze'] as const;
const FORMATS = ['json', 'csv', 'geojson'] as const;

/** Flag name → analysis parameter. */
const FLAG_PARAM: Record<string, keyof AnalysisParams> = {
  edition: 'edition',
  horizon: 'horizon',
  beta: 'beta',
  mass: 'mass',
  'cell-km': 'cellKm',
  'buffer-km': 'bufferKm',
  corridors: 'corridorKind',
  'tolerance-km': 'toleranceKm',
};

function allowed(lang: Lang, param: keyof AnalysisParams): string {
  if (param in PARAM_RANGES) {
    const [min, max] = PARAM_RANGES[param as keyof typeof PARAM_RANGES];
    return t(lang, 'Cli.Range', { min, max });
  }
  const lists: Partial<Record<keyof AnalysisParams, readonly string[]>> = {
    edition: ['2022', '2025'],
    horizon: HORIZONS,
    mass: MASSES,
    corridorKind: CORRIDOR_KINDS,
  };
  return (lists[param] ?? []).join(', ');
}

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

function analyze(argv: string[], lang: Lang, out: (s: string) => void): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        edition: { type: 'string' },
        horizon: { type: 'string' },
        beta: { type: 'string' },
        mass: { type: 'string' },
        'cell-km': { type: 'string' },
        'buffer-km': { type: 'string' },
        corridors: { type: 'string' },
        'tolerance-km': { type: 'string' },
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
  const raw: Partial<Record<keyof AnalysisParams, string>> = { kind };
  for (const [flag, param] of Object.entries(FLAG_PARAM)) {
    const value = (v as Record<string, string | undefined>)[flag];
    if (value !== undefined) raw[param] = value;
  }
  const { params, problems } = parseParams(raw);
  const bad = problems[0];
  if (bad) {
    const flag = Object.entries(FLAG_PARAM).find(([, p]) => p === bad.param)?.[0] ?? bad.param;
    throw new UsageError(t(lang, 'Cli.BadValue', { flag, value: bad.value, allowed: allowed(lang, bad.param) }));
  }

  const inputs = loadInputs();
  const result = runAnalysis(inputs, { ...params, kind: kind as AnalysisKind });
  const geometries = new Map<string, Geometry>(unitsFor(inputs, params.edition).map((u) => [u.id, u.geometry]));
  const tables = resultTables(result, geometries);
  const table = v.table === undefined ? tables[0]! : tables.find((x) => x.name === v.table);
  if (!table) throw new UsageError(t(lang, 'Cli.BadTable', { table: v.table!, tables: tables.map((x) => x.name).join(', ') }));

  const text =
    format === 'csv'
      ? tableToCsv(table)
      : format === 'geojson'
        ? JSON.stringify(tableToGeoJSON(table)) + '\n'
        : JSON.stringify(table.rows, null, 2) + '\n';
  if (v.out === undefined) out(text);
  else {
    try {
      writeFileSync(v.out, text);
    } catch (e) {
      throw new Error(t(lang, 'Cli.WriteError', { file: v.out, message: e instanceof Error ? e.message : String(e) }), { cause: e });
    }
    process.stderr.write(t(lang, 'Cli.Wrote', { rows: table.rows.length, file: v.out }) + '\n');
  }
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
    if (command === 'analyze') analyze(rest, lang, out);
    else throw new UsageError(t(lang, 'Cli.UnknownCommand', { command: command ?? '', commands: COMMANDS.join(', ') }));
    return 0;
  } catch (e) {
    process.stderr.write(`ntcc: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof UsageError ? 2 : 1;
  }
}
