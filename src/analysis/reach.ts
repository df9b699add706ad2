/**
 * Corridor reach: for each corridor, the units it crosses and its length inside each
 * (great-circle km, cut exactly at the unit boundaries); and for each unit, the share of
 * its area within `bufferKm` of the chosen corridors (Turf buffer, union, intersect, area).
 */
import { area } from '@turf/area';
import { buffer } from '@turf/buffer';
import { featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AnalysisLine, AnalysisUnit, ReachCrossing, ReachShare } from '../core/analysis.ts';
import { haversineKm, meanLat, planar, pointInRings, ringsOf, roundTo } from './geo.ts';

/**
 * Length of each line inside each unit.
 * @returns one row per (corridor, unit) with length_km > 0, in input order
 * @example corridorCrossings(corridors, units)[0] // { corridor: 'ql1', unit: 'VN-21', length_km: 101.2 }
 */
export function corridorCrossings(
  lines: readonly Pick<AnalysisLine, 'id' | 'coordinates'>[],
  units: readonly Pick<AnalysisUnit, 'id' | 'geometry'>[],
): ReachCrossing[] {
  const proj = planar(meanLat(lines.map((l) => l.coordinates)) || 15);
  const shapes = units.map((u) => {
    const rings = ringsOf(u.geometry).map((r) => r.map((c) => [proj.x(c[0]!), proj.y(c[1]!)]));
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const r of rings)
      for (const [x, y] of r) {
        minX = Math.min(minX, x!);
        maxX = Math.max(maxX, x!);
        minY = Math.min(minY, y!);
        maxY = Math.max(maxY, y!);
      }
    return { rings, minX, minY, maxX, maxY };
  });
  const rows: ReachCrossing[] = [];
  for (const line of lines) {
    const km = new Float64Array(units.length);
    for (let i = 0; i + 1 < line.coordinates.length; i++) {
      const [lon0, lat0] = line.coordinates[i]!;
      const [lon1, lat1] = line.coordinates[i + 1]!;
      const x0 = proj.x(lon0);
      const y0 = proj.y(lat0);
      const x1 = proj.x(lon1);
      const y1 = proj.y(lat1);
      shapes.forEach((s, ui) => {
        if (Math.max(x0, x1) < s.minX || Math.min(x0, x1) > s.maxX || Math.max(y0, y1) < s.minY || Math.min(y0, y1) > s.maxY) return;
        // Cut the segment where it crosses the unit's rings, keep the pieces whose middle is inside.
        const ts = [0, 1];
        const rx = x1 - x0;
        const ry = y1 - y0;
        for (const r of s.rings)
          for (let k = 0; k + 1 < r.length; k++) {
            const [ax, ay] = r[k]!;
            const [bx, by] = r[k + 1]!;
            const sx = bx! - ax!;
            const sy = by! - ay!;
            const den = rx * sy - ry * sx;
            if (Math.abs(den) < 1e-15) continue;
            const t = ((ax! - x0) * sy - (ay! - y0) * sx) / den;
            const u = ((ax! - x0) * ry - (ay! - y0) * rx) / den;
            if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
          }
        ts.sort((a, b) => a - b);
        for (let k = 0; k + 1 < ts.length; k++) {
          const ta = ts[k]!;
          const tb = ts[k + 1]!;
          if (tb - ta < 1e-12) continue;
          const tm = (ta + tb) / 2;
          if (!pointInRings(x0 + tm * rx, y0 + tm * ry, s.rings)) continue;
          km[ui]! += haversineKm(
            lon0 + ta * (lon1 - lon0),
            lat0 + ta * (lat1 - lat0),
            lon0 + tb * (lon1 - lon0),
            lat0 + tb * (lat1 - lat0),
          );
        }
      });
    }
    units.forEach((u, ui) => {
      if (km[ui]! > 0) rows.push({ corridor: line.id, unit: u.id, length_km: roundTo(km[ui]!, 2) });
    });
  }
  return rows;
}

/** A polygon's coordinates rounded to `digits` decimals (about 0.1 m at 6), so that nearly equal vertices coincide. */
function rounded(f: Feature<Polygon | MultiPolygon>, digits: number): Feature<Polygon | MultiPolygon> {
  const k = 10 ** digits;
  const ring = (r: number[][]) => r.map(([x, y]) => [Math.round(x! * k) / k, Math.round(y! * k) / k]);
  const g = f.geometry;
  return {
    ...f,
    geometry:
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) },
  };
}

/**
 * The union of many buffers. The polygon clipper can fail to close a ring where thousands of
 * nearly coincident edges meet (many corridors sharing towns); then the buffers are rounded to
 * about 0.1 m and joined one at a time, which it handles.
 */
function robustUnion(buffers: Feature<Polygon | MultiPolygon>[]): Feature<Polygon | MultiPolygon> | null {
  try {
    return union(featureCollection(buffers));
  } catch {
    let acc: Feature<Polygon | MultiPolygon> | null = null;
    for (const b of buffers.map((x) => rounded(x, 6))) acc = acc ? (union(featureCollection([acc, b])) ?? acc) : b;
    return acc;
  }
}

/**
 * Share of each unit's area within `bufferKm` of any of the lines.
 * @param bufferKm - band width either side of the lines, km
 * @returns one row per unit: area (km², geodesic), area within the band, share 0–1
 * @example areaWithin(units, corridors, 10)[0] // { unit: 'VN-21', area_km2: 11041.8, within_km2: 3120.5, share: 0.283 }
 */
export function areaWithin(
  units: readonly Pick<AnalysisUnit, 'id' | 'geometry'>[],
  lines: readonly Pick<AnalysisLine, 'coordinates'>[],
  bufferKm: number,
  onProgress?: (done: number) => void,
): ReachShare[] {
  let band: Feature<Polygon | MultiPolygon> | null = null;
  const buffers = lines
    .map((l) =>
      buffer({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: l.coordinates } }, bufferKm, {
        units: 'kilometers',
        steps: 8,
      }),
    )
    .filter((b): b is Feature<Polygon | MultiPolygon> => !!b);
  if (buffers.length === 1) band = buffers[0]!;
  else if (buffers.length > 1) band = robustUnion(buffers);
  onProgress?.(0.5);
  return units.map((u) => {
    const f: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: u.geometry };
    const total = area(f) / 1e6;
    const part = band ? intersect(featureCollection([f, band])) : null;
    const within = part ? area(part) / 1e6 : 0;
    return { unit: u.id, area_km2: roundTo(total, 1), within_km2: roundTo(within, 1), share: total > 0 ? roundTo(within / total, 4) : 0 };
  });
}
