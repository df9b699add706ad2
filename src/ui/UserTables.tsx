/**
 * The user's statistics tables in the layer panel: the button that opens a table file (the
 * join dialog follows), and each table on the map with its column, classes and palette.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CLASS_COUNTS, CLASS_METHODS, PALETTE_NAMES, type ClassCount, type ClassMethod, type PaletteName } from '../core/classify.ts';
import { t } from '../i18n/index.ts';
import { useAppStore, useStoreApi, type AppStore } from '../state/store.ts';

/** The endings the table picker offers. */
const TABLE_ACCEPT = '.csv,.tsv,.txt,.xlsx';

export function UserTables() {
  const store = useStoreApi();
  const { lang, tables } = useAppStore(useShallow((s) => ({ lang: s.lang, tables: s.tables })));
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="theme user-tables">
      <h3>{t(lang, 'UserTable.Title')}</h3>
      <button type="button" className="seg" onClick={() => input.current?.click()} data-testid="table-button">
        {t(lang, 'UserTable.Pick')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={TABLE_ACCEPT}
        data-testid="table-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.arrayBuffer().then((b) => store.getState().openTableFile({ name: file.name, bytes: new Uint8Array(b) }));
        }}
      />
      <p className="hint-muted">{t(lang, 'UserTable.Hint')}</p>
      {tables.map((tb) => {
        const update = (change: Parameters<ReturnType<AppStore['getState']>['updateTable']>[1]) =>
          store.getState().updateTable(tb.id, change);
        return (
          <div key={tb.id} className="layer-row" data-testid={`user-table-${tb.id}`}>
            <label className="layer-toggle">
              <input type="checkbox" checked={tb.visible} onChange={(e) => update({ visible: e.target.checked })} /> {tb.name}
              <button
                type="button"
                className="close"
                aria-label={t(lang, 'UserTable.Remove')}
                title={t(lang, 'UserTable.Remove')}
                onClick={() => store.getState().removeTable(tb.id)}
              >
                ×
              </button>
            </label>
            <div className="units-form">
              <label className="field wide">
                <span className="field-label">{t(lang, 'UserTable.Column')}</span>
                <select value={tb.column ?? ''} onChange={(e) => update({ column: e.target.value })} data-testid={`table-column-${tb.id}`}>
                  {tb.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t(lang, 'UserTable.Method')}</span>
                <select
                  value={tb.method}
                  onChange={(e) => update({ method: e.target.value as ClassMethod })}
                  data-testid={`table-method-${tb.id}`}
                >
                  {CLASS_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {t(lang, `UserTable.Method.${m}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t(lang, 'UserTable.Classes')}</span>
                <select value={tb.classes} onChange={(e) => update({ classes: Number(e.target.value) as ClassCount })}>
                  {CLASS_COUNTS.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t(lang, 'UserTable.Palette')}</span>
                <select value={tb.palette} onChange={(e) => update({ palette: e.target.value as PaletteName })}>
                  {PALETTE_NAMES.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </div>
        );
      })}
    </div>
  );
}
