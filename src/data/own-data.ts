/**
 * The user's own road network and population grid in the app (issue 27): what the analysis
 * worker tells the page about a network or grid it has read and keeps (the graph and the grid
 * stay in the worker; the page holds these summaries and a reference), the reasons a file is
 * refused, and the guesses that fill the roads-layer dialog (which field is the class, the
 * speed, the one-way, and which class each of the layer's values is), in Vietnamese or English.
 */
import { NET_CLASSES, type NetClass } from '../core/network-classes.ts';
import type { NetworkErrorCode, NetworkMeta } from './road-network.ts';
import type { PopulationError } from './population-grid.ts';
import { NETWORK_FILE_EXT } from './network-file.ts';

/** What the page shows of a network the worker holds: its metadata (counts, km by class, date, components). */
export interface NetworkInfo {
  /** The worker's id for it (what a run names). */
  id: string;
  /** The file it was read from, as the user knows it. */
  name: string;
  meta: NetworkMeta;
}

/** What the page shows of a population grid the worker holds. */
export interface PopulationInfo {
  id: string;
  name: string;
  crs: string;
  /** Persons in the grid within the region and its neighbours' box. */
  total: number;
  /** Raster cells with people (points kept), the cell size in the grid's units, and width × height. */
  points: number;
  resolution: [number, number];
  size: [number, number];
}

/** A network's edges to draw (deck.gl's binary PathLayer shape): lon/lat pairs, where each edge starts, its class index. */
export interface NetworkDrawing {
  positions: Float32Array;
  startIndices: Uint32Array;
  cls: Uint8Array;
}

/** How a network is built: for a roads layer, its fields and class map; service roads and ferries. */
export interface NetworkBuildOptions {
  classField?: string;
  speedField?: string;
  onewayField?: string;
  classMap?: Record<string, NetClass | 'none'>;
  service?: boolean;
  ferries?: boolean;
  /** Where sql.js finds its WebAssembly (a GeoPackage), on the app's origin. */
  sqlWasmUrl?: string;
}

/** A build's or reading's stage and its share done (0–1): OpenStreetMap `ways`, `nodes`, `build`; others `read`; then `graph`. */
export type OwnProgress = (phase: 'read' | 'ways' | 'nodes' | 'build' | 'graph', done: number) => void;

/** What a finished network build gives the page. */
export interface NetworkBuilt {
  info: NetworkInfo;
  drawing: NetworkDrawing;
}

/** Why a network or grid was refused: `Net.err.<code>` or `Pop.err.<code>` in i18n, with its values. */
export type OwnDataError =
  | { domain: 'Net'; code: NetworkErrorCode; vars: Record<string, string | number> }
  | { domain: 'Pop'; code: PopulationError['code']; vars: Record<string, string | number> };

/** A reading's outcome, as the worker answers (errors are data: an Error's own fields do not cross to the page). */
export type OwnDataAnswer<T> = { ok: true; value: T } | { ok: false; error: OwnDataError };

/** What a run is told of the user's data: which of the worker's network and grid to use (null: the bundled ones). */
export interface OwnDataRefs {
  network: { id: string; name: string; edges: number } | null;
  population: { id: string; name: string; total: number } | null;
}

/** No network, no grid. */
export const NO_OWN_DATA: OwnDataRefs = { network: null, population: null };

/** The part of a run's cache key the user's data adds ('' for none). */
export function ownDataKey(o: OwnDataRefs | null | undefined): string {
  if (!o) return '';
  return [
    o.network ? `unet=${o.network.id}:${o.network.name}:${o.network.edges}` : '',
    o.population ? `upop=${o.population.id}:${o.population.name}:${Math.round(o.population.total)}` : '',
  ]
    .filter(Boolean)
    .join('|');
}

/** What kind of network input a file name is (null: not one). */
export function networkKindOf(name: string): 'osm-pbf' | 'osm-xml' | 'lines' | 'network' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.pbf')) return 'osm-pbf';
  if (n.endsWith('.osm') || n.endsWith('.osm.xml')) return 'osm-xml';
  if (n.endsWith(`.${NETWORK_FILE_EXT}`)) return 'network';
  if (['.geojson', '.json', '.zip', '.gpkg', '.fgb'].some((e) => n.endsWith(e))) return 'lines';
  return null;
}

/** Whether a file name is a population grid (GeoTIFF). */
export const isGridFile = (name: string): boolean => /\.(tif|tiff|geotiff)$/i.test(name);

/** The endings "Use my road network…" offers. */
export const NETWORK_ACCEPT = `.pbf,.osm,.xml,.${NETWORK_FILE_EXT},.geojson,.json,.zip,.gpkg,.fgb`;
/** The endings "Use my population grid…" offers. */
export const GRID_ACCEPT = '.tif,.tiff,image/tiff';

/** Lower case, no diacritics, đ → d, separators as one space: how field names and values are compared. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[_\-.\s/]+/g, ' ')
    .trim();
}

/** Field names, folded, that say what a field is (Vietnamese and English, OpenStreetMap's and GIS layers' habits). */
const FIELD_NAMES = {
  class: [
    'cap duong',
    'loai duong',
    'phan cap',
    'cap',
    'loai',
    'highway',
    'fclass',
    'class',
    'road class',
    'roadclass',
    'type',
    'category',
  ],
  speed: ['toc do', 'tocdo', 'van toc', 'maxspeed', 'max speed', 'speed', 'speed kmh', 'toc do kmh', 'vtk', 'v max'],
  oneway: ['mot chieu', 'motchieu', '1 chieu', 'oneway', 'one way', 'chieu', 'huong', 'direction', 'dir'],
} as const;

/**
 * The layer's fields most likely to be its class, speed and one-way fields (by name, else for
 * the class the first text field with few distinct values); null where none fits.
 * @example guessLineFields(['ten_duong', 'cap_duong', 'toc_do', 'mot_chieu'], {}).class // 'cap_duong'
 */
export function guessLineFields(
  fields: readonly string[],
  values: Readonly<Record<string, readonly { value: string }[]>>,
  more: Readonly<Record<string, boolean>> = {},
): { class: string | null; speed: string | null; oneway: string | null } {
  const byName = (names: readonly string[]): string | null => {
    for (const n of names) {
      const f = fields.find((x) => fold(x) === n);
      if (f) return f;
    }
    for (const n of names) {
      if (n.length < 4) continue;
      const f = fields.find((x) => fold(x).includes(n));
      if (f) return f;
    }
    return null;
  };
  const speed = byName(FIELD_NAMES.speed);
  const oneway = byName(FIELD_NAMES.oneway);
  let cls = byName(FIELD_NAMES.class);
  if (cls === speed || cls === oneway) cls = null;
  if (!cls)
    cls =
      fields.find(
        (f) =>
          f !== speed &&
          f !== oneway &&
          !more[f] &&
          (values[f]?.length ?? 0) > 1 &&
          (values[f]?.length ?? 0) <= 30 &&
          (values[f] ?? []).some((v) => Number.isNaN(Number(v.value))),
      ) ?? null;
  return { class: cls, speed, oneway };
}

/** Folded words of a class value → the network class (checked in order: the first that a value contains wins). */
const CLASS_WORDS: readonly [string, NetClass | 'none'][] = [
  // Not driven first: "đường đi bộ" holds "đường", a path is no road.
  ['di bo', 'none'],
  ['footway', 'none'],
  ['pedestrian', 'none'],
  ['path', 'none'],
  ['cycleway', 'none'],
  ['xe dap', 'none'],
  ['steps', 'none'],
  ['track', 'none'],
  ['duong mon', 'none'],
  ['mon', 'none'],
  ['bridleway', 'none'],
  ['construction', 'none'],
  ['dang xay', 'none'],
  ['proposed', 'none'],
  ['quy hoach', 'none'],
  ['link', 'link'],
  ['nhanh', 'link'],
  ['duong dan', 'link'],
  ['ramp', 'link'],
  ['cao toc', 'motorway'],
  ['motorway', 'motorway'],
  ['expressway', 'motorway'],
  ['quoc lo', 'trunk'],
  ['trunk', 'trunk'],
  ['national', 'trunk'],
  ['ho chi minh', 'trunk'],
  ['tinh lo', 'primary'],
  ['duong chinh', 'primary'],
  ['chinh', 'primary'],
  ['duong tinh', 'primary'],
  ['primary', 'primary'],
  ['provincial', 'primary'],
  ['secondary', 'secondary'],
  ['cap hai', 'secondary'],
  ['cap 2', 'secondary'],
  ['cap ba', 'tertiary'],
  ['cap 3', 'tertiary'],
  ['huyen lo', 'tertiary'],
  ['duong huyen', 'tertiary'],
  ['tertiary', 'tertiary'],
  ['district', 'tertiary'],
  ['do thi', 'residential'],
  ['duong pho', 'residential'],
  ['pho', 'residential'],
  ['residential', 'residential'],
  ['living street', 'residential'],
  ['urban', 'residential'],
  ['duong xa', 'unclassified'],
  ['lien xa', 'unclassified'],
  ['xa', 'unclassified'],
  ['thon', 'unclassified'],
  ['nong thon', 'unclassified'],
  ['unclassified', 'unclassified'],
  ['commune', 'unclassified'],
  ['minor', 'unclassified'],
  ['road', 'unclassified'],
  ['chuyen dung', 'service'],
  ['noi bo', 'service'],
  ['service', 'service'],
  ['pha', 'ferry'],
  ['ferry', 'ferry'],
];

/**
 * The network class a layer's class value most likely means (its words in Vietnamese or
 * English, OpenStreetMap's names, the project's own speed classes); undefined when unsure.
 * @example guessClass('Đường tỉnh') // 'primary'
 */
export function guessClass(value: string): NetClass | 'none' | undefined {
  const v = fold(value);
  if (!v) return undefined;
  if ((NET_CLASSES as readonly string[]).includes(v)) return v as NetClass;
  if (v === 'expressway') return 'motorway';
  if (v === 'national road') return 'trunk';
  const words = ` ${v} `;
  for (const [w, c] of CLASS_WORDS) if (words.includes(` ${w} `) || (w.includes(' ') && v.includes(w))) return c;
  return undefined;
}
