/**
 * Loads the thematic layer files (fetched from the app's own origin as hashed assets) and
 * checks each against its schema. A bad file is reported and left out; the others load.
 */
import { THEMATIC_LAYERS } from '../core/layers.ts';
import { parseLayer, type LayerCollection, type LayerFileId } from './schemas.ts';

/** Every file of data/geojson, as a hashed asset of the build; each layer names its own. */
const FILES = import.meta.glob<string>('../../data/geojson/*.geojson', { query: '?url', import: 'default', eager: true });
const urlOf = (file: string): string | undefined => FILES[`../../data/geojson/${file}`];

export type ThematicData = { [K in LayerFileId]?: LayerCollection<K> };

/** Fetches one layer's file and checks it against that layer's schema. */
async function loadOne<K extends LayerFileId>(data: ThematicData, id: K, file: string): Promise<void> {
  const url = urlOf(file);
  if (!url) throw new Error(`${file}: not in the build`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  const json: unknown = await res.json();
  // Seen as the one layer it is, the data takes that layer's collection.
  const one: { [P in K]?: LayerCollection<P> } = data;
  one[id] = parseLayer(id, json, file);
}

/** Fetches and checks every thematic file; returns what loaded and one message per file that did not. */
export async function loadThematic(): Promise<{ data: ThematicData; errors: string[] }> {
  const data: ThematicData = {};
  const errors: string[] = [];
  await Promise.all(
    THEMATIC_LAYERS.map(({ id, file }) =>
      loadOne(data, id, file).catch((e: unknown) => {
        errors.push(e instanceof Error ? e.message : String(e));
      }),
    ),
  );
  return { data, errors: errors.sort() };
}
