/**
 * The endings the file picker offers: those of the formats the import reads. Kept apart from
 * the format registry (formats.ts), which carries every reader and writer, so the
 * layer panel does not load them before a file is chosen; a test checks the two agree.
 */
export const IMPORT_EXTENSIONS: readonly string[] = ['.geojson', '.json', '.csv', '.kml', '.shp.zip', '.zip'];
