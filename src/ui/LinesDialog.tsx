/**
 * The roads-layer dialog: the layer's fields as read from the file, which of them gives each
 * line's class, speed (km/h) and direction (guessed from their names, in Vietnamese or
 * English), and the class of each of the class field's values (guessed from their words; "not
 * driven" leaves its lines out). Building waits until every listed value has a class.
 */
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NET_CLASSES, type NetClass } from '../core/network-classes.ts';
import { formatNumber, t } from '../i18n/index.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';

export function LinesDialog() {
  const { getState } = useStoreApi();
  const { lang, draft } = useAppStore(useShallow((s) => ({ lang: s.lang, draft: s.linesDraft })));
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('select, input, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') getState().setLinesDraft(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [getState]);
  if (!draft) return null;
  const close = () => getState().setLinesDraft(null);
  const { fields } = draft;
  const values = fields.values[draft.classField] ?? [];
  const unmapped = values.filter((v) => draft.classMap[v.value] === '' || draft.classMap[v.value] === undefined).length;
  const fieldSelect = (label: string, value: string, testid: string, onPick: (v: string) => void, optional: boolean) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} data-testid={testid} onChange={(e) => onPick(e.target.value)}>
        {optional && <option value="">{t(lang, 'Lines.NoField')}</option>}
        {fields.fields.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
    </label>
  );
  const title = t(lang, 'Lines.Title');
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="panel dialog lines-dialog" role="dialog" aria-modal="true" aria-label={title} ref={dialog} data-testid="lines-dialog">
        <div className="info-head">
          <h2>{title}</h2>
          <button type="button" className="close" aria-label={t(lang, 'Info.Close')} onClick={close}>
            ×
          </button>
        </div>
        <p>{t(lang, 'Lines.Intro', { name: draft.file.name, lines: formatNumber(lang, fields.lines, 0), crs: fields.crs })}</p>
        <div className="dialog-cols">
          <div>
            {fieldSelect(
              t(lang, 'Lines.ClassField'),
              draft.classField,
              'lines-class-field',
              (v) => getState().setLinesDraft({ classField: v }),
              false,
            )}
            {fieldSelect(
              t(lang, 'Lines.SpeedField'),
              draft.speedField,
              'lines-speed-field',
              (v) => getState().setLinesDraft({ speedField: v }),
              true,
            )}
            {fieldSelect(
              t(lang, 'Lines.OnewayField'),
              draft.onewayField,
              'lines-oneway-field',
              (v) => getState().setLinesDraft({ onewayField: v }),
              true,
            )}
            <p className="hint-muted">{t(lang, 'Lines.OnewayHint')}</p>
          </div>
          <fieldset className="field lines-map" data-testid="lines-class-map">
            <legend className="field-label">{t(lang, 'Lines.ClassMap')}</legend>
            <table className="own-units">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'Lines.Value')}</th>
                  <th scope="col">{t(lang, 'Lines.Count')}</th>
                  <th scope="col">{t(lang, 'Lines.Class')}</th>
                </tr>
              </thead>
              <tbody>
                {values.map((v, i) => (
                  <tr key={v.value}>
                    <th scope="row">{v.value === '' ? t(lang, 'Lines.Empty') : v.value}</th>
                    <td>{formatNumber(lang, v.n, 0)}</td>
                    <td>
                      <select
                        value={draft.classMap[v.value] ?? ''}
                        aria-label={`${t(lang, 'Lines.Class')}: ${v.value === '' ? t(lang, 'Lines.Empty') : v.value}`}
                        data-testid={`lines-class-${i}`}
                        onChange={(e) =>
                          getState().setLinesDraft({ classMap: { ...draft.classMap, [v.value]: e.target.value as NetClass | 'none' | '' } })
                        }
                      >
                        <option value="">{t(lang, 'Lines.Choose')}</option>
                        {NET_CLASSES.map((c) => (
                          <option key={c} value={c}>
                            {t(lang, `NetClass.${c}`)}
                          </option>
                        ))}
                        <option value="none">{t(lang, 'Lines.NotDriven')}</option>
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {fields.more[draft.classField] && <p className="hint-muted">{t(lang, 'Lines.More')}</p>}
          </fieldset>
        </div>
        {unmapped > 0 && (
          <p className="hint" data-testid="lines-unmapped">
            {t(lang, 'Lines.Unmapped', { n: unmapped })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="seg" onClick={close}>
            {t(lang, 'Lines.Cancel')}
          </button>
          <button
            type="button"
            className="seg on"
            disabled={unmapped > 0}
            data-testid="lines-build"
            onClick={() => void getState().buildLinesDraft()}
          >
            {t(lang, 'Lines.Build')}
          </button>
        </div>
      </div>
    </div>
  );
}
