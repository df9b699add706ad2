/**
 * Keeps the audience window and the presenter window in step over a BroadcastChannel:
 * whichever window is driven announces the scene (and the black screen); the other
 * follows without echoing. The presenter window asks for the story when it opens.
 */
import type { Story } from '../core/story.ts';
import type { AppStore } from '../state/store.ts';

export const CHANNEL = 'ntcc-presentation';

type Message =
  | { type: 'goto'; index: number; blackout: boolean }
  | { type: 'hello' }
  | { type: 'state'; story: Story; index: number; blackout: boolean; started: number | null }
  | { type: 'autoplay'; on: boolean; seconds: number };

/**
 * Starts syncing. `role` says which window this is: the audience window applies scenes to
 * its map; the presenter window only follows the index.
 * @returns a function that stops syncing
 */
export function startPresentationSync(store: AppStore, role: 'audience' | 'presenter'): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  let remote = false;
  // A BroadcastChannel only reaches this origin's windows: there is no target origin to give.
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  const post = (m: Message): void => ch.postMessage(m);
  ch.addEventListener('message', (e: MessageEvent<Message>) => {
    const m = e.data;
    const s = store.getState();
    remote = true;
    try {
      if (m.type === 'goto') {
        if (m.index !== s.storyIndex) {
          if (role === 'audience') {
            if (!s.presenting) s.startPresentation(m.index);
            else s.goToScene(m.index);
          } else store.setState({ storyIndex: m.index });
        }
        if (m.blackout !== store.getState().blackout) s.setBlackout(m.blackout);
      } else if (m.type === 'autoplay') {
        s.setAutoplay({ on: m.on, seconds: m.seconds });
      } else if (m.type === 'hello' && role === 'audience') {
        post({ type: 'state', story: s.story, index: s.storyIndex, blackout: s.blackout, started: s.presentStarted });
      } else if (m.type === 'state' && role === 'presenter') {
        store.setState({ story: m.story, storyIndex: m.index, blackout: m.blackout, presentStarted: m.started ?? Date.now() });
      }
    } finally {
      remote = false;
    }
  });
  const unsub = store.subscribe((s, prev) => {
    if (remote) return;
    if (s.storyIndex !== prev.storyIndex || s.blackout !== prev.blackout) post({ type: 'goto', index: s.storyIndex, blackout: s.blackout });
    if (s.autoplay !== prev.autoplay) post({ type: 'autoplay', on: s.autoplay.on, seconds: s.autoplay.seconds });
  });
  if (role === 'presenter') post({ type: 'hello' });
  return () => {
    unsub();
    ch.close();
  };
}
