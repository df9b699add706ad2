/** The thematic layers shown, their filters (horizon, status, belt width) and the feature selected. */
import type { StateCreator } from 'zustand';
import { THEMATIC_LAYERS, type BeltKm, type Horizon, type Status, type ThematicLayerId, STATUSES, existsAt } from '../../core/layers.ts';
import type { AnyLayerFeature, LayerFileId } from '../../data/schemas.ts';
import type { AppState, Mutators } from '../store.ts';

export interface LayerState {
  visible: boolean;
  /** 0–1. */
  opacity: number;
}

/** A selected thematic feature, by layer and feature id. */
export interface FeatureRef {
  layer: LayerFileId;
  id: string;
}

export interface ThematicSlice {
  layers: Record<ThematicLayerId, LayerState>;
  /** Planning horizon: features that do not exist by then are hidden. */
  horizon: Horizon;
  /** Statuses shown. */
  statuses: Status[];
  /** Width of the border-area belt, in km (one of BELT_KM_CHOICES). */
  beltKm: BeltKm;
  feature: FeatureRef | null;
  setLayerVisible: (id: ThematicLayerId, visible: boolean) => void;
  setLayerOpacity: (id: ThematicLayerId, opacity: number) => void;
  setHorizon: (h: Horizon) => void;
  toggleStatus: (s: Status) => void;
  setBeltKm: (km: BeltKm) => void;
  /** Selects a thematic feature (and clears the province selection). */
  selectFeature: (f: FeatureRef | null) => void;
}

export const DEFAULT_LAYERS = Object.fromEntries(THEMATIC_LAYERS.map((l) => [l.id, { visible: l.defaultOn, opacity: 1 }])) as Record<
  ThematicLayerId,
  LayerState
>;

export const createThematicSlice: StateCreator<AppState, Mutators, [], ThematicSlice> = (set, get) => ({
  layers: DEFAULT_LAYERS,
  horizon: '2045',
  statuses: [...STATUSES],
  beltKm: 10,
  feature: null,
  setLayerVisible: (id, visible) => set({ layers: { ...get().layers, [id]: { ...get().layers[id], visible } } }),
  setLayerOpacity: (id, opacity) =>
    set({ layers: { ...get().layers, [id]: { ...get().layers[id], opacity: Math.min(1, Math.max(0, opacity)) } } }),
  setHorizon: (horizon) => set({ horizon }),
  toggleStatus: (status) => {
    const cur = get().statuses;
    set({ statuses: cur.includes(status) ? cur.filter((x) => x !== status) : STATUSES.filter((x) => x === status || cur.includes(x)) });
  },
  setBeltKm: (beltKm) => set({ beltKm }),
  selectFeature: (feature) => set(feature ? { feature, selected: null } : { feature }),
});

/**
 * Features of a loaded layer that exist at the chosen horizon and have a chosen status.
 * @example shownFeatures(state, 'corridors').length
 */
export function shownFeatures(s: Pick<AppState, 'thematic' | 'horizon' | 'statuses'>, layer: LayerFileId): AnyLayerFeature[] {
  const features: readonly AnyLayerFeature[] = s.thematic[layer]?.features ?? [];
  return features.filter((f) => existsAt(f.properties.horizon, s.horizon) && s.statuses.includes(f.properties.status));
}

/** The selected thematic feature, if loaded. */
export function selectedFeature(s: Pick<AppState, 'thematic' | 'feature'>): AnyLayerFeature | null {
  if (!s.feature) return null;
  const id = s.feature.id;
  const features: readonly AnyLayerFeature[] = s.thematic[s.feature.layer]?.features ?? [];
  return features.find((f) => f.properties.id === id) ?? null;
}
