/** The boundary editions and thematic layer files, once loaded and checked. */
import type { StateCreator } from 'zustand';
import type { ProvinceCollection, Province2022Props, Province2025Props } from '../../core/types.ts';
import type { LayerCollection, LayerFileId } from '../../data/schemas.ts';
import type { AppState, Mutators } from '../store.ts';
import { counterpartIn } from './boundary.ts';

export interface DataSlice {
  data: { provinces2022: ProvinceCollection<Province2022Props>; provinces2025: ProvinceCollection<Province2025Props> } | null;
  setData: (d: DataSlice['data']) => void;
  /** Thematic layer files, once loaded and checked; a file that failed is absent. */
  thematic: { [K in LayerFileId]?: LayerCollection<K> };
  setThematic: (t: DataSlice['thematic']) => void;
  /** Set by the map after its first idle: non-essential work may start. */
  mapReady: boolean;
  setMapReady: () => void;
}

export const createDataSlice: StateCreator<AppState, Mutators, [], DataSlice> = (set, get) => ({
  data: null,
  // A selection made before the data arrived (from the URL hash) is checked here: kept,
  // moved to its counterpart in the current edition, or dropped with a notice.
  setData: (data) => {
    const { selected, edition } = get();
    if (!selected || !data) return set({ data });
    const kept = counterpartIn(data, selected, edition);
    set({ data, selected: kept });
    if (!kept) get().setNotice({ key: 'Hash.Invalid', vars: { keys: 'sel' } });
  },
  thematic: {},
  // A feature selected before the files arrived (from the URL hash) is dropped if it does not exist.
  setThematic: (thematic) => {
    const { feature } = get();
    const exists = !feature || thematic[feature.layer]?.features.some((f) => f.properties.id === feature.id);
    set(exists ? { thematic } : { thematic, feature: null });
    if (!exists) get().setNotice({ key: 'Hash.Invalid', vars: { keys: 'ft' } });
    // A scene shown before the corridors arrived reads its scenarios now.
    const pending = get().sceneScenariosPending;
    if (pending !== null && thematic.corridors) get().applySceneScenarios(pending);
  },
  mapReady: false,
  setMapReady: () => set({ mapReady: true }),
});
