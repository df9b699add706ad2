/**
 * `ntcc network check`: the network against published trips (data/reference-trips.json). For
 * each trip: its source, the published km and minutes, the model's km (shortest path on the
 * corridors the trip may use, legs to the network included) and minutes (the travel-time model
 * with the default speeds, the bundled stations and interchanges; a rail trip on the railway
 * alone, station to station, without the minutes to board), and the ratios model ÷
 * published. Exits 1 when the targets are missed: km within 0.9–1.1 and minutes within
 * 0.8–1.25, each for at least 90 % of the trips that publish it. `--markdown FILE` writes the
 * same table as Markdown (docs/validation.md is made this way).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Option } from 'commander';
import { ROAD_CLASSES, speedClassOf, type SpeedClass } from '../src/core/speeds.ts';
import { corridorsFor, interchangesFor, stationsFor, type AnalysisInputs } from '../src/analysis/inputs.ts';
import { computeDistances } from '../src/analysis/distance.ts';
import { buildTimeNetwork, defaultModel, minutesTo, timesFrom, type TimedLine } from '../src/analysis/travel-time.ts';
import { t, type Lang } from '../src/i18n/index.ts';
import { loadInputs } from './load.ts';

/** The reference trips' file. */
export const TRIPS_FILE = fileURLToPath(new URL('../data/reference-trips.json', import.meta.url));

/** Which links a reference trip may use in the model. */
export type TripNetwork = 'road' | 'road_no_expressway' | 'rail';

/** One published trip. */
export interface ReferenceTrip {
  id: string;
  /** [name, lon, lat] */
  from: [string, number, number];
  to: [string, number, number];
  network: TripNetwork;
  /** Published distance, km, or null. */
  km: number | null;
  /** Published time, minutes, or null. */
  minutes: number | null;
  /** Source keys (data/SOURCES.md). */
  source: string;
  note: string;
}

/** The targets: ratio bounds and the share of trips that must meet them. */
export const TARGETS = { km: [0.9, 1.1], minutes: [0.8, 1.25], share: 0.9 } as const;

/** A trip with the model's answer. */
export interface CheckedTrip extends ReferenceTrip {
  model_km: number | null;
  model_minutes: number | null;
  km_ratio: number | null;
  minutes_ratio: number | null;
}

/** Reads the reference trips. */
export function readTrips(file = TRIPS_FILE): ReferenceTrip[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { trips: ReferenceTrip[] }).trips;
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** The model's km and minutes for each trip (today's network, default speeds). */
export function checkTrips(inputs: AnalysisInputs, trips: readonly ReferenceTrip[]): CheckedTrip[] {
  const all = corridorsFor(inputs, 'today', 'all');
  const props = new Map(inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
  const stations = stationsFor(inputs, 'today');
  const interchanges = interchangesFor(inputs, 'today');
  const cache = new Map<TripNetwork, { lines: typeof all; tn: ReturnType<typeof buildTimeNetwork> }>();
  const networkOf = (n: TripNetwork) => {
    let c = cache.get(n);
    if (c) return c;
    const modeOk = (mode: string): boolean =>
      n === 'rail' ? mode === 'railway' : n === 'road' ? mode === 'road' || mode === 'expressway' : mode === 'road';
    const lines = all.filter((l) => modeOk(props.get(l.id)?.mode ?? ''));
    // A rail trip is timed on the railway alone, station to station, without the minutes to
    // board (a timetable's time has no wait): on roads and rail the model could drive instead.
    const classes: readonly SpeedClass[] =
      n === 'rail' ? ['railway'] : n === 'road' ? ROAD_CLASSES : ROAD_CLASSES.filter((k) => k !== 'expressway');
    const timed: TimedLine[] = all.flatMap((l) => {
      const p = props.get(l.id);
      return p ? [{ id: l.id, coordinates: l.coordinates, cls: speedClassOf(p), lengthFactor: l.lengthFactor }] : [];
    });
    const model = { ...defaultModel({}, classes), ...(n === 'rail' ? { boardMinutes: 0 } : {}) };
    const tn = buildTimeNetwork(timed, model, n === 'rail' ? stations : [], [], interchanges);
    c = { lines, tn };
    cache.set(n, c);
    return c;
  };
  return trips.map((trip) => {
    const { lines, tn } = networkOf(trip.network);
    const units = [
      { id: 'a', centre: [trip.from[1], trip.from[2]] as [number, number] },
      { id: 'b', centre: [trip.to[1], trip.to[2]] as [number, number] },
    ];
    const km = computeDistances(units, lines, 0.5).rows[0]?.network_km ?? null;
    const minutes = minutesTo(timesFrom(tn, [[trip.to[1], trip.to[2]]]), trip.from[1], trip.from[2]);
    const model_minutes = Number.isFinite(minutes) ? round(minutes, 0) : null;
    return {
      ...trip,
      model_km: km === null ? null : round(km, 1),
      model_minutes,
      km_ratio: km === null || trip.km === null ? null : round(km / trip.km, 2),
      minutes_ratio: model_minutes === null || trip.minutes === null ? null : round(model_minutes / trip.minutes, 2),
    };
  });
}

/** The share of trips within the bounds, among those with a ratio. */
export function shareWithin(rows: readonly CheckedTrip[], key: 'km_ratio' | 'minutes_ratio', [lo, hi]: readonly [number, number]) {
  const rated = rows.filter((r) => r[key] !== null);
  const ok = rated.filter((r) => (r[key] as number) >= lo && (r[key] as number) <= hi);
  return { ok: ok.length, of: rated.length, share: rated.length ? ok.length / rated.length : 1 };
}

const cell = (v: number | null): string => (v === null ? '–' : String(v));

/** The table as Markdown (the same rows the terminal gets). */
export function tableMarkdown(lang: Lang, rows: readonly CheckedTrip[]): string {
  const head = t(lang, 'Network.Head').split('|');
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const r of rows)
    lines.push(
      `| ${r.id} | ${r.from[0]} → ${r.to[0]} | ${r.network} | ${cell(r.km)} | ${cell(r.model_km)} | ${cell(r.km_ratio)} | ${cell(r.minutes)} | ${cell(r.model_minutes)} | ${cell(r.minutes_ratio)} | ${r.source} |`,
    );
  return lines.join('\n');
}

/** The verdict line, and whether both targets are met. */
export function verdict(lang: Lang, rows: readonly CheckedTrip[]): { text: string; met: boolean } {
  const km = shareWithin(rows, 'km_ratio', TARGETS.km);
  const min = shareWithin(rows, 'minutes_ratio', TARGETS.minutes);
  const met = km.share >= TARGETS.share && min.share >= TARGETS.share;
  return { text: t(lang, 'Network.Verdict', { kmOk: km.ok, kmOf: km.of, minOk: min.ok, minOf: min.of }), met };
}

/** How many trips there are and which are judged on km and on minutes (those that publish each), and why. */
export function judgedText(lang: Lang, rows: readonly CheckedTrip[]): string {
  return t(lang, 'Network.Judged', {
    trips: rows.length,
    km: rows.filter((r) => r.km !== null).length,
    min: rows.filter((r) => r.minutes !== null).length,
  });
}

/** Each trip's note, as a Markdown list (the notes are in English in the trips' file). */
export function notesMarkdown(rows: readonly CheckedTrip[]): string {
  return rows.map((r) => `- **${r.id}** (${r.source}): ${r.note}`).join('\n');
}

/** Adds `network check` to the program. */
export function addNetworkCommand(program: Command, lang: Lang, out: (s: string) => void): void {
  const network = program.command('network').description(t(lang, 'Cli.Cmd.network'));
  network
    .command('check')
    .description(t(lang, 'Cli.Cmd.networkCheck'))
    .addOption(new Option('--markdown <file>', t(lang, 'Cli.Opt.markdown')))
    .action((opts: { markdown?: string }) => {
      const rows = checkTrips(loadInputs(), readTrips());
      const table = tableMarkdown(lang, rows);
      const v = verdict(lang, rows);
      const judged = judgedText(lang, rows);
      out(`${judged}\n\n${table}\n\n${v.text}\n`);
      if (opts.markdown)
        writeFileSync(
          opts.markdown,
          `${t(lang, 'Network.DocIntro')}\n\n${judged}\n\n${table}\n\n${v.text}\n\n## ${t(lang, 'Network.Notes')}\n\n${notesMarkdown(rows)}\n`,
        );
      if (!v.met) throw new Error(t(lang, 'Network.Missed'));
    });
}
