/**
 * Playing the story in the audience window: keys and clicker, full screen, autoplay, the
 * presenter window (kept in step over a BroadcastChannel), and the `story=N` deep link.
 */
import { useAppStore } from '../state/store.ts';
import { startPresentationKeys } from '../presentation/keys.ts';
import { startPresentationSync } from '../presentation/sync.ts';
import { takePendingStoryScene } from './hash-sync.ts';

/** Starts presenting from scene `from` (0-based), full screen where the browser allows it. */
export function present(from: number): void {
  const el = document.documentElement;
  if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => undefined);
  useAppStore.getState().startPresentation(from);
}

/**
 * The toolbar's Present button: the story (the user's, else the built-in one) from scene 1,
 * full screen, with the keys live at once (the button gives up the focus, so Space steps
 * the story instead of pressing the button again).
 */
export function presentStory(): void {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  useAppStore.getState().setStoryOpen(false);
  present(0);
}

/** Leaves the presentation (and full screen). */
export function leave(): void {
  useAppStore.getState().stopPresentation();
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/** Opens the presenter window (or brings it to the front). */
export function openPresenter(): void {
  window.open(`${window.location.pathname}#presenter`, 'ntcc-presenter', 'popup,width=1100,height=760');
}

/** Leaving full screen (Esc handled by the browser) leaves the presentation too. */
function onFullscreen(): void {
  if (!document.fullscreenElement && useAppStore.getState().presenting) useAppStore.getState().stopPresentation();
}

/** Wires everything up in the audience window; returns a function that undoes it. */
export function startPresentationControl(): () => void {
  const stopSync = startPresentationSync('audience');
  const stopKeys = startPresentationKeys(() => useAppStore.getState().presenting, leave);
  document.addEventListener('fullscreenchange', onFullscreen);
  let timer: number | undefined;
  const unsub = useAppStore.subscribe((s, prev) => {
    if (s.presenting !== prev.presenting || s.autoplay !== prev.autoplay || s.storyIndex !== prev.storyIndex) {
      window.clearTimeout(timer);
      if (s.presenting && s.autoplay.on)
        timer = window.setTimeout(() => {
          const st = useAppStore.getState();
          if (st.storyIndex < st.story.scenes.length - 1) st.nextScene();
          else st.setAutoplay({ on: false });
        }, s.autoplay.seconds * 1000);
    }
    // The address asked to present a scene: start once the map is ready.
    if (s.mapReady && !prev.mapReady) {
      const n = takePendingStoryScene();
      if (n) s.startPresentation(n - 1);
    }
  });
  return () => {
    stopSync();
    stopKeys();
    unsub();
    window.clearTimeout(timer);
    document.removeEventListener('fullscreenchange', onFullscreen);
  };
}

/** The presenter window: keys drive it too, and it follows the audience window. */
export function startPresenterControl(): () => void {
  const stopSync = startPresentationSync('presenter');
  const stopKeys = startPresentationKeys(
    () => true,
    () => undefined,
  );
  return () => {
    stopSync();
    stopKeys();
  };
}
