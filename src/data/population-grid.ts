/**
 * A population grid (WorldPop, GHS-POP or any raster of persons per cell) read from a GeoTIFF
 * with geotiff.js, in WGS 84, WGS 84 / UTM 48N, 49N or VN-2000 (geographic, UTM 48N/49N, or a
 * provincial 3° zone: EPSG 9205–9218 or its parameters), recognised from the file's own geo
 * keys; any other system is refused with its name. The result is the centre of every cell with
 * people, in WGS 84 lon/lat, and its persons: what `analysis/population.ts` sums into the
 * hexagonal cells. The raster is read in strips, so a 100 m country grid fits in memory.
 */
import { crsByEpsg, VN2000_TOWGS84, vn2000Tm3, WGS84, type CrsDef } from '../core/crs.ts';

/** Why a grid was refused: a code and its values (`Pop.err.<code>` in i18n). */
export class PopulationError extends Error {
  constructor(
    readonly code: 'too-large' | 'empty' | 'not-tiff' | 'crs' | 'outside' | 'unreadable' | 'no-people',
    readonly vars: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(vars)}`);
    this.name = 'PopulationError';
  }
}

/** The largest GeoTIFF accepted, bytes. */
export const MAX_POPULATION_BYTES = 1024 * 1024 * 1024;

/** A grid's people as points: each cell's centre (lon, lat) and persons. */
export interface PopulationPoints {
  name: string;
  crs: string;
  lon: Float64Array;
  lat: Float64Array;
  persons: Float32Array;
  /** Persons in the whole grid (within the area asked for). */
  total: number;
  /** Cell size in the grid's own units, and its width × height. */
  resolution: [number, number];
  size: [number, number];
}

/** The system of a GeoTIFF from its geo keys, or the name of the one it has when it is not handled. */
export function crsOfKeys(k: Record<string, unknown>): { crs: CrsDef } | { name: string } {
  const num = (key: string): number | undefined => (typeof k[key] === 'number' ? (k[key] as number) : undefined);
  const citation = String(k['PCSCitationGeoKey'] ?? k['GTCitationGeoKey'] ?? k['GeogCitationGeoKey'] ?? '');
  const model = num('GTModelTypeGeoKey');
  const pcs = num('ProjectedCSTypeGeoKey');
  const gcs = num('GeographicTypeGeoKey');
  const datum = num('GeogGeodeticDatumGeoKey');
  // VN-2000 by its code, its name, or (a user-defined datum) the WGS 84 ellipsoid with the Decision's seven parameters.
  const towgs = k['GeogTOWGS84GeoKey'] as ArrayLike<number> | undefined;
  const shifted = towgs !== undefined && towgs.length === 7 && VN2000_TOWGS84.every((v, i) => Math.abs(v - towgs[i]!) < 1e-6);
  const wgsEllipsoid = num('GeogEllipsoidGeoKey') === 7030 || num('GeogSemiMajorAxisGeoKey') === 6378137;
  const vn2000 = gcs === 4756 || datum === 6756 || /VN-?2000/i.test(citation) || (shifted && wgsEllipsoid);
  if (model === 1 || pcs !== undefined) {
    if (pcs !== undefined && pcs !== 32767) {
      const c = crsByEpsg(pcs);
      return c && !c.geographic ? { crs: c } : { name: `EPSG:${pcs}${citation ? ` (${citation})` : ''}` };
    }
    // User-defined: a VN-2000 3° zone by its parameters.
    const tm = num('ProjCoordTransGeoKey') === 1;
    const cm = num('ProjNatOriginLongGeoKey') ?? num('ProjCenterLongGeoKey');
    const scale = num('ProjScaleAtNatOriginGeoKey');
    const fe = num('ProjFalseEastingGeoKey');
    const fn = num('ProjFalseNorthingGeoKey') ?? 0;
    if (tm && vn2000 && cm !== undefined && scale !== undefined && Math.abs(scale - 0.9999) < 1e-9 && fe === 500000 && fn === 0) {
      const c = vn2000Tm3(cm);
      if (c) return { crs: c };
    }
    return { name: citation || 'a user-defined projection' };
  }
  if (model === 2 || gcs !== undefined) {
    if (gcs === 4326 || gcs === undefined) return { crs: WGS84 };
    const c = crsByEpsg(gcs);
    return c && c.geographic ? { crs: c } : { name: `EPSG:${gcs}${citation ? ` (${citation})` : ''}` };
  }
  return { name: citation || 'none' };
}

/** Options: the area of interest in lon/lat (points outside are dropped), progress and cancellation. */
export interface PopulationReadOptions {
  box: [number, number, number, number];
  onProgress?: (done: number) => void;
  signal?: AbortSignal;
}

/**
 * Reads a population grid.
 * @param source - the file: its bytes, or (in the browser) the File itself, read lazily
 * @throws PopulationError `not-tiff`, `crs` (with the grid's system), `outside` (no cell in the box), `no-people`, `too-large`
 * @example await readPopulationGrid('worldpop.tif', bytes, { box: [102, 10, 110, 21] })
 */
export async function readPopulationGrid(
  name: string,
  source: Uint8Array | Blob,
  options: PopulationReadOptions,
): Promise<PopulationPoints> {
  const size = source instanceof Uint8Array ? source.length : source.size;
  if (size > MAX_POPULATION_BYTES)
    throw new PopulationError('too-large', { size: Math.round(size / 1024 / 1024), limit: MAX_POPULATION_BYTES / 1024 / 1024 });
  if (!size) throw new PopulationError('empty');
  const { fromArrayBuffer, fromBlob } = await import('geotiff');
  let image;
  try {
    const tiff =
      source instanceof Uint8Array
        ? await fromArrayBuffer(source.buffer.slice(source.byteOffset, source.byteOffset + source.byteLength) as ArrayBuffer)
        : await fromBlob(source);
    image = await tiff.getImage();
  } catch (e) {
    throw new PopulationError('not-tiff', { detail: e instanceof Error ? e.message.slice(0, 80) : String(e) });
  }
  let keys: Record<string, unknown> | null;
  let origin: number[];
  let res: number[];
  try {
    keys = image.getGeoKeys() as Record<string, unknown> | null;
  } catch (e) {
    throw new PopulationError('not-tiff', { detail: e instanceof Error ? e.message.slice(0, 80) : String(e) });
  }
  try {
    origin = image.getOrigin();
    res = image.getResolution();
  } catch {
    throw new PopulationError('crs', { crs: 'none (no georeferencing)' });
  }
  if (![...origin.slice(0, 2), ...res.slice(0, 2)].every((v) => Number.isFinite(v)) || res[0] === 0 || res[1] === 0)
    throw new PopulationError('crs', { crs: 'none (no georeferencing)' });
  const found = crsOfKeys(keys ?? {});
  if ('name' in found) throw new PopulationError('crs', { crs: found.name });
  const crs = found.crs;
  const { default: proj4 } = await import('proj4');
  const toLonLat = crs.epsg === 4326 ? null : proj4(crs.proj4, WGS84.proj4);
  const w = image.getWidth();
  const h = image.getHeight();
  if (!(w > 0 && h > 0) || w * h > 2e9) throw new PopulationError('not-tiff', { detail: `${w} × ${h}` });
  let nodata: number | null;
  try {
    nodata = image.getGDALNoData();
  } catch {
    nodata = null;
  }
  const [ox, oy] = origin as [number, number];
  const [rx, ry] = res as [number, number];
  const [bx0, by0, bx1, by1] = options.box;
  const lon: number[] = [];
  const lat: number[] = [];
  const persons: number[] = [];
  let total = 0;
  const STRIP = Math.max(1, Math.floor(4_000_000 / Math.max(1, w)));
  for (let y0 = 0; y0 < h; y0 += STRIP) {
    if (options.signal?.aborted) throw new PopulationError('unreadable', { detail: 'cancelled' });
    const y1 = Math.min(h, y0 + STRIP);
    let data: ArrayLike<number>;
    try {
      const r = (await image.readRasters({ window: [0, y0, w, y1], samples: [0], interleave: true })) as unknown as ArrayLike<number>;
      data = r;
    } catch (e) {
      throw new PopulationError('unreadable', { detail: e instanceof Error ? e.message.slice(0, 80) : String(e) });
    }
    for (let j = y0; j < y1; j++)
      for (let i = 0; i < w; i++) {
        const v = data[(j - y0) * w + i]!;
        if (!(v > 0) || v === nodata || !Number.isFinite(v)) continue;
        const x = ox + (i + 0.5) * rx;
        const y = oy + (j + 0.5) * ry;
        const [glon, glat] = toLonLat ? (toLonLat.forward([x, y]) as [number, number]) : [x, y];
        if (glon < bx0 || glon > bx1 || glat < by0 || glat > by1) continue;
        lon.push(glon);
        lat.push(glat);
        persons.push(v);
        total += v;
      }
    options.onProgress?.(y1 / h);
  }
  if (!lon.length) {
    // Nothing in the area: either no people at all, or the grid lies elsewhere.
    const corners = [
      [ox, oy],
      [ox + w * rx, oy + h * ry],
    ].map(([x, y]) => (toLonLat ? (toLonLat.forward([x!, y!]) as [number, number]) : [x!, y!]));
    const inBox = corners.some(([x, y]) => x! >= bx0 && x! <= bx1 && y! >= by0 && y! <= by1);
    throw new PopulationError(inBox ? 'no-people' : 'outside', {
      box: corners.map(([x, y]) => `${x!.toFixed(2)}, ${y!.toFixed(2)}`).join(' – '),
    });
  }
  return {
    name,
    crs: crs.id,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    persons: Float32Array.from(persons),
    total,
    resolution: [Math.abs(rx), Math.abs(ry)],
    size: [w, h],
  };
}
