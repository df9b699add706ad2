/** Runs the command line in-process, capturing what it prints and its exit code. */
import { vi } from 'vitest';
import { main } from '../../../cli/ntcc.ts';

export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(args, (s) => (out += s));
    return { code, out, err };
  } finally {
    spy.mockRestore();
  }
}
