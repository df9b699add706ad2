/**
 * Sovereignty and content of the offline basemap, checked on the layers and on a real tile.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { basemapLayers, buildTiles, tileRange } from '../../scripts/build-tiles.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';

const HOANG_SA: [number, number] = [112.0, 16.5];
const PARACEL_BOX = [110.5, 15.0, 113.5, 17.6];
const layers = basemapLayers();

/** Web Mercator pixels of a lon/lat at a zoom, with 512 px tiles (as MapLibre's vector sources). */
function px(lon: number, lat: number, zoom: number): [number, number] {
  const w = 512 * 2 ** zoom;
  const r = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * w, ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * w];
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const [x, y] = px(lon, lat, z);
  return [Math.floor(x / 512), Math.floor(y / 512)];
}

describe('basemap layers', () => {
  const countries = (layers['countries']?.features ?? []) as Feature<Polygon | MultiPolygon, { vn: number; name_en: string }>[];

  it('has no polygon other than Viet Nam covering the Hoàng Sa centroid', () => {
    expect(countries.length).toBeGreaterThan(5);
    for (const f of countries.filter((c) => c.properties.vn !== 1))
      expect(booleanPointInPolygon(HOANG_SA, f), f.properties.name_en).toBe(false);
  });

  it('gives every island in the Paracel box to Viet Nam', () => {
    for (const f of countries) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const inBox = polys.filter((p) =>
        p[0]?.every(([x = 0, y = 0]) => x >= PARACEL_BOX[0]! && x <= PARACEL_BOX[2]! && y >= PARACEL_BOX[1]! && y <= PARACEL_BOX[3]!),
      );
      if (f.properties.vn === 1) expect(inBox.length).toBeGreaterThanOrEqual(5);
      else expect(inBox, f.properties.name_en).toHaveLength(0);
    }
  });

  it('has no separate Spratly or Scarborough unit', () => {
    const names = countries.map((c) => c.properties.name_en);
    expect(names.some((n) => /spratly|scarborough|paracel/i.test(n))).toBe(false);
  });

  it('names the sea Biển Đông / East Sea and the archipelagos as Vietnamese', () => {
    const labels = (layers['labels']?.features ?? []).map((f) => f.properties as { kind: string; name_vi: string; name_en: string });
    expect(labels).toContainEqual(expect.objectContaining({ kind: 'sea', name_vi: 'Biển Đông', name_en: 'East Sea' }));
    expect(labels).toContainEqual(expect.objectContaining({ kind: 'archipelago', name_vi: 'Quần đảo Hoàng Sa (Việt Nam)' }));
    expect(labels).toContainEqual(expect.objectContaining({ kind: 'archipelago', name_vi: 'Quần đảo Trường Sa (Việt Nam)' }));
    const all = labels.flatMap((l) => [l.name_vi, l.name_en]).join(' | ');
    expect(all).not.toMatch(/South China Sea|Paracel|Spratly|Xisha|Nansha|Nam Trung Hoa/i);
  });
});

describe('tiles', () => {
  let dir = '';
  let summary: ReturnType<typeof buildTiles>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ntcc-tiles-'));
    summary = buildTiles(dir);
  }, 120_000); // about 14,000 files
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every tile of z3–z10 inside the bounds, empty ones as 0-byte files', () => {
    let expected = 0;
    for (let z = 3; z <= 10; z++) {
      const r = tileRange(z);
      expected += (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
    }
    expect(summary.files).toBe(expected);
    expect(summary.nonEmpty).toBeGreaterThan(1000);
    expect(summary.nonEmpty).toBeLessThan(summary.files);
  });

  it('cover every built-in scene on a 1920×1080 presentation screen (no land drawn as sea at its edges)', () => {
    for (const scene of BUILTIN_STORY.scenes) {
      const { center, zoom, pitch, bearing } = scene.camera;
      const z = Math.floor(zoom);
      const [cx, cy] = px(center[0], center[1], zoom);
      // Seen straight down, 960 px each side and 540 up and down; a tilted or turned view sees
      // farther beyond its top edge and corners, so it gets another half screen up and 20 %
      // more to each side (the screenshots of scenes 4 and 6, tilted 35° and 40°, stay inside that).
      const tilted = pitch > 0 || bearing !== 0;
      const half = tilted ? 960 * 1.2 : 960;
      const up = tilted ? 540 + 540 : 540;
      // Tile indices at the scene's tile zoom of the screen's corners.
      const k = 2 ** (z - zoom) / 512;
      const x0 = Math.floor((cx - half) * k);
      const x1 = Math.floor((cx + half) * k);
      const y0 = Math.floor((cy - up) * k);
      const y1 = Math.floor((cy + 540) * k);
      const r = tileRange(z);
      expect({ scene: scene.id, x0, x1, y0, y1 }).toEqual({
        scene: scene.id,
        x0: Math.max(x0, r.x0),
        x1: Math.min(x1, r.x1),
        y0: Math.max(y0, r.y0),
        y1: Math.min(y1, r.y1),
      });
    }
  });

  it('draws the Hoàng Sa tile at z8 with Viet Nam land and no other country', () => {
    const [x, y] = tileOf(112.2, 16.6, 8);
    const tile = new VectorTile(new PbfReader(readFileSync(join(dir, '8', String(x), `${y}.pbf`))));
    const countries = tile.layers['countries'];
    expect(countries).toBeDefined();
    const vn: number[] = [];
    for (let i = 0; i < (countries?.length ?? 0); i++) vn.push(Number(countries?.feature(i).properties['vn']));
    expect(vn.length).toBeGreaterThan(0);
    expect(vn.every((v) => v === 1)).toBe(true);
  });
});
