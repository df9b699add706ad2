/**
 * How each thematic layer looks: one palette and set of sizes that the deck.gl layer
 * factories draw with and the legend is generated from. Colours are RGB 0–255.
 */
import type { ThematicLayerId } from './layers.ts';

export type RGB = [number, number, number];

export const CORRIDOR_COLORS: Record<'north_south' | 'east_west' | 'coastal', RGB> = {
  north_south: [178, 34, 52],
  east_west: [224, 112, 16],
  coastal: [24, 104, 176],
};
/** Path width in pixels by mode. */
export const CORRIDOR_WIDTH_PX: Record<'road' | 'expressway' | 'railway' | 'high_speed_railway', number> = {
  road: 2.5,
  expressway: 4.5,
  railway: 2,
  high_speed_railway: 3.5,
};
/** Dash pattern (dash, gap, in line widths) for what is not fully built. */
export const DASH: [number, number] = [3, 2];

export const POINT_COLORS: Record<
  'seaports' | 'airports' | 'border-gates' | 'stations' | 'interchanges' | 'islands' | 'baseline-points',
  RGB
> = {
  seaports: [16, 72, 160],
  stations: [40, 40, 40],
  interchanges: [0, 120, 90],
  airports: [112, 48, 160],
  'border-gates': [196, 84, 0],
  islands: [176, 24, 48],
  'baseline-points': [80, 80, 80],
};
/** Seaport symbol radius in pixels by class (QD804). */
export const SEAPORT_RADIUS_PX: Record<'I' | 'II' | 'III', number> = { I: 8, II: 6, III: 4.5 };
export const POINT_RADIUS_PX = 6;
export const SMALL_POINT_RADIUS_PX = 3.5;

export const AREA_COLORS: Record<'economic-zones' | 'military-regions' | 'border-belt', RGB> = {
  'economic-zones': [236, 160, 32],
  'military-regions': [120, 56, 56],
  'border-belt': [200, 30, 30],
};
export const BORDER_LINE_COLOR: RGB = [150, 0, 0];

/** The legend rows' labels: i18n keys, so a label without a translation fails to compile where it is shown. */
export type LegendLabel =
  | 'Legend.NorthSouth'
  | 'Legend.EastWest'
  | 'Legend.Coastal'
  | 'Legend.Expressway'
  | 'Legend.NotBuilt'
  | 'Legend.PortClassI'
  | 'Legend.PortClassII'
  | 'Legend.PortClassIII'
  | 'Legend.Airport'
  | 'Legend.BorderGate'
  | 'Legend.Station'
  | 'Legend.Interchange'
  | 'Legend.EconomicZone'
  | 'Legend.MilitaryRegion'
  | 'Legend.BorderLine'
  | 'Legend.BorderBelt'
  | 'Legend.IslandZone'
  | 'Legend.BaselinePoint';

/** One legend row. */
export interface LegendEntry {
  kind: 'line' | 'point' | 'area';
  color: RGB;
  label: LegendLabel;
  dashed?: boolean;
  hollow?: boolean;
  widthPx?: number;
  radiusPx?: number;
}

/** Each layer's legend, from the same constants the map draws with (a layer without one fails to compile). */
const LEGENDS: Record<ThematicLayerId, LegendEntry[]> = {
  corridors: [
    { kind: 'line', color: CORRIDOR_COLORS.north_south, label: 'Legend.NorthSouth', widthPx: CORRIDOR_WIDTH_PX.road },
    { kind: 'line', color: CORRIDOR_COLORS.east_west, label: 'Legend.EastWest', widthPx: CORRIDOR_WIDTH_PX.road },
    { kind: 'line', color: CORRIDOR_COLORS.coastal, label: 'Legend.Coastal', widthPx: CORRIDOR_WIDTH_PX.road },
    { kind: 'line', color: [60, 60, 60], label: 'Legend.Expressway', widthPx: CORRIDOR_WIDTH_PX.expressway },
    { kind: 'line', color: [60, 60, 60], label: 'Legend.NotBuilt', widthPx: CORRIDOR_WIDTH_PX.road, dashed: true },
  ],
  seaports: [
    { kind: 'point', color: POINT_COLORS.seaports, label: 'Legend.PortClassI', radiusPx: SEAPORT_RADIUS_PX.I },
    { kind: 'point', color: POINT_COLORS.seaports, label: 'Legend.PortClassII', radiusPx: SEAPORT_RADIUS_PX.II },
    { kind: 'point', color: POINT_COLORS.seaports, label: 'Legend.PortClassIII', radiusPx: SEAPORT_RADIUS_PX.III },
    { kind: 'point', color: POINT_COLORS.seaports, label: 'Legend.NotBuilt', radiusPx: SEAPORT_RADIUS_PX.II, hollow: true },
  ],
  airports: [
    { kind: 'point', color: POINT_COLORS.airports, label: 'Legend.Airport', radiusPx: POINT_RADIUS_PX },
    { kind: 'point', color: POINT_COLORS.airports, label: 'Legend.NotBuilt', radiusPx: POINT_RADIUS_PX, hollow: true },
  ],
  'border-gates': [{ kind: 'point', color: POINT_COLORS['border-gates'], label: 'Legend.BorderGate', radiusPx: POINT_RADIUS_PX }],
  stations: [
    { kind: 'point', color: POINT_COLORS.stations, label: 'Legend.Station', radiusPx: SMALL_POINT_RADIUS_PX },
    { kind: 'point', color: POINT_COLORS.stations, label: 'Legend.NotBuilt', radiusPx: SMALL_POINT_RADIUS_PX, hollow: true },
  ],
  interchanges: [{ kind: 'point', color: POINT_COLORS.interchanges, label: 'Legend.Interchange', radiusPx: SMALL_POINT_RADIUS_PX }],
  'economic-zones': [{ kind: 'area', color: AREA_COLORS['economic-zones'], label: 'Legend.EconomicZone', dashed: true }],
  'military-regions': [{ kind: 'line', color: AREA_COLORS['military-regions'], label: 'Legend.MilitaryRegion', widthPx: 2.5 }],
  'border-line': [{ kind: 'line', color: BORDER_LINE_COLOR, label: 'Legend.BorderLine', widthPx: 2.5 }],
  'border-belt': [{ kind: 'area', color: AREA_COLORS['border-belt'], label: 'Legend.BorderBelt' }],
  islands: [{ kind: 'point', color: POINT_COLORS.islands, label: 'Legend.IslandZone', radiusPx: POINT_RADIUS_PX }],
  'baseline-points': [
    { kind: 'point', color: POINT_COLORS['baseline-points'], label: 'Legend.BaselinePoint', radiusPx: SMALL_POINT_RADIUS_PX },
  ],
};

/** The legend of a layer. */
export function legendFor(layer: ThematicLayerId): LegendEntry[] {
  return LEGENDS[layer];
}
