/**
 * The warm-up's order and its manners (src/map/deck-warm.ts), on a fake map: each step's layers
 * start hidden, a step at a time, then each step is drawn once; each is taken away after its frames;
 * nothing starts while the map moves or the page is busy; a stop ends it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { warmDeck, type WarmMap } from '../../src/map/deck-warm.ts';

/** A map that is loaded and still unless told otherwise; `fire` sends its events. */
function fakeMap(state = { moving: false, loaded: true }) {
  const listeners: Record<string, (() => void)[]> = { idle: [], render: [] };
  const map: WarmMap & { fire: (t: 'idle' | 'render') => void; repaints: number } = {
    repaints: 0,
    isMoving: () => state.moving,
    loaded: () => state.loaded,
    once: (type, listener) => listeners[type]!.push(listener),
    triggerRepaint: () => {
      map.repaints++;
      // The next frame draws what was shown.
      setTimeout(() => map.fire('render'), 0);
    },
    // No WebGL here: the GPU process's queue counts as done.
    getCanvas: () => ({ getContext: () => null }) as unknown as HTMLCanvasElement,
    fire: (t) => {
      const l = listeners[t]!.splice(0);
      for (const f of l) f();
    },
  };
  return { map, state };
}

const layers = (visible: boolean): string[][] => [[`a${visible ? '+' : '-'}`], [`b${visible ? '+' : '-'}`], [`c${visible ? '+' : '-'}`]];

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0));
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => setTimeout(cb, 0));
});
afterEach(() => vi.unstubAllGlobals());

describe('warmDeck', () => {
  it('starts the layers hidden a step at a time, then draws each step once, taking each away after its frames', async () => {
    const { map } = fakeMap();
    const shown: string[][] = [];
    const done = await warmDeck({ map, layers, show: (l) => shown.push(l), busy: () => false, stopped: () => false });
    expect(done).toBe(true);
    expect(shown).toEqual([['a-'], [], ['b-'], [], ['c-'], [], ['a+'], [], ['b+'], [], ['c+'], []]);
    // Only the drawing steps ask the map for a frame, one each.
    expect(map.repaints).toBe(3);
  });

  it('waits while the map moves and while the page is busy', async () => {
    const { map, state } = fakeMap({ moving: true, loaded: true });
    let busy = true;
    const shown: string[][] = [];
    const run = warmDeck({ map, layers, show: (l) => shown.push(l), busy: () => busy, stopped: () => false });
    await new Promise((r) => setTimeout(r, 30));
    expect(shown).toEqual([]);
    state.moving = false;
    map.fire('idle');
    await new Promise((r) => setTimeout(r, 30));
    // Still, but busy (an analysis shown): nothing yet.
    expect(shown).toEqual([]);
    busy = false;
    expect(await run).toBe(true);
    expect(shown.at(-1)).toEqual([]);
    expect(shown).toHaveLength(12);
  });

  it('stops between steps when told, taking its layers away', async () => {
    const { map } = fakeMap();
    const shown: string[][] = [];
    const done = await warmDeck({ map, layers, show: (l) => shown.push(l), busy: () => false, stopped: () => shown.length >= 3 });
    expect(done).toBe(false);
    // Stopped after its second step's layers were given: they were taken away, and no more came.
    expect(shown).toEqual([['a-'], [], ['b-'], []]);
  });
});
