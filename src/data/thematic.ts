/**
 * Loads the thematic layer files (fetched from the app's own origin as hashed assets) and
 * checks each against its schema. A bad file is reported and left out; the others load.
 */
import { THEMATIC_LAYERS } from '../core/layers.ts';
import { parseLayer, type LayerCollection, type LayerFileId } from './schemas.ts';

/** Every file of data/geojson, as a hashed asset of the build; each layer names its own. */
const FILES = import.meta.glob<string>('../../data/geojson/*.geojson', { query: '?url', import: 'default', eager: true });
const urlOf = (file: string): string | undefined => FILES[`../../data/geojson/${file}`];

export type ThematicData = Partial<{ [K in LayerFileId]: LayerCollection<K> }>;

/** Fetches and checks every thematic file; returns what loaded and one message per file that did not. */
export async function loadThematic(): Promise<{ data: ThematicData; errors: string[] }> {
  const data: ThematicData = {};
  const errors: string[] = [];
  await Promise.all(
    THEMATIC_LAYERS.map(async ({ id, file }) => {
      try {
        const url = urlOf(file);
        if (!url) throw new Error(`${file}: not in the build`);
        const res = await fetch(url);
        if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
        const json: unknown = await res.json();
        (data as Record<string, unknown>)[id] = parseLayer(id as LayerFileId, json, file);
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e));
      }
    }),
  );
  return { data, errors: errors.sort() };
}
