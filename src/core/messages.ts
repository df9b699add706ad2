/**
 * Messages as data: a code and the values of its placeholders, never a sentence. Results,
 * notices and errors carry these; the UI and the command line render them in the reader's
 * language when they show them (src/i18n `render`), so switching language re-renders.
 */
import type { CandidateSet, CorridorKind, IndexPart, PointSet, VariantId } from './analysis.ts';
import type { Horizon } from './layers.ts';
import type { Mode, SpeedClass } from './speeds.ts';
import type { NetClass } from './network-classes.ts';

/** Text in both languages, as the data gives it (a unit's or a layer's name). */
export interface Both {
  vi: string;
  en: string;
}

/** A number written in the reader's language (vi 1.284,7; en 1,284.7), with at most `digits` decimals. */
export interface Num {
  num: number;
  digits: number;
}

/**
 * A placeholder's value: text as it is, a whole number as it is (a count, a year), a number in
 * the reader's format, a name in both languages, another message, or a list of these (joined
 * with commas).
 */
export type MsgValue<K extends string = string> = string | number | Num | Both | Msg<K> | readonly MsgValue<K>[];

/** A message: its code (an i18n key) and the values of its placeholders. */
export interface Msg<K extends string = string> {
  key: K;
  vars?: Readonly<Record<string, MsgValue<K>>>;
}

/** A number in the reader's format. */
export const num = (value: number, digits = 1): Num => ({ num: value, digits });

/**
 * Every message a result carries (model lines and notes), with its placeholders: analysis
 * code can say nothing else, and the i18n files must have each code (a missing one fails to
 * compile where results are rendered; a test checks the placeholders against both texts).
 */
export const RESULT_MESSAGES = {
  'Model.adjacency': ['tol', 'sphere'],
  'Model.reach': ['ck', 'hz', 'buf', 'sphere'],
  'Model.distance': ['ck', 'hz', 'tol', 'sphere'],
  'Model.gravity': ['beta', 'mass', 'd', 'sphere'],
  'Model.hinterland': ['cell', 'ck', 'hz', 'mass', 'sphere'],
  'Model.access': ['cell', 'ck', 'hz', 'sphere'],
  'Model.index': ['parts', 'beta', 'mass', 'ck', 'hz', 'sphere'],
  'Model.isochrone': ['mins', 'from', 'ck', 'hz', 'cell'],
  'Model.Sphere': ['r'],
  'Model.d.km': [],
  'Model.d.minutes': [],
  'Model.travel': ['modes', 'detour'],
  'Model.WithTravel': ['line', 'travel'],
  'Mass.area': [],
  'Mass.gso2023': [],
  'Mass.gso2023.2025': [],
  'Mass.nq202': [],
  'Mass.field': ['field', 'layer'],
  'Mass.table': ['field', 'table'],
  'Mass.none': [],
  'Note.NoMass': ['names', 'mass'],
  'Note.NoBase2025': [],
  'Note.Context': ['n', 'names'],
  'Note.LabelCentres': ['names'],
  'Note.CustomUnits': ['name', 'n'],
  'Note.CustomPorts': ['name'],
  'Note.IndexDropped': ['parts'],
  'Note.IndexContext': [],
  'Note.IndexRegionOnly': [],
  'Note.Scenario': ['name', 'add', 'remove', 'slow', 'speeds'],
  'Scenario.Untitled': [],
  'Analysis.NoTravelNetwork': [],
  'Analysis.SpeedsChanged': ['speeds'],
  'Analysis.TravelNote': ['speeds', 'access', 'detour'],
  'Analysis.SectionSpeed': ['name', 'kmh'],
  'Analysis.InterchangeNote': ['n', 'listed', 'km'],
  'Analysis.RailNote': ['n', 'board', 'km'],
  'Analysis.NoStations': ['km'],
  'Analysis.RoadOnly': [],
  'Speed.Pair': ['cls', 'kmh'],
  'Note.Network': ['file', 'edges', 'km', 'date', 'components', 'share'],
  'Note.NetworkSpeeds': ['speeds', 'access', 'detour'],
  'Note.NetworkScenario': [],
  'Net.DateUnknown': [],
  'Model.network': ['file'],
  'Model.population': ['file', 'persons'],
  'Model.Parts': ['parts'],
  'Note.Population': ['file', 'crs', 'cells', 'outside', 'units'],
  'Note.PopulationNoOfficial': [],
  'Note.PopulationUnit': ['name', 'grid', 'official', 'pct'],
  'Note.PopulationUnitNoOfficial': ['name', 'grid', 'none'],
  'Model.coverage': ['mins', 'cell', 'mass', 'surface', 'net'],
  'Model.od': ['set', 'toset', 'net', 'detour'],
  'Model.siting': ['count', 'mins', 'cands', 'existing', 'mass', 'surface', 'net', 'method'],
  'Surface.spread': [],
  'Surface.towns': ['n'],
  'Surface.grid': ['file'],
  'Net.corridors': ['ck', 'hz'],
  'Net.own': ['file'],
  'Siting.exact': ['n'],
  'Siting.greedy': [],
  'Siting.existingNone': [],
  'Note.Sensitivity': ['runs'],
  'Note.OrderHolds': [],
  'Note.OrderChanges': ['runs'],
  'Note.SensitivityNoNetwork': [],
  'Note.CustomPoints': ['name'],
  'Note.NoPlaces': ['set'],
  'Note.Unreached': ['n'],
  'Note.SpreadAssumed': ['n'],
  'Note.TownsAssumed': ['n', 'towns'],
  'Note.SitingCells': ['n', 'cell'],
  'Note.OdKm': [],
  'Note.KmRoads': [],
} as const satisfies Record<string, readonly string[]>;

/** A code with placeholders, from the list above. */
type ListedCode = keyof typeof RESULT_MESSAGES;

/** Codes that only name a value of a choice (no placeholders). */
type NamingCode =
  | `Analysis.ck.${CorridorKind}`
  | `Horizon.${Horizon}`
  | `Analysis.modes.${Mode}`
  | `Col.${IndexPart}`
  | `Speed.${SpeedClass}`
  | `NetClass.${NetClass}`
  | `Analysis.points.${PointSet}`
  | 'Analysis.points.file'
  | 'Analysis.to.same'
  | `Analysis.candidates.${CandidateSet}`
  | `Variant.${VariantId}`;

/** Every code a result may carry. */
export type ResultCode = ListedCode | NamingCode;

/** A value inside a result's message (nested messages are result messages too). */
export type ResultValue = MsgValue<ResultCode>;

/** A result's message, its placeholders named as its code lists them. */
export type ResultMsg =
  | { [K in ListedCode]: { key: K; vars: Readonly<Record<(typeof RESULT_MESSAGES)[K][number], ResultValue>> } }[ListedCode]
  | { key: NamingCode };

/**
 * A result message (placeholders checked against its code).
 * @example msg('Note.CustomPorts', { name: 'ports.csv' })
 */
export function msg<K extends ListedCode>(key: K, vars: Readonly<Record<(typeof RESULT_MESSAGES)[K][number], ResultValue>>): ResultMsg {
  return { key, vars } as ResultMsg;
}

/** A result message that names a value of a choice (`Horizon.2030`). */
export const named = (key: NamingCode): ResultMsg => ({ key });
