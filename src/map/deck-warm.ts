/**
 * deck.gl made ready while the map is still, after its first idle, so that the first analysis
 * a user runs does not hold the page.
 *
 * What held it (CPU profiles of the benchmark's tour, Chromium with software WebGL): not the
 * programs' link itself (30–50 ms each when the GPU process has nothing else to do) but the
 * page waiting for the GPU process. luma.gl asks the WebGL context things synchronously (the
 * device's limits when deck.gl starts, a program's link status and attributes when a layer's
 * pipeline is made), and each question waits until the GPU process has done all the work
 * queued before it: the map's frames redrawn for the opened panel and the new result, 200–450
 * ms under software rendering.
 *
 * So, once the map is first idle, deck.gl starts and makes ready one empty layer of each kind
 * the analyses use (`warmLayers` in layers/analysis.ts): each step only when the map is still,
 * nothing of deck.gl's is shown or running (an analysis, an imported layer, a scenario: their
 * frames and GPU work would meet the warm-up's) and a fence says the GPU process has finished
 * its queue. The layers start hidden, a kind per step (deck.gl links a layer's program when the
 * layer starts), then are drawn once, a kind per frame, beneath the map's layers (luma.gl makes
 * the pipelines it draws with then: each asks the context about its program, and thirteen in
 * one frame held the page 100–130 ms), then taken away. luma.gl keeps every pipeline it
 * made (deck.gl's device caches them and never destroys them), so a result's layers find
 * theirs made and ask the context nothing. The layers have no data: nothing is drawn, and
 * nothing is hidden or left out.
 */

/** What a warm-up needs of the map (a MapLibre map has all of it). */
export interface WarmMap {
  isMoving(): boolean;
  loaded(): boolean;
  once(type: 'idle' | 'render', listener: () => void): unknown;
  triggerRepaint(): void;
  getCanvas(): HTMLCanvasElement;
}

export interface WarmOptions<L> {
  map: WarmMap;
  /** The layers to make ready, a step each (one layer kind each), hidden or shown (same ids either way). */
  layers: (visible: boolean) => L[][];
  /** Hands deck.gl the warm-up's layers, beside whatever it draws (an empty list ends the warm-up). */
  show: (layers: L[]) => void;
  /** True while the page has work of deck.gl's the warm-up should not meet (an analysis shown or running). */
  busy: () => boolean;
  /** True once the warm-up should stop (the map is gone, a presentation started). */
  stopped: () => boolean;
}

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
const idleTime = (): Promise<void> =>
  new Promise((r) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => r(), { timeout: 2000 }) : setTimeout(r, 50)));

/**
 * Resolves once the GPU process has finished every command given to the map's context so far.
 * A fence's status is read without waiting (WebGL updates it between tasks), so the page is
 * never held; without a WebGL 2 context it resolves at once.
 */
export async function gpuDrained(canvas: HTMLCanvasElement): Promise<void> {
  // The context the map made (getContext returns the existing one; it makes none of another kind).
  const gl = canvas.getContext('webgl2');
  if (!gl) return;
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!sync) return;
  gl.flush();
  try {
    while (gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED && !gl.isContextLost()) await new Promise((r) => setTimeout(r, 16));
  } finally {
    gl.deleteSync(sync);
  }
}

/**
 * Waits until the map is loaded and not moving, the page not busy, the browser idle and the GPU
 * process's queue done; returns at once when stopped.
 */
export async function mapQuiet(map: WarmMap, busy: () => boolean = () => false, stopped: () => boolean = () => false): Promise<void> {
  for (;;) {
    if (stopped()) return;
    if (!map.loaded() || map.isMoving()) {
      await new Promise<void>((r) => map.once('idle', () => r()));
      continue;
    }
    if (busy()) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    await idleTime();
    await gpuDrained(map.getCanvas());
    if (map.loaded() && !map.isMoving() && !busy()) return;
  }
}

/**
 * Runs the warm-up when the map is quiet: first each step's layers, hidden, a step at a time
 * (deck.gl makes a layer's program when the layer starts, in a frame of its own), then each
 * step's layers shown, in a map frame of their own (the pipelines for drawing). Between steps
 * deck.gl holds none of them: a step's layers are taken away two frames after they are given
 * (given again, they find their pipelines made).
 * @returns whether it ran to the end (false when stopped)
 * @example await warmDeck({ map, layers: (v) => warmLayers(id, v), show, busy: () => false, stopped: () => removed })
 */
export async function warmDeck<L>({ map, layers, show, busy, stopped }: WarmOptions<L>): Promise<boolean> {
  const steps = layers(false);
  for (let i = 0; i < steps.length; i++) {
    await mapQuiet(map, busy, stopped);
    if (stopped()) return false;
    show(steps[i]!);
    await nextFrame();
    await nextFrame();
    show([]);
  }
  for (const step of layers(true)) {
    await mapQuiet(map, busy, stopped);
    if (stopped()) return false;
    const drawn = new Promise<void>((r) => map.once('render', () => r()));
    show(step);
    map.triggerRepaint();
    await drawn;
    await nextFrame();
    show([]);
  }
  return true;
}
