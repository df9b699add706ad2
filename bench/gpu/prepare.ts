/**
 * Prepares the GPU run of the benchmark (bench/gpu/README.md): builds the app and the
 * reference pages, and writes the in-page scripts and page list to dist/bench/scripts.json
 * for bench/gpu/cdp_bench.py, which drives Chromium without Node.
 */
import { writeFileSync } from 'node:fs';
import { THEMATIC_LAYERS } from '../../src/core/layers.ts';
import { buildBenchPages } from '../pages.ts';
import { PAN_MS, PAN_SCRIPT, STORY_SCRIPT } from '../page-scripts.ts';

await buildBenchPages();
const scripts = {
  panMs: PAN_MS,
  pan: PAN_SCRIPT,
  story: STORY_SCRIPT,
  pages: {
    bare: { path: '/bench/bare.html', mark: 'map-first-idle', handle: '__bare' },
    app: { path: '/', mark: 'deck-first-draw', handle: '__ntcc' },
    all: { path: `/#ly=${THEMATIC_LAYERS.map((l) => l.id).join(',')}`, mark: 'layers-drawn', handle: '__ntcc' },
  },
};
writeFileSync('dist/bench/scripts.json', `${JSON.stringify(scripts, null, 2)}\n`);
console.log('wrote dist/bench/scripts.json');
