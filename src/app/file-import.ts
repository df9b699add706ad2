/**
 * Reads files the user drops on the map or picks: each is checked by the importer (loaded
 * on first use) and either becomes an imported layer or gets a message in the user's
 * language explaining why not. A refused file changes nothing else. A road network input
 * (an OpenStreetMap extract, a network file, a GeoPackage or FlatGeobuf roads layer) and a
 * population grid (GeoTIFF) go to the user's own network and grid instead (built in the
 * analysis worker); a GeoJSON or zipped Shapefile stays a layer, which can then be used as
 * the road network from the layer panel.
 */
import type { FeatureCollection } from 'geojson';

import { isGridFile, networkKindOf, type AppStore, type ImportedLayer } from '../state/store.ts';

/** Whether a dropped file is a road network input rather than a layer to import. */
export function isNetworkDrop(name: string): boolean {
  const kind = networkKindOf(name);
  return kind === 'osm-pbf' || kind === 'osm-xml' || kind === 'network' || /\.(gpkg|fgb)$/i.test(name);
}

function kindsOf(fc: FeatureCollection): ImportedLayer['kinds'] {
  const kinds = new Set<ImportedLayer['kinds'][number]>();
  const add = (type: string): void => {
    if (type === 'Point' || type === 'MultiPoint') kinds.add('point');
    else if (type === 'LineString' || type === 'MultiLineString') kinds.add('line');
    else if (type === 'Polygon' || type === 'MultiPolygon') kinds.add('polygon');
  };
  for (const f of fc.features) {
    if (f.geometry.type === 'GeometryCollection') f.geometry.geometries.forEach((g) => add(g.type));
    else add(f.geometry.type);
  }
  return [...kinds];
}

/** Creates the importer a store calls with dropped or picked files (and itself, to add the layers to). */
export function createFileImporter(): (files: File[], store: AppStore) => Promise<void> {
  return async (files, store) => {
    const [{ importFile }, { MAX_IMPORT_BYTES }] = await Promise.all([import('../export/formats.ts'), import('../data/import.ts')]);
    const st = store.getState();
    for (const file of files) {
      if (isGridFile(file.name)) {
        await st.openGridFile(file);
        continue;
      }
      if (isNetworkDrop(file.name)) {
        await st.openNetworkFile(file);
        continue;
      }
      if (file.size > MAX_IMPORT_BYTES) {
        st.setNotice({
          key: 'Import.Failed',
          vars: { name: file.name, message: '' },
          details: [
            { key: 'Import.too-large', vars: { size: Math.round(file.size / 1024 / 1024), limit: MAX_IMPORT_BYTES / 1024 / 1024 } },
          ],
          tone: 'error',
        });
        continue;
      }
      const r = await importFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!r.ok) {
        st.setNotice({
          key: 'Import.Failed',
          vars: { name: file.name, message: '' },
          details: [{ key: `Import.${r.error.code}`, vars: r.error.vars }],
          tone: 'error',
        });
        continue;
      }
      const fields = [...new Set(r.fc.features.flatMap((f) => Object.keys(f.properties ?? {})))];
      st.addImported({ name: r.name, fc: r.fc, kinds: kindsOf(r.fc), fields });
      st.setNotice({
        key: 'Import.Done',
        vars: { name: r.name, n: r.fc.features.length },
        details: r.warnings.map((w) => ({ key: `ImportWarn.${w.code}`, vars: w.vars })),
        tone: 'info',
      });
    }
  };
}
