import { useShallow } from 'zustand/react/shallow';
import { BELT_KM_CHOICES, beltKmOf, HORIZONS, STATUSES, THEMATIC_LAYERS, THEMES, type ThematicLayerId } from '../core/layers.ts';
import { legendFor } from '../core/thematic-style.ts';
import { t } from '../i18n/index.ts';
import { shownFeatures, useAppStore, type AppState, useStoreApi } from '../state/store.ts';

import { LegendSwatch } from './LegendSwatch.tsx';
import { ImportedLayers } from './ImportedLayers.tsx';
import { UserTables } from './UserTables.tsx';
import { OwnData } from './OwnData.tsx';
import { Segs } from './Segs.tsx';

function counts(s: AppState, id: ThematicLayerId): { shown: number; total: number } | null {
  if (id === 'border-belt') return null;
  const fc = s.thematic[id];
  if (!fc) return null;
  return { shown: shownFeatures(s, id).length, total: fc.features.length };
}

/** Layers grouped by theme: toggle, opacity, feature count and legend; the horizon and status filters. */
export function LayerPanel() {
  const { getState } = useStoreApi();
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      layers: x.layers,
      horizon: x.horizon,
      statuses: x.statuses,
      thematic: x.thematic,
      beltKm: x.beltKm,
      loaded: Object.keys(x.thematic).length > 0,
    })),
  );
  // Actions and the counts' inputs, read when this renders (the selector above re-renders it on change).
  const state = getState();
  const { lang } = s;
  return (
    <section className="panel layers" aria-label={t(lang, 'Layers.Title')} data-testid="layer-panel">
      <div className="info-head">
        <h2>{t(lang, 'Layers.Title')}</h2>
        {/* Only on narrow screens, where the panel is a drawer over the map. */}
        <button type="button" className="close narrow-only" aria-label={t(lang, 'Layers.Close')} onClick={() => state.setLayersOpen(false)}>
          ×
        </button>
      </div>
      <Segs
        label={t(lang, 'Horizon.Title')}
        options={HORIZONS}
        value={s.horizon}
        text={(h) => t(lang, `Horizon.${h}`)}
        onPick={(h) => state.setHorizon(h)}
        testid="horizon"
      />
      <fieldset className="field statuses">
        <legend className="field-label">{t(lang, 'Status.Title')}</legend>
        {STATUSES.map((st) => (
          <label key={st}>
            <input type="checkbox" checked={s.statuses.includes(st)} onChange={() => state.toggleStatus(st)} data-testid={`status-${st}`} />{' '}
            {t(lang, `Status.${st}`)}
          </label>
        ))}
      </fieldset>
      <ImportedLayers />
      <UserTables />
      <OwnData />
      {!s.loaded && <p className="empty">{t(lang, 'Layers.Loading')}</p>}
      {THEMES.map((theme) => (
        <div key={theme} className="theme">
          <h3>{t(lang, `Theme.${theme}`)}</h3>
          {theme === 'defence' && <p className="hint">{t(lang, 'Layers.RestrictedHint')}</p>}
          {THEMATIC_LAYERS.filter((l) => l.theme === theme).map((l) => {
            const st = s.layers[l.id];
            const c = counts(state, l.id);
            return (
              <div key={l.id} className="layer-row" data-testid={`layer-${l.id}`}>
                <label className="layer-toggle">
                  <input
                    type="checkbox"
                    checked={st.visible}
                    onChange={(e) => state.setLayerVisible(l.id, e.target.checked)}
                    data-testid={`toggle-${l.id}`}
                  />{' '}
                  {t(lang, `Layer.${l.id}`)}
                  {c && (
                    <span className="count" title={t(lang, 'Layers.CountTitle', c)} data-testid={`count-${l.id}`}>
                      {t(lang, 'Layers.Count', c)}
                    </span>
                  )}
                </label>
                {st.visible && (
                  <>
                    <label className="opacity">
                      <span>{t(lang, 'Layers.Opacity')}</span>
                      <input
                        type="range"
                        min={0}
                        max={1}
                        step={0.05}
                        value={st.opacity}
                        aria-label={`${t(lang, 'Layers.Opacity')} – ${t(lang, `Layer.${l.id}`)}`}
                        onChange={(e) => state.setLayerOpacity(l.id, Number(e.target.value))}
                      />
                    </label>
                    {l.id === 'border-belt' && (
                      <label className="opacity">
                        <span>{t(lang, 'Layers.BeltWidth')}</span>
                        <select
                          value={s.beltKm}
                          onChange={(e) => {
                            const km = beltKmOf(e.target.value);
                            if (km !== undefined) state.setBeltKm(km);
                          }}
                          data-testid="belt-km"
                        >
                          {BELT_KM_CHOICES.map((km) => (
                            <option key={km} value={km}>
                              {t(lang, 'Layers.BeltKm', { km })}
                            </option>
                          ))}
                        </select>
                      </label>
                    )}
                    <ul className="legend-list">
                      {legendFor(l.id).map((e) => (
                        <li key={e.label + String(e.radiusPx)}>
                          <LegendSwatch e={e} /> {t(lang, e.label)}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </section>
  );
}
