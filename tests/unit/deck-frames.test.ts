/**
 * The frame provider that lets deck.gl's animation loop wait between changes
 * (src/map/deck-frames.ts), driven the way luma.gl's AnimationLoop drives it: each frame's
 * callback asks for the next frame.
 */
import { describe, expect, it } from 'vitest';
import { onDemandFrames, type AnimationFrameProvider } from '../../src/map/deck-frames.ts';

/** A fake display: `tick()` runs the callbacks asked for before it, like one refresh. */
function fakeDisplay() {
  let next = 1;
  let queue = new Map<number, FrameRequestCallback>();
  const raf: AnimationFrameProvider = {
    requestAnimationFrame: (cb) => {
      queue.set(next, cb);
      return next++;
    },
    cancelAnimationFrame: (id) => void queue.delete(id),
  };
  const tick = (): number => {
    const due = queue;
    queue = new Map();
    for (const cb of due.values()) cb(0);
    return due.size;
  };
  return { raf, tick, pending: () => queue.size };
}

/** A loop like luma.gl's: every frame counts itself and asks for the next one. */
function startLoop(provider: AnimationFrameProvider) {
  const loop = { frames: 0, id: null as number | null };
  const frame = (): void => {
    loop.frames++;
    loop.id = provider.requestAnimationFrame(frame);
  };
  loop.id = provider.requestAnimationFrame(frame);
  return loop;
}

describe('deck.gl frames on demand', () => {
  it('runs the loop for the frames it was given, then parks it', () => {
    const d = fakeDisplay();
    const f = onDemandFrames(3, d.raf);
    const loop = startLoop(f.provider);
    for (let i = 0; i < 10; i++) d.tick();
    // The first request and the two that followed used the budget; the fourth is parked.
    expect(loop.frames).toBe(3);
    expect(f.parked).toBe(true);
    expect(d.pending()).toBe(0);
  });

  it('resumes the parked loop on wake, for as many frames as asked', () => {
    const d = fakeDisplay();
    const f = onDemandFrames(3, d.raf);
    const loop = startLoop(f.provider);
    for (let i = 0; i < 10; i++) d.tick();
    f.wake(5);
    expect(f.parked).toBe(false);
    for (let i = 0; i < 20; i++) d.tick();
    expect(loop.frames).toBe(3 + 5);
    expect(f.parked).toBe(true);
  });

  it('a wake while the loop runs extends its budget and never starts a second loop', () => {
    const d = fakeDisplay();
    const f = onDemandFrames(2, d.raf);
    const loop = startLoop(f.provider);
    d.tick();
    f.wake(4);
    f.wake(1); // a smaller wake does not shorten the budget
    for (let i = 0; i < 20; i++) {
      expect(d.pending()).toBeLessThanOrEqual(1);
      d.tick();
    }
    // The frame already asked for, then the four of the wake.
    expect(loop.frames).toBe(1 + 1 + 4);
  });

  it('cancelling a parked request drops it: a later wake runs nothing', () => {
    const d = fakeDisplay();
    const f = onDemandFrames(1, d.raf);
    const loop = startLoop(f.provider);
    d.tick();
    expect(f.parked).toBe(true);
    f.provider.cancelAnimationFrame(loop.id ?? 0);
    expect(f.parked).toBe(false);
    f.wake();
    for (let i = 0; i < 5; i++) d.tick();
    expect(loop.frames).toBe(1);
  });

  it('cancelling a pending browser frame reaches the browser', () => {
    const d = fakeDisplay();
    const f = onDemandFrames(3, d.raf);
    const loop = startLoop(f.provider);
    f.provider.cancelAnimationFrame(loop.id ?? 0);
    expect(d.tick()).toBe(0);
    expect(loop.frames).toBe(0);
  });
});
