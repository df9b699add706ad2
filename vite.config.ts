import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { cspHeader } from './src/app/csp.ts';

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

/** Data files stay files: fetched from the own origin (connect-src 'self'), never as data: URLs. */
export const keepDataFiles = (file: string): false | undefined => (file.endsWith('.geojson') || file.endsWith('.json') ? false : undefined);

export default defineConfig({
  base: './',
  plugins: [react(), preloadLabelFont(), contentSecurityPolicy(), serveOfflinePlayer()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
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
