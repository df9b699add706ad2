/**
 * Prepares the GPU run of the benchmark (bench/gpu/README.md): builds the app and the
 * reference pages, and writes the in-page scripts and page list to dist/bench/scripts.json
 * for bench/gpu/cdp_bench.py, which drives Chromium without Node.
 */
import { writeFileSync } from 'node:fs';
import { buildBenchPages } from '../pages.ts';
import { BENCH_PAGES, LONG_TASK_SCRIPT, MAP_FRAME_SCRIPT, PAN_MS, PAN_SCRIPT, STORY_SCRIPT, WARM_ENDED_SCRIPT } from '../page-scripts.ts';

await buildBenchPages();
const scripts = {
  panMs: PAN_MS,
  pan: PAN_SCRIPT,
  story: STORY_SCRIPT,
  tasks: LONG_TASK_SCRIPT,
  warmEnded: WARM_ENDED_SCRIPT,
  mapFrame: MAP_FRAME_SCRIPT,
  pages: BENCH_PAGES,
};
writeFileSync('dist/bench/scripts.json', `${JSON.stringify(scripts, null, 2)}\n`);
console.log('wrote dist/bench/scripts.json');
