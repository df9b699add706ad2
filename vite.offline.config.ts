/**
 * The offline presentation player as one HTML file (`dist/offline/offline.html`): every script,
 * style, font and bundled data file inlined (vite-plugin-singlefile; assets as data URLs), with
 * a Content-Security-Policy that allows its one script by hash and nothing from anywhere.
 * The app and `ntcc story --format html` write a story into its data block.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { cspHeader, OFFLINE_CSP_DIRECTIVES, SCRIPT_HASH_PLACEHOLDER } from './src/app/csp.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Writes the page's policy as its first meta tag once the file is written (vite-plugin-singlefile
 * inlines the script as the bundle is written), with the hash of its one inline script.
 */
function offlinePolicy(): Plugin {
  let outDir = '';
  return {
    name: 'ntcc-offline-script-hash',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const path = join(outDir, 'offline.html');
      const html = readFileSync(path, 'utf8');
      // As the browser reads it: the script ends at the first </script> (the inliner escapes any inside).
      const scripts = [...html.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)];
      if (scripts.length !== 1 || !scripts[0]![1]) throw new Error(`offline player: expected one inline script, found ${scripts.length}`);
      const hash = createHash('sha256').update(scripts[0]![1], 'utf8').digest('base64');
      const policy = cspHeader(OFFLINE_CSP_DIRECTIVES).replace(SCRIPT_HASH_PLACEHOLDER, `sha256-${hash}`);
      if (!html.includes('<head>')) throw new Error('offline player: no <head>');
      writeFileSync(path, html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`));
    },
  };
}

export default defineConfig({
  base: './',
  // The tiles a story needs go into its data block; the rest of public/ is not the player's.
  publicDir: false,
  plugins: [react(), viteSingleFile({ removeViteModuleLoader: true, outputFileName: 'offline.html' }), offlinePolicy()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    outDir: 'dist/offline',
    emptyOutDir: true,
    // Everything inline: fonts, and the bundled data files the player fetches as data: URLs.
    assetsInlineLimit: () => true,
    chunkSizeWarningLimit: 8000,
    rollupOptions: { input: 'offline.html' },
  },
});
