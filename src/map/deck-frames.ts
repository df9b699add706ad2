/**
 * Animation frames for deck.gl's loop, given only when there is something to do.
 *
 * deck.gl's animation loop asks the browser for a frame at every display refresh, even when
 * nothing changes (visgl/deck.gl#6961, #9084). On this app's idle map that cost about 7 % of
 * a CPU core in the page and 2 % in the GPU process (Chromium, software WebGL), for nothing:
 * interleaved with MapLibre, deck.gl's layers are drawn inside MapLibre's own frames. Its
 * loop only has to notice a change (new layers, a resized canvas) and ask MapLibre to repaint.
 *
 * So the loop gets a few frames after each change the app makes and after each frame MapLibre
 * draws, then waits, parked, until the next one. luma.gl's `AnimationLoop` takes this through
 * its `animationFrameProvider` prop, which deck.gl passes on from its own props.
 */

/** What luma.gl's AnimationLoop calls instead of `window.requestAnimationFrame`. */
export interface AnimationFrameProvider {
  requestAnimationFrame: (cb: FrameRequestCallback) => number;
  cancelAnimationFrame: (id: number) => void;
}

/** The id a parked request gets: the browser's ids are positive. */
const PARKED = -1;

export interface OnDemandFrames {
  provider: AnimationFrameProvider;
  /** Lets the loop run for `frames` more frames (at least), resuming it if parked. */
  wake: (frames?: number) => void;
  /** True while the loop waits for `wake`. */
  readonly parked: boolean;
}

/**
 * A frame provider that gives the loop `frames` frames after each `wake`, then parks its
 * next request until the following `wake`.
 */
export function onDemandFrames(frames = 3, raf: AnimationFrameProvider = window): OnDemandFrames {
  let budget = frames;
  let parked: FrameRequestCallback | null = null;
  return {
    provider: {
      requestAnimationFrame: (cb) => {
        if (budget <= 0) {
          parked = cb;
          return PARKED;
        }
        budget--;
        return raf.requestAnimationFrame(cb);
      },
      cancelAnimationFrame: (id) => {
        if (id === PARKED) parked = null;
        else raf.cancelAnimationFrame(id);
      },
    },
    wake: (n = frames) => {
      budget = Math.max(budget, n);
      if (!parked) return;
      const cb = parked;
      parked = null;
      budget--;
      raf.requestAnimationFrame(cb);
    },
    get parked() {
      return parked !== null;
    },
  };
}
