/** The saved-story format, the built-in story, the keys, and story editing in the store. */
import { beforeEach, describe, expect, it } from 'vitest';
import { readStory, writeStory } from '../../src/export/story-file.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';
import { keyAction } from '../../src/presentation/keys.ts';
import { gestureOf } from '../../src/presentation/touch.ts';
import { createAppStore, NO_SERVICES, type AppStore } from '../../src/state/store.ts';
import { sceneZoom, STORY_SCHEMA_VERSION, type SceneSubject } from '../../src/core/story.ts';
import { freeInsets } from '../../src/core/screen.ts';
import { readFileSync } from 'node:fs';
import { bbox } from '@turf/bbox';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** A store of its own for each test (the built-in story as its fallback). */
const freshStore = (): AppStore => {
  const store = createAppStore(NO_SERVICES);
  store.getState().setBuiltinStory(BUILTIN_STORY);
  return store;
};
let store: AppStore = freshStore();

describe('the built-in story', () => {
  it('has ten scenes, each with a caption in both languages, and every figure has a source', () => {
    expect(BUILTIN_STORY.scenes).toHaveLength(10);
    expect(new Set(BUILTIN_STORY.scenes.map((s) => s.id)).size).toBe(10);
    for (const s of BUILTIN_STORY.scenes) {
      expect(s.caption.vi.length).toBeGreaterThan(10);
      expect(s.caption.en.length).toBeGreaterThan(10);
      expect(s.notes.vi.length).toBeGreaterThan(10);
      for (const f of s.figures) expect(f.source.trim()).not.toBe('');
    }
  });

  it('is a valid saved story and round-trips through the file format', () => {
    const r = readStory(writeStory(BUILTIN_STORY));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.story).toEqual(BUILTIN_STORY);
  });
});

describe('reading saved stories', () => {
  it('names what is wrong and never throws', () => {
    expect(readStory('{oops')).toMatchObject({ ok: false, error: { code: 'json' } });
    expect(readStory('[]')).toMatchObject({ ok: false, error: { code: 'not-story' } });
    expect(readStory(JSON.stringify({ schema: STORY_SCHEMA_VERSION + 1, story: {} }))).toMatchObject({
      ok: false,
      error: { code: 'future-version', version: 2 },
    });
    const bad = JSON.parse(writeStory(BUILTIN_STORY)) as { story: { scenes: { camera: { zoom: number } }[] } };
    bad.story.scenes[2]!.camera.zoom = 99;
    expect(readStory(JSON.stringify(bad))).toMatchObject({ ok: false, error: { code: 'invalid', path: 'scenes.2.camera.zoom' } });
    const script = JSON.parse(writeStory(BUILTIN_STORY)) as { story: { scenes: { id: string }[] } };
    script.story.scenes[0]!.id = '<script>';
    expect(readStory(JSON.stringify(script))).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('presentation keys', () => {
  it('map clicker and keyboard keys to actions', () => {
    expect(['ArrowRight', ' ', 'PageDown', 'Enter'].map((k) => keyAction(k)?.kind)).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((k) => keyAction(k)?.kind)).toEqual(['prev', 'prev']);
    expect(keyAction('Home')?.kind).toBe('first');
    expect(keyAction('End')?.kind).toBe('last');
    expect(keyAction('3')).toEqual({ kind: 'jump', index: 2 });
    expect(keyAction('0')).toEqual({ kind: 'jump', index: 9 });
    expect(['b', 'B', '.'].map((k) => keyAction(k)?.kind)).toEqual(['black', 'black', 'black']);
    expect(keyAction('Escape')?.kind).toBe('leave');
    expect(keyAction('x')).toBeNull();
  });
});

const st = () => store.getState();

describe('editing the story', () => {
  beforeEach(() => {
    store = freshStore();
    store.getState().loadStory(BUILTIN_STORY);
  });

  it('going to a scene applies its camera, edition, layers and analysis', () => {
    store.getState().goToScene(5);
    const s = store.getState();
    expect(s.storyIndex).toBe(5);
    expect(s.analysisOpen).toBe(true);
    expect(s.analysisParams.kind).toBe('gravity');
    expect(s.flyTarget).toMatchObject({ center: BUILTIN_STORY.scenes[5]!.camera.center, pitch: 40 });
    store.getState().goToScene(1);
    expect(store.getState().edition).toBe('2025');
    expect(store.getState().analysisOpen).toBe(false);
  });

  it('captures, edits, reorders, deletes and undoes', () => {
    st().goToScene(2);
    st().captureScene();
    expect(st().story.scenes).toHaveLength(11);
    expect(st().storyIndex).toBe(3);
    st().updateScene(3, { caption: { vi: 'Mới', en: 'New' } });
    expect(st().story.scenes[3]!.caption.en).toBe('New');
    st().moveScene(3, -1);
    expect(st().story.scenes[2]!.caption.en).toBe('New');
    st().deleteScene(2);
    expect(st().story.scenes).toHaveLength(10);
    st().undoStory();
    expect(st().story.scenes[2]!.caption.en).toBe('New');
    st().undoStory();
    st().undoStory();
    expect(st().story.scenes[3]!.caption.vi).toBe('');
    st().undoStory();
    expect(st().story).toEqual(BUILTIN_STORY);
  });
});

describe('the migration path', () => {
  it('runs the migrations from an older version up to the current one before checking', async () => {
    const { MIGRATIONS } = await import('../../src/export/story-file.ts');
    // A hypothetical version 0 that had one-language captions, and its migration.
    MIGRATIONS[0] = (old) => {
      const o = old as { story: { title: string; scenes: (Record<string, unknown> & { caption: string })[] } };
      return {
        schema: 1,
        story: {
          title: { vi: o.story.title, en: o.story.title },
          scenes: o.story.scenes.map((s) => ({ ...s, caption: { vi: s.caption, en: s.caption } })),
        },
      };
    };
    try {
      const v1 = JSON.parse(writeStory(BUILTIN_STORY)) as { story: { scenes: Record<string, unknown>[] } };
      const v0 = { schema: 0, story: { title: 'Cũ', scenes: v1.story.scenes.map((s) => ({ ...s, caption: 'Chú thích cũ' })) } };
      const r = readStory(JSON.stringify(v0));
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.story.title).toEqual({ vi: 'Cũ', en: 'Cũ' });
        expect(r.story.scenes[0]!.caption).toEqual({ vi: 'Chú thích cũ', en: 'Chú thích cũ' });
      }
    } finally {
      delete MIGRATIONS[0];
    }
    // Without a migration for a version, the file is refused, not guessed at.
    expect(readStory(JSON.stringify({ schema: 0, story: {} }))).toMatchObject({ ok: false, error: { code: 'not-story' } });
  });
});

describe('a scene on another screen', () => {
  it('shows the same area: half the size is one zoom level out, a larger screen zooms in, none given keeps the zoom', () => {
    const composed = { width: 1920, height: 1080 };
    expect(sceneZoom(5, composed, { width: 960, height: 540 })).toBeCloseTo(4, 9);
    // The tighter side decides: a tall phone is limited by its width.
    expect(sceneZoom(5, composed, { width: 390, height: 844 })).toBeCloseTo(5 + Math.log2(390 / 1920), 9);
    expect(sceneZoom(5, composed, { width: 3840, height: 2160 })).toBeCloseTo(6, 9);
    expect(sceneZoom(5, undefined, { width: 390, height: 844 })).toBe(5);
    // Within −4 and +2 levels.
    expect(sceneZoom(5, composed, { width: 10, height: 10 })).toBe(1);
    expect(sceneZoom(5, composed, { width: 40000, height: 40000 })).toBe(7);
  });

  it('every built-in scene says the screen it was composed on, and a story file keeps it', () => {
    for (const sc of BUILTIN_STORY.scenes) expect(sc.camera.viewport).toEqual({ width: 1920, height: 1080 });
    const bad = JSON.parse(writeStory(BUILTIN_STORY)) as { story: { scenes: { camera: { viewport: { width: number } } }[] } };
    bad.story.scenes[0]!.camera.viewport.width = 5;
    expect(readStory(JSON.stringify(bad))).toMatchObject({ ok: false, error: { code: 'invalid', path: 'scenes.0.camera.viewport.width' } });
  });
});

/** The bundled layer's features (those `keep` keeps) as one box: west, south, east, north. */
function boxOf(layer: string, keep: (p: Record<string, unknown>) => boolean = () => true): number[] {
  const fc = JSON.parse(readFileSync(`data/geojson/${layer}.geojson`, 'utf8')) as FeatureCollection;
  return bbox({ ...fc, features: fc.features.filter((f) => keep((f.properties ?? {}) as Record<string, unknown>)) });
}
const holds = ([w, s, e, n]: SceneSubject, [bw, bs, be, bn]: number[]): boolean => w <= bw! && s <= bs! && e >= be! && n >= bn!;
const expressways2030 = (p: Record<string, unknown>): boolean => p['horizon'] === '2030' && String(p['id']).startsWith('cao-toc-');
const subjectOf = (id: string): SceneSubject => BUILTIN_STORY.scenes.find((sc) => sc.id === id)!.subject!;

describe("a scene's subject", () => {
  it('each built-in scene has one, and it holds what the scene talks about (from the bundled data)', () => {
    for (const sc of BUILTIN_STORY.scenes) expect(sc.subject, sc.id).toHaveLength(4);
    const region = boxOf('provinces-2022', (p) => p['in_region'] === true);
    // The 14 provinces with Hoàng Sa (Đà Nẵng) and Trường Sa (Khánh Hòa).
    for (const id of ['region', 'editions', 'targets']) expect(holds(subjectOf(id), region), id).toBe(true);
    expect(
      holds(
        subjectOf('editions'),
        boxOf('provinces-2025', (p) => p['in_region'] === true),
      ),
    ).toBe(true);
    // Every North–South line and the coastal road (the expressway is one feature per section).
    expect(
      holds(
        subjectOf('north-south'),
        boxOf('corridors', (p) => p['axis'] === 'north_south' || p['axis'] === 'coastal'),
      ),
    ).toBe(true);
    expect(holds(subjectOf('east-west'), boxOf('border-gates'))).toBe(true);
    expect(holds(subjectOf('ports-zones'), boxOf('seaports'))).toBe(true);
    expect(holds(subjectOf('ports-zones'), boxOf('economic-zones'))).toBe(true);
    // The accessibility grid covers the mainland: every in-region province's polygons west of 110°E.
    const fc = JSON.parse(readFileSync('data/geojson/provinces-2022.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
    const mainland = fc.features
      .filter((f) => f.properties?.['in_region'] === true)
      .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
      .filter((poly) => poly[0]!.every(([x]) => x! < 110))
      .flatMap((poly) => poly[0]!);
    const xs = mainland.map((c) => c[0]!);
    const ys = mainland.map((c) => c[1]!);
    expect(holds(subjectOf('access'), [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)])).toBe(true);
    expect(holds(subjectOf('network-2030'), boxOf('corridors', expressways2030))).toBe(true);
    for (const layer of ['islands', 'baseline-points', 'archipelagos'])
      expect(holds(subjectOf('sea-islands'), boxOf(layer)), layer).toBe(true);
  });

  it('a story file keeps it, and refuses a box turned inside out', () => {
    const r = readStory(writeStory(BUILTIN_STORY));
    expect(r.ok && r.story.scenes[9]!.subject).toEqual(subjectOf('targets'));
    const bad = JSON.parse(writeStory(BUILTIN_STORY)) as { story: { scenes: { subject: number[] }[] } };
    bad.story.scenes[3]!.subject = [110, 10, 105, 20];
    expect(readStory(JSON.stringify(bad))).toMatchObject({ ok: false, error: { code: 'invalid', path: 'scenes.3.subject' } });
  });
});

describe('the part of the screen a caption leaves free', () => {
  it('beside and above a caption at the bottom left, each clear of it by the margin; the whole map without one', () => {
    const size = { width: 1280, height: 720 };
    const card = { left: 32, top: 432, right: 621, bottom: 670 };
    const parts = freeInsets(size, card);
    expect(parts).toHaveLength(2);
    const m = 22; // 3 % of 720
    expect(parts[0]).toEqual({ top: m, right: m, bottom: m, left: 621 + m });
    expect(parts[1]).toEqual({ top: m, right: m, bottom: 720 - 432 + m, left: m });
    // Each part leaves the card outside the free box.
    for (const p of parts) {
      const free = { left: p.left, top: p.top, right: size.width - p.right, bottom: size.height - p.bottom };
      expect(free.left >= card.right || free.bottom <= card.top).toBe(true);
    }
    expect(freeInsets(size, null)).toEqual([{ top: m, right: m, bottom: m, left: m }]);
  });

  it('a caption across the whole width leaves only the part above it; one that fills the screen leaves the whole map', () => {
    const size = { width: 390, height: 844 };
    expect(freeInsets(size, { left: 12, top: 560, right: 378, bottom: 800 })).toEqual([
      { top: 12, right: 12, bottom: 844 - 560 + 12, left: 12 },
    ]);
    expect(freeInsets(size, { left: 0, top: 0, right: 390, bottom: 844 })).toEqual([{ top: 12, right: 12, bottom: 12, left: 12 }]);
  });
});

describe('touch in a presentation', () => {
  it('a mostly sideways swipe steps, a short still touch is a tap, anything else nothing', () => {
    expect(gestureOf(-120, 10, 200)).toBe('next');
    expect(gestureOf(120, -10, 200)).toBe('prev');
    expect(gestureOf(-120, 100, 200)).toBeNull(); // diagonal: a scroll, not a swipe
    expect(gestureOf(-30, 0, 200)).toBeNull(); // too short
    expect(gestureOf(3, 4, 150)).toBe('tap');
    expect(gestureOf(3, 4, 900)).toBeNull(); // a long press
  });
});
