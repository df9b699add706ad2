/**
 * Builds the offline basemap: Mapbox vector tiles under public/tiles/{z}/{x}/{y}.pbf
 * (z3–z10 over TILE_BOUNDS) with layers `countries`, `country_lines`, `admin1_lines` and
 * `labels`, from Natural Earth with the sovereignty fixes of the region brief. Tiles
 * inside the bounds that hold nothing are written as 0-byte files, so the dev server
 * never answers them with index.html.
 *
 * Usage: npm run tiles [-- --out public/tiles]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as topojson from 'topojson-client';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bbox } from '@turf/bbox';
import { area } from '@turf/area';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { TILE_BOUNDS, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../src/core/region.ts';
import { stripDiacritics } from '../src/core/text.ts';
import type { ProvinceProps } from '../src/core/types.ts';
import { THEMATIC_LAYERS, type ThematicLayerDef } from '../src/core/layers.ts';
import { ARCHIPELAGOS, MERGERS_2025, PROVINCES_2022, UNITS_2025 } from './facts.ts';
import { loadVietnamTopology, roundCoords, sovereignCountries } from './lib/natural-earth.ts';

const require = createRequire(import.meta.url);

/** Country labels: Vietnamese and English names, placed by hand inside each country's land in view. */
const COUNTRY_LABELS: { ne: string; vi: string; en: string; at: [number, number] }[] = [
  { ne: 'Vietnam', vi: 'VIỆT NAM', en: 'VIET NAM', at: [105.6, 21.4] },
  { ne: 'Laos', vi: 'LÀO', en: 'LAOS', at: [103.2, 19.8] },
  { ne: 'Cambodia', vi: 'CAMPUCHIA', en: 'CAMBODIA', at: [104.8, 12.7] },
  { ne: 'Thailand', vi: 'THÁI LAN', en: 'THAILAND', at: [101.6, 15.6] },
  { ne: 'China', vi: 'TRUNG QUỐC', en: 'CHINA', at: [107.5, 23.6] },
];

/** Sea labels. The sea east of Viet Nam is Biển Đông / East Sea. */
const SEA_LABELS: { vi: string; en: string; at: [number, number]; rank: number }[] = [
  { vi: 'Biển Đông', en: 'East Sea', at: [112.3, 13.6], rank: 1 },
  { vi: 'Vịnh Bắc Bộ', en: 'Gulf of Tonkin', at: [107.6, 20.1], rank: 2 },
  { vi: 'Vịnh Thái Lan', en: 'Gulf of Thailand', at: [102.4, 9.8], rank: 2 },
];

function intersectsBounds(f: Feature): boolean {
  const [x0, y0, x1, y1] = bbox(f);
  const [bx0, by0, bx1, by1] = TILE_BOUNDS;
  return x1 >= bx0 && x0 <= bx1 && y1 >= by0 && y0 <= by1;
}

function point(props: Record<string, string | number | boolean>, at: [number, number]): Feature<Point> {
  return { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: at } };
}

/** Label point of the largest polygon of a merged geometry. */
function labelAt(g: MultiPolygon): [number, number] {
  const largest =
    [...g.coordinates].sort((a, b) => area({ type: 'Polygon', coordinates: b }) - area({ type: 'Polygon', coordinates: a }))[0] ?? [];
  const p = polylabel(largest, 0.005);
  return roundCoords([p[0], p[1]], 4);
}

/** The 2025 unit (NQ202) of a Natural Earth province object. */
function unit(g: unknown): string {
  const name = (g as { properties: { name: string } }).properties.name;
  const u = MERGERS_2025[name];
  if (!u) throw new Error(`MERGERS_2025 lacks ${name}`);
  return u;
}

const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** The GeoJSON of every basemap layer, before tiling. */
export function basemapLayers(dataDir = 'data/geojson'): Record<string, FeatureCollection> {
  const countries = sovereignCountries();
  const countryFeatures = countries.features.filter(intersectsBounds).map((f) => {
    const label = COUNTRY_LABELS.find((c) => c.ne === f.properties.name);
    return {
      type: 'Feature' as const,
      properties: {
        name_vi: label?.vi ?? f.properties.name,
        name_en: label?.en ?? f.properties.name,
        vn: f.properties.name === 'Vietnam' ? 1 : 0,
      },
      geometry: f.geometry,
    };
  });

  const worldTopo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Topology;
  const borders = topojson.mesh(worldTopo, worldTopo.objects['countries'] as GeometryCollection, (a, b) => a !== b);
  const countryLines: Feature[] = [{ type: 'Feature', properties: {}, geometry: borders }];

  const vn = loadVietnamTopology();
  const all = [...vn.provinces.values()];
  const adminLines: Feature[] = [
    {
      type: 'Feature',
      properties: { e2022: 1, e2025: 0 },
      geometry: topojson.mesh(vn.topology, { type: 'GeometryCollection', geometries: all }, (a, b) => a !== b && unit(a) === unit(b)),
    },
    {
      type: 'Feature',
      properties: { e2022: 1, e2025: 1 },
      geometry: topojson.mesh(vn.topology, { type: 'GeometryCollection', geometries: all }, (a, b) => a !== b && unit(a) !== unit(b)),
    },
  ];

  // Labels. Provinces the app draws from data/geojson get their labels there, not here.
  const bundled2022 = new Set(PROVINCES_2022.map((p) => p.ne_name));
  const bundled2025 = new Set(UNITS_2025.map((u) => u.name_vi));
  const labels: Feature[] = [];
  for (const c of COUNTRY_LABELS) labels.push(point({ kind: 'country', name_vi: c.vi, name_en: c.en, rank: 1, edition: 'all' }, c.at));
  for (const s of SEA_LABELS) labels.push(point({ kind: 'sea', name_vi: s.vi, name_en: s.en, rank: s.rank, edition: 'all' }, s.at));
  for (const a of [ARCHIPELAGOS.hoangSa, ARCHIPELAGOS.truongSa])
    labels.push(point({ kind: 'archipelago', name_vi: a.name_vi, name_en: a.name_en, rank: 1, edition: 'all' }, a.centroid));
  for (const [name, obj] of [...vn.provinces.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi'))) {
    if (bundled2022.has(name)) continue;
    labels.push(
      point(
        { kind: 'province', name_vi: name, name_en: stripDiacritics(name), rank: 3, edition: '2022' },
        labelAt(topojson.merge(vn.topology, [obj])),
      ),
    );
  }
  const units = [...new Set(Object.values(MERGERS_2025))].sort((a, b) => a.localeCompare(b, 'vi'));
  for (const u of units) {
    if (bundled2025.has(u)) continue;
    const members = all.filter((g) => unit(g) === u);
    labels.push(
      point(
        { kind: 'province', name_vi: u, name_en: stripDiacritics(u), rank: 3, edition: '2025' },
        labelAt(topojson.merge(vn.topology, members)),
      ),
    );
  }

  // The bundled provinces of both editions (data/geojson, so user-supplied boundaries flow
  // through), drawn from the same tiles: no GeoJSON indexing in the browser.
  const editions = {
    '2022': JSON.parse(readFileSync(join(dataDir, 'provinces-2022.geojson'), 'utf8')) as FeatureCollection<Geometry, ProvinceProps>,
    '2025': JSON.parse(readFileSync(join(dataDir, 'provinces-2025.geojson'), 'utf8')) as FeatureCollection<Geometry, ProvinceProps>,
  };
  const editionLayer = (edition: '2022' | '2025'): Feature[] =>
    editions[edition].features.map((f) => ({
      type: 'Feature',
      properties: {
        iso: f.properties.iso,
        in_region: f.properties.in_region,
        name_vi: f.properties.name_vi,
        name_en: f.properties.name_en,
      },
      geometry: f.geometry,
    }));
  const provinceLabels = (['2022', '2025'] as const).flatMap((edition) =>
    editions[edition].features.map((f) =>
      point(
        {
          iso: f.properties.iso,
          edition,
          in_region: f.properties.in_region ? 1 : 0,
          name_vi: f.properties.name_vi,
          name_en: f.properties.name_en,
        },
        [f.properties.label_lon, f.properties.label_lat],
      ),
    ),
  );

  // Capitals (2022) and administrative centres (2025) of the region's units: deck.gl draws
  // them; the map only keeps province names clear of them (see LAYER.capitalBoxes).
  const capitals = (['2022', '2025'] as const).flatMap((edition) =>
    editions[edition].features.flatMap((f) => {
      const p = f.properties as {
        in_region: boolean;
        capital_lon?: number | null;
        capital_lat?: number | null;
        centre_lon?: number | null;
        centre_lat?: number | null;
      };
      const lon = edition === '2022' ? p.capital_lon : p.centre_lon;
      const lat = edition === '2022' ? p.capital_lat : p.centre_lat;
      return p.in_region && typeof lon === 'number' && typeof lat === 'number'
        ? [point({ iso: f.properties.iso, edition }, [lon, lat])]
        : [];
    }),
  );

  // The thematic layers, with only what styling and picking need (id, layer, status,
  // horizon, class, axis, mode); the app reads every other attribute from the layer files.
  const thematic = (file: string, layer: string): Feature[] => {
    const data = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as FeatureCollection<Geometry, Record<string, unknown>>;
    return data.features.map((f) => {
      const p = f.properties ?? {};
      const keep: Record<string, string | number | boolean> = {
        layer,
        id: String(p['id']),
        status: String(p['status']),
        horizon: String(p['horizon']),
      };
      for (const k of ['class', 'axis', 'mode'] as const) if (typeof p[k] === 'string') keep[k] = p[k];
      if (typeof p['km'] === 'number') keep['km'] = p['km'];
      return { type: 'Feature', properties: keep, geometry: f.geometry };
    });
  };

  // Each thematic layer into its tile layer (one style layer draws each tile layer), in the
  // reverse of the layer panel's order: the layer listed first is drawn on top.
  const tileLayer = (name: ThematicLayerDef['tileLayer']): FeatureCollection =>
    fc(
      [...THEMATIC_LAYERS]
        .reverse()
        .filter((l) => l.tileLayer === name)
        .flatMap((l) => thematic(l.file, l.id)),
    );
  return {
    th_zones: tileLayer('th_zones'),
    th_belt: tileLayer('th_belt'),
    th_lines: tileLayer('th_lines'),
    th_points: tileLayer('th_points'),
    countries: fc(countryFeatures as Feature<Geometry>[]),
    country_lines: fc(countryLines),
    admin1_lines: fc(adminLines),
    labels: fc(labels),
    provinces_2022: fc(editionLayer('2022')),
    provinces_2025: fc(editionLayer('2025')),
    province_labels: fc(provinceLabels),
    capitals: fc(capitals),
  };
}

/** Tile x/y range covering TILE_BOUNDS at zoom z. */
export function tileRange(z: number): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const tx = (lon: number): number => Math.floor(((lon + 180) / 360) * n);
  const ty = (lat: number): number => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  const [w, s, e, nn] = TILE_BOUNDS;
  return { x0: tx(w), x1: tx(e), y0: ty(nn), y1: ty(s) };
}

/** Writes every tile; returns the count of files and of non-empty tiles, and the bytes. */
export function buildTiles(out: string): { files: number; nonEmpty: number; bytes: number } {
  const layers = basemapLayers();
  const indexes = Object.entries(layers).map(
    ([name, data]) =>
      [name, new GeoJSONVT(data, { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 5, tolerance: 3, buffer: 64, extent: 4096 })] as const,
  );
  rmSync(out, { recursive: true, force: true });
  let files = 0;
  let nonEmpty = 0;
  let bytes = 0;
  for (let z = TILE_MIN_ZOOM; z <= TILE_MAX_ZOOM; z++) {
    const { x0, x1, y0, y1 } = tileRange(z);
    for (let x = x0; x <= x1; x++) {
      mkdirSync(join(out, String(z), String(x)), { recursive: true });
      for (let y = y0; y <= y1; y++) {
        const tileLayers: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const [name, index] of indexes) {
          const t = index.getTile(z, x, y);
          if (t && t.features.length > 0) tileLayers[name] = t;
        }
        const buf = Object.keys(tileLayers).length ? fromGeojsonVt(tileLayers, { version: 2, extent: 4096 }) : new Uint8Array(0);
        writeFileSync(join(out, String(z), String(x), `${y}.pbf`), buf);
        files++;
        if (buf.length) nonEmpty++;
        bytes += buf.length;
      }
    }
  }
  return { files, nonEmpty, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'public/tiles' } } });
  const t0 = performance.now();
  const r = buildTiles(values.out ?? 'public/tiles');
  console.log(
    `tiles: ${r.files} files (${r.nonEmpty} non-empty), ${(r.bytes / 1e6).toFixed(2)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}
