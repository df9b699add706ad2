import { defineConfig } from 'vitest/config';
import type { Plugin, PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cspHeader } from './src/app/csp.ts';
import { vi } from './src/i18n/vi.ts';
import { en } from './src/i18n/en.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Preloads the label font's files from the page's <head>: the map waits for them, and
 * without this they are only requested once the main script has been evaluated.
 */
function preloadLabelFont(): Plugin {
  return {
    name: 'ntcc-preload-label-font',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        Object.keys(ctx.bundle ?? {})
          .filter((f) => /be-vietnam-pro-(vietnamese|latin|latin-ext)-(400|600)-normal-[\w-]+\.woff2$/.test(f))
          .sort()
          .map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${f}` },
            injectTo: 'head' as const,
          })),
    },
  };
}

/**
 * The Content-Security-Policy as the built page's first meta tag (not in `vite` dev, whose
 * hot reload injects inline scripts and a web socket).
 */
export function contentSecurityPolicy(policy = cspHeader()): Plugin {
  return {
    name: 'ntcc-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' as const },
      ],
    },
  };
}

/**
 * `npm start` (the dev server) serves the offline player that `npm run offline` built, so that
 * the story editor's "Save as offline presentation" works there as in the built app.
 */
function serveOfflinePlayer(): Plugin {
  return {
    name: 'ntcc-serve-offline-player',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/offline/offline.html', (_req, res, next) => {
        const file = new URL('./dist/offline/offline.html', import.meta.url);
        if (!existsSync(file)) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
  };
}

/**
 * `npm run build` builds the offline player first (into dist/offline) and the app after it: the
 * app's build empties dist but for that folder, so that its service worker can precache the player
 * (the story editor's "Save as offline presentation" then works with no network too).
 */
function emptyOutDirButOfflinePlayer(): Plugin {
  let outDir = '';
  return {
    name: 'ntcc-empty-out-dir-but-offline-player',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    buildStart() {
      if (!existsSync(outDir)) return;
      for (const f of readdirSync(outDir)) if (f !== 'offline') rmSync(join(outDir, f), { recursive: true, force: true });
    },
  };
}

/** The deepest basemap zoom the service worker precaches; deeper tiles are kept as they are seen (see docs/architecture.md). */
export const PRECACHE_TILE_ZOOM = 7;
/** How many deeper tiles the service worker keeps at most, the least recently used going first (z8–z10 hold 13,590 tiles, 2.55 MB). */
export const TILE_CACHE_ENTRIES = 6000;

/**
 * The installable app: a web manifest (Vietnamese, the app's default language, with the English
 * names in the manifest's `_localized` members) and a service worker (Workbox, through
 * vite-plugin-pwa) that precaches the app, its data, the offline player and the basemap to
 * PRECACHE_TILE_ZOOM, and keeps deeper tiles as they are seen. A new version waits for the user
 * (registerType 'prompt'; the app asks, never while presenting). The page registers it itself
 * (src/app/service-worker.ts), after the map's first idle: no inline script (the policy allows none).
 */
function installableApp(): PluginOption {
  const tileDepth = Array.from({ length: PRECACHE_TILE_ZOOM - 2 }, (_, i) => i + 3).join(',');
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: true,
    includeAssets: ['icons/icon.svg'],
    manifest: {
      id: './',
      name: vi['App.Title'],
      short_name: vi['App.ShortTitle'],
      description: vi['App.Description'],
      lang: 'vi',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f4f1ea',
      theme_color: '#1d6f66',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
      // The manifest's localized members (W3C Web App Manifest, "_localized"): browsers that know
      // them show the English names to English-speaking users; the others show the Vietnamese ones.
      ...({
        name_localized: { en: en['App.Title'] },
        short_name_localized: { en: en['App.ShortTitle'] },
        description_localized: { en: en['App.Description'] },
      } as object),
    },
    workbox: {
      globPatterns: ['**/*.{html,js,mjs,css,woff2,geojson,json,wasm,svg,png,webmanifest}', `tiles/{${tileDepth}}/**/*.pbf`],
      // The benchmark's reference pages are not the app's; the woff files only serve browsers without woff2.
      globIgnores: ['bench/**', '**/*.woff', 'sw.js', 'workbox-*.js'],
      // The largest files: the offline player (4.8 MB, every script inlined) and the app's main script (1.6 MB).
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Only the app's own pages: another page on this origin (the benchmark's) is never answered with the app.
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      // The first service worker takes the page it was installed from (a later one waits for the user).
      clientsClaim: true,
      runtimeCaching: [
        {
          // Every tile; those precached are answered by the precache first.
          urlPattern: /\/tiles\/\d+\/\d+\/\d+\.pbf$/,
          handler: 'CacheFirst',
          options: {
            cacheName: 'ntcc-tiles',
            expiration: { maxEntries: TILE_CACHE_ENTRIES, purgeOnQuotaError: true },
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  });
}

/** Data files stay files: fetched from the own origin (connect-src 'self'), never as data: URLs. */
export const keepDataFiles = (file: string): false | undefined => (file.endsWith('.geojson') || file.endsWith('.json') ? false : undefined);

export default defineConfig({
  base: './',
  plugins: [react(), preloadLabelFont(), contentSecurityPolicy(), serveOfflinePlayer(), emptyOutDirButOfflinePlayer(), installableApp()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    // Emptied by emptyOutDirButOfflinePlayer, which keeps the offline player built before.
    emptyOutDir: false,
    assetsInlineLimit: keepDataFiles,
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  // `npm run preview` also sends the policy as a header (a meta tag cannot set every directive).
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': cspHeader() } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
