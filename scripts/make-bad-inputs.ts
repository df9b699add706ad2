/**
 * Writes the corpus of bad inputs the importer must refuse (or accept with a warning):
 * tests/fixtures/bad-inputs/<file> and expected.json (file → error code, or ok + warning).
 * `npx tsx scripts/make-bad-inputs.ts` rewrites them; the two huge cases (over the size and
 * feature limits) are made in memory by the tests instead of being committed.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { toShapefileZip } from '../src/export/writers.ts';
import { unzipSync } from 'fflate';

const DIR = 'tests/fixtures/bad-inputs';
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
const expected: Record<string, { code?: string; ok?: true; warning?: string }> = {};

const put = (name: string, content: string | Uint8Array, exp: { code?: string; ok?: true; warning?: string }): void => {
  writeFileSync(`${DIR}/${name}`, content);
  expected[name] = exp;
};
const fc = (features: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features }, null, 1);
const pt = (coordinates: unknown, properties: unknown = { name: 'p' }) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
});
const poly = (ring: unknown) => ({ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [ring] } });
const good = [pt([108.2, 16.05])];

// GeoJSON syntax
put('truncated.geojson', fc(good).slice(0, 60), { code: 'json-syntax' });
put(
  'trailing-comma.geojson',
  '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[108,16]}},\n]}',
  { code: 'json-syntax' },
);
put('single-quotes.geojson', "{'type':'FeatureCollection','features':[]}", { code: 'json-syntax' });
put('nan-literal.geojson', '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[NaN,16]}}', {
  code: 'json-syntax',
});
put('empty-file.geojson', '', { code: 'empty' });
put('whitespace-only.geojson', '   \n\t ', { code: 'empty' });
put(
  'binary-garbage.geojson',
  Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256),
  { code: 'json-syntax' },
);
// Not GeoJSON
put('json-array.geojson', '[1,2,3]', { code: 'not-geojson' });
put('json-string.json', '"hello"', { code: 'not-geojson' });
put('topojson.json', '{"type":"Topology","objects":{},"arcs":[]}', { code: 'not-geojson' });
put('no-features-member.geojson', '{"type":"FeatureCollection"}', { code: 'not-geojson' });
put('features-is-object.geojson', '{"type":"FeatureCollection","features":{}}', { code: 'not-geojson' });
put('no-features.geojson', fc([]), { code: 'empty' });
// Features and geometries
put('feature-wrong-type.geojson', fc([{ type: 'Point', coordinates: [108, 16] }]), { code: 'bad-feature' });
put('feature-null.geojson', fc([null]), { code: 'bad-feature' });
put('geometry-null.geojson', fc([{ type: 'Feature', properties: {}, geometry: null }]), { code: 'bad-geometry' });
put(
  'geometry-unknown-type.geojson',
  fc([{ type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [108, 16], radius: 5 } }]),
  { code: 'bad-geometry' },
);
put('coordinates-string.geojson', fc([pt('108,16')]), { code: 'bad-geometry' });
put('coordinates-strings-inside.geojson', fc([pt(['108', '16'])]), { code: 'bad-geometry' });
put('position-one-number.geojson', fc([pt([108])]), { code: 'bad-geometry' });
put('position-four-numbers.geojson', fc([pt([108, 16, 0, 1])]), { code: 'bad-geometry' });
put(
  'infinite-coordinate.geojson',
  '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e999,16]}}]}',
  { code: 'bad-geometry' },
);
put('line-one-position.geojson', fc([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[108, 16]] } }]), {
  code: 'bad-geometry',
});
put(
  'ring-three-positions.geojson',
  fc([
    poly([
      [108, 16],
      [109, 16],
      [108, 16],
    ]),
  ]),
  { code: 'bad-geometry' },
);
put('polygon-no-rings.geojson', fc([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } }]), {
  code: 'bad-geometry',
});
put(
  'unclosed-ring.geojson',
  fc([
    poly([
      [108, 16],
      [109, 16],
      [109, 17],
      [108, 17],
    ]),
  ]),
  { code: 'unclosed-ring' },
);
put(
  'self-intersecting-bowtie.geojson',
  fc([
    poly([
      [108, 16],
      [109, 17],
      [109, 16],
      [108, 17],
      [108, 16],
    ]),
  ]),
  { code: 'self-intersection' },
);
put(
  'self-intersecting-multipolygon.geojson',
  fc([
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [105, 19],
              [106, 20],
              [106, 19],
              [105, 20],
              [105, 19],
            ],
          ],
        ],
      },
    },
  ]),
  { code: 'self-intersection' },
);
put('swapped-lat-lon.geojson', fc([pt([16.05, 108.2])]), { code: 'swapped-coordinates' });
put(
  'swapped-polygon.geojson',
  fc([
    poly([
      [16, 108],
      [16, 109],
      [17, 109],
      [17, 108],
      [16, 108],
    ]),
  ]),
  { code: 'swapped-coordinates' },
);
put('out-of-range.geojson', fc([pt([200, 95])]), { code: 'out-of-range' });
put('projected-utm.geojson', fc([pt([833000, 1777000])]), { code: 'projected-coordinates' });
put('crs-vn2000.geojson', fc(good, { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3405' } } }), {
  code: 'unsupported-crs',
});
put('crs-web-mercator.geojson', fc([pt([12045000, 1810000])], { crs: { type: 'name', properties: { name: 'EPSG:3857' } } }), {
  code: 'unsupported-crs',
});
// Accepted, with a warning: script and markup stay text; nested values become JSON text
put('script-in-properties.geojson', fc([pt([108.2, 16.05], { name: '<img src=x onerror=alert(1)>', note: '<script>alert(1)</script>' })]), {
  ok: true,
  warning: 'markup-kept-as-text',
});
put('nested-properties.geojson', fc([pt([108.2, 16.05], { name: 'p', extra: { a: [1, 2, { b: 3 }] } })]), {
  ok: true,
  warning: 'properties-flattened',
});
put(
  'proto-pollution.geojson',
  '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"polluted":true},"name":"p"},"geometry":{"type":"Point","coordinates":[108.2,16.05]}}]}',
  { ok: true },
);
// CSV
put('csv-no-coordinates.csv', 'name,population\nĐà Nẵng,1220000\n', { code: 'csv-no-coordinates' });
put('csv-bad-latitude.csv', 'name,lon,lat\nA,108.2,16.05\nB,108.3,abc\n', { code: 'csv-bad-row' });
put('csv-missing-value.csv', 'name,lon,lat\nA,108.2,\n', { code: 'csv-bad-row' });
put('csv-header-only.csv', 'name,lon,lat\n', { code: 'empty' });
put('csv-unclosed-quote.csv', 'name,lon,lat\n"A,108.2,16.05\nB,108.3,16.1\n', { code: 'csv-syntax' });
put('csv-swapped.csv', 'name,lon,lat\nA,16.05,108.2\n', { code: 'swapped-coordinates' });
put('csv-bad-wkt.csv', 'name,wkt\nA,"POLYGON((108 16, 109"\n', { code: 'csv-bad-row' });
put('csv-too-many-fields.csv', 'name,lon,lat\nA,108.2,16.05,extra,more\n', { code: 'csv-syntax' });
put('csv-wkt-self-intersecting.csv', 'name,wkt\nA,"POLYGON((108 16, 109 17, 109 16, 108 17, 108 16))"\n', { code: 'self-intersection' });
put('csv-script.csv', 'name,lon,lat\n<script>alert(1)</script>,108.2,16.05\n', { ok: true, warning: 'markup-kept-as-text' });
// KML
put(
  'kml-malformed.kml',
  '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>A</name></Document></kml>',
  { code: 'kml-syntax' },
);
put('kml-no-placemarks.kml', '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>x</name></Document></kml>', {
  code: 'kml-empty',
});
put('kml-is-html.kml', '<!doctype html><html><body><p>not kml</p></body></html>', { code: 'kml-syntax' });
put(
  'kml-swapped.kml',
  '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><Point><coordinates>16.05,108.2</coordinates></Point></Placemark></kml>',
  { code: 'swapped-coordinates' },
);
// Unknown types
put('notes.txt', 'hello', { code: 'unknown-type' });
put('track.gpx', '<gpx></gpx>', { code: 'unknown-type' });

async function zips(): Promise<void> {
  put('not-a-zip.zip', 'PK but not really a zip file', { code: 'zip-bad' });
  const shp = unzipSync(
    await toShapefileZip(
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'Đà Nẵng' }, geometry: { type: 'Point', coordinates: [108.2, 16.05] } }],
      },
      'pts',
    ),
  );
  const without = (ext: string) => zipSync(Object.fromEntries(Object.entries(shp).filter(([k]) => !k.endsWith(ext))));
  put('zip-no-shp.zip', zipSync({ 'readme.txt': strToU8('no shapefile here') }), { code: 'shp-missing' });
  put('zip-no-dbf.zip', without('.dbf'), { code: 'shp-missing' });
  put('zip-no-shx.zip', without('.shx'), { code: 'shp-missing' });
  put('zip-unknown-prj.zip', zipSync({ ...shp, 'pts.prj': strToU8('PROJCS["Made up",GEOGCS["nowhere"],WHAT[1]]') }), {
    code: 'prj-unknown',
  });
  // Projected coordinates and no .prj to say what they are.
  const utm = unzipSync(
    await toShapefileZip(
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: 'A' }, geometry: { type: 'Point', coordinates: [833000, 1777000] } }],
      },
      'utm',
    ),
  );
  put('zip-projected-no-prj.zip', zipSync(Object.fromEntries(Object.entries(utm).filter(([k]) => !k.endsWith('.prj')))), {
    code: 'unsupported-crs',
  });
  put('zip-truncated-shp.zip', zipSync({ ...shp, 'pts.shp': shp['pts.shp']!.slice(0, 60) }), { code: 'shp-bad' });
  writeFileSync(`${DIR}/expected.json`, JSON.stringify(expected, null, 1) + '\n');
  console.log(`${Object.keys(expected).length} files`);
}
await zips();
