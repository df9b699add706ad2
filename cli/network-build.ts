/**
 * `ntcc network build INPUT --out FILE`: a network file (.ntccnet) from an OpenStreetMap extract
 * (.osm.pbf streamed, .osm) or a roads layer (GeoJSON, zipped Shapefile, GeoPackage, FlatGeobuf
 * with --class-field, --speed-field, --oneway-field, --class-map), clipped to the region and its
 * neighbouring provinces (the provinces `--context` takes in); prints what it holds. Also the
 * loading of `--network FILE` (a built file, or an input built on the fly) for every analysis
 * and `ntcc route`. A bad input exits with code 2 and writes nothing.
 */
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import type { NetworkOverride } from '../src/core/analysis.ts';
import { NET_CLASSES } from '../src/core/network-classes.ts';
import { formatNumber, t, type Lang } from '../src/i18n/index.ts';
import { clipOfProvinces, NetworkError, type ClipTest, type RoadNetwork } from '../src/data/road-network.ts';
import { buildFromOsm, MAX_NETWORK_INPUT_BYTES } from '../src/data/osm-network.ts';
import { buildFromLines, readClassMap } from '../src/data/network-lines.ts';
import { isNetworkFile, NETWORK_FILE_EXT, readNetworkFile, writeNetworkFile } from '../src/data/network-file.ts';
import { asNetworkOverride, roadGraph, roadModelFromSpeeds, type RoadGraph } from '../src/analysis/road-graph.ts';
import type { SpeedClass } from '../src/core/speeds.ts';
import { loadInputs } from './load.ts';

/** A failure with its exit code: 2 for a bad argument or file, 1 for no answer (no route). */
export class CliExit extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'CliExit';
  }
}

/** What kind of network input a file name is. */
export function networkInputKind(name: string): 'osm-pbf' | 'osm-xml' | 'lines' | 'network' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.pbf')) return 'osm-pbf';
  if (n.endsWith('.osm') || n.endsWith('.osm.xml')) return 'osm-xml';
  if (n.endsWith(`.${NETWORK_FILE_EXT}`)) return 'network';
  if (['.geojson', '.json', '.zip', '.gpkg', '.fgb'].some((e) => n.endsWith(e))) return 'lines';
  return null;
}

/** The options a network input is built with (from the command line). */
export interface NetworkInputOptions {
  classField?: string | undefined;
  speedField?: string | undefined;
  onewayField?: string | undefined;
  classMap?: string | undefined;
  service?: boolean | undefined;
  ferries?: boolean | undefined;
  clip?: boolean | undefined;
}

/** The region and its neighbouring provinces (as `--context` takes them), as a clip test. */
const regionClip = (): ClipTest => clipOfProvinces(loadInputs().provinces2022);

/** A NetworkError as a message in the user's language, exit 2. */
export const networkFailure = (lang: Lang, file: string, e: NetworkError): CliExit =>
  new CliExit(t(lang, 'Cli.BadFile', { file, message: t(lang, `Net.err.${e.code}`, e.vars) }), 2);

/**
 * Reads a network file, or builds a network from an input file.
 * @throws CliExit (exit 2) for a file that cannot be read or built, with the reason
 */
export async function loadNetwork(lang: Lang, file: string, o: NetworkInputOptions = {}): Promise<RoadNetwork> {
  const kind = networkInputKind(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new CliExit(t(lang, 'Cli.ReadError', { file, message: e instanceof Error ? e.message : String(e) }), 2);
  }
  try {
    if (kind === null) throw new NetworkError('unknown-type', { name: basename(file) });
    if (size > MAX_NETWORK_INPUT_BYTES)
      throw new NetworkError('too-large', { size: Math.round(size / 1024 / 1024), limit: MAX_NETWORK_INPUT_BYTES / 1024 / 1024 });
    const clip = o.clip === false ? null : regionClip();
    if (kind === 'network') {
      const bytes = readFileSync(file);
      if (!isNetworkFile(bytes)) throw new NetworkError('network-file', { detail: 'not a network file' });
      return readNetworkFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    if (kind === 'lines') {
      if (o.classField === undefined) throw new NetworkError('no-field', { field: '--class-field', fields: '' });
      let mapText = o.classMap;
      if (mapText !== undefined && !mapText.includes('=') && !mapText.trim().startsWith('{')) mapText = readFileSync(mapText, 'utf8');
      const bytes = readFileSync(file);
      return await buildFromLines({
        name: basename(file),
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        classField: o.classField,
        speedField: o.speedField,
        onewayField: o.onewayField,
        ...(mapText !== undefined ? { classMap: readClassMap(mapText) } : {}),
        service: Boolean(o.service),
        ferries: Boolean(o.ferries),
        clip,
      });
    }
    return await buildFromOsm({
      open: () => createReadStream(file, { highWaterMark: 1 << 20 }),
      name: basename(file),
      kind,
      size,
      service: Boolean(o.service),
      ferries: Boolean(o.ferries),
      clip,
    });
  } catch (e) {
    if (e instanceof NetworkError) throw networkFailure(lang, file, e);
    if (e instanceof CliExit) throw e;
    throw new CliExit(t(lang, 'Cli.BadFile', { file, message: e instanceof Error ? e.message : String(e) }), 2);
  }
}

/** A network as the analyses take it (`--network`): its graph searched with the run's detour, and its summary. */
export async function networkOverride(
  lang: Lang,
  file: string,
  detour: number,
  o: NetworkInputOptions,
  speeds: Partial<Record<SpeedClass, number>> = {},
): Promise<NetworkOverride & { road: RoadGraph }> {
  const net = await loadNetwork(lang, file, o);
  const road = roadGraph(net, roadModelFromSpeeds(speeds, detour));
  return { ...asNetworkOverride(basename(file), road), road };
}

/** What a built network holds, in lines of text in the user's language. */
export function networkSummary(lang: Lang, net: RoadNetwork): string[] {
  const m = net.meta;
  const n = (x: number, d = 0): string => formatNumber(lang, x, d);
  return [
    t(lang, 'Net.Summary', { file: m.source.file, nodes: n(m.nodes), edges: n(m.edges), oneway: n(m.oneway_edges), km: n(m.km_total, 1) }),
    m.extract_date
      ? t(lang, 'Net.SummaryDate', { date: m.extract_date, from: t(lang, `Net.DateFrom.${m.extract_date_from!}`) })
      : t(lang, 'Net.SummaryNoDate'),
    t(lang, 'Net.SummaryClasses', {
      classes: NET_CLASSES.filter((c) => m.km_by_class[c] > 0)
        .map((c) => `${t(lang, `NetClass.${c}`)} ${n(m.km_by_class[c], 1)}`)
        .join(', '),
    }),
    t(lang, 'Net.SummaryComponents', { components: n(m.components), share: n(m.largest_component_km_share * 100, 1) }),
    t(lang, 'Net.SummaryLeft', { read: n(m.ways_read), outside: n(m.ways_outside), missing: n(m.missing_nodes) }),
  ];
}

/** The options that say how an input becomes a network (network build, and --network on the fly). */
export function addNetworkInputOptions(cmd: Command, lang: Lang): Command {
  return cmd
    .addOption(new Option('--class-field <field>', t(lang, 'Cli.Opt.classField')))
    .addOption(new Option('--speed-field <field>', t(lang, 'Cli.Opt.speedField')))
    .addOption(new Option('--oneway-field <field>', t(lang, 'Cli.Opt.onewayField')))
    .addOption(new Option('--class-map <map>', t(lang, 'Cli.Opt.classMap')))
    .addOption(new Option('--service', t(lang, 'Cli.Opt.service')))
    .addOption(new Option('--ferries', t(lang, 'Cli.Opt.ferries')))
    .addOption(new Option('--no-clip', t(lang, 'Cli.Opt.noClip')));
}

/** `network build`: builds, prints the summary, writes the file (only once everything has succeeded). */
async function buildCmd(lang: Lang, input: string, o: NetworkInputOptions & { out?: string }, out: (s: string) => void): Promise<void> {
  if (typeof o.out !== 'string') throw new CliExit(t(lang, 'Cli.NeedOut', { format: NETWORK_FILE_EXT }), 2);
  const net = await loadNetwork(lang, input, o);
  const bytes = writeNetworkFile(net);
  out(networkSummary(lang, net).join('\n') + '\n');
  try {
    writeFileSync(o.out, bytes);
  } catch (e) {
    throw new CliExit(t(lang, 'Cli.WriteError', { file: o.out, message: e instanceof Error ? e.message : String(e) }), 1);
  }
  process.stderr.write(t(lang, 'Net.Wrote', { file: o.out, mb: formatNumber(lang, bytes.length / 1e6, 1) }) + '\n');
}

/**
 * Adds `network build` to the program.
 * @param configure - the program's own setup of a command (output, help, errors in the language)
 */
export function registerNetworkBuild(program: Command, lang: Lang, configure: (c: Command) => Command, out: (s: string) => void): void {
  const network =
    program.commands.find((c) => c.name() === 'network') ?? configure(program.command('network')).description(t(lang, 'Cli.Cmd.network'));
  const build = configure(network.command('build'))
    .description(t(lang, 'Cli.Cmd.networkBuild'))
    .argument('<input>', t(lang, 'Cli.Arg.networkInput'))
    .addOption(new Option('--out <file>', t(lang, 'Cli.Opt.networkOut')));
  addNetworkInputOptions(build, lang).action((input: string, opts: NetworkInputOptions & { out?: string }) =>
    buildCmd(lang, input, opts, out),
  );
}
