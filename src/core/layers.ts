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
  | 'stations'
  | 'interchanges'
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
  /** How it is drawn: its features' geometry. */
  geometry: 'point' | 'line' | 'area';
  /** The tile layer (source-layer) its features go into, in the order the map draws them. */
  tileLayer: 'th_points' | 'th_lines' | 'th_zones' | 'th_belt';
}

/**
 * Every thematic layer, one line each: its file, theme, sensitivity, whether it is on when the
 * app opens, and how it is drawn. Its schema (data/schemas.ts), style and legend
 * (core/thematic-style.ts) and info fields (ui/FeatureInfo.tsx) are records keyed by the same
 * id, so a layer missing from one fails to compile; loading, the tiles, the map's layers, the
 * layer panel, export and search's ranking loop over this list.
 */
export const THEMATIC_LAYERS = [
  {
    id: 'corridors',
    theme: 'transport',
    file: 'corridors.geojson',
    sensitivity: 'public',
    defaultOn: true,
    geometry: 'line',
    tileLayer: 'th_lines',
  },
  {
    id: 'seaports',
    theme: 'transport',
    file: 'seaports.geojson',
    sensitivity: 'public',
    defaultOn: true,
    geometry: 'point',
    tileLayer: 'th_points',
  },
  {
    id: 'airports',
    theme: 'transport',
    file: 'airports.geojson',
    sensitivity: 'public',
    defaultOn: true,
    geometry: 'point',
    tileLayer: 'th_points',
  },
  {
    id: 'border-gates',
    theme: 'transport',
    file: 'border-gates.geojson',
    sensitivity: 'public',
    defaultOn: true,
    geometry: 'point',
    tileLayer: 'th_points',
  },
  // Where trains are boarded and expressways entered (issue 26): off until asked for.
  {
    id: 'stations',
    theme: 'transport',
    file: 'stations.geojson',
    sensitivity: 'public',
    defaultOn: false,
    geometry: 'point',
    tileLayer: 'th_points',
  },
  {
    id: 'interchanges',
    theme: 'transport',
    file: 'interchanges.geojson',
    sensitivity: 'public',
    defaultOn: false,
    geometry: 'point',
    tileLayer: 'th_points',
  },
  {
    id: 'economic-zones',
    theme: 'economy',
    file: 'economic-zones.geojson',
    sensitivity: 'public',
    defaultOn: true,
    geometry: 'area',
    tileLayer: 'th_zones',
  },
  {
    id: 'military-regions',
    theme: 'defence',
    file: 'military-regions.geojson',
    sensitivity: 'restricted',
    defaultOn: false,
    geometry: 'line',
    tileLayer: 'th_lines',
  },
  {
    id: 'border-line',
    theme: 'defence',
    file: 'border-line.geojson',
    sensitivity: 'restricted',
    defaultOn: false,
    geometry: 'line',
    tileLayer: 'th_lines',
  },
  // Drawn from the tiles at the chosen width; the file (every width) feeds the tiles and the export.
  {
    id: 'border-belt',
    theme: 'defence',
    file: 'border-belt.geojson',
    sensitivity: 'restricted',
    defaultOn: false,
    geometry: 'area',
    tileLayer: 'th_belt',
  },
  {
    id: 'islands',
    theme: 'defence',
    file: 'islands.geojson',
    sensitivity: 'restricted',
    defaultOn: false,
    geometry: 'point',
    tileLayer: 'th_points',
  },
  {
    id: 'baseline-points',
    theme: 'defence',
    file: 'baseline-points.geojson',
    sensitivity: 'restricted',
    defaultOn: false,
    geometry: 'point',
    tileLayer: 'th_points',
  },
] as const satisfies readonly ThematicLayerDef[];

/** Every thematic layer's id, in the catalogue's order. */
export const THEMATIC_LAYER_IDS: readonly ThematicLayerId[] = THEMATIC_LAYERS.map((l) => l.id);
/** Whether a text (an address, a file) names a thematic layer. */
export const isThematicLayerId = (x: string): x is ThematicLayerId => THEMATIC_LAYER_IDS.some((id) => id === x);

type LayerOf<G extends ThematicLayerDef['geometry']> = Extract<(typeof THEMATIC_LAYERS)[number], { geometry: G }>;
/** The layers drawn as points, and as lines. */
export type PointLayerId = LayerOf<'point'>['id'];
export type LineLayerId = LayerOf<'line'>['id'];
export const POINT_LAYERS = THEMATIC_LAYERS.filter((l): l is LayerOf<'point'> => l.geometry === 'point').map((l) => l.id);
export const LINE_LAYERS = THEMATIC_LAYERS.filter((l): l is LayerOf<'line'> => l.geometry === 'line').map((l) => l.id);

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
