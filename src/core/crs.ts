/**
 * The coordinate reference systems the app reads and writes besides WGS 84: VN-2000 (the
 * national system, Decision 83/2000/QĐ-TTg: the WGS 84 ellipsoid, a local datum) in UTM zones
 * 48N/49N (EPSG:3405/3406) and in the provincial 3° transverse Mercator zones of Circular
 * 973/2001/TT-TCĐC (scale 0.9999, false easting 500 km, a central meridian per province; EPSG
 * lists fourteen of them, 9205–9218, and the others are written by their parameters), and
 * WGS 84 / UTM 48N, 49N. The datum shift to WGS 84 is the seven-parameter set of Decision
 * 05/2007/QĐ-BTNMT (source `QD05-2007`), written as PROJ and GDAL write EPSG's transformation
 * (position-vector rotations: the Decision's signs turned round). Definitions only: proj4 does
 * the arithmetic (`data/crs-transform.ts`).
 */

/** The Decision's shift: ΔX, ΔY, ΔZ (m), rotations (″, position vector) and scale (ppm). */
export const VN2000_TOWGS84 = [-191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278] as const;

/** EPSG's VN-2000 / TM-3 zones, by central meridian (degrees). */
export const VN2000_TM3_EPSG: Readonly<Record<string, number>> = {
  '103': 9205,
  '104': 9206,
  '104.5': 9207,
  '104.75': 9208,
  '105.5': 9209,
  '105.75': 9210,
  '106': 9211,
  '106.25': 9212,
  '106.5': 9213,
  '107': 9214,
  '107.25': 9215,
  '107.5': 9216,
  '108.25': 9217,
  '108.5': 9218,
};

/** A coordinate reference system the app handles. */
export interface CrsDef {
  /** How it is named on the command line and in metadata: `EPSG:3405`, or `VN2000-TM3:105` for a zone EPSG does not list. */
  id: string;
  epsg: number | null;
  name: string;
  geographic: boolean;
  proj4: string;
  /** OGC WKT 1 (what a Shapefile's .prj and a GeoPackage's SRS table hold). */
  wkt: string;
}

const TOWGS = VN2000_TOWGS84.join(',');
const SPHEROID = 'SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]]';
const WGS84_GEOG =
  'GEOGCS["WGS 84",DATUM["WGS_1984",' +
  SPHEROID +
  ',AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';
const VN2000_GEOG =
  'GEOGCS["VN-2000",DATUM["Vietnam_2000",' +
  SPHEROID +
  `,TOWGS84[${TOWGS}],AUTHORITY["EPSG","6756"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4756"]]`;

/** A transverse Mercator system on VN-2000 or WGS 84. */
function tm(opts: { id: string; epsg: number | null; name: string; vn2000: boolean; cm: number; k: number }): CrsDef {
  const geog = opts.vn2000 ? VN2000_GEOG : WGS84_GEOG;
  const auth = opts.epsg ? `,AUTHORITY["EPSG","${opts.epsg}"]` : '';
  return {
    id: opts.id,
    epsg: opts.epsg,
    name: opts.name,
    geographic: false,
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${opts.cm} +k=${opts.k} +x_0=500000 +y_0=0 +ellps=WGS84 ${opts.vn2000 ? `+towgs84=${TOWGS} ` : '+datum=WGS84 '}+units=m +no_defs`,
    wkt:
      `PROJCS["${opts.name}",${geog},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],` +
      `PARAMETER["central_meridian",${opts.cm}],PARAMETER["scale_factor",${opts.k}],PARAMETER["false_easting",500000],` +
      `PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH]${auth}]`,
  };
}

/** A central meridian in degrees and minutes, as TT973 writes them (105°45′). */
const dm = (cm: number): string => `${Math.floor(cm)}-${String(Math.round((cm % 1) * 60)).padStart(2, '0')}`;

/** A VN-2000 provincial 3° zone by its central meridian (degrees, a multiple of 0.25 between 102 and 110). */
export function vn2000Tm3(cm: number): CrsDef | null {
  if (!(cm >= 102 && cm <= 110) || Math.round(cm * 4) !== cm * 4) return null;
  const epsg = VN2000_TM3_EPSG[String(cm)] ?? null;
  return tm({ id: epsg ? `EPSG:${epsg}` : `VN2000-TM3:${cm}`, epsg, name: `VN-2000 / TM-3 ${dm(cm)}`, vn2000: true, cm, k: 0.9999 });
}

/** WGS 84 longitude/latitude. */
export const WGS84: CrsDef = {
  id: 'EPSG:4326',
  epsg: 4326,
  name: 'WGS 84',
  geographic: true,
  proj4: '+proj=longlat +datum=WGS84 +no_defs',
  wkt: WGS84_GEOG,
};

/** The fixed systems by EPSG code. */
const BY_EPSG: Readonly<Record<number, () => CrsDef>> = {
  4326: () => WGS84,
  4756: () => ({
    id: 'EPSG:4756',
    epsg: 4756,
    name: 'VN-2000',
    geographic: true,
    proj4: `+proj=longlat +ellps=WGS84 +towgs84=${TOWGS} +no_defs`,
    wkt: VN2000_GEOG,
  }),
  3405: () => tm({ id: 'EPSG:3405', epsg: 3405, name: 'VN-2000 / UTM zone 48N', vn2000: true, cm: 105, k: 0.9996 }),
  3406: () => tm({ id: 'EPSG:3406', epsg: 3406, name: 'VN-2000 / UTM zone 49N', vn2000: true, cm: 111, k: 0.9996 }),
  32648: () => tm({ id: 'EPSG:32648', epsg: 32648, name: 'WGS 84 / UTM zone 48N', vn2000: false, cm: 105, k: 0.9996 }),
  32649: () => tm({ id: 'EPSG:32649', epsg: 32649, name: 'WGS 84 / UTM zone 49N', vn2000: false, cm: 111, k: 0.9996 }),
};

/**
 * A system by EPSG code (4326, 4756, 3405, 3406, 32648, 32649, 9205–9218), or null for any other.
 * @example crsByEpsg(3405)?.name // 'VN-2000 / UTM zone 48N'
 */
export function crsByEpsg(code: number): CrsDef | null {
  const fixed = BY_EPSG[code];
  if (fixed) return fixed();
  const cm = Object.entries(VN2000_TM3_EPSG).find(([, e]) => e === code)?.[0];
  return cm === undefined ? null : vn2000Tm3(Number(cm));
}

/** The names the command line's `--crs` takes. */
export const CRS_CHOICES = ['EPSG:4326', 'EPSG:3405', 'EPSG:3406', 'VN2000-TM3:<central meridian>', 'EPSG:9205–9218'] as const;

/**
 * Reads a `--crs` value: `EPSG:n` (or `n`) of a known system, or `VN2000-TM3:105.75` (also `TM3:105.75`, `105-45`).
 * @example crsByName('VN2000-TM3:107.75')?.wkt // a PROJCS with central_meridian 107.75
 */
export function crsByName(text: string): CrsDef | null {
  const s = text.trim();
  const epsg = /^(?:EPSG:)?(\d{4,5})$/i.exec(s);
  if (epsg) return crsByEpsg(Number(epsg[1]));
  const z = /^(?:VN-?2000[-_ ]?)?TM-?3:(\d{3})(?:(?:\.(\d+))|-(\d{2}))?$/i.exec(s);
  if (!z) return null;
  const cm = Number(z[1]) + (z[2] !== undefined ? Number(`0.${z[2]}`) : z[3] !== undefined ? Number(z[3]) / 60 : 0);
  return vn2000Tm3(Math.round(cm * 1e6) / 1e6);
}
