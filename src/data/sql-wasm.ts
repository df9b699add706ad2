/**
 * Where sql.js finds its WebAssembly file: the app passes its own-origin URL (Vite's `?url`)
 * with each GeoPackage it reads or writes; the command line passes none (sql.js finds it in
 * node_modules). One helper for the GeoPackage writer and the roads-layer reader.
 */

/**
 * The options to give `initSqlJs`.
 * @param url - the address of sql-wasm.wasm, where the caller has one
 */
export const sqlJsOptions = (url?: string): { locateFile?: () => string } => (url ? { locateFile: () => url } : {});
