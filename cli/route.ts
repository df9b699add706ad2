/**
 * `ntcc route --network FILE --from LON,LAT --to LON,LAT [--format json|geojson|csv]`: the
 * fastest route door to door on a road network (a built .ntccnet file or an input built on the
 * fly): minutes, km, the path and the roads it uses (ref and name). Each end reaches the
 * network by the analyses' access leg (straight to the nearest joinable edge, × the detour).
 * No route (an island, another component): a message in the user's language and exit code 1.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_DETOUR } from '../src/core/speeds.ts';
import { PARAM_DEFS, readParam } from '../src/core/analysis.ts';
import { formatNumber, t, type Lang } from '../src/i18n/index.ts';
import { addNetworkInputOptions, CliExit, networkOverride, type NetworkInputOptions } from './network-build.ts';

const FORMATS = ['json', 'geojson', 'csv'] as const;

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
/** A place as LON,LAT. */
const place = (p: [number, number]): string => p.join(',');
/** A CSV cell, quoted where it must be. */
const q = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The route command's work. */
async function routeCmd(
  lang: Lang,
  o: NetworkInputOptions & { network?: string; from?: string; to?: string; format?: string; detour?: string },
  out: (s: string) => void,
): Promise<void> {
  if (typeof o.network !== 'string') throw new CliExit(t(lang, 'Cli.NeedNetwork'), 2);
  const format = o.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new CliExit(t(lang, 'Cli.BadValue', { flag: 'format', value: format, allowed: FORMATS.join(', ') }), 2);
  const point = (flag: 'from' | 'to', text: string | undefined): [number, number] => {
    if (text === undefined) throw new CliExit(t(lang, 'Cli.NeedPoint', { flag }), 2);
    const p = readParam('from', text);
    if (!p)
      throw new CliExit(
        t(lang, 'Cli.BadValue', {
          flag,
          value: text,
          allowed: t(lang, 'Cli.Point', { lon: PARAM_DEFS.from.bounds[0].join('–'), lat: PARAM_DEFS.from.bounds[1].join('–') }),
        }),
        2,
      );
    return p;
  };
  const from = point('from', o.from);
  const to = point('to', o.to);
  const detour = o.detour === undefined ? DEFAULT_DETOUR : readParam('detour', o.detour);
  if (detour === undefined)
    throw new CliExit(
      t(lang, 'Cli.BadValue', { flag: 'detour', value: String(o.detour), allowed: t(lang, 'Cli.Range', { min: 1, max: 3 }) }),
      2,
    );
  const { road } = await networkOverride(lang, o.network, detour, o);
  for (const p of [from, to]) if (!road.join(p[0], p[1])) throw new CliExit(t(lang, 'Route.NoRoad', { place: place(p) }), 1);
  const r = road.route(from, to);
  if (!r) throw new CliExit(t(lang, 'Route.None', { from: place(from), to: place(to) }), 1);
  process.stderr.write(
    t(lang, 'Route.Summary', {
      minutes: formatNumber(lang, r.minutes, 1),
      km: formatNumber(lang, r.km, 2),
      legs: formatNumber(lang, r.leg_km[0] + r.leg_km[1], 2),
      detour: formatNumber(lang, detour, 2),
    }) + '\n',
  );
  const roads = r.roads.map((x) => ({ ref: x.ref, name: x.name, class: x.cls, km: round(x.km, 3), minutes: round(x.minutes, 2) }));
  const summary = {
    from,
    to,
    minutes: round(r.minutes, 2),
    km: round(r.km, 3),
    network_km: round(r.network_km, 3),
    leg_km: r.leg_km.map((x) => round(x, 3)),
    detour,
    network: o.network,
  };
  if (format === 'json')
    out(JSON.stringify({ ...summary, roads, path: r.path.map(([x, y]) => [round(x, 7), round(y, 7)]) }, null, 2) + '\n');
  else if (format === 'geojson')
    out(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {
              ...summary,
              from: place(from),
              to: place(to),
              leg_km: summary.leg_km.join(','),
              roads: roads
                .map((x) => x.ref || x.name)
                .filter(Boolean)
                .join('; '),
            },
            geometry: { type: 'LineString', coordinates: r.path },
          },
        ],
      }) + '\n',
    );
  else {
    out(
      [
        'ref,name,class,km,minutes',
        ...roads.map((x) => [q(x.ref), q(x.name), x.class, x.km, x.minutes].join(',')),
        `,total,,${summary.km},${summary.minutes}`,
      ].join('\n') + '\n',
    );
  }
}

/** Adds `route` to the program. */
export function registerRoute(program: Command, lang: Lang, configure: (c: Command) => Command, out: (s: string) => void): void {
  const cmd = configure(program.command('route'))
    .description(t(lang, 'Cli.Cmd.route'))
    .addOption(new Option('--network <file>', t(lang, 'Cli.Opt.network')))
    .addOption(new Option('--from <lon,lat>', t(lang, 'Cli.Opt.routeFrom')))
    .addOption(new Option('--to <lon,lat>', t(lang, 'Cli.Opt.routeTo')))
    .addOption(new Option('--format <format>', `${t(lang, 'Cli.Opt.routeFormat')} (${FORMATS.join(', ')})`))
    .addOption(new Option('--detour <factor>', t(lang, 'Param.detour')));
  addNetworkInputOptions(cmd, lang).action((opts: Parameters<typeof routeCmd>[1]) => routeCmd(lang, opts, out));
}
