/**
 * Where sql.js finds its WebAssembly file: the app passes its own-origin URL (Vite's `?url`),
 * the command line needs none. One setting for the GeoPackage writer and the roads-layer reader.
 */
let url: string | undefined;

/** Sets the URL of sql-wasm.wasm (in the app, before the first GeoPackage is read or written). */
export function setSqlWasmUrl(u: string): void {
  url = u;
}

/** The options to give `initSqlJs`. */
export const sqlJsOptions = (): { locateFile?: () => string } => (url ? { locateFile: () => url! } : {});
