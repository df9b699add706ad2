/**
 * `npm run bench:print`: the time and peak memory of the largest print, `ntcc print --paper A0
 * --scale 250000` (about 9,000 × 7,800 device pixels of basemap at 300 dpi, captured from the
 * built app in Debian's Chromium in pieces of 2040 pixels, placed in a vector PDF). Needs
 * `npm run build` first.
 *
 * Memory is the peak, sampled every 200 ms, of the proportional set size (PSS: shared pages
 * split between the processes sharing them, so Chromium's processes are not counted several
 * times) summed over the command and every process it starts (Node, vite preview, Chromium's
 * browser, renderer and GPU processes). Target: at most 2 GB. The wall time is informative.
 * Writes bench/results/print.json; exits 1 when the memory target is missed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TARGET_MB = 2048;

/** The command's process and all its descendants. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      /* gone */
    }
  }
  const out: number[] = [];
  const visit = (p: number): void => {
    out.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(root);
  return out;
}

/** PSS of a process, kB (0 when it is gone). */
function pss(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ntcc-bench-print-'));
  const out = join(dir, 'a0.pdf');
  const args = ['bin/ntcc.js', 'print', '--paper', 'A0', '--scale', '250000', '--lang', 'en', '--title', 'Benchmark A0', '--out', out];
  const t0 = performance.now();
  const child = spawn('node', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  let peakKb = 0;
  let peakProcesses = 0;
  const timer = setInterval(() => {
    if (child.pid === undefined) return;
    const pids = tree(child.pid);
    const kb = pids.reduce((s, p) => s + pss(p), 0);
    if (kb > peakKb) {
      peakKb = kb;
      peakProcesses = pids.length;
    }
  }, 200);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`ntcc print exited ${code}`);
  const peakMb = Math.round(peakKb / 1024);
  const result = {
    command: `ntcc ${args.slice(1).join(' ')}`,
    seconds: Math.round(seconds * 10) / 10,
    peak_pss_mb: peakMb,
    processes_at_peak: peakProcesses,
    pdf_mb: Math.round(statSync(out).size / 1e5) / 10,
    target_mb: TARGET_MB,
    met: peakMb <= TARGET_MB,
  };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/print.json', JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  if (!result.met) process.exitCode = 1;
}

await main();
