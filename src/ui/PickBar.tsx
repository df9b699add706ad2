import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n/index.ts';
import { useAppStore, useStoreApi, type AppStore } from '../state/store.ts';

/** Whether the map is being clicked for something (and not yet waiting for its details). */
export const isPlacing = (p: ReturnType<AppStore['getState']>['mapPick']): boolean =>
  p !== null && !(p.kind === 'corridor' && p.done) && !(p.kind === 'point' && p.coordinates !== null);

/**
 * While the map is clicked for a corridor's vertices, a point or an isochrone's origin: the
 * keys (Enter finishes a line, Backspace drops its last vertex, Esc cancels) and, on a narrow
 * screen where the panels make way for the map, a bar with the same hint and buttons.
 */
export function PickBar() {
  const store = useStoreApi();
  const { lang, pick } = useAppStore(useShallow((x) => ({ lang: x.lang, pick: x.mapPick })));
  const placing = isPlacing(pick);

  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent): void => {
      const typing = e.target instanceof HTMLElement && ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.target.tagName);
      const st = store.getState();
      const p = st.mapPick;
      if (e.key === 'Escape') st.setMapPick(null);
      else if (typing || p?.kind !== 'corridor' || p.done) return;
      else if (e.key === 'Enter' && p.coordinates.length >= 2) st.setMapPick({ ...p, done: true });
      else if (e.key === 'Backspace') st.setMapPick({ ...p, coordinates: p.coordinates.slice(0, -1) });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing, store]);

  if (!placing || !pick) return null;
  const hint =
    pick.kind === 'corridor'
      ? t(lang, 'Scenario.Drawing', { n: pick.coordinates.length })
      : pick.kind === 'point'
        ? t(lang, 'Scenario.Placing')
        : t(lang, 'Analysis.PickingOrigin');
  return (
    <div className="pick-bar" role="status" data-testid="pick-bar">
      <span>{hint}</span>
      {pick.kind === 'corridor' && (
        <>
          <button
            type="button"
            className="seg"
            disabled={!pick.coordinates.length}
            onClick={() => store.getState().setMapPick({ ...pick, coordinates: pick.coordinates.slice(0, -1) })}
          >
            {t(lang, 'Scenario.Undo')}
          </button>
          <button
            type="button"
            className="seg active"
            disabled={pick.coordinates.length < 2}
            onClick={() => store.getState().setMapPick({ ...pick, done: true })}
          >
            {t(lang, 'Scenario.Done')}
          </button>
        </>
      )}
      <button type="button" className="seg" onClick={() => store.getState().setMapPick(null)}>
        {t(lang, 'Scenario.Cancel')}
      </button>
    </div>
  );
}
