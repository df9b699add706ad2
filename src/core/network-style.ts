/**
 * How the user's own road network is drawn: thin lines, one colour and width per class (the
 * faster the road, the warmer and wider), the same on the map, in its legend and on map images.
 */
import { NET_CLASSES, type NetClass } from './network-classes.ts';

/** A class's line: colour (RGB) and width in CSS pixels. */
export interface NetClassStyle {
  color: readonly [number, number, number];
  widthPx: number;
}

/** Each class's line. */
export const NET_CLASS_STYLE: Readonly<Record<NetClass, NetClassStyle>> = {
  motorway: { color: [200, 30, 45], widthPx: 2.4 },
  trunk: { color: [230, 100, 20], widthPx: 2 },
  primary: { color: [205, 150, 0], widthPx: 1.6 },
  secondary: { color: [110, 80, 170], widthPx: 1.3 },
  tertiary: { color: [30, 120, 180], widthPx: 1.1 },
  unclassified: { color: [90, 90, 90], widthPx: 0.8 },
  residential: { color: [120, 120, 120], widthPx: 0.7 },
  service: { color: [160, 160, 160], widthPx: 0.6 },
  link: { color: [230, 100, 20], widthPx: 1 },
  ferry: { color: [0, 90, 160], widthPx: 1.2 },
};

/** The style of a class by its index in NET_CLASSES (what a network stores per edge); an unknown index draws as a minor road. */
export const netStyleAt = (i: number): NetClassStyle => NET_CLASS_STYLE[NET_CLASSES[i] ?? 'unclassified'];
