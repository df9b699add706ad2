/**
 * The thematic layers: their ids, themes, files, and the planning-horizon rules. One
 * catalogue read by the data build, the schemas, the map, the layer panel and the legend.
 */

/** Whether a feature exists today, is partly built, being built, or only planned. */
export type Status = 'existing' | 'partial' | 'under_construction' | 'planned';
export const STATUSES: readonly Status[] = ['existing', 'partial', 'under_construction', 'planned'];

/** Planning horizon at which a feature exists: today, by 2030, or by the 2045/2050 vision. */
export type Horizon = 'today' | '2030' | '2045';
export const HORIZONS: readonly Horizon[] = ['today', '2030', '2045'];

/** Who may see a feature outside the app: `restricted` is left out of exports unless asked for. */
export type Sensitivity = 'public' | 'restricted';

export type Theme = 'transport' | 'economy' | 'defence';
export const THEMES: readonly Theme[] = ['transport', 'economy', 'defence'];

export type ThematicLayerId =
  | 'corridors'
  | 'seaports'
  | 'airports'
  | 'border-gates'
  | 'economic-zones'
  | 'military-regions'
  | 'border-line'
  | 'border-belt'
  | 'islands'
  | 'baseline-points';

export interface ThematicLayerDef {
  id: ThematicLayerId;
  theme: Theme;
  /** Its file in data/geojson. */
  file: string;
  sensitivity: Sensitivity;
  /**
   * On when the app opens: the plan itself (corridors, seaports, airports, border gates,
   * coastal economic zones). The defence layers wait until a user asks for them.
   */
  defaultOn: boolean;
}

export const THEMATIC_LAYERS: readonly ThematicLayerDef[] = [
  { id: 'corridors', theme: 'transport', file: 'corridors.geojson', sensitivity: 'public', defaultOn: true },
  { id: 'seaports', theme: 'transport', file: 'seaports.geojson', sensitivity: 'public', defaultOn: true },
  { id: 'airports', theme: 'transport', file: 'airports.geojson', sensitivity: 'public', defaultOn: true },
  { id: 'border-gates', theme: 'transport', file: 'border-gates.geojson', sensitivity: 'public', defaultOn: true },
  { id: 'economic-zones', theme: 'economy', file: 'economic-zones.geojson', sensitivity: 'public', defaultOn: true },
  { id: 'military-regions', theme: 'defence', file: 'military-regions.geojson', sensitivity: 'restricted', defaultOn: false },
  { id: 'border-line', theme: 'defence', file: 'border-line.geojson', sensitivity: 'restricted', defaultOn: false },
  // Drawn from the tiles at the chosen width; the file (every width) feeds the tiles and the export.
  { id: 'border-belt', theme: 'defence', file: 'border-belt.geojson', sensitivity: 'restricted', defaultOn: false },
  { id: 'islands', theme: 'defence', file: 'islands.geojson', sensitivity: 'restricted', defaultOn: false },
  { id: 'baseline-points', theme: 'defence', file: 'baseline-points.geojson', sensitivity: 'restricted', defaultOn: false },
];

/**
 * Widths of the border-area belt, in km (the legal widths vary and are not at hand). The
 * data build computes the belt for each (data/geojson/border-belt.geojson) and the map
 * draws it from the tiles.
 */
export const BELT_KM_CHOICES = [5, 10, 20, 50] as const;
export type BeltKm = (typeof BELT_KM_CHOICES)[number];

/** The belt width a text names ("20"), if it is one of the offered widths. */
export function beltKmOf(text: string): BeltKm | undefined {
  return BELT_KM_CHOICES.find((km) => String(km) === text);
}

const HORIZON_RANK: Record<Horizon, number> = { today: 0, '2030': 1, '2045': 2 };

/**
 * Whether a feature with the given horizon exists at the chosen planning horizon.
 * @example existsAt('2030', 'today') // false: a 2030 project does not exist today
 */
export function existsAt(featureHorizon: Horizon, chosen: Horizon): boolean {
  return HORIZON_RANK[featureHorizon] <= HORIZON_RANK[chosen];
}
