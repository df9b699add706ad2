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
