/** Builds the app and the benchmark's reference pages (bare MapLibre, the peer, and the JS floor). */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';
import { contentSecurityPolicy, keepDataFiles } from '../vite.config.ts';

// The reference pages run under the app's own Content-Security-Policy.
const common = {
  configFile: false as const,
  logLevel: 'warn' as const,
  base: './',
  publicDir: false as const,
  root: resolve('bench'),
  plugins: [contentSecurityPolicy()],
};

/** Builds the bare and peer pages into dist/bench, beside an app already built in dist. */
export async function buildReferencePages(): Promise<void> {
  await build({
    ...common,
    build: {
      outDir: resolve('dist/bench'),
      emptyOutDir: true,
      target: 'es2022',
      assetsInlineLimit: keepDataFiles,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: { input: { bare: resolve('bench/bare.html'), peer: resolve('bench/peer.html') } },
    },
  });
}

/** Builds the app, the reference pages and the JavaScript floor. */
export async function buildBenchPages(): Promise<void> {
  execSync('npm run build', { stdio: 'inherit' });
  await buildReferencePages();
  await build({
    ...common,
    build: { outDir: resolve('dist-floor'), emptyOutDir: true, target: 'es2022', rolldownOptions: { input: resolve('bench/floor.html') } },
  });
}
