/**
 * Small numeric helpers shared across folders: the Earth's radius, rounding, and the round
 * lengths a scale bar shows.
 */

/** Mean Earth radius, km (the value Turf uses). */
export const EARTH_RADIUS_KM = 6371.0088;

/** Rounds to `d` decimals. */
export const roundTo = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;

/** Largest 1, 2 or 5 × 10^k not above `metres`. */
export function niceDistance(metres: number): number {
  const p = 10 ** Math.floor(Math.log10(metres));
  const d = metres / p;
  return (d >= 5 ? 5 : d >= 2 ? 2 : 1) * p;
}

/** A scale-bar length as text: `500 m`, `20 km`. */
export const distanceLabel = (metres: number): string => (metres >= 1000 ? `${metres / 1000} km` : `${metres} m`);
