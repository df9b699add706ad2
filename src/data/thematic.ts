/**
 * Loads the thematic layer files (fetched from the app's own origin as hashed assets) and
 * checks each against its schema. A bad file is reported and left out; the others load.
 */
import corridorsUrl from '../../data/geojson/corridors.geojson?url';
import seaportsUrl from '../../data/geojson/seaports.geojson?url';
import airportsUrl from '../../data/geojson/airports.geojson?url';
import gatesUrl from '../../data/geojson/border-gates.geojson?url';
import zonesUrl from '../../data/geojson/economic-zones.geojson?url';
import militaryUrl from '../../data/geojson/military-regions.geojson?url';
import borderUrl from '../../data/geojson/border-line.geojson?url';
import beltUrl from '../../data/geojson/border-belt.geojson?url';
import islandsUrl from '../../data/geojson/islands.geojson?url';
import baselineUrl from '../../data/geojson/baseline-points.geojson?url';
import { parseLayer, type LayerCollection, type LayerFileId } from './schemas.ts';

const URLS: Record<LayerFileId, string> = {
  corridors: corridorsUrl,
  seaports: seaportsUrl,
  airports: airportsUrl,
  'border-gates': gatesUrl,
  'economic-zones': zonesUrl,
  'military-regions': militaryUrl,
  'border-line': borderUrl,
  'border-belt': beltUrl,
  islands: islandsUrl,
  'baseline-points': baselineUrl,
};

export type ThematicData = Partial<{ [K in LayerFileId]: LayerCollection<K> }>;

/** Fetches and checks every thematic file; returns what loaded and one message per file that did not. */
export async function loadThematic(): Promise<{ data: ThematicData; errors: string[] }> {
  const data: ThematicData = {};
  const errors: string[] = [];
  await Promise.all(
    (Object.keys(URLS) as LayerFileId[]).map(async (id) => {
      const file = `${id}.geojson`;
      try {
        const res = await fetch(URLS[id]);
        if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
        const json: unknown = await res.json();
        (data as Record<string, unknown>)[id] = parseLayer(id, json, file);
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e));
      }
    }),
  );
  return { data, errors: errors.sort() };
}
