/**
 * The app's one store, built from typed slices (zustand). It holds plain, serialisable
 * values only: never a map or deck.gl object.
 */
import { create, type StateCreator } from 'zustand';
import type { Edition, ProvinceCollection, Province2022Props, Province2025Props } from '../core/types.ts';
import { REGION_VIEW } from '../core/region.ts';
import type { Lang } from '../i18n/index.ts';
import type { HashView } from './url-hash.ts';

export type ViewState = HashView;

export interface ViewSlice {
  view: ViewState;
  /** Called by the map when the camera settles. */
  setView: (view: ViewState) => void;
}

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

export interface UiSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** A message for the user (already translated keys are rendered by the UI). */
  notice: { key: 'Hash.Invalid' | 'App.LoadError'; vars: Record<string, string> } | null;
  setNotice: (n: UiSlice['notice']) => void;
}

export interface DataSlice {
  data: { provinces2022: ProvinceCollection<Province2022Props>; provinces2025: ProvinceCollection<Province2025Props> } | null;
  setData: (d: DataSlice['data']) => void;
}

export type AppState = ViewSlice & BoundarySlice & UiSlice & DataSlice;

export const DEFAULT_VIEW: ViewState = { center: REGION_VIEW.center, zoom: REGION_VIEW.zoom, bearing: 0, pitch: 0 };

const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: DEFAULT_VIEW,
  setView: (view) => set({ view }),
});

/** The unit in `to` that corresponds to `iso` in the other edition, or null. */
export function counterpartIn(data: DataSlice['data'], iso: string, to: Edition): string | null {
  if (!data) return null;
  if (to === '2025') {
    if (data.provinces2025.features.some((f) => f.properties.iso === iso)) return iso;
    return data.provinces2022.features.find((f) => f.properties.iso === iso)?.properties.unit_2025 ?? null;
  }
  return data.provinces2022.features.some((f) => f.properties.iso === iso) ? iso : null;
}

const createBoundarySlice: StateCreator<AppState, [], [], BoundarySlice> = (set, get) => ({
  edition: '2022',
  selected: null,
  hovered: null,
  setEdition: (edition) => {
    const { selected, data, edition: current } = get();
    if (edition === current) return;
    set({ edition, hovered: null, selected: selected ? counterpartIn(data, selected, edition) : null });
  },
  select: (selected) => set({ selected }),
  hover: (hovered) => set({ hovered }),
});

const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  lang: 'vi',
  setLang: (lang) => set({ lang }),
  notice: null,
  setNotice: (notice) => set({ notice }),
});

const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => ({
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
});

export const useAppStore = create<AppState>()((...a) => ({
  ...createViewSlice(...a),
  ...createBoundarySlice(...a),
  ...createUiSlice(...a),
  ...createDataSlice(...a),
}));

const initialState = useAppStore.getState();
/** Restores the initial state (for tests). */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true);
}

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
