/**
 * Saved state that survives: a story in the browser's storage that is corrupted, cut short or
 * written by a newer version gets a message; the app goes on with the built-in story; the old
 * value is set aside under its own key and never overwritten, not even when storage is full.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORY_KEY, startStoryPersistence } from '../../src/app/story-persistence.ts';
import { writeStory } from '../../src/export/story-file.ts';
import { BUILTIN_STORY } from '../../src/presentation/builtin-story.ts';
import { createAppStore, NO_SERVICES, type AppStore } from '../../src/state/store.ts';

/** A store of its own for each test (the built-in story as its fallback). */
const freshStore = (): AppStore => {
  const store = createAppStore(NO_SERVICES);
  store.getState().setBuiltinStory(BUILTIN_STORY);
  return store;
};
let store: AppStore = freshStore();

/** Local storage in memory; `full` makes every write fail as a full quota does. */
function memoryStorage(init: Record<string, string> = {}): Storage & { full: boolean; data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  const s = {
    data,
    full: false,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (s.full) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, String(v));
    },
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
  return s;
}

const NOW = new Date('2026-12-01T10:00:00Z');
const good = writeStory(BUILTIN_STORY);
const CASES = {
  corrupted: { raw: '{"schema": 1, "story": {"title": [[[', reason: 'Story.reason.json' },
  truncated: { raw: good.slice(0, Math.floor(good.length / 2)), reason: 'Story.reason.json' },
  'newer version': { raw: JSON.stringify({ schema: 99, story: {} }), reason: 'Story.reason.future-version' },
  'not a story': { raw: JSON.stringify({ hello: 'world' }), reason: 'Story.reason.not-story' },
  'invalid field': { raw: good.replace('"zoom": 5', '"zoom": "far"'), reason: 'Story.reason.invalid' },
} as const;

const noop = (): void => undefined;

describe('a saved story that cannot be read', () => {
  let stop: () => void = noop;
  beforeEach(() => {
    store = freshStore();
    vi.useFakeTimers();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  for (const [name, c] of Object.entries(CASES))
    it(`${name}: a message, the built-in story, and the old value set aside and kept after edits`, () => {
      const storage = memoryStorage({ [STORY_KEY]: c.raw });
      stop = startStoryPersistence(store, storage, () => NOW);
      const s = store.getState();
      expect(s.story).toEqual(BUILTIN_STORY);
      expect(s.notice?.key).toBe('Story.Unreadable');
      expect(s.notice?.details?.[0]?.key).toBe(c.reason);
      const aside = `${STORY_KEY}.unreadable.${NOW.toISOString()}`;
      expect(s.notice?.vars['key']).toBe(aside);
      expect(storage.getItem(aside)).toBe(c.raw);
      // The app stays usable: an edit is saved, and the copy set aside is untouched.
      s.updateScene(0, { caption: { vi: 'Mới', en: 'New' } });
      vi.advanceTimersByTime(500);
      expect(JSON.parse(storage.getItem(STORY_KEY)!).story.scenes[0].caption.vi).toBe('Mới');
      expect(storage.getItem(aside)).toBe(c.raw);
    });

  it('a second unreadable story set aside at the same moment does not overwrite the first', () => {
    const aside = `${STORY_KEY}.unreadable.${NOW.toISOString()}`;
    const storage = memoryStorage({ [STORY_KEY]: 'broken', [aside]: 'the first one' });
    stop = startStoryPersistence(store, storage, () => NOW);
    expect(storage.getItem(aside)).toBe('the first one');
    expect(storage.getItem(`${aside}.2`)).toBe('broken');
  });

  it('storage full: the unreadable story stays where it was, and nothing is saved over it', () => {
    const storage = memoryStorage({ [STORY_KEY]: 'broken' });
    storage.full = true;
    stop = startStoryPersistence(store, storage, () => NOW);
    expect(store.getState().notice?.key).toBe('Story.UnreadableKept');
    storage.full = false;
    store.getState().updateScene(0, { caption: { vi: 'Mới', en: 'New' } });
    vi.advanceTimersByTime(500);
    expect(storage.getItem(STORY_KEY)).toBe('broken');
    expect(store.getState().story.scenes[0]!.caption.vi).toBe('Mới');
  });

  it('a readable story loads without a message, and no storage at all still leaves the app usable', () => {
    const storage = memoryStorage({ [STORY_KEY]: good });
    stop = startStoryPersistence(store, storage, () => NOW);
    expect(store.getState().notice).toBeNull();
    expect(store.getState().story).toEqual(BUILTIN_STORY);
    stop();
    store = freshStore();
    stop = startStoryPersistence(store, null, () => NOW);
    expect(store.getState().story.scenes).toHaveLength(10);
  });
});
