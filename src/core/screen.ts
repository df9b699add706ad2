/**
 * The screen class the code answers to (the same width as the media queries in app.css): up
 * to COMPACT_QUERY the toolbar folds into a menu and the legend to its title. (Up to 900 px
 * the layer and analysis panels also become a bottom sheet: CSS alone does that.)
 */
export const COMPACT_QUERY = '(max-width: 1180px)';

/**
 * Room (CSS px) kept free on each side of the opening view for what floats over the map:
 * on a wide screen the info hint and the open legend down the left (330 px wide at 10 px
 * from the edge); on a compact one only the folded legend along the top.
 */
export function openingPadding(compact: boolean): { top: number; bottom: number; left: number; right: number } {
  return compact ? { top: 52, bottom: 12, left: 12, right: 12 } : { top: 12, bottom: 12, left: 352, right: 16 };
}

/**
 * How many CSS px at the right of a box on screen (the map's) the analysis panel lies over: on
 * a wide screen the panel, wider than the layer panel, lies over the map's right edge (app.css);
 * 0 when it is closed or, on a narrow screen, a sheet of its own. Reads the page's layout: call
 * it in a browser only.
 */
export function panelOverMap(box: { right: number; width: number }): number {
  const panel = document.querySelector('.side-right.wide > .panel');
  if (!panel || getComputedStyle(panel).position !== 'absolute') return 0;
  return Math.min(box.width, Math.max(0, box.right - panel.getBoundingClientRect().left));
}

/** A box on the map, CSS px from the map's top left corner. */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Room kept free on each side of the map (CSS px), as MapLibre's `padding`. */
export interface Inset {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The room kept between a scene's subject and the map's edge or the caption: 3 % of the map's shorter side, at least 8 px. */
export function frameMargin(size: { width: number; height: number }): number {
  return Math.round(Math.max(8, 0.03 * Math.min(size.width, size.height)));
}

/**
 * The parts of a map of `size` that a caption's box leaves free, each as the inset that keeps
 * the rest clear: beside the caption (right or left of it) and above or below it, each with
 * frameMargin around it. Without a caption, the whole map within the margin. Parts narrower
 * or lower than a quarter of the map are left out; when none is left, the whole map.
 * @example freeInsets({ width: 1280, height: 720 }, { left: 32, top: 432, right: 621, bottom: 670 })
 * // [{ left: 643, … }, { bottom: 310, … }]: right of the caption, and above it
 */
export function freeInsets(size: { width: number; height: number }, card: ScreenBox | null): Inset[] {
  const m = frameMargin(size);
  const all: Inset = { top: m, right: m, bottom: m, left: m };
  if (!card || card.right <= card.left || card.bottom <= card.top) return [all];
  const { width: w, height: h } = size;
  const parts: Inset[] = [
    { ...all, left: Math.max(m, card.right + m) },
    { ...all, right: Math.max(m, w - card.left + m) },
    { ...all, bottom: Math.max(m, h - card.top + m) },
    { ...all, top: Math.max(m, card.bottom + m) },
  ];
  const roomy = parts.filter((p) => w - p.left - p.right >= w / 4 && h - p.top - p.bottom >= h / 4);
  return roomy.length ? roomy : [all];
}
