/**
 * Keys for playing a story (what presentation clickers send): → Space PageDown next,
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
 * Listens for the keys while `active()` says so (the audience window while presenting, or
 * the presenter window). Typing in a field is left alone.
 * @returns a function that stops listening
 */
export function startPresentationKeys(store: AppStore, active: () => boolean, onLeave: () => void): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (!active() || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
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
