/**
 * GeoParquet, added through the format registry: written by hyparquet-writer, read back by
 * another implementation (parquet-wasm, Apache Arrow's Rust reader, with apache-arrow's
 * IPC reader), so the file is what other tools see.
 */
import { describe, expect, it } from 'vitest';
import { readParquet } from 'parquet-wasm/node';
import { tableFromIPC } from 'apache-arrow';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { loadLayer } from '../../cli/load.ts';
import { EXPORT_FORMATS, formatOfName, writeLayer } from '../../src/export/formats.ts';

/** A minimal ISO WKB reader (little- or big-endian, 2D), written here independently of the writer. */
function readWkb(bytes: Uint8Array): Geometry {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = 0;
  const geometry = (): Geometry => {
    const le = dv.getUint8(o) === 1;
    o += 1;
    const type = dv.getUint32(o, le) % 1000;
    o += 4;
    const u32 = (): number => {
      const v = dv.getUint32(o, le);
      o += 4;
      return v;
    };
    const pt = (): number[] => {
      const p = [dv.getFloat64(o, le), dv.getFloat64(o + 8, le)];
      o += 16;
      return p;
    };
    const line = (): number[][] => Array.from({ length: u32() }, pt);
    const rings = (): number[][][] => Array.from({ length: u32() }, line);
    const many = <G extends Geometry>(): G[] => Array.from({ length: u32() }, () => geometry() as G);
    switch (type) {
      case 1:
        return { type: 'Point', coordinates: pt() };
      case 2:
        return { type: 'LineString', coordinates: line() };
      case 3:
        return { type: 'Polygon', coordinates: rings() };
      case 4:
        return { type: 'MultiPoint', coordinates: many<GeoJSON.Point>().map((g) => g.coordinates) };
      case 5:
        return { type: 'MultiLineString', coordinates: many<GeoJSON.LineString>().map((g) => g.coordinates) };
      case 6:
        return { type: 'MultiPolygon', coordinates: many<GeoJSON.Polygon>().map((g) => g.coordinates) };
      default:
        throw new Error(`WKB type ${type}`);
    }
  };
  return geometry();
}

async function roundTrip(layer: string) {
  const fc = loadLayer(layer);
  const { bytes, filename } = await writeLayer(fc, layer, 'parquet');
  const table = tableFromIPC(readParquet(bytes).intoIPCStream());
  return { fc, filename, table };
}

describe('GeoParquet through the format registry', () => {
  it('is listed once, written as .parquet, and offered wherever formats are', () => {
    expect(EXPORT_FORMATS).toContain('parquet');
    expect(formatOfName('x.parquet')?.id).toBe('parquet');
  });

  it('points: every row, attribute and coordinate comes back through another reader', async () => {
    const { fc, filename, table } = await roundTrip('seaports');
    expect(filename).toBe('seaports.parquet');
    expect(table.numRows).toBe(fc.features.length);
    const names = table.getChild('name_vi')!.toArray() as string[];
    expect(names).toEqual(fc.features.map((f) => f.properties?.['name_vi']));
    const acc = table.getChild('accuracy_m')!.toArray() as Float64Array;
    expect(Array.from(acc)).toEqual(fc.features.map((f) => f.properties?.['accuracy_m']));
    const geoms = table.getChild('geometry')!.toArray() as Uint8Array[];
    geoms.forEach((g, i) => expect(readWkb(g)).toEqual(fc.features[i]!.geometry));
  });

  it('polygons with holes and several parts survive, and the metadata is GeoParquet 1.1 with its CRS', async () => {
    const { fc, table } = await roundTrip('provinces-2025');
    const geoms = table.getChild('geometry')!.toArray() as Uint8Array[];
    geoms.forEach((g, i) => expect(readWkb(g)).toEqual((fc.features[i] as Feature).geometry));
    const geo = JSON.parse(table.schema.metadata.get('geo')!) as {
      version: string;
      primary_column: string;
      columns: {
        geometry: { encoding: string; geometry_types: string[]; crs: { id: { authority: string; code: string } }; bbox: number[] };
      };
    };
    expect(geo.version).toBe('1.1.0');
    expect(geo.primary_column).toBe('geometry');
    expect(geo.columns.geometry.encoding).toBe('WKB');
    expect(geo.columns.geometry.geometry_types).toEqual(['MultiPolygon']);
    expect(geo.columns.geometry.crs.id).toEqual({ authority: 'OGC', code: 'CRS84' });
    const [w, s, e, n] = geo.columns.geometry.bbox;
    expect(w).toBeGreaterThan(100);
    expect(e).toBeGreaterThan(111); // Hoàng Sa and Trường Sa lie in Đà Nẵng and Khánh Hòa
    expect(s).toBeLessThan(n!);
  });

  it('missing values are written as nulls', async () => {
    const fc: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { a: 1, b: null }, geometry: { type: 'Point', coordinates: [108, 16] } },
        { type: 'Feature', properties: { a: null, b: 'x' }, geometry: { type: 'Point', coordinates: [109, 15] } },
      ],
    };
    const { bytes } = await writeLayer(fc, 't', 'parquet');
    const table = tableFromIPC(readParquet(bytes).intoIPCStream());
    expect(table.getChild('a')!.toArray()[0]).toBe(1);
    expect(table.getChild('a')!.get(1)).toBeNull();
    expect(table.getChild('b')!.get(1)).toBe('x');
  });
});
