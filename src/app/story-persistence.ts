/**
 * Keeps the story across reloads in the browser's storage, in the saved-story format
 * (schema version, migrations). A saved story that cannot be read is set aside under its
 * own key (never deleted) with a message, and the built-in story is used.
 */

import { readStory, writeStory } from '../export/story-file.ts';
import { registerBuiltinStory, useAppStore } from '../state/store.ts';
import { BUILTIN_STORY } from '../presentation/builtin-story.ts';

export const STORY_KEY = 'ntcc.story';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Loads the saved story (or the built-in one) and saves every change; returns a function that stops saving. */
export function startStoryPersistence(): () => void {
  registerBuiltinStory(BUILTIN_STORY);
  const st = useAppStore.getState();
  const store = storage();
  const raw = store?.getItem(STORY_KEY) ?? null;
  if (raw === null) st.loadStory(BUILTIN_STORY);
  else {
    const r = readStory(raw);
    if (r.ok) st.loadStory(r.story);
    else {
      const aside = `${STORY_KEY}.unreadable.${new Date().toISOString()}`;
      try {
        store?.setItem(aside, raw);
        store?.removeItem(STORY_KEY);
      } catch {
        /* storage full: the unreadable copy stays where it was */
      }
      st.loadStory(BUILTIN_STORY);
      const e = r.error;
      st.setNotice({
        key: 'Story.Unreadable',
        vars: { reason: '', key: aside },
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
  let timer: number | undefined;
  const unsub = useAppStore.subscribe((s, prev) => {
    if (s.story === prev.story) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      try {
        storage()?.setItem(STORY_KEY, writeStory(useAppStore.getState().story));
      } catch {
        /* storage full or disabled: the story lives on in this tab and can be saved to a file */
      }
    }, 200);
  });
  return () => {
    window.clearTimeout(timer);
    unsub();
  };
}
