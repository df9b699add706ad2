/**
 * Runs one analysis on the app's data with the given parameters: the single entry point
 * the worker and the command line share. Every result states its model in one line, lists
 * its units with the mass each was given and where the figure comes from, and notes what
 * it leaves out.
 */
import {
  type AnalysisOverrides,
  type AnalysisParams,
  type AnalysisResult,
  type AnalysisKind,
  type AnalysisPoint,
  type AnalysisUnit,
  type CoverageTarget,
  type HexGrid,
  type OdPlace,
  type PointSet,
  type SiteRow,
  type Variant,
  type NetworkOverride,
  type PopulationOverride,
  type PopulationSummary,
  type IndexPart,
  type PersonsFrom,
  type ResultBase,
  type ResultUnit,
  measuresMinutes,
  rankingOf,
  scenarioActs,
  scenarioSummary,
  sensitivityVariants,
  usesParam,
  writeParam,
} from '../core/analysis.ts';
import { coverageFigures, coverageGrid } from './coverage.ts';
import { computeOd } from './od.ts';
import { exactCover, exactFits, greedyCover } from './siting.ts';
import { buildHexGrid } from './hex-grid.ts';
import { modelledPersons } from './population.ts';
import { minutesAll, placesOf, withinOf } from './travel-graph.ts';
import { computeIsochrones } from './isochrone.ts';
import { applyScenario, type ScenarioInputs } from './scenario.ts';
import { EARTH_RADIUS_KM } from '../core/geo.ts';
import { msg, named, num, type Both, type ResultMsg } from '../core/messages.ts';
import { computeAccess } from './access.ts';
import { buildTimeNetwork, defaultModel, type TimedLine } from './travel-time.ts';
import { graphOf, type Travel } from './travel-graph.ts';
import { modelSuffix, networkNotes, populationNote, weighBands, weighCells, weighPorts } from './own-data.ts';
import { classesOf, DEFAULT_SPEEDS, SECTION_SPEEDS, speedClassOf, SPEED_CLASSES, STATION_KM, type SpeedClass } from '../core/speeds.ts';
import { computeAdjacency } from './adjacency.ts';
import { computeDistances } from './distance.ts';
import { computeGravity, computeGravityMinutes, massOf, strongestFirst } from './gravity.ts';
import { computeHinterland } from './hinterland.ts';
import {
  corridorsFor,
  kmLines,
  interchangesFor,
  pointsFor,
  pointsFromCollection,
  stationsFor,
  unitsFor,
  unitsFromCollection,
  zonesFor,
  type AnalysisInputs,
  type CorridorLine,
} from './inputs.ts';
import { computeLinkageIndex } from './linkage-index.ts';
import { areaWithin, corridorCrossings } from './reach.ts';

/** Units' names in both languages (a list the reader sees joined in their language). */
const namesOf = (us: readonly { name_vi: string; name_en: string }[]): Both[] => us.map((u) => ({ vi: u.name_vi, en: u.name_en }));

/** Whether the analysis reads a parameter. */
const uses = usesParam;

/** What the run weighs units by: the mass and its base. */
function massMsg(p: AnalysisParams, custom: AnalysisOverrides['units'], table?: AnalysisOverrides['mass']): ResultMsg {
  if (table && uses(p, 'mass')) return msg('Mass.table', { field: table.field, table: table.name });
  if (p.mass === 'area' && uses(p, 'mass')) return msg('Mass.area', {});
  if (custom) return custom.population ? msg('Mass.field', { field: custom.population, layer: custom.name }) : msg('Mass.none', {});
  if (p.popBase === 'nq202') return msg('Mass.nq202', {});
  return msg(p.edition === '2025' ? 'Mass.gso2023.2025' : 'Mass.gso2023', {});
}

/** The model of a run in one line: what is computed, from which figures, over which distances. */
/** What the model lines of coverage, od and siting name besides the parameters: the surface, the network, the places, the method. */
interface ModelWords {
  surface: ResultMsg;
  net: ResultMsg;
  set: ResultMsg;
  toset: ResultMsg;
  cands: ResultMsg;
  existing: ResultMsg;
  method: ResultMsg;
  /** The thresholds the line names (siting: its one threshold, the largest asked). */
  mins: ReturnType<typeof num>[];
}

function modelLine(
  p: AnalysisParams,
  custom: AnalysisOverrides['units'],
  table: AnalysisOverrides['mass'],
  words: ModelWords,
  parts?: readonly IndexPart[],
): ResultMsg {
  // Every kind's line takes some of these (the codes say which).
  const vars = {
    tol: num(p.toleranceKm, 2),
    buf: num(p.bufferKm, 1),
    cell: num(p.cellKm, 1),
    beta: num(p.beta, 2),
    ck: named(`Analysis.ck.${p.corridorKind}`),
    hz: named(`Horizon.${p.horizon}`),
    mass: massMsg(p, custom, table),
    parts: (parts ?? []).map((k) => named(`Col.${k}`)),
    sphere: msg('Model.Sphere', { r: num(EARTH_RADIUS_KM, 4) }),
    d: msg(p.impedance === 'minutes' ? 'Model.d.minutes' : 'Model.d.km', {}),
    from: writeParam('from', p.from),
    detour: num(p.detour, 2),
    count: num(p.count, 0),
    ...words,
  };
  const line = msg(`Model.${p.kind}`, vars);
  if (!measuresMinutes(p)) return line;
  // A run in minutes says how it travels, in the same line.
  const travel = msg('Model.travel', { modes: named(`Analysis.modes.${p.modes}`), detour: num(p.detour, 2) });
  return msg('Model.WithTravel', { line, travel });
}

/** The unit's mass in the run (or null where the analysis weighs nothing), with where it comes from. */
function resultUnit(u: AnalysisUnit, p: AnalysisParams, custom: AnalysisOverrides['units']): ResultUnit {
  let mass: number | null = null;
  let source: string | null = null;
  if (uses(p, 'mass') && p.mass === 'area') {
    mass = u.area_km2;
    source = 'area:geometry';
  } else if (uses(p, 'mass') || uses(p, 'popBase')) {
    mass = u.population;
    source = u.population === null ? null : custom ? `${custom.name}:${custom.population ?? ''}` : u.population_source;
  }
  return { id: u.id, name_vi: u.name_vi, name_en: u.name_en, centre: u.centre, in_region: u.in_region, mass, mass_source: source };
}

/** Keeps the pairs that touch the region: with context, pairs of two outside units say nothing about it. */
function touchingRegion<R extends { a: string; b: string }>(rows: R[], inRegion: ReadonlySet<string>): R[] {
  return rows.filter((r) => inRegion.has(r.a) || inRegion.has(r.b));
}

/**
 * Runs the analysis `params.kind`; with `params.sensitivity`, also the reruns over the
 * documented ranges (`sensitivityVariants`), in the same call, kept in `result.sensitivity`
 * (the tables give each figure its low and high from them).
 * @param onProgress - called with 0–1 as the work advances
 * @example runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'adjacency' }).kind // 'adjacency'
 */
export function runAnalysis(
  inputs: AnalysisInputs,
  params: AnalysisParams,
  onProgress: (done: number) => void = () => {},
  overrides: AnalysisOverrides = {},
): AnalysisResult {
  const variants = params.sensitivity ? sensitivityVariants(params) : [];
  if (!variants.length) return runOnce(inputs, params, onProgress, overrides, 1);
  // A user's network is searched again with other speeds and detours only where it can be rebuilt.
  const net = measuresMinutes(params) ? (overrides.network ?? null) : null;
  const usable = net && !net.variant ? variants.filter((v) => v.speedFactor === 1 && v.params.detour === params.detour) : variants;
  const n = usable.length + 1;
  const central = runOnce(inputs, params, (d) => onProgress(d / n), overrides, 1);
  const runs = usable.map((v, k) => ({
    id: v.id,
    result: runOnce(inputs, v.params, (d) => onProgress((k + 1 + d) / n), variantOverrides(overrides, v, params), v.speedFactor),
  }));
  if (usable.length < variants.length) central.notes.push(msg('Note.SensitivityNoNetwork', {}));
  if (runs.length) central.notes.push(msg('Note.Sensitivity', { runs: runs.map((r) => named(`Variant.${r.id}`)) }));
  const order = rankingOf(central);
  const changed = order ? runs.filter((r) => (rankingOf(r.result) ?? []).join('|') !== order.join('|')) : [];
  if (order && runs.length)
    central.notes.push(
      changed.length ? msg('Note.OrderChanges', { runs: changed.map((r) => named(`Variant.${r.id}`)) }) : msg('Note.OrderHolds', {}),
    );
  central.sensitivity = { runs, order_holds: order && runs.length ? changed.length === 0 : null };
  return central;
}

/** A sensitivity run's overrides: the user's network searched with its speeds and detour. */
function variantOverrides(o: AnalysisOverrides, v: Variant, central: AnalysisParams): AnalysisOverrides {
  const net = o.network;
  if (!net?.variant || (v.speedFactor === 1 && v.params.detour === central.detour)) return o;
  const speeds = Object.fromEntries(Object.entries(net.speeds).map(([k, x]) => [k, x * v.speedFactor]));
  return { ...o, network: { ...net, graph: net.variant(v.speedFactor, v.params.detour), detour: v.params.detour, speeds } };
}

/** One run of the analysis (no sensitivity runs); `speedFactor` scales every link's speed on the corridors. */
function runOnce(
  inputs: AnalysisInputs,
  params: AnalysisParams,
  onProgress: (done: number) => void,
  overrides: AnalysisOverrides,
  speedFactor: number,
): AnalysisResult {
  // The scenario's edits first: every analysis it can change runs on the network and points as the scenario has them.
  if (overrides.scenario && !scenarioActs(params, overrides.scenario)) overrides = { ...overrides, scenario: null };
  const applied = applyScenario(inputs, overrides.scenario);
  // The corridors the scenario removed, as they were (a station or interchange on one loses its road).
  const removedIds = new Set(overrides.scenario?.edits.flatMap((e) => (e.action === 'remove' ? [e.target] : [])) ?? []);
  const removedLines = removedIds.size
    ? inputs.corridors.features.flatMap((f): TimedLine[] =>
        removedIds.has(f.properties.id)
          ? [{ id: f.properties.id, coordinates: f.geometry.coordinates as [number, number][], cls: speedClassOf(f.properties) }]
          : [],
      )
    : [];
  inputs = applied.inputs;
  const custom = overrides.units ?? null;
  // The user's table as the mass: the units' figure is the table's (a mass of its own kind).
  const massTable = !custom && uses(params, 'mass') ? (overrides.mass ?? null) : null;
  const asked = params;
  if (massTable) params = { ...params, mass: 'population' };
  const context = !custom && params.context && uses(params, 'context');
  const baseUnits = custom
    ? unitsFromCollection(custom.fc, { code: custom.code, name: custom.nameField, population: custom.population })
    : unitsFor(inputs, params.edition, { popBase: params.popBase, context });
  const units = massTable
    ? baseUnits.map((u) => {
        const v = massTable.values[u.id] ?? null;
        return { ...u, population: v, population_source: v === null ? null : `table:${massTable.name}:${massTable.field}` };
      })
    : baseUnits;
  const region = units.filter((u) => u.in_region);
  const inRegion = new Set(region.map((u) => u.id));
  const lines = corridorsFor(inputs, params.horizon, params.corridorKind);
  const notes: ResultMsg[] = [];

  const weighs = uses(params, 'mass') || uses(params, 'popBase');
  const byPopulation = weighs && !(uses(params, 'mass') && params.mass === 'area');
  const noMass = byPopulation ? units.filter((u) => u.population === null) : [];
  if (noMass.length) {
    notes.push(msg('Note.NoMass', { names: namesOf(noMass), mass: massMsg(params, custom, massTable) }));
    if (!custom && !massTable && params.edition === '2025' && noMass.some((u) => u.in_region)) notes.push(msg('Note.NoBase2025', {}));
  }
  if (context) {
    const outside = units.filter((u) => !u.in_region);
    notes.push(msg('Note.Context', { n: outside.length, names: namesOf(outside) }));
  }
  const labelCentres = custom ? [] : units.filter((u) => u.centre_is_label);
  if (labelCentres.length && uses(params, 'context')) notes.push(msg('Note.LabelCentres', { names: namesOf(labelCentres) }));
  if (custom) notes.push(msg('Note.CustomUnits', { name: custom.name, n: units.length }));
  if (overrides.ports) notes.push(msg('Note.CustomPorts', { name: overrides.ports.name }));
  const summary = scenarioSummary(overrides.scenario);
  if (summary)
    notes.push(
      msg('Note.Scenario', {
        name: summary.name || msg('Scenario.Untitled', {}),
        add: summary.add,
        remove: summary.remove,
        slow: summary.slow,
        speeds: summary.speeds,
      }),
    );

  const ctx: RunContext = {
    inputs,
    params,
    units,
    region,
    inRegion,
    lines,
    context,
    notes,
    onProgress,
    scenario: applied,
    removedLines,
    speeds: overrides.scenario?.speeds ?? {},
    ports: () => (overrides.ports ? pointsFromCollection(overrides.ports.fc) : pointsFor(inputs.seaports, params.horizon)),
    network: overrides.network ?? null,
    population: overrides.population ?? null,
    populationSummary: null,
    townsPlaced: 0,
    speedFactor,
    overrides,
  };
  // One line per kind in RUNS; the fields it returns are typed by the kind (the union cannot follow the lookup).
  const fields = (RUNS[params.kind] as (c: RunContext) => KindFields<AnalysisKind>)(ctx);
  const parts = 'parts_used' in fields ? (fields as KindFields<'index'>).parts_used : undefined;
  const method = 'method' in fields ? (fields as KindFields<'siting'>) : null;
  // The user's network and population grid (issue 27): weigh the cells, say so in the model line and the notes.
  const usesNetwork = Boolean(ctx.network) && measuresMinutes(params);
  const grid = 'grid' in fields ? (fields as { grid: HexGrid }).grid : null;
  if (ctx.population && grid && !ctx.populationSummary) ctx.populationSummary = weighCells(grid, units, ctx.population);
  // A result with ports serving cells (the hinterland): each port's persons by the grid.
  if ('port_ids' in fields && grid) {
    const h = fields as KindFields<'hinterland'>;
    weighPorts(h.ports, h.port_ids, h.grid);
  }
  if (ctx.populationSummary) notes.push(populationNote(ctx.populationSummary, new Map(units.map((u) => [u.id, u]))));
  if (usesNetwork && summary && summary.add + summary.remove + summary.slow > 0) notes.push(msg('Note.NetworkScenario', {}));
  const words: ModelWords = {
    surface: ctx.populationSummary
      ? msg('Surface.grid', { file: ctx.populationSummary.file })
      : ctx.townsPlaced > 0
        ? msg('Surface.towns', { n: ctx.townsPlaced })
        : msg('Surface.spread', {}),
    net: usesNetwork
      ? msg('Net.own', { file: ctx.network!.summary.file })
      : msg('Net.corridors', { ck: named(`Analysis.ck.${params.corridorKind}`), hz: named(`Horizon.${params.horizon}`) }),
    set: overrides.points ? named('Analysis.points.file') : named(`Analysis.points.${params.points}`),
    toset: overrides.to
      ? named('Analysis.points.file')
      : params.to === 'same'
        ? named('Analysis.to.same')
        : named(`Analysis.points.${params.to}`),
    cands: overrides.candidates ? named('Analysis.points.file') : named(`Analysis.candidates.${params.candidates}`),
    existing: params.existing === 'none' ? msg('Siting.existingNone', {}) : named(`Analysis.points.${params.existing}`),
    method: method?.method === 'exact' ? msg('Siting.exact', { n: method.candidates }) : msg('Siting.greedy', {}),
    mins: method ? [num(method.minutes, 1)] : params.minutes.map((m) => num(m, 1)),
  };
  const base = modelLine(params, custom, massTable, words, parts);
  const suffix = modelSuffix(usesNetwork ? ctx.network : null, ctx.populationSummary);
  return {
    params: asked,
    model: suffix ? msg('Model.WithTravel', { line: base, travel: suffix }) : base,
    network: usesNetwork ? ctx.network!.summary : null,
    population_grid: ctx.populationSummary,
    units: units.map((u) => resultUnit(u, params, custom)),
    notes,
    units_source: custom ? { layer: custom.layer, code: custom.code, name: custom.name } : null,
    ports_source: overrides.ports ? { layer: overrides.ports.layer, name: overrides.ports.name } : null,
    mass_table: massTable ? { layer: massTable.layer, name: massTable.name, field: massTable.field } : null,
    scenario: summary,
    kind: params.kind,
    ...fields,
  } as AnalysisResult;
}

/** What a kind's run reads. */
interface RunContext {
  inputs: AnalysisInputs;
  /** The bundled corridors the scenario removed (for the travel network's stations and interchanges). */
  removedLines: TimedLine[];
  params: AnalysisParams;
  /** Every unit of the run (with context, the neighbours outside the region too). */
  units: AnalysisUnit[];
  /** The region's units. */
  region: AnalysisUnit[];
  inRegion: ReadonlySet<string>;
  /** The corridors of the chosen kind at the horizon (each with its length factor). */
  lines: CorridorLine[];
  /** Whether the neighbours outside the region were taken in. */
  context: boolean;
  /** Notes the run adds to (codes with values, rendered when shown). */
  notes: ResultMsg[];
  onProgress: (done: number) => void;
  /** The seaports (the user's, or the bundled ones at the horizon). */
  ports: () => AnalysisPoint[];
  /** The scenario as applied: the speed class and own speed of the corridors it adds or slows. */
  scenario: ScenarioInputs;
  /** The scenario's speeds per class (replacing the defaults). */
  speeds: Partial<Record<SpeedClass, number>>;
  /** The user's road network (instead of the corridors, for minutes) and population grid. */
  network: NetworkOverride | null;
  population: PopulationOverride | null;
  populationSummary: PopulationSummary | null;
  /** Without a population grid: the towns whose persons the run put on their own cells (0: evenly spread). */
  townsPlaced: number;
  /** Every link's speed on the corridors times this (a sensitivity run; 1 otherwise). */
  speedFactor: number;
  /** The user's own data of the run (its point files). */
  overrides: AnalysisOverrides;
}

/** What a kind's result holds beyond what every result holds. */
type KindFields<K extends AnalysisKind> = Omit<Extract<AnalysisResult, { kind: K }>, keyof ResultBase | 'kind'>;

/**
 * The timed network of the run's corridors (their classes, the scenario's speeds and stations,
 * the modes asked for), for the minutes metric; its notes say the speeds and what the railways did.
 */
function travelOf(c: RunContext): Travel {
  if (c.network) {
    c.notes.push(...networkNotes(c.network));
    return c.network.graph;
  }
  const props = new Map(c.inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
  const { classOf, speedOf } = c.scenario;
  const lines = c.lines.flatMap((l): TimedLine[] => {
    const p = props.get(l.id);
    if (!p) return [];
    const own = speedOf.get(l.id);
    const kmh = own === undefined ? undefined : own * c.speedFactor;
    return [
      {
        id: l.id,
        coordinates: l.coordinates,
        cls: classOf.get(l.id) ?? speedClassOf(p),
        lengthFactor: l.lengthFactor,
        ...(kmh === undefined ? {} : { kmh }),
        ...(classOf.has(l.id) ? { added: true } : {}),
      },
    ];
  });
  const base = defaultModel(c.speeds, classesOf(c.params.modes));
  // A sensitivity run scales every link's speed (not the way onto the network: the detour covers it).
  const speeds =
    c.speedFactor === 1
      ? base.speeds
      : (Object.fromEntries(
          SPEED_CLASSES.map((k) => [k, k === 'access' ? base.speeds[k] : base.speeds[k] * c.speedFactor]),
        ) as typeof base.speeds);
  const model = { ...base, speeds, detour: c.params.detour };
  if (!lines.some((l) => model.classes.includes(l.cls))) c.notes.push(msg('Analysis.NoTravelNetwork', {}));
  const changed = SPEED_CLASSES.flatMap((k) => {
    const v = c.speeds[k];
    return v === undefined ? [] : [msg('Speed.Pair', { cls: named(`Speed.${k}`), kmh: v })];
  });
  if (changed.length) c.notes.push(msg('Analysis.SpeedsChanged', { speeds: changed }));
  c.notes.push(
    msg('Analysis.TravelNote', {
      speeds: model.classes.map((k) => msg('Speed.Pair', { cls: named(`Speed.${k}`), kmh: model.speeds[k] })),
      access: model.speeds.access,
      detour: num(model.detour, 1),
    }),
  );
  // A stretch with its own calibrated speed, where the trip may take its line.
  for (const st of SECTION_SPEEDS)
    if (lines.some((l) => l.id === st.line && l.kmh === undefined && model.classes.includes(l.cls)))
      c.notes.push(
        msg('Analysis.SectionSpeed', {
          name: { vi: st.name_vi, en: st.name_en },
          kmh: num((st.kmh * model.speeds.railway) / DEFAULT_SPEEDS.railway.kmh, 0),
        }),
      );
  // The bundled stations and interchanges at the horizon, and the scenario's.
  const bundledStations = stationsFor(c.inputs, c.params.horizon);
  const bundledInterchanges = interchangesFor(c.inputs, c.params.horizon);
  const tn = buildTimeNetwork(
    lines,
    model,
    [...bundledStations, ...c.scenario.stations],
    c.scenario.interchanges,
    bundledInterchanges,
    c.removedLines,
  );
  const listed = c.scenario.interchanges.length + bundledInterchanges.length;
  if (listed) c.notes.push(msg('Analysis.InterchangeNote', { n: tn.interchangesUsed, listed, km: STATION_KM }));
  if (c.params.modes === 'road_rail')
    c.notes.push(
      tn.stationsUsed
        ? msg('Analysis.RailNote', { n: tn.stationsUsed, board: model.boardMinutes, km: STATION_KM })
        : msg('Analysis.NoStations', { km: STATION_KM }),
    );
  else c.notes.push(msg('Analysis.RoadOnly', {}));
  return tn;
}

/** The places of a set at the run's horizon (the seaports: the user's, or the bundled ones; the centres: the region's units'). */
function pointsOfSet(c: RunContext, set: PointSet): AnalysisPoint[] {
  const h = c.params.horizon;
  switch (set) {
    case 'centres':
      return c.region.map((u) => ({
        id: u.id,
        group: u.id,
        group_name_vi: u.name_vi,
        group_name_en: u.name_en,
        name_vi: u.name_vi,
        name_en: u.name_en,
        coordinates: u.centre,
      }));
    case 'seaports':
      return c.ports();
    case 'airports':
      return pointsFor(c.inputs.airports, h);
    case 'border-gates':
      return pointsFor(c.inputs.gates, h);
    case 'economic-zones':
      return zonesFor(c.inputs, h);
  }
}

/** A set's places, saying so when there are none. */
function placesOfSet(c: RunContext, set: PointSet): AnalysisPoint[] {
  const ps = pointsOfSet(c, set);
  if (!ps.length) c.notes.push(msg('Note.NoPlaces', { set: named(`Analysis.points.${set}`) }));
  return ps;
}

/** A user's point file as places, with a note naming it. */
function userPlaces(c: RunContext, o: { name: string; fc: import('geojson').FeatureCollection }): AnalysisPoint[] {
  c.notes.push(msg('Note.CustomPoints', { name: o.name }));
  return pointsFromCollection(o.fc);
}

/** The lines of the run's paths in km (`kmLines`), noting when railways of the chosen corridors were left to the roads. */
function kmLinesOf(c: RunContext): CorridorLine[] {
  const lines = kmLines(c.lines, c.params.corridorKind);
  if (lines.length < c.lines.length && !c.notes.some((n) => n.key === 'Note.KmRoads')) c.notes.push(msg('Note.KmRoads', {}));
  return lines;
}

const odPlace = (p: AnalysisPoint): OdPlace => ({ id: p.id, name_vi: p.name_vi, name_en: p.name_en, coordinates: p.coordinates });

/**
 * The persons of each cell of a grid over the region: the population grid's (its summary kept
 * for the notes), or the bundled default (an assumption, noted): each unit's figure in the run's
 * base, its towns' share on their cells and the rest spread evenly (`modelledPersons`).
 */
function personsOf(c: RunContext, grid: HexGrid, units: readonly AnalysisUnit[]): { persons: Float64Array; from: PersonsFrom } {
  if (c.population) {
    c.populationSummary = weighCells(grid, units, c.population);
    return { persons: grid.population!, from: 'grid' };
  }
  return modelled(c, grid, units);
}

/** The bundled default's persons per cell, with the note that says what they are. */
function modelled(c: RunContext, grid: HexGrid, units: readonly AnalysisUnit[]): { persons: Float64Array; from: PersonsFrom } {
  const { persons, towns } = modelledPersons(grid, units);
  c.townsPlaced = towns;
  c.notes.push(towns > 0 ? msg('Note.TownsAssumed', { n: grid.unit.length, towns }) : msg('Note.SpreadAssumed', { n: grid.unit.length }));
  return { persons, from: towns > 0 ? 'towns' : 'spread' };
}

/** The order coverage reports its kinds of place in. */
const COVERAGE_SETS: readonly PointSet[] = ['seaports', 'airports', 'border-gates', 'economic-zones', 'centres'];

/** Each analysis kind's run, by kind (a kind without one fails to compile). */
const RUNS: { [K in AnalysisKind]: (c: RunContext) => KindFields<K> } = {
  adjacency: (c) => ({ rows: touchingRegion(computeAdjacency(c.units, { toleranceKm: c.params.toleranceKm }), c.inRegion) }),
  reach: (c) => {
    const crossings = corridorCrossings(c.lines, c.units);
    c.onProgress(0.2);
    const shares = areaWithin(c.units, c.lines, c.params.bufferKm, (d) => c.onProgress(0.2 + 0.8 * d));
    return { crossings, shares };
  },
  distance: (c) => {
    const { rows, paths } = computeDistances(c.units, kmLinesOf(c), c.params.toleranceKm, c.onProgress);
    return { rows: touchingRegion(rows, c.inRegion), paths };
  },
  gravity: (c) => {
    const all =
      c.params.impedance === 'minutes'
        ? (() => {
            return computeGravityMinutes(c.units, c.params.beta, c.params.mass, travelOf(c));
          })()
        : computeGravity(c.units, c.params.beta, c.params.mass);
    const rows = touchingRegion(all, c.inRegion);
    const total = rows.reduce((s, r) => s + r.intensity, 0);
    for (const r of rows) r.share = total > 0 ? r.intensity / total : 0;
    return { rows: strongestFirst(rows) };
  },
  hinterland: (c) => {
    const travel = c.params.metric === 'minutes' ? travelOf(c) : undefined;
    return computeHinterland(c.units, c.ports(), kmLinesOf(c), c.params, c.onProgress, travel);
  },
  access: (c) => {
    const grid = computeAccess(
      c.units,
      {
        seaports: c.ports(),
        airports: pointsFor(c.inputs.airports, c.params.horizon),
        gates: pointsFor(c.inputs.gates, c.params.horizon),
        corridors: c.lines,
      },
      c.params.cellKm,
      c.onProgress,
      c.params.metric === 'minutes' ? travelOf(c) : undefined,
    );
    // Each cell's persons: the population grid's (weighed after the run), or the bundled default (towns, the rest evenly).
    if (!c.population) grid.spread = modelled(c, grid, c.units).persons;
    return { grid };
  },
  coverage: (c) => {
    const travel = travelOf(c);
    const places: Partial<Record<CoverageTarget, [number, number][]>> = {};
    for (const set of COVERAGE_SETS) places[set] = placesOfSet(c, set).map((p) => p.coordinates);
    if (c.overrides.points) places.points = userPlaces(c, c.overrides.points).map((p) => p.coordinates);
    const grid = coverageGrid(c.region, places, c.params.cellKm, travel, (g) => personsOf(c, g, c.region), c.onProgress);
    const targets = Object.keys(places) as CoverageTarget[];
    return { ...coverageFigures(grid, c.region, targets, c.params.minutes), targets, grid };
  },
  od: (c) => {
    const travel = travelOf(c);
    const from = (c.overrides.points ? userPlaces(c, c.overrides.points) : placesOfSet(c, c.params.points)).map(odPlace);
    const to = c.overrides.to
      ? userPlaces(c, c.overrides.to).map(odPlace)
      : c.params.to === 'same'
        ? null
        : placesOfSet(c, c.params.to).map(odPlace);
    const { rows, paths, matrix } = computeOd(from, to, travel, c.onProgress);
    const unreached = rows.filter((r) => r.minutes === null).length;
    if (unreached) c.notes.push(msg('Note.Unreached', { n: unreached }));
    c.notes.push(msg('Note.OdKm', {}));
    return { rows, paths, matrix, from_places: from, to_places: to ?? from };
  },
  siting: (c) => {
    const g = graphOf(travelOf(c));
    const grid = buildHexGrid(c.region, c.params.cellKm);
    const { persons, from } = personsOf(c, grid, c.region);
    const minutes = Math.max(...c.params.minutes);
    // The candidates: a user's file, the units' centres, or the cells' centres.
    const cands: AnalysisPoint[] = c.overrides.candidates
      ? userPlaces(c, c.overrides.candidates)
      : c.params.candidates === 'centres'
        ? pointsOfSet(c, 'centres')
        : Array.from({ length: grid.unit.length }, (_, i) => {
            const u = c.region[grid.unit[i]!]!;
            const id = `cell-${i}`;
            return {
              id,
              group: id,
              group_name_vi: `${u.name_vi} #${i}`,
              group_name_en: `${u.name_en} #${i}`,
              name_vi: `${u.name_vi} #${i}`,
              name_en: `${u.name_en} #${i}`,
              coordinates: [grid.centres[2 * i]!, grid.centres[2 * i + 1]!] as [number, number],
            };
          });
    if (!c.overrides.candidates && c.params.candidates === 'cells')
      c.notes.push(msg('Note.SitingCells', { n: cands.length, cell: num(c.params.cellKm, 1) }));
    // The cells the existing places already cover (people travelling to them, as coverage counts).
    let already: Uint8Array | undefined;
    if (c.params.existing !== 'none') {
      const pts = placesOfSet(c, c.params.existing).map((p) => p.coordinates);
      if (pts.length) {
        const mins = minutesAll(g.timesFrom(pts, 'to'), placesOf(g, grid.centres)).minutes;
        already = Uint8Array.from(mins, (m) => (m <= minutes ? 1 : 0));
      }
    }
    c.onProgress(0.1);
    const sets = withinOf(
      g,
      grid.centres,
      cands.map((p) => p.coordinates),
      minutes,
      (d) => c.onProgress(0.1 + 0.8 * d),
    );
    const k = Math.max(1, Math.round(c.params.count));
    const exact = exactFits(k, cands.length);
    const cover = exact ? exactCover(sets, persons, k, already) : greedyCover(sets, persons, k, already);
    // Each cell: covered by an existing place (0), by the r-th site first (r), or by none (-1).
    const site = new Int32Array(grid.unit.length).fill(-1);
    if (already) already.forEach((a, i) => a && (site[i] = 0));
    let total = 0;
    for (const p of persons) if (p === p) total += p;
    let covered = 0;
    for (let i = 0; i < persons.length; i++) if (site[i] === 0 && persons[i] === persons[i]) covered += persons[i]!;
    const existing = covered;
    const sites: SiteRow[] = cover.picks.map((pick, r) => {
      for (const i of sets[pick]!) if (site[i] === -1) site[i] = r + 1;
      covered += cover.gains[r]!;
      const p = cands[pick]!;
      return {
        rank: r + 1,
        id: p.id,
        name_vi: p.name_vi,
        name_en: p.name_en,
        lon: Math.round(p.coordinates[0] * 1e5) / 1e5,
        lat: Math.round(p.coordinates[1] * 1e5) / 1e5,
        added_population: Math.round(cover.gains[r]!),
        covered_population: Math.round(covered),
        share: total > 0 ? Math.round((covered / total) * 1e6) / 1e6 : 0,
      };
    });
    c.onProgress(1);
    return {
      sites,
      grid: { ...grid, persons, persons_from: from, site },
      method: exact ? ('exact' as const) : ('greedy' as const),
      candidates: cands.length,
      minutes,
      existing_population: Math.round(existing),
      total_population: Math.round(total),
    };
  },
  isochrone: (c) => {
    const from: [number, number] = [c.params.from[0], c.params.from[1]];
    const travel = travelOf(c);
    const { bands, sampled, curve } = computeIsochrones(travel, from, c.params.minutes, c.region, c.params.cellKm, c.onProgress);
    if (c.population) c.populationSummary = weighBands(bands, graphOf(travel), from, c.region, c.params.cellKm, c.population);
    return { from, bands, sampled, curve };
  },
  index: (c) => {
    const { params, units, region } = c;
    const adjacency = computeAdjacency(units, { toleranceKm: params.toleranceKm });
    c.onProgress(0.2);
    const { rows: distances } = computeDistances(units, kmLinesOf(c), params.toleranceKm);
    c.onProgress(0.5);
    const gravity = computeGravity(units, params.beta, params.mass);
    const hinterland = computeHinterland(region, c.ports(), kmLinesOf(c), {
      toleranceKm: params.toleranceKm,
      cellKm: 50,
    }).units_rows;
    c.onProgress(0.9);
    const massive = new Set(units.filter((u) => massOf(u, params.mass) !== null).map((u) => u.id));
    const index = computeLinkageIndex(
      region.map((u) => u.id),
      { adjacency, distances, gravity, hinterland, massive },
      units.length - 1,
    );
    if (index.parts_dropped.length) c.notes.push(msg('Note.IndexDropped', { parts: index.parts_dropped.map((k) => named(`Col.${k}`)) }));
    c.notes.push(msg(c.context ? 'Note.IndexContext' : 'Note.IndexRegionOnly', {}));
    return { ...index, context_used: c.context };
  },
};
