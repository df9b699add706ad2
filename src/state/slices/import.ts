/** The user's imported layers, and which of them stand in for the seaports or the units. */
import type { StateCreator } from 'zustand';
import type { FeatureCollection } from 'geojson';
import type { AppServices, AppState, AppStore, Mutators } from '../store.ts';

/** A layer the user brought in (already checked by the importer). */
export interface ImportedLayer {
  id: string;
  name: string;
  fc: FeatureCollection;
  visible: boolean;
  /** Geometry kinds present: 'point', 'line', 'polygon'. */
  kinds: ('point' | 'line' | 'polygon')[];
  /** Attribute names, in first-seen order. */
  fields: string[];
}

/** How an imported polygon layer stands in for the provinces in the analyses. */
export interface UnitsMapping {
  layer: string;
  /** Field holding the unit code (the app's `iso`). */
  code: string;
  /** Field holding the unit name (the app's `name_vi`). */
  name: string;
  /** Field holding the population in persons, or null. */
  population: string | null;
}

export interface ImportSlice {
  imported: ImportedLayer[];
  addImported: (l: Omit<ImportedLayer, 'id' | 'visible'>) => string;
  removeImported: (id: string) => void;
  setImportedVisible: (id: string, visible: boolean) => void;
  /** An imported point layer used as the seaports of the hinterland analysis, or null for the bundled ones. */
  portsLayer: string | null;
  setPortsLayer: (id: string | null) => void;
  /** An imported point layer used as the places of the analyses that take a user's points (coverage, od, siting: their definition's `userPlaces`), or null. */
  placesLayer: string | null;
  setPlacesLayer: (id: string | null) => void;
  /** An imported polygon layer used as the units of the analyses, or null for the bundled provinces. */
  unitsMapping: UnitsMapping | null;
  setUnitsMapping: (m: UnitsMapping | null) => void;
  /** Reads files the user dropped or picked (through the store's importer). */
  importFiles: (files: File[]) => Promise<void>;
}

export const createImportSlice = (services: AppServices, store: () => AppStore): StateCreator<AppState, Mutators, [], ImportSlice> => {
  let importSeq = 0;
  return (set, get) => ({
    imported: [],
    addImported: (l) => {
      const id = `import-${++importSeq}`;
      set({ imported: [...get().imported, { ...l, id, visible: true }] });
      return id;
    },
    removeImported: (id) =>
      set({
        imported: get().imported.filter((l) => l.id !== id),
        portsLayer: get().portsLayer === id ? null : get().portsLayer,
        placesLayer: get().placesLayer === id ? null : get().placesLayer,
        unitsMapping: get().unitsMapping?.layer === id ? null : get().unitsMapping,
      }),
    setImportedVisible: (id, visible) => set({ imported: get().imported.map((l) => (l.id === id ? { ...l, visible } : l)) }),
    portsLayer: null,
    setPortsLayer: (portsLayer) => set({ portsLayer }),
    placesLayer: null,
    setPlacesLayer: (placesLayer) => set({ placesLayer }),
    unitsMapping: null,
    setUnitsMapping: (unitsMapping) => set({ unitsMapping }),
    importFiles: async (files) => {
      if (services.importFiles) await services.importFiles(files, store());
    },
  });
};
