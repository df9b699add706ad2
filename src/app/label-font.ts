/**
 * The label font's Vietnamese glyphs: labels render with the local web font, so they must be
 * loaded before the map draws (the app's first module and the offline player both wait).
 */
import { LABEL_FONT } from '../core/region.ts';

export function loadLabelFont(): Promise<unknown> {
  return Promise.all([
    document.fonts.load(`16px "${LABEL_FONT}"`, 'Đà Nẵng Biển Đông Quần đảo Hoàng Sa'),
    document.fonts.load(`600 16px "${LABEL_FONT}"`, 'Đà Nẵng'),
  ]);
}
