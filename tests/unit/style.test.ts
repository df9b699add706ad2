/**
 * The map's style is built with the store's state, so that nothing the map sets once it has
 * loaded changes a filter or layout (a changed filter re-reads every tile of its source:
 * about 0.4 s more before the first idle, when the selection's filters differed).
 */
import { describe, expect, it } from 'vitest';
import { buildStyle } from '../../src/map/style.ts';
import { selectedFeatureFilter } from '../../src/map/thematic-layers.ts';
import { createAppStore, NO_SERVICES } from '../../src/state/store.ts';

const styleFor = (s: ReturnType<ReturnType<typeof createAppStore>['getState']>) =>
  buildStyle({ base: 'http://x/', edition: s.edition, lang: s.lang, thematic: s });

describe('the built style', () => {
  it("has the selection's filters the map sets, with and without a selected feature", () => {
    const store = createAppStore({ ...NO_SERVICES });
    for (const feature of [null, { layer: 'seaports' as const, id: 'nghi-son' }, { layer: 'corridors' as const, id: 'x' }]) {
      store.getState().selectFeature(feature);
      const style = styleFor(store.getState());
      for (const g of ['point', 'line', 'area'] as const) {
        const layer = style.layers.find((l) => l.id === `th-selected-${g}`);
        expect(layer && 'filter' in layer ? layer.filter : undefined).toEqual(selectedFeatureFilter(feature, g));
      }
    }
  });

  it('emphasises a feature only in the style layer of its geometry', () => {
    const f = { layer: 'seaports', id: 'nghi-son' };
    expect(selectedFeatureFilter(f, 'point')).toEqual(['all', ['==', ['get', 'layer'], 'seaports'], ['==', ['get', 'id'], 'nghi-son']]);
    expect(selectedFeatureFilter(f, 'line')).toEqual(['all', ['==', ['get', 'layer'], ''], ['==', ['get', 'id'], '']]);
  });
});
