/** Language, dialogs and drawers open, and the message shown to the user. */
import type { StateCreator } from 'zustand';
import type { Lang, MessageKey } from '../../i18n/index.ts';
import type { Msg } from '../../core/messages.ts';
import type { AppServices, AppState, CaptureRequest, MapCapture, Mutators } from '../store.ts';

export interface UiSlice {
  lang: Lang;
  setLang: (lang: Lang) => void;
  exportOpen: boolean;
  setExportOpen: (open: boolean) => void;
  /** The print dialog (Print / PDF…) is open. */
  printOpen: boolean;
  setPrintOpen: (open: boolean) => void;
  /** The layer panel as a drawer, on screens too narrow to keep it beside the map. */
  layersOpen: boolean;
  setLayersOpen: (open: boolean) => void;
  /** A message for the user: codes with values, rendered by the UI in the language shown. */
  notice:
    | (Msg<MessageKey> & {
        vars: NonNullable<Msg<MessageKey>['vars']>;
        /** Further messages shown after the first (e.g. why an import failed, warnings). */
        details?: Msg<MessageKey>[];
        tone?: 'error' | 'info';
      })
    | null;
  setNotice: (n: UiSlice['notice']) => void;
  /** A new version of the app is installed and waits for the user to reload (never offered while presenting). */
  updateReady: boolean;
  setUpdateReady: (ready: boolean) => void;
  /** Draws the map at a size for an image export (through the store's map capture); null while there is no map. */
  captureMap: (size: CaptureRequest) => Promise<MapCapture> | null;
}

export const createUiSlice =
  (services: AppServices): StateCreator<AppState, Mutators, [], UiSlice> =>
  (set) => ({
    lang: 'vi',
    setLang: (lang) => set({ lang }),
    exportOpen: false,
    setExportOpen: (exportOpen) => set({ exportOpen }),
    printOpen: false,
    setPrintOpen: (printOpen) => set({ printOpen }),
    layersOpen: false,
    setLayersOpen: (layersOpen) => set({ layersOpen }),
    notice: null,
    setNotice: (notice) => set({ notice }),
    updateReady: false,
    setUpdateReady: (updateReady) => set({ updateReady }),
    captureMap: (size) => services.captureMap(size),
  });
