/**
 * A streaming reader of OpenStreetMap XML (`.osm`), on saxes (an evented XML parser that runs
 * in the browser, a worker and Node alike): the file is decoded and parsed chunk by chunk, and
 * each way and node goes to the same callbacks as the PBF reader's (`osm-pbf.ts`).
 */
import { SaxesParser } from 'saxes';
import { chunksOf, type ByteChunks, type OsmFileInfo, type OsmPass } from './osm-pbf.ts';
import { NetworkError } from './road-network.ts';

/** Seconds since 1970 of an ISO timestamp, or null. */
const seconds = (s: string | undefined): number | null => {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t / 1000 : null;
};

/**
 * One pass over an OSM XML file: every way and/or node to the callbacks.
 * @throws NetworkError `xml-syntax` (with the line), `not-osm`, `empty`, `cancelled`
 * @example await readOsmXml(file.stream(), { node: (id, lon, lat) => … })
 */
export async function readOsmXml(src: ByteChunks, pass: OsmPass): Promise<OsmFileInfo> {
  const info: OsmFileInfo = { replicationTimestamp: null, newestTimestamp: null, bytes: 0 };
  const parser = new SaxesParser({ position: true });
  let root: string | null = null;
  let way: { id: number; refs: number[]; tags: Record<string, string>; timestamp: number | null } | null = null;
  let failure: NetworkError | null = null;
  const newest = (ts: number | null): void => {
    if (ts !== null && (info.newestTimestamp === null || ts > info.newestTimestamp)) info.newestTimestamp = ts;
  };
  parser.on('opentag', (tag) => {
    if (failure) return;
    const a = tag.attributes as Record<string, string>;
    if (root === null) {
      root = tag.name;
      if (root !== 'osm' && root !== 'osmChange') failure = new NetworkError('not-osm', { detail: `<${tag.name}>` });
      return;
    }
    switch (tag.name) {
      case 'node': {
        if (!pass.node) return;
        const lon = Number(a['lon']);
        const lat = Number(a['lat']);
        const id = Number(a['id']);
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || !Number.isFinite(id) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
          failure = new NetworkError('xml-syntax', { line: parser.line, detail: 'node' });
          return;
        }
        if (pass.timestamps) newest(seconds(a['timestamp']));
        pass.node(id, Math.round(lon * 1e7), Math.round(lat * 1e7));
        return;
      }
      case 'way':
        if (pass.way) way = { id: Number(a['id']), refs: [], tags: {}, timestamp: seconds(a['timestamp']) };
        return;
      case 'nd':
        if (way) way.refs.push(Number(a['ref']));
        return;
      case 'tag':
        if (way && a['k'] !== undefined) way.tags[a['k']] = a['v'] ?? '';
        return;
    }
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'way' && way && !failure) {
      if (pass.timestamps) newest(way.timestamp);
      pass.way!(way);
      way = null;
    }
  });
  parser.on('error', (e) => {
    failure ??= new NetworkError('xml-syntax', { line: parser.line, detail: e.message.split('\n')[0]!.slice(0, 80) });
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunksOf(src)) {
    if (pass.signal?.aborted) throw new NetworkError('cancelled');
    info.bytes += chunk.length;
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    pass.onBytes?.(info.bytes);
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
  if (root === null) throw new NetworkError(info.bytes ? 'not-osm' : 'empty', { detail: '' });
  return info;
}
