/**
 * A caption whole on any screen: its type steps down (the card's `--fit` scale, which every
 * size in it multiplies) until nothing in the card is hidden, scrolled or cut.
 */

import type { Lang } from '../i18n/index.ts';
import type { Scene } from '../core/story.ts';

/** Everything a caption card shows in `lang`, as one string: when it changes, the card is fitted again. */
export function captionKey(scene: Scene, lang: Lang): string {
  return [scene.id, scene.caption[lang], ...scene.figures.flatMap((f) => [f.value[lang], f.label[lang], f.source])].join('\u0000');
}

/** The smallest scale the type steps down to (each size also has a floor in px, see app.css). */
export const MIN_FIT = 0.45;

/**
 * Nothing in the card is hidden: it has nothing to scroll, down or across. (What spills from
 * anything inside it is part of what the card would scroll, so the card's own sizes tell.)
 */
export function fitsWhole(card: HTMLElement): boolean {
  return card.scrollHeight <= card.clientHeight && card.scrollWidth <= card.clientWidth;
}

/**
 * Sets the largest scale in [MIN_FIT, 1] (to 1/128) at which the card shows whole, by halving
 * the interval; each try is one synchronous layout of a small element.
 * @returns the scale set
 */
export function fitCaption(card: HTMLElement): number {
  const set = (k: number): void => card.style.setProperty('--fit', k.toFixed(4));
  set(1);
  if (fitsWhole(card)) return 1;
  let [lo, hi] = [MIN_FIT, 1];
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    set(mid);
    if (fitsWhole(card)) lo = mid;
    else hi = mid;
  }
  set(lo);
  return lo;
}
