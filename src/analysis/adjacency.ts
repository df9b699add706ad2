/**
 * Adjacency: which units share a border, and how long the shared border is.
 *
 * Borders are compared segment by segment in a local planar projection, so two neighbours
 * whose common edge was digitised with different vertices still match: a piece of unit A's
 * boundary counts as shared with B where B's boundary runs within `toleranceKm` of it. The
 * shared length is measured on each side (great-circle) and averaged. Two units touching at
 * a corner share no length and are not adjacent. A uniform grid finds the candidate segment
 * pairs, so the cost grows with the number of segments, not with the square of the units.
 */
import type { AdjacencyRow, AnalysisUnit } from '../core/analysis.ts';
import { haversineKm, meanLat, planar, ringsOf, roundTo } from './geo.ts';

export interface AdjacencyOptions {
  /** How far apart two boundaries may run and still be one border, km. Default 0.5. */
  toleranceKm?: number;
  /** Shorter shared borders than this are ignored (crossings within the tolerance), km. Default 2 × tolerance. */
  minSharedKm?: number;
}

type Shape = Pick<AnalysisUnit, 'id' | 'geometry'>;

const key = (cx: number, cy: number): number => cx * 1_000_003 + cy;

/**
 * Finds every pair of units that share a border and the shared length.
 * @param units - polygons with an id
 * @param options - tolerance and minimum shared length, km
 * @returns rows `{a, b, shared_km}` with a < b, sorted by a then b
 * @example computeAdjacency(units, { toleranceKm: 0.5 }) // [{ a: 'VN-21', b: 'VN-22', shared_km: 173.2 }, ...]
 */
export function computeAdjacency(units: readonly Shape[], options: AdjacencyOptions = {}): AdjacencyRow[] {
  const tol = options.toleranceKm ?? 0.5;
  const minShared = options.minSharedKm ?? 2 * tol;
  const allRings = units.map((u) => ringsOf(u.geometry));
  const proj = planar(meanLat(allRings.flat()));

  // Flatten every boundary segment: planar endpoints, owner, great-circle length.
  let n = 0;
  for (const rings of allRings) for (const r of rings) n += Math.max(0, r.length - 1);
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  const owner = new Int32Array(n);
  const trueLen = new Float64Array(n);
  let k = 0;
  let sumLen = 0;
  allRings.forEach((rings, ui) => {
    for (const r of rings)
      for (let i = 0; i + 1 < r.length; i++) {
        const p = r[i]!;
        const q = r[i + 1]!;
        ax[k] = proj.x(p[0]!);
        ay[k] = proj.y(p[1]!);
        bx[k] = proj.x(q[0]!);
        by[k] = proj.y(q[1]!);
        owner[k] = ui;
        trueLen[k] = haversineKm(p[0]!, p[1]!, q[0]!, q[1]!);
        sumLen += Math.hypot(bx[k]! - ax[k]!, by[k]! - ay[k]!);
        k++;
      }
  });

  // Uniform grid of segment bounding boxes (expanded by the tolerance).
  const cell = Math.max(2 * tol, n ? (2 * sumLen) / n : 1, 1e-6);
  const buckets = new Map<number, number[]>();
  const minCx = new Int32Array(n);
  const minCy = new Int32Array(n);
  const maxCx = new Int32Array(n);
  const maxCy = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    minCx[i] = Math.floor((Math.min(ax[i]!, bx[i]!) - tol) / cell);
    minCy[i] = Math.floor((Math.min(ay[i]!, by[i]!) - tol) / cell);
    maxCx[i] = Math.floor((Math.max(ax[i]!, bx[i]!) + tol) / cell);
    maxCy[i] = Math.floor((Math.max(ay[i]!, by[i]!) + tol) / cell);
    for (let cx = minCx[i]!; cx <= maxCx[i]!; cx++)
      for (let cy = minCy[i]!; cy <= maxCy[i]!; cy++) {
        const kk = key(cx, cy);
        const b = buckets.get(kk);
        if (b) b.push(i);
        else buckets.set(kk, [i]);
      }
  }

  // Coverage intervals on each segment: [other unit, s0, s1] in planar km along the segment.
  const cover: number[][] = Array.from({ length: n }, () => []);
  for (const [kk, list] of buckets) {
    if (list.length < 2) continue;
    const cx = Math.round(kk / 1_000_003);
    const cy = kk - cx * 1_000_003;
    for (let x = 0; x < list.length; x++) {
      const i = list[x]!;
      for (let y = x + 1; y < list.length; y++) {
        const j = list[y]!;
        if (owner[i] === owner[j]) continue;
        // Process each pair once: in the cell holding the lower corner of their boxes' overlap.
        const ox = Math.max(minCx[i]!, minCx[j]!);
        const oy = Math.max(minCy[i]!, minCy[j]!);
        if (ox > Math.min(maxCx[i]!, maxCx[j]!) || oy > Math.min(maxCy[i]!, maxCy[j]!)) continue;
        if (ox !== cx || oy !== cy) continue;
        coverOnto(i, j);
        coverOnto(j, i);
      }
    }
  }

  function coverOnto(i: number, j: number): void {
    const x0 = ax[i]!;
    const y0 = ay[i]!;
    const len = Math.hypot(bx[i]! - x0, by[i]! - y0);
    if (len === 0) return;
    const ex = (bx[i]! - x0) / len;
    const ey = (by[i]! - y0) / len;
    const s0 = (ax[j]! - x0) * ex + (ay[j]! - y0) * ey;
    const s1 = (bx[j]! - x0) * ex + (by[j]! - y0) * ey;
    const d0 = -(ax[j]! - x0) * ey + (ay[j]! - y0) * ex;
    const d1 = -(bx[j]! - x0) * ey + (by[j]! - y0) * ex;
    // u in [0,1] along segment j with 0 ≤ s(u) ≤ len and |d(u)| ≤ tol.
    let lo = 0;
    let hi = 1;
    const clamp = (c0: number, c1: number, min: number, max: number): void => {
      if (Math.abs(c1) < 1e-15) {
        if (c0 < min - 1e-12 || c0 > max + 1e-12) hi = -1;
        return;
      }
      let u0 = (min - c0) / c1;
      let u1 = (max - c0) / c1;
      if (u0 > u1) [u0, u1] = [u1, u0];
      if (u0 > lo) lo = u0;
      if (u1 < hi) hi = u1;
    };
    clamp(s0, s1 - s0, 0, len);
    clamp(d0, d1 - d0, -tol, tol);
    if (hi <= lo) return;
    const sa = s0 + lo * (s1 - s0);
    const sb = s0 + hi * (s1 - s0);
    if (Math.abs(sb - sa) < 1e-12) return;
    cover[i]!.push(owner[j]!, Math.min(sa, sb) / len, Math.max(sa, sb) / len);
  }

  // Merge the intervals per (segment, other unit) and add up great-circle lengths.
  const shared = new Map<number, number>();
  const nu = units.length;
  for (let i = 0; i < n; i++) {
    const c = cover[i]!;
    if (!c.length) continue;
    const items: [number, number, number][] = [];
    for (let m = 0; m < c.length; m += 3) items.push([c[m]!, c[m + 1]!, c[m + 2]!]);
    items.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    let cur = -1;
    let start = 0;
    let end = 0;
    const flush = (): void => {
      if (cur < 0) return;
      const a = Math.min(owner[i]!, cur);
      const b = Math.max(owner[i]!, cur);
      const kk = a * nu + b;
      shared.set(kk, (shared.get(kk) ?? 0) + (end - start) * trueLen[i]!);
    };
    for (const [o, s, e] of items) {
      if (o !== cur) {
        flush();
        cur = o;
        start = s;
        end = e;
      } else if (s <= end) end = Math.max(end, e);
      else {
        flush();
        start = s;
        end = e;
      }
    }
    flush();
  }

  const rows: AdjacencyRow[] = [];
  for (const [kk, twice] of shared) {
    const a = Math.floor(kk / nu);
    const b = kk - a * nu;
    const km = twice / 2; // measured once from each side
    if (km <= Math.max(minShared, 1e-9)) continue;
    const ia = units[a]!.id;
    const ib = units[b]!.id;
    rows.push(ia < ib ? { a: ia, b: ib, shared_km: roundTo(km, 3) } : { a: ib, b: ia, shared_km: roundTo(km, 3) });
  }
  return rows.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}
