/** The part of shpjs (no published types) that the importer uses. */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export function parseZip(buffer: ArrayBuffer | Uint8Array, whiteList?: string[]): Promise<FeatureCollection | FeatureCollection[]>;
}
