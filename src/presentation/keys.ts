/**
 * Keys for playing a story (what presentation clickers send): → Space PageDown Enter next,
 * ← PageUp previous, Home End, 1–9 and 0 to jump, B or . to black the screen, Esc to leave.
 */
import type { AppStore } from '../state/store.ts';

/** What a key does, or null when it does nothing. */
export function keyAction(
  key: string,
): { kind: 'next' | 'prev' | 'first' | 'last' | 'black' | 'leave' } | { kind: 'jump'; index: number } | null {
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
    case 'Enter':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
      return { kind: 'prev' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'black' };
    case 'Escape':
      return { kind: 'leave' };
  }
  if (/^[0-9]$/.test(key)) return { kind: 'jump', index: key === '0' ? 9 : Number(key) - 1 };
  return null;
}

/**
 * A key the story leaves alone: with a modifier, typed in a field, or Enter on a button or
 * link (which the control itself answers).
 */
function ignored(e: KeyboardEvent): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return true;
  const target = e.target as HTMLElement | null;
  if (!target || !target.tagName) return false;
  if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return true;
  return e.key === 'Enter' && /^(BUTTON|A|SUMMARY)$/.test(target.tagName);
}

/**
 * Listens for the keys while `active()` says so (the audience window while presenting, or
 * the presenter window). Typing in a field is left alone. `onBeforeFirst` answers ← on the
 * first scene (the offline file goes back to its title card).
 * @returns a function that stops listening
 */
export function startPresentationKeys(
  store: AppStore,
  active: () => boolean,
  onLeave: () => void,
  opts: { onBeforeFirst?: () => void } = {},
): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (!active() || ignored(e)) return;
    const a = keyAction(e.key);
    if (!a) return;
    e.preventDefault();
    const s = store.getState();
    const last = s.story.scenes.length - 1;
    switch (a.kind) {
      case 'next':
        if (s.storyIndex < last) s.nextScene();
        break;
      case 'prev':
        if (s.storyIndex > 0) s.prevScene();
        else opts.onBeforeFirst?.();
        break;
      case 'first':
        s.goToScene(0);
        break;
      case 'last':
        s.goToScene(last);
        break;
      case 'jump':
        if (a.index <= last) s.goToScene(a.index);
        break;
      case 'black':
        s.setBlackout(!s.blackout);
        break;
      case 'leave':
        onLeave();
        break;
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

/**
 * Keys on a title card before the story starts (the offline file): what starts the story
 * (→ Space PageDown Enter, Home, a scene's number) calls `start` with the scene to start from;
 * B or . blacks the screen out and back. Only while `active()` says so.
 * @returns a function that stops listening
 */
export function startTitleCardKeys(store: AppStore, active: () => boolean, start: (from: number) => void): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (!active() || ignored(e)) return;
    const a = keyAction(e.key);
    if (!a) return;
    const s = store.getState();
    const last = s.story.scenes.length - 1;
    if (a.kind === 'black') s.setBlackout(!s.blackout);
    else if (a.kind === 'next') start(s.storyIndex);
    else if (a.kind === 'first') start(0);
    else if (a.kind === 'jump' && a.index <= last) start(a.index);
    else return;
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
