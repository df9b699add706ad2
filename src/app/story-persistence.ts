/**
 * Keeps the story across reloads in the browser's storage, in the saved-story format
 * (schema version, migrations). A saved story that cannot be read (corrupted, cut short, or
 * written by a newer version) is set aside under its own key, never deleted or overwritten,
 * with a message; the built-in story is used. If it cannot even be set aside (storage full),
 * the story is not saved in the browser at all until the page is reloaded, so the unreadable
 * one stays where it is.
 */
import { readStory, writeStory } from '../export/story-file.ts';
import type { AppStore } from '../state/store.ts';
import { BUILTIN_STORY } from '../presentation/builtin-story.ts';

export { BUILTIN_STORY };

export const STORY_KEY = 'ntcc.story';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A key under which nothing is stored yet, for a copy set aside now. */
function asideKey(store: Storage, now: Date): string {
  const base = `${STORY_KEY}.unreadable.${now.toISOString()}`;
  let key = base;
  for (let n = 2; store.getItem(key) !== null; n++) key = `${base}.${n}`;
  return key;
}

/**
 * Loads the saved story (or the built-in one) into the app's store and saves every change.
 * @param app - the app's store
 * @param store - where the story is kept (the browser's local storage by default)
 * @returns a function that stops saving
 */
export function startStoryPersistence(
  app: AppStore,
  store: Storage | null = browserStorage(),
  now: () => Date = () => new Date(),
): () => void {
  const st = app.getState();
  let canSave = store !== null;
  let raw: string | null = null;
  try {
    raw = store?.getItem(STORY_KEY) ?? null;
  } catch {
    canSave = false;
  }
  if (raw === null) st.loadStory(BUILTIN_STORY);
  else {
    const r = readStory(raw);
    if (r.ok) st.loadStory(r.story);
    else {
      let aside: string | null = null;
      try {
        aside = asideKey(store!, now());
        store!.setItem(aside, raw);
        store!.removeItem(STORY_KEY);
      } catch {
        // Storage full: the unreadable copy stays under its own key, and nothing overwrites it.
        aside = null;
        canSave = false;
      }
      st.loadStory(BUILTIN_STORY);
      const e = r.error;
      st.setNotice({
        key: aside ? 'Story.Unreadable' : 'Story.UnreadableKept',
        vars: { reason: '', key: aside ?? STORY_KEY },
        details: [
          {
            key: `Story.reason.${e.code}` as const,
            vars: e.code === 'future-version' ? { version: e.version } : e.code === 'invalid' ? { path: e.path } : {},
          },
        ],
        tone: 'error',
      });
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsub = app.subscribe((s, prev) => {
    if (s.story === prev.story || !canSave) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        store?.setItem(STORY_KEY, writeStory(app.getState().story));
      } catch {
        /* storage full or disabled: the story lives on in this tab and can be saved to a file */
      }
    }, 200);
  });
  return () => {
    clearTimeout(timer);
    unsub();
  };
}
