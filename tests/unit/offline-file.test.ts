/** The offline presentation file: its data block, the tiles a story needs, and `ntcc story`. */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/analysis.ts';
import {
  decodeResult,
  encodeResult,
  readOfflinePayload,
  storyTiles,
  writeOfflineFile,
  OFFLINE_DATA_ID,
} from '../../src/export/offline-file.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';
import { sceneResults } from '../../cli/story.ts';
import { runCli as run } from './helpers/run-cli.ts';

const TEMPLATE = `<html><head></head><body><script type="application/json" id="${OFFLINE_DATA_ID}">{}</script><script type="module">x</script></body></html>`;
const blockOf = (html: string) => new RegExp(`id="${OFFLINE_DATA_ID}">([\\s\\S]*?)</script>`).exec(html)![1]!;

describe('the offline file', () => {
  it("keeps results' typed arrays through its JSON", () => {
    const results = sceneResults(BUILTIN_STORY);
    expect(Object.keys(results)).toHaveLength(BUILTIN_STORY.scenes.filter((s) => s.analysis).length);
    for (const r of Object.values(results)) {
      const back = decodeResult(JSON.parse(JSON.stringify(encodeResult(r))));
      expect(back).toEqual(r);
    }
    const access = Object.values(results).find((r) => r.kind === 'access') as Extract<AnalysisResult, { kind: 'access' }>;
    expect(Object.values(access.grid).some((v) => ArrayBuffer.isView(v))).toBe(true);
    // A cell with no target is Infinity km, not 0 (JSON numbers cannot hold it; the bytes do).
    const gates = Float32Array.from([1.5, Infinity, Number.NaN]);
    const back = decodeResult(JSON.parse(JSON.stringify(encodeResult({ ...access, grid: { ...access.grid, gate_km: gates } }))));
    expect(back.kind === 'access' && Array.from(back.grid.gate_km)).toEqual([1.5, Infinity, Number.NaN]);
    // A damaged block gives no figures, never wrong ones, and a made-up type name is not a type.
    expect(decodeResult({ a: { $typed: 'Float64Array', b64: 'AAA=' } })).toEqual({ a: new Float64Array(0) });
    expect(decodeResult({ a: { $typed: 'constructor', b64: '' } })).toEqual({ a: { $typed: 'constructor', b64: '' } });
  });

  it('carries the region to zoom 6 and each scene one zoom deeper than it shows', () => {
    const { keys, maxZoom } = storyTiles(BUILTIN_STORY);
    for (const z of [3, 4, 5, 6]) expect(keys.some((k) => k.startsWith(`${z}/`))).toBe(true);
    const deepest = Math.max(...BUILTIN_STORY.scenes.map((s) => Math.floor(s.camera.zoom) + 1));
    expect(maxZoom).toBe(Math.max(6, Math.min(10, deepest)));
    expect(keys.every((k) => /^\d+\/\d+\/\d+$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes the story so that no text can close its block, and reads it back; a bad block says why', () => {
    const story = {
      ...BUILTIN_STORY,
      title: { vi: 'a </script><script>alert(1)</script>', en: 'b' },
      scenes: BUILTIN_STORY.scenes.map((sc, i) =>
        i
          ? sc
          : { ...sc, table: { name: 't.csv', column: 'c', method: 'quantile' as const, classes: 5 as const, palette: 'YlGnBu' as const } },
      ),
    };
    const html = writeOfflineFile(TEMPLATE, {
      story,
      lang: 'en',
      results: {},
      tiles: { '3/6/3': new Uint8Array([1, 2, 3]) },
      maxZoom: 6,
      version: 't',
      made: 'now',
    });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    const read = readOfflinePayload(blockOf(html));
    expect(read.ok && read.story.title.vi).toBe(story.title.vi);
    // The user's table is not carried: its reference is left out.
    expect(read.ok && read.story.scenes[0]!.table).toBeUndefined();
    expect(read.ok && read.payload.tiles['3/6/3']).toBe('AQID');
    expect(readOfflinePayload('{}')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(readOfflinePayload('{"schema":')).toEqual({ ok: false, error: { code: 'bad-json' } });
    expect(readOfflinePayload('{"schema":9,"story":""}')).toEqual({ ok: false, error: { code: 'future', version: 9 } });
    expect(readOfflinePayload('{"schema":1,"story":"{}"}')).toEqual({ ok: false, error: { code: 'bad-story' } });
    expect(() =>
      writeOfflineFile('<html></html>', { story, lang: 'vi', results: {}, tiles: {}, maxZoom: 6, version: 't', made: '' }),
    ).toThrow(/data block/);
  });
});

describe('ntcc story', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ntcc-story-'));

  it('refuses a broken story file and a bad format, writing nothing', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"schema": 1, "story": {"title": 3}}');
    const out = join(dir, 'x.html');
    let r = await run(['story', '--story', bad, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json/);
    expect(existsSync(out)).toBe(false);
    r = await run(['story', '--format', 'pdf', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    // The deck's maps need Chromium: without it, a clear message, exit 1, nothing written.
    const chromium = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = join(dir, 'no-chromium');
    try {
      r = await run(['story', '--format', 'pptx', '--out', join(dir, 'x.pptx'), '--lang', 'en']);
    } finally {
      if (chromium === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = chromium;
    }
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs Chromium.*apt install chromium/);
    expect(existsSync(join(dir, 'x.pptx'))).toBe(false);
  });
});
