/** The story as a PowerPoint deck: a slide per scene after the title, editable captions, notes. */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { buildDeck, DECK_FONT } from '../../src/export/deck.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';
import { chartOf, type ChartSpec } from '../../src/export/charts.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { DEFAULT_PARAMS, viewMeasures } from '../../src/core/analysis.ts';
import { loadInputs } from '../../cli/load.ts';

/** A 1×1 PNG (the images are drawn in the browser; here only their place in the deck is checked). */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

/** The text runs of a slide's XML, joined. */
const textOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ');

describe('buildDeck', () => {
  it('writes a title slide and one slide per scene, with the caption as text, the notes and the image', async () => {
    const asked: number[] = [];
    const seen: number[] = [];
    const bytes = await buildDeck({
      story: BUILTIN_STORY,
      lang: 'vi',
      image: async (i) => {
        asked.push(i);
        return PNG;
      },
      date: '01/12/2026',
      version: 'test',
      onProgress: (p) => seen.push(p),
    });
    const files = unzipSync(bytes);
    const slides = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const n = BUILTIN_STORY.scenes.length;
    expect(slides).toHaveLength(n + 1);
    expect(asked).toEqual([...Array(n).keys()]);
    expect(seen.at(-1)).toBe(1);
    expect(textOf(strFromU8(files['ppt/slides/slide1.xml']!))).toContain(BUILTIN_STORY.title.vi);
    for (const [i, scene] of BUILTIN_STORY.scenes.entries()) {
      const xml = strFromU8(files[`ppt/slides/slide${i + 2}.xml`]!);
      // The caption is text on the slide, with its diacritics, in the bundled font.
      expect(textOf(xml).replaceAll('&quot;', '"')).toContain(scene.caption.vi.slice(0, 30));
      expect(xml).toContain(`typeface="${DECK_FONT}"`);
      expect(xml).toMatch(/r:embed="rId\d+"/);
      for (const f of scene.figures) expect(textOf(xml)).toContain(f.value.vi);
    }
    const notes = Object.keys(files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
    expect(notes).toHaveLength(n + 1);
    const withNotes = BUILTIN_STORY.scenes.findIndex((s) => s.notes.vi.length > 20);
    expect(textOf(strFromU8(files[`ppt/notesSlides/notesSlide${withNotes + 2}.xml`]!))).toContain(
      BUILTIN_STORY.scenes[withNotes]!.notes.vi.slice(0, 25),
    );
    expect(Object.keys(files).filter((f) => /^ppt\/media\/.+/.test(f))).toHaveLength(n);
  });

  it('stops when cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      buildDeck({ story: BUILTIN_STORY, lang: 'en', image: async () => PNG, date: '', version: 'test', signal: abort.signal }),
    ).rejects.toThrow(/abort/i);
  });

  it('carries each analysis scene’s chart as a native chart: editable, its numbers the table’s', async () => {
    const inputs = loadInputs();
    const charts = new Map<number, ChartSpec>();
    for (const [i, scene] of BUILTIN_STORY.scenes.entries()) {
      if (!scene.analysis) continue;
      const r = runAnalysis(inputs, { ...DEFAULT_PARAMS, ...scene.analysis, edition: scene.edition, horizon: scene.horizon, cellKm: 20 });
      charts.set(i, chartOf(r, { measure: viewMeasures(r.params, r)[0] ?? 'seaport_km', method: 'network' }));
    }
    expect(charts.size).toBeGreaterThanOrEqual(3);
    const bytes = await buildDeck({
      story: BUILTIN_STORY,
      lang: 'en',
      image: async () => PNG,
      chart: (i) => charts.get(i) ?? null,
      date: '',
      version: 'test',
    });
    const files = unzipSync(bytes);
    const chartFiles = Object.keys(files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    expect(chartFiles.length).toBe(charts.size);
    // The largest holds at least ten points, and its values are the chart's (the result's table's) numbers.
    const points = chartFiles.map((f) =>
      [...strFromU8(files[f]!).matchAll(/<c:val>.*?<\/c:val>/gs)]
        .map((m) => [...m[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].length)
        .reduce((a, b) => a + b, 0),
    );
    expect(Math.max(...points)).toBeGreaterThanOrEqual(10);
    const gravity = [...charts.entries()].find(([i]) => BUILTIN_STORY.scenes[i]!.analysis?.kind === 'gravity');
    if (gravity) {
      const xml = chartFiles.map((f) => strFromU8(files[f]!)).find((x) => x.includes(String(gravity[1].series[0]!.values[0])));
      expect(xml, 'the gravity chart holds the strongest flow’s share').toBeDefined();
    }
  });
});
