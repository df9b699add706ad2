/**
 * The user's own road network and population grid in a run (issue 27), kept apart from
 * `run.ts`, which calls these few hooks: the notes and model sentence of a network, and the
 * weighing of a result's cells, bands and hinterland cells by a population grid, with the
 * grid's total per unit against the official figure.
 */
import type {
  AnalysisUnit,
  HexGrid,
  HinterlandPortRow,
  IsochroneBand,
  NetworkOverride,
  PopulationOverride,
  PopulationSummary,
} from '../core/analysis.ts';
import { NET_CLASSES } from '../core/network-classes.ts';
import { msg, named, num, type ResultMsg } from '../core/messages.ts';
import { buildHexGrid } from './hex-grid.ts';
import { cellPopulation } from './population.ts';
import type { TravelGraph } from './travel-graph.ts';

/** The notes of a run on the user's network: what it is and the speeds it assumes. */
export function networkNotes(n: NetworkOverride): ResultMsg[] {
  const s = n.summary;
  return [
    msg('Note.Network', {
      file: s.file,
      edges: num(s.edges, 0),
      km: num(s.km_total, 0),
      date: s.extract_date ? s.extract_date.slice(0, 10) : msg('Net.DateUnknown', {}),
      components: num(s.components, 0),
      share: num(s.largest_component_km_share * 100, 1),
    }),
    msg('Note.NetworkSpeeds', {
      speeds: NET_CLASSES.flatMap((c) => {
        const kmh = n.speeds[c];
        return kmh === undefined ? [] : [msg('Speed.Pair', { cls: named(`NetClass.${c}`), kmh })];
      }),
      access: n.accessKmh,
      detour: num(n.detour, 2),
    }),
  ];
}

/** The model line's sentence on the network and the population grid, if any. */
export function modelSuffix(network: NetworkOverride | null | undefined, pop: PopulationSummary | null): ResultMsg | null {
  const parts: ResultMsg[] = [];
  if (network) parts.push(msg('Model.network', { file: network.summary.file }));
  if (pop) parts.push(msg('Model.population', { file: pop.file, persons: num(Math.round(pop.in_cells), 0) }));
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : msg('Model.WithTravel', { line: parts[0]!, travel: parts[1]! });
}

/** Sums the grid into a result's cells; the summary compares each unit's sum with its official figure. */
export function weighCells(
  grid: HexGrid,
  units: readonly Pick<AnalysisUnit, 'id' | 'population'>[],
  pop: PopulationOverride,
): PopulationSummary {
  const { population, outside } = cellPopulation(grid, pop);
  grid.population = population;
  const perUnit = new Float64Array(units.length);
  let inCells = 0;
  for (let i = 0; i < population.length; i++) {
    perUnit[grid.unit[i]!] = perUnit[grid.unit[i]!]! + population[i]!;
    inCells += population[i]!;
  }
  return {
    file: pop.name,
    crs: pop.crs,
    total: Math.round(pop.total),
    in_cells: Math.round(inCells),
    outside: Math.round(outside),
    units: units.map((u, i) => ({
      unit: u.id,
      grid: Math.round(perUnit[i]!),
      official: u.population,
      ratio: u.population ? Math.round((perUnit[i]! / u.population) * 1000) / 1000 : null,
    })),
  };
}

/** The note on the grid: persons in the cells, outside them, and each unit's grid total against its official figure. */
export function populationNote(s: PopulationSummary, names: ReadonlyMap<string, { name_vi: string; name_en: string }>): ResultMsg {
  return msg('Note.Population', {
    file: s.file,
    crs: s.crs,
    cells: num(s.in_cells, 0),
    outside: num(s.outside, 0),
    units: s.units.map((u) => {
      const n = names.get(u.unit);
      const name = n ? { vi: n.name_vi, en: n.name_en } : u.unit;
      return u.ratio === null || u.official === null
        ? msg('Note.PopulationUnitNoOfficial', { name, grid: num(u.grid, 0), none: msg('Note.PopulationNoOfficial', {}) })
        : msg('Note.PopulationUnit', { name, grid: num(u.grid, 0), official: num(u.official, 0), pct: num(u.ratio * 100, 1) });
    }),
  });
}

/** Each band's persons: the cells (hexagons at `cellKm` over the units) whose centres are within its minutes of the origin. */
export function weighBands(
  bands: IsochroneBand[],
  graph: TravelGraph,
  from: [number, number],
  units: readonly Pick<AnalysisUnit, 'id' | 'population' | 'geometry'>[],
  cellKm: number,
  pop: PopulationOverride,
): PopulationSummary {
  const grid = buildHexGrid(units, cellKm);
  const summary = weighCells(grid, units, pop);
  const times = graph.timesFrom([from], 'from');
  const minutes = new Float64Array(grid.unit.length);
  for (let i = 0; i < minutes.length; i++) minutes[i] = times.nearestTo(grid.centres[2 * i]!, grid.centres[2 * i + 1]!).minutes;
  for (const b of bands) {
    let s = 0;
    for (let i = 0; i < minutes.length; i++) if (minutes[i]! <= b.minutes) s += grid.population![i]!;
    b.population = Math.round(s);
  }
  return summary;
}

/** Adds to each port the persons of the cells it serves, by straight line, network and minutes. */
export function weighPorts(
  ports: HinterlandPortRow[],
  portIds: readonly string[],
  grid: HexGrid & { port_straight: Int32Array; port_network: Int32Array; port_minutes?: Int32Array },
): void {
  const pop = grid.population;
  if (!pop) return;
  for (const row of ports) {
    const gi = portIds.indexOf(row.port);
    let s = 0;
    let n = 0;
    let m = 0;
    for (let i = 0; i < pop.length; i++) {
      if (grid.port_straight[i] === gi) s += pop[i]!;
      if (grid.port_network[i] === gi) n += pop[i]!;
      if (grid.port_minutes?.[i] === gi) m += pop[i]!;
    }
    row.cells_population_straight = Math.round(s);
    row.cells_population_network = Math.round(n);
    if (grid.port_minutes) row.cells_population_minutes = Math.round(m);
  }
}
