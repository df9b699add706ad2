/**
 * `npm run bench:tasks`: the scripted tour of `npm run bench` alone (after `npm run build`):
 * in a fresh browser per round, the app's longest main-thread tasks after its first idle while
 * a user ticks every layer, switches the edition, runs every analysis kind for the first time
 * and opens the export dialog, each put down to the step it started in. Prints every task over
 * 50 ms and the longest per round; informative (the targets are judged by `npm run bench`).
 * `BENCH_PAUSE_MS=12000` lets the map stand still that long after its first idle before the
 * tour, as a user looking at it would (the app makes deck.gl ready then, in about 8–9 s here:
 * src/map/deck-warm.ts).
 */
import { launch, startServer } from '../tests/browser/harness.ts';
import { BENCH_PAGES, LONG_TASK_SCRIPT } from './page-scripts.ts';

const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));
const PAUSE_MS = Math.max(0, Number(process.env['BENCH_PAUSE_MS'] ?? 0));

async function main(): Promise<void> {
  const server = await startServer(4179);
  try {
    const longest: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const b = await launch(1280, 800);
      try {
        await b.page.goto(`${server.origin}${BENCH_PAGES.app.path}`);
        await b.page.waitForFunction(() => performance.getEntriesByName('map-first-idle').length > 0, null, { timeout: 120_000 });
        await b.page.waitForTimeout(PAUSE_MS);
        const r = (await b.page.evaluate(`(${LONG_TASK_SCRIPT})()`)) as { longest_ms: number; tasks: { ms: number; during: string }[] };
        longest.push(r.longest_ms);
        console.log(`round ${round + 1}: longest ${r.longest_ms} ms`);
        for (const t of r.tasks.filter((x) => x.ms > 50)) console.log(`  ${String(t.ms).padStart(4)} ms  ${t.during}`);
      } finally {
        await b.close();
      }
    }
    console.log(`longest task per round: ${longest.join(', ')} ms`);
  } finally {
    await server.stop();
  }
}

await main();
