/**
 * The story as one offline HTML file: the player page (built once as a single file, every
 * script, style and font inlined: `dist/offline/offline.html`) with the story, the basemap
 * tiles its scenes need and the analysis results they show written into its data block.
 * The app (story editor) and `ntcc story --format html` both write it from here.
 */
import type { AnalysisResult } from '../core/analysis.ts';
import { TILE_BOUNDS, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../core/region.ts';
import type { Story } from '../core/story.ts';
import type { Lang } from '../i18n/index.ts';
import { readStory, writeStory } from './story-file.ts';
import { fromBase64, toBase64 } from './base64.ts';

/** The id of the player's data block (a JSON script element, never executed). */
export const OFFLINE_DATA_ID = 'ntcc-offline-data';
/** The version of the data block's format. */
export const OFFLINE_SCHEMA = 1;
/** Tiles up to this zoom are carried for the whole region; deeper ones only around each scene. */
const WHOLE_REGION_ZOOM = 6;

/** What the player reads from its data block. */
export interface OfflinePayload {
  schema: number;
  lang: Lang;
  /** The story file's text (story-file.ts), checked again by the player. */
  story: string;
  /** Results by run key (`paramsKey|overridesKey`), typed arrays tagged (see encodeResult). */
  results: Record<string, unknown>;
  /** Basemap tiles by `z/x/y`, base64. */
  tiles: Record<string, string>;
  /** The deepest zoom carried (the map overzooms beyond it). */
  maxZoom: number;
  made: string;
  version: string;
}

const TYPED = { Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;

/**
 * A result as plain JSON: typed arrays become `{ $typed, b64 }`, their bytes in base64 (which
 * keeps Infinity and NaN, that JSON numbers cannot hold, and is smaller than decimals).
 */
export function encodeResult(r: AnalysisResult): unknown {
  return JSON.parse(
    JSON.stringify(r, (_k, v: unknown) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        const name = v.constructor.name;
        if (Object.hasOwn(TYPED, name)) return { $typed: name, b64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
      }
      return v;
    }),
  );
}

/** The result back from encodeResult's JSON. */
export function decodeResult(json: unknown): AnalysisResult {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const name = o['$typed'];
      if (typeof name === 'string' && typeof o['b64'] === 'string' && Object.hasOwn(TYPED, name)) {
        const T = TYPED[name as TypedName];
        const bytes = fromBase64(o['b64']);
        // A block whose length does not fit the type is damaged: no figures rather than wrong ones.
        return bytes.length % T.BYTES_PER_ELEMENT ? new T(0) : new T(bytes.buffer as ArrayBuffer, 0, bytes.length / T.BYTES_PER_ELEMENT);
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(json) as AnalysisResult;
}

/** Tile column and row of a point at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const la = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2) * n);
  return [Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))];
}

/** Longitude/latitude of a world pixel at zoom z (512 px tiles, as the map's vector source). */
function lonLatOf(px: number, py: number, z: number): [number, number] {
  const size = 512 * 2 ** z;
  const lon = (px / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / size))) * 180) / Math.PI;
  return [lon, lat];
}
function worldPx(lon: number, lat: number, z: number): [number, number] {
  const size = 512 * 2 ** z;
  const la = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * size, ((1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2) * size];
}

/** Every tile key of zoom z inside a lon/lat box, clipped to the tiles' bounds. */
function tilesIn(box: [number, number, number, number], z: number, out: Set<string>): void {
  const [w, s, e, n] = [
    Math.max(box[0], TILE_BOUNDS[0]),
    Math.max(box[1], TILE_BOUNDS[1]),
    Math.min(box[2], TILE_BOUNDS[2]),
    Math.min(box[3], TILE_BOUNDS[3]),
  ];
  if (w >= e || s >= n) return;
  const [x0, y0] = tileOf(w, n, z);
  const [x1, y1] = tileOf(e, s, z);
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.add(`${z}/${x}/${y}`);
}

/**
 * The basemap tiles a story needs: every tile of the region up to zoom 6 (flights between
 * scenes pass there), and around each scene, half its view again on every side (screens of
 * other shapes, tilt), at each zoom up to one beyond the scene's.
 * @returns keys `z/x/y`, and the deepest zoom
 */
export function storyTiles(story: Story, maxZoom = TILE_MAX_ZOOM): { keys: string[]; maxZoom: number } {
  const out = new Set<string>();
  for (let z = TILE_MIN_ZOOM; z <= Math.min(WHOLE_REGION_ZOOM, maxZoom); z++) tilesIn(TILE_BOUNDS, z, out);
  let deepest = Math.min(WHOLE_REGION_ZOOM, maxZoom);
  for (const sc of story.scenes) {
    const { center, zoom } = sc.camera;
    const vp = sc.camera.viewport ?? { width: 1920, height: 1080 };
    // 512-px tiles: a map at zoom Z draws tiles of zoom floor(Z); a larger screen may zoom one more.
    const top = Math.min(maxZoom, Math.max(TILE_MIN_ZOOM, Math.floor(zoom) + 1));
    deepest = Math.max(deepest, top);
    const [cx, cy] = worldPx(center[0], center[1], zoom);
    const [w, n] = lonLatOf(cx - vp.width, cy - vp.height, zoom);
    const [e, s] = lonLatOf(cx + vp.width, cy + vp.height, zoom);
    for (let z = WHOLE_REGION_ZOOM + 1; z <= top; z++) tilesIn([w, s, e, n], z, out);
  }
  return { keys: [...out].sort(), maxZoom: deepest };
}

/** Thrown when the player page lacks its data block (a template from another build). */
export class OfflineTemplateError extends Error {
  constructor() {
    super('offline player template: no data block');
    this.name = 'OfflineTemplateError';
  }
}

/**
 * The offline file: the player page with the payload in its data block (as JSON, with `<`
 * escaped so that no text in the story can close the block).
 */
export function writeOfflineFile(
  template: string,
  p: {
    story: Story;
    lang: Lang;
    results: Record<string, AnalysisResult>;
    tiles: Record<string, Uint8Array>;
    maxZoom: number;
    version: string;
    made: string;
  },
): string {
  const payload: OfflinePayload = {
    schema: OFFLINE_SCHEMA,
    lang: p.lang,
    // A table a scene shows by reference is the user's own file, not carried: the scene shows none.
    story: writeStory({ ...p.story, scenes: p.story.scenes.map(({ table: _table, ...sc }) => sc) }),
    results: Object.fromEntries(Object.entries(p.results).map(([k, r]) => [k, encodeResult(r)])),
    tiles: Object.fromEntries(Object.entries(p.tiles).map(([k, b]) => [k, toBase64(b)])),
    maxZoom: p.maxZoom,
    made: p.made,
    version: p.version,
  };
  const re = new RegExp(`(<script type="application/json" id="${OFFLINE_DATA_ID}">)[\\s\\S]*?(</script>)`);
  if (!re.test(template)) throw new OfflineTemplateError();
  const json = JSON.stringify(payload).replace(/</g, '\\u003c');
  return template.replace(re, (_m, open: string, close: string) => `${open}${json}${close}`);
}

/** Why an offline file's data block cannot be played. */
export type OfflineReadError = { code: 'empty' } | { code: 'bad-json' } | { code: 'future'; version: number } | { code: 'bad-story' };

/** Reads and checks the data block the player finds in its own page. */
export function readOfflinePayload(
  text: string,
): { ok: true; payload: OfflinePayload; story: Story } | { ok: false; error: OfflineReadError } {
  if (!text.trim() || text.trim() === '{}') return { ok: false, error: { code: 'empty' } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'bad-json' } };
  }
  const o = raw as Partial<OfflinePayload>;
  if (!o || typeof o !== 'object' || typeof o.schema !== 'number') return { ok: false, error: { code: 'bad-json' } };
  if (o.schema > OFFLINE_SCHEMA) return { ok: false, error: { code: 'future', version: o.schema } };
  const story = typeof o.story === 'string' ? readStory(o.story) : null;
  if (!story?.ok) return { ok: false, error: { code: 'bad-story' } };
  const tiles = o.tiles && typeof o.tiles === 'object' ? o.tiles : {};
  const payload: OfflinePayload = {
    schema: o.schema,
    lang: o.lang === 'en' ? 'en' : 'vi',
    story: o.story!,
    results: o.results && typeof o.results === 'object' ? o.results : {},
    tiles: Object.fromEntries(Object.entries(tiles).filter(([k, v]) => /^\d+\/\d+\/\d+$/.test(k) && typeof v === 'string')),
    maxZoom: typeof o.maxZoom === 'number' && o.maxZoom >= TILE_MIN_ZOOM && o.maxZoom <= TILE_MAX_ZOOM ? o.maxZoom : TILE_MAX_ZOOM,
    made: String(o.made ?? ''),
    version: String(o.version ?? ''),
  };
  return { ok: true, payload, story: story.story };
}
