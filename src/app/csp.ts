/**
 * The Content-Security-Policy of every page the project serves or writes: the browser itself
 * keeps the page on its own origin, whatever a library, a style or an imported file tries.
 * It starts from own origin only; each relaxation says why. Delivered as a meta tag in the
 * built page (vite.config.ts) and, by `npm run preview`, as a response header too.
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  // GeoPackage export runs SQLite compiled to WebAssembly (sql.js): compiling it needs this.
  'script-src': "'self' 'wasm-unsafe-eval'",
  'worker-src': "'self'",
  // data: for the map image the export draws and shows back (canvas → PNG data URL).
  'img-src': "'self' data:",
  'font-src': "'self'",
  'style-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};

/** The policy as the value of a meta tag or a header. */
export function cspHeader(directives: Record<string, string> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** Stands for the hash of the offline file's one script until the build knows it. */
export const SCRIPT_HASH_PLACEHOLDER = 'sha256-SCRIPT-HASH';

/**
 * The offline presentation file's policy: nothing from anywhere, only what the file inlines.
 * Its one script by hash; its styles and fonts are inline (a <style> element, data: fonts);
 * data: for the data layers it inlines and fetches and for MapLibre's worker from a file, blob: for its worker elsewhere and the
 * images the map makes; no request can leave the file.
 */
export const OFFLINE_CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': `'${SCRIPT_HASH_PLACEHOLDER}'`,
  // MapLibre starts its worker from a data: URL when the page is a file (blob: for other pages).
  'worker-src': 'blob: data:',
  'style-src': "'unsafe-inline'",
  'img-src': 'data: blob:',
  'font-src': 'data:',
  'connect-src': 'data: blob:',
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};
