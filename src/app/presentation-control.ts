/**
 * Playing the story in the audience window: keys and clicker, full screen, autoplay, the
 * presenter window (kept in step over a BroadcastChannel), and the `story=N` deep link.
 */
import type { AppStore } from '../state/store.ts';
import { startPresentationKeys } from '../presentation/keys.ts';
import { startPresentationSync } from '../presentation/sync.ts';

/** Starts presenting from scene `from` (0-based), full screen where the browser allows it. */
export function present(store: AppStore, from: number): void {
  const el = document.documentElement;
  if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => undefined);
  store.getState().startPresentation(from);
}

/**
 * The toolbar's Present button: the story (the user's, else the built-in one) from scene 1,
 * full screen, with the keys live at once (the button gives up the focus, so Space steps
 * the story instead of pressing the button again).
 */
export function presentStory(store: AppStore): void {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  store.getState().setStoryOpen(false);
  present(store, 0);
}

/** Leaves the presentation (and full screen). */
export function leave(store: AppStore): void {
  store.getState().stopPresentation();
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

/** Opens the presenter window (or brings it to the front). */
export function openPresenter(): void {
  window.open(`${window.location.pathname}#presenter`, 'ntcc-presenter', 'popup,width=1100,height=760');
}

/** Leaving full screen (Esc handled by the browser) leaves the presentation too. */
function onFullscreen(store: AppStore): void {
  if (!document.fullscreenElement && store.getState().presenting) store.getState().stopPresentation();
}

/**
 * Wires everything up in the audience window; returns a function that undoes it.
 * `onBeforeFirst` answers ← on the first scene (the offline file's title card).
 */
export function startPresentationControl(store: AppStore, opts: { onBeforeFirst?: () => void } = {}): () => void {
  const stopSync = startPresentationSync(store, 'audience');
  const stopKeys = startPresentationKeys(
    store,
    () => store.getState().presenting,
    () => leave(store),
    opts,
  );
  const fullscreen = (): void => onFullscreen(store);
  document.addEventListener('fullscreenchange', fullscreen);
  let timer: number | undefined;
  const unsub = store.subscribe((s, prev) => {
    if (s.presenting !== prev.presenting || s.autoplay !== prev.autoplay || s.storyIndex !== prev.storyIndex) {
      window.clearTimeout(timer);
      if (s.presenting && s.autoplay.on)
        timer = window.setTimeout(() => {
          const st = store.getState();
          if (st.storyIndex < st.story.scenes.length - 1) st.nextScene();
          else st.setAutoplay({ on: false });
        }, s.autoplay.seconds * 1000);
    }
    // The address asked to present a scene: start once the map is ready.
    if (s.mapReady && !prev.mapReady) {
      const n = s.takeAskedScene();
      if (n) s.startPresentation(n - 1);
    }
  });
  return () => {
    stopSync();
    stopKeys();
    unsub();
    window.clearTimeout(timer);
    document.removeEventListener('fullscreenchange', fullscreen);
  };
}

/** The presenter window: keys drive it too, and it follows the audience window. */
export function startPresenterControl(store: AppStore): () => void {
  const stopSync = startPresentationSync(store, 'presenter');
  const stopKeys = startPresentationKeys(
    store,
    () => true,
    () => undefined,
  );
  return () => {
    stopSync();
    stopKeys();
  };
}
