/**
 * The installed app's service worker (built by vite-plugin-pwa, see vite.config.ts): registered
 * once the map has first drawn and the page is idle, so that precaching never competes with the
 * opening view. The first one takes the open page at once (the page is offline-ready after one
 * visit). A new version waits until the user asks for it in this window (the prompt, which never
 * shows while presenting); this window then reloads on it. Another window that sees the new
 * version take over (the user said yes elsewhere) only offers the reload, so a presentation
 * running there is never reloaded under the speaker. The offline presentation file has none.
 */
import { registerSW } from 'virtual:pwa-register';
import type { AppStore } from '../state/store.ts';

/** What the page can ask of its service worker. */
export interface ServiceWorkerControl {
  /** Takes the new version: the waiting service worker takes over and the page reloads on it (at once, when it already has). */
  reloadForUpdate: () => void;
}

/**
 * Registers the service worker after the map's first idle (a built app on a secure origin only:
 * `npm start` has none).
 * @returns what the page's update prompt calls
 */
export function startServiceWorker(store: AppStore): ServiceWorkerControl {
  let update: ((reloadPage?: boolean) => Promise<void>) | null = null;
  // The user asked for the new version in this window.
  let asked = false;
  // A new version has taken this page over since it loaded (its code is the old one's).
  let replaced = false;
  const control: ServiceWorkerControl = {
    reloadForUpdate: () => {
      asked = true;
      if (replaced) window.location.reload();
      else void update?.(true);
    },
  };
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return control;
  const register = (): void => {
    // The first service worker taking the page is not a new version; any later change of hands is.
    let controlled = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (!controlled) {
        controlled = true;
        return;
      }
      replaced = true;
      if (asked) window.location.reload();
      else store.getState().setUpdateReady(true);
    });
    update = registerSW({
      immediate: true,
      onNeedRefresh: () => store.getState().setUpdateReady(true),
      // The reload is decided above, not by the library (which would reload a window that did not ask).
      onNeedReload: () => undefined,
    });
  };
  const later = (): void => {
    // (Safari has no requestIdleCallback.)
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(register, { timeout: 5000 });
    else setTimeout(register, 1000);
  };
  if (store.getState().mapReady) later();
  else {
    const stop = store.subscribe((s) => {
      if (!s.mapReady) return;
      stop();
      later();
    });
  }
  return control;
}
