/**
 * Gravity linkage between every pair of units: I_ij = m_i · m_j / d_ij^β, with m the unit's
 * mass (population in persons, or area in km²), d the great-circle distance in km between
 * the two centres and β the distance-decay exponent (2 by default). Each pair also gets its
 * share of the total intensity. Units without a mass are left out; pairs whose centres
 * coincide (d = 0) have no finite intensity and are left out too.
 */
import type { AnalysisUnit, GravityRow, Mass } from '../core/analysis.ts';
import { EARTH_RADIUS_KM, haversineKm } from './geo.ts';
import { graphOf, type Travel } from './travel-graph.ts';

/** The pairs in flat arrays: indices into the input, distance km, intensity, share. */
export interface GravityMatrix {
  i: Uint32Array;
  j: Uint32Array;
  distanceKm: Float64Array;
  intensity: Float64Array;
  share: Float64Array;
  total: number;
}

/**
 * The core of the model on flat arrays (fast enough for thousands of units).
 * @param lon - centre longitudes, degrees
 * @param lat - centre latitudes, degrees
 * @param mass - masses (NaN to leave a unit out)
 * @param beta - distance-decay exponent
 * @example gravityMatrix(Float64Array.of(0, 1), Float64Array.of(0, 0), Float64Array.of(100, 200), 2).intensity[0] // 20000 / 111.19²
 */
export function gravityMatrix(lon: Float64Array, lat: Float64Array, mass: Float64Array, beta: number): GravityMatrix {
  const n = lon.length;
  const RAD = Math.PI / 180;
  const sinLat = new Float64Array(n);
  const cosLat = new Float64Array(n);
  const lonR = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const la = lat[k]! * RAD;
    sinLat[k] = Math.sin(la);
    cosLat[k] = Math.cos(la);
    lonR[k] = lon[k]! * RAD;
  }
  const cap = (n * (n - 1)) / 2;
  const I = new Uint32Array(cap);
  const J = new Uint32Array(cap);
  const D = new Float64Array(cap);
  const V = new Float64Array(cap);
  let m = 0;
  let total = 0;
  const half = beta / 2;
  for (let a = 0; a < n; a++) {
    const ma = mass[a]!;
    if (!(ma >= 0)) continue;
    const sa = sinLat[a]!;
    const ca = cosLat[a]!;
    const la = lonR[a]!;
    for (let b = a + 1; b < n; b++) {
      const mb = mass[b]!;
      if (!(mb >= 0)) continue;
      // hav θ = (1 − cos θ) / 2 with cos θ from the spherical law of cosines (sub-metre at these distances).
      const cosC = sa * sinLat[b]! + ca * cosLat[b]! * Math.cos(lonR[b]! - la);
      const hav = (1 - Math.min(1, Math.max(-1, cosC))) / 2;
      const d = 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(hav));
      if (!(d > 1e-9)) continue;
      const v = (ma * mb) / (half === 1 ? d * d : Math.pow(d * d, half));
      I[m] = a;
      J[m] = b;
      D[m] = d;
      V[m] = v;
      total += v;
      m++;
    }
  }
  const share = new Float64Array(m);
  for (let k = 0; k < m; k++) share[k] = total > 0 ? V[k]! / total : 0;
  return { i: I.subarray(0, m), j: J.subarray(0, m), distanceKm: D.subarray(0, m), intensity: V.subarray(0, m), share, total };
}

/** A unit's mass of the chosen kind (persons or km²), or null. */
export function massOf(u: Pick<AnalysisUnit, 'population' | 'area_km2'>, mass: Mass): number | null {
  return mass === 'population' ? u.population : u.area_km2;
}

/**
 * Gravity rows for every pair of units with a mass, in pair order (a before b in the input).
 * @param units - units with centres and masses
 * @param beta - distance-decay exponent (dimensionless), default 2
 * @param mass - `population` (persons) or `area` (km²)
 * @returns rows `{a, b, distance_km, intensity, share}` (intensity in mass²/km^β; distance rounded to metres)
 * @example computeGravity(units, 2, 'population')[0] // { a: 'VN-21', b: 'VN-22', distance_km: 127.114, intensity: 7.97e8, share: 0.113 }
 */
export function computeGravity(
  units: readonly Pick<AnalysisUnit, 'id' | 'centre' | 'population' | 'area_km2'>[],
  beta = 2,
  mass: Mass = 'population',
): GravityRow[] {
  const lon = Float64Array.from(units, (u) => u.centre[0]);
  const lat = Float64Array.from(units, (u) => u.centre[1]);
  const m = Float64Array.from(units, (u) => massOf(u, mass) ?? NaN);
  const g = gravityMatrix(lon, lat, m, beta);
  const rows: GravityRow[] = Array.from({ length: g.i.length });
  for (let k = 0; k < g.i.length; k++)
    rows[k] = {
      a: units[g.i[k]!]!.id,
      b: units[g.j[k]!]!.id,
      distance_km: Math.round(g.distanceKm[k]! * 1000) / 1000,
      intensity: g.intensity[k]!,
      share: g.share[k]!,
    };
  return rows;
}

/**
 * Gravity with travel minutes as d: I = mᵢ·mⱼ / tᵢⱼ^β, t the minutes on the network between
 * the centres (one search from each centre). Pairs without a mass or a finite time are left out.
 */
export function computeGravityMinutes(
  units: readonly Pick<AnalysisUnit, 'id' | 'centre' | 'population' | 'area_km2'>[],
  beta: number,
  mass: Mass,
  tn: Travel,
): GravityRow[] {
  const g = graphOf(tn);
  const m = units.map((u) => massOf(u, mass));
  const rows: GravityRow[] = [];
  for (let i = 0; i < units.length; i++) {
    if (m[i] === null) continue;
    const from = g.timesFrom([units[i]!.centre], 'from');
    for (let j = i + 1; j < units.length; j++) {
      if (m[j] === null) continue;
      const [lon, lat] = units[j]!.centre;
      const t = from.nearestTo(lon, lat).minutes;
      if (!(t > 0) || !Number.isFinite(t)) continue;
      rows.push({
        a: units[i]!.id,
        b: units[j]!.id,
        distance_km: Math.round(haversineKm(units[i]!.centre[0], units[i]!.centre[1], lon, lat) * 1000) / 1000,
        minutes: Math.round(t * 100) / 100,
        intensity: (m[i]! * m[j]!) / t ** beta,
        share: 0,
      });
    }
  }
  const total = rows.reduce((s, r) => s + r.intensity, 0);
  for (const r of rows) r.share = total > 0 ? r.intensity / total : 0;
  return rows;
}

/** Sorts gravity rows strongest first (ties by a, then b). */
export function strongestFirst(rows: GravityRow[]): GravityRow[] {
  return rows.sort((p, q) => q.intensity - p.intensity || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : 1));
}
