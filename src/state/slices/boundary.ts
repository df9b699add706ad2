/** The boundary edition, and the unit selected and under the pointer. */
import type { StateCreator } from 'zustand';
import type { Edition } from '../../core/types.ts';
import type { AppState, Mutators } from '../store.ts';
import type { DataSlice } from './data.ts';

export interface BoundarySlice {
  edition: Edition;
  /** ISO code of the selected unit in the current edition. */
  selected: string | null;
  hovered: string | null;
  /** Switches edition; the selection follows to its counterpart when there is one. */
  setEdition: (edition: Edition) => void;
  select: (iso: string | null) => void;
  hover: (iso: string | null) => void;
}

/** The unit in `to` that corresponds to `iso` in the other edition, or null. */
export function counterpartIn(data: DataSlice['data'], iso: string, to: Edition): string | null {
  if (!data) return null;
  if (to === '2025') {
    if (data.provinces2025.features.some((f) => f.properties.iso === iso)) return iso;
    return data.provinces2022.features.find((f) => f.properties.iso === iso)?.properties.unit_2025 ?? null;
  }
  return data.provinces2022.features.some((f) => f.properties.iso === iso) ? iso : null;
}

export const createBoundarySlice: StateCreator<AppState, Mutators, [], BoundarySlice> = (set, get) => ({
  edition: '2022',
  selected: null,
  hovered: null,
  setEdition: (edition) => {
    const { selected, data, edition: current } = get();
    if (edition === current) return;
    set({ edition, hovered: null, selected: selected ? counterpartIn(data, selected, edition) : null });
  },
  select: (selected) => set(selected ? { selected, feature: null } : { selected }),
  hover: (hovered) => set({ hovered }),
});

/** Features of the current edition. */
export function featuresOf(s: Pick<AppState, 'data' | 'edition'>) {
  if (!s.data) return [];
  return s.edition === '2022' ? s.data.provinces2022.features : s.data.provinces2025.features;
}

/** ISO codes, in the other edition, of the selected unit's counterparts. */
export function counterpartsOf(s: Pick<AppState, 'data' | 'edition' | 'selected'>): string[] {
  if (!s.data || !s.selected) return [];
  if (s.edition === '2022') {
    const f = s.data.provinces2022.features.find((x) => x.properties.iso === s.selected);
    return f?.properties.unit_2025 ? [f.properties.unit_2025] : [];
  }
  const u = s.data.provinces2025.features.find((x) => x.properties.iso === s.selected);
  return u ? u.properties.members_2022 : [];
}
