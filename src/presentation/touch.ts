/**
 * Touch for playing a story: a swipe to the left steps to the next scene, to the right to
 * the previous one; a tap shows the controls. Only while `active()` says so; the map
 * beneath does not pan meanwhile (the audience window turns its drag-pan off).
 */
import type { AppStore } from '../state/store.ts';

/** How far (px) a finger must travel sideways, mostly sideways, to count as a swipe. */
export const SWIPE_PX = 50;
/** A touch that moves less than this (px) and lifts within TAP_MS is a tap. */
const TAP_PX = 12;
const TAP_MS = 400;

/** What a touch did: a swipe to the next or previous scene, a tap, or nothing. */
export function gestureOf(dx: number, dy: number, ms: number): 'next' | 'prev' | 'tap' | null {
  if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) return dx < 0 ? 'next' : 'prev';
  if (Math.abs(dx) < TAP_PX && Math.abs(dy) < TAP_PX && ms < TAP_MS) return 'tap';
  return null;
}

/**
 * Listens for swipes and taps while `active()`.
 * @returns a function that stops listening
 */
export function startPresentationTouch(store: AppStore, active: () => boolean, onTap: () => void): () => void {
  let start: { x: number; y: number; t: number } | null = null;
  const down = (e: TouchEvent): void => {
    const p = e.touches[0];
    start = active() && e.touches.length === 1 && p ? { x: p.clientX, y: p.clientY, t: e.timeStamp } : null;
  };
  const up = (e: TouchEvent): void => {
    const p = e.changedTouches[0];
    if (!start || !p || !active()) return;
    // A tap on a control (the controls bar's buttons) is the control's own business.
    const onControl = (e.target as Element | null)?.closest?.('button, a, input, select, textarea');
    const g = gestureOf(p.clientX - start.x, p.clientY - start.y, e.timeStamp - start.t);
    start = null;
    const s = store.getState();
    if (g === 'next' && s.storyIndex < s.story.scenes.length - 1) s.nextScene();
    else if (g === 'prev' && s.storyIndex > 0) s.prevScene();
    else if (g === 'tap' && !onControl) onTap();
  };
  window.addEventListener('touchstart', down, { passive: true });
  window.addEventListener('touchend', up, { passive: true });
  return () => {
    window.removeEventListener('touchstart', down);
    window.removeEventListener('touchend', up);
  };
}
