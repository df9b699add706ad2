/**
 * Debian's Chromium as the project drives it (the browser tests, the benchmark, and
 * `ntcc story --format pptx`, whose map images need a browser): software WebGL2, and no
 * background call to any outside host.
 */

/** Chromium flags: software WebGL2 and no background calls to any outside host. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--component-updater=url-source=http://127.0.0.1:1/',
  '--gaia-url=http://127.0.0.1:1/',
  // Chromium 150 also checks in with Google's device service and asks google.com which
  // features it may offer: point both at a closed port on loopback.
  '--gcm-checkin-url=http://127.0.0.1:1/',
  '--google-base-url=http://127.0.0.1:1/',
  // Chromium's own services (autofill hints for forms, translation): not the app's requests.
  '--disable-features=AutofillServerCommunication,Translate,OptimizationHints,MediaRouter,NetworkTimeServiceQuerying',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];

/** The Chromium to run: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = (): string => process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
