/**
 * The benchmark's statistics: medians, a bootstrap interval of the median of per-round ratios,
 * and the CPU time of a browser's processes read from /proc.
 */
import { readFileSync, readdirSync } from 'node:fs';

/** The median of a list (NaN for none). */
export function median(xs: readonly number[]): number {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A small seeded generator (mulberry32), so an interval is the same for the same samples. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The median of per-round ratios and its 95 % bootstrap interval (rounds resampled with
 * replacement, percentile interval).
 * @example bootstrapMedian([1.1, 0.9, 1.0, 1.2]) // { value: 1.05, ci95: [0.9, 1.2] }
 */
export function bootstrapMedian(ratios: readonly number[], resamples = 4000, seed = 1): { value: number; ci95: [number, number] } {
  const xs = ratios.filter(Number.isFinite);
  const rnd = random(seed);
  const meds: number[] = [];
  for (let k = 0; k < resamples; k++) meds.push(median(Array.from({ length: xs.length }, () => xs[Math.floor(rnd() * xs.length)]!)));
  meds.sort((a, b) => a - b);
  const at = (q: number): number => meds[Math.min(meds.length - 1, Math.max(0, Math.round(q * (meds.length - 1))))] ?? NaN;
  return { value: median(xs), ci95: [at(0.025), at(0.975)] };
}

/** Clock ticks per second of /proc's CPU times (Linux: 100). */
const TICKS = 100;

/**
 * CPU time (ms) used so far by every process of a browser whose command line names its
 * profile folder: the browser, its renderers and its GPU process (where software WebGL draws).
 */
export function browserCpuMs(profile: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      // Fields after the command name in parentheses: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return (ticks * 1000) / TICKS;
}
