/**
 * The join dialog: a table as read (sheet, header row), the column that names the units and
 * the edition the rows describe, which rows matched and which did not (the user picks a unit
 * for each, or leaves it out: nothing is dropped silently), the figure columns with their
 * number format (asked where ambiguous) and how 2022 members combine on the 2025 units, and
 * the user's note on the source. "Add to the map" draws the first figure column.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NumberFormat } from '../core/figures.ts';
import type { Edition } from '../core/types.ts';
import { render, t, type Lang } from '../i18n/index.ts';
import {
  AGGREGATES,
  draftJoined,
  useAppStore,
  useStoreApi,
  type Aggregate,
  type JoinedTable,
  type TableDraft,
  type TableSettings,
} from '../state/store.ts';

function Report({ lang, joined, draft }: { lang: Lang; joined: JoinedTable; draft: TableDraft }) {
  const { getState } = useStoreApi();
  const data = useAppStore((s) => s.data);
  const settings = draft.settings!;
  const set = (change: Partial<TableSettings>) => getState().setTableDraft({ ...draft, settings: { ...settings, ...change } });
  const units = (settings.tableEdition === '2022' ? data?.provinces2022 : data?.provinces2025)?.features.map((f) => f.properties) ?? [];
  const nameOf = (iso: string): string => units.find((u) => u.iso === iso)?.[lang === 'vi' ? 'name_vi' : 'name_en'] ?? iso;
  const r = joined.report;
  // Rows the user picked a unit for stay listed, so the choice can be changed.
  const open = [...r.unmatched.map((u) => ({ ...u, iso: '' })), ...r.matched.filter((m) => m.picked)].sort((a, b) => a.row - b.row);
  return (
    <>
      <p data-testid="table-matched">
        {t(lang, 'UserTable.Matched', {
          matched: r.matched.length,
          rows: r.matched.length + r.unmatched.length,
          by: t(lang, `TableFile.MatchBy.${r.by}`),
        })}
      </p>
      {r.duplicates.map((d) => (
        <p key={d.iso} className="hint-muted">
          {t(lang, 'UserTable.Duplicate', { name: nameOf(d.iso), rows: d.sheetRows.join(', ') })}
        </p>
      ))}
      {open.length > 0 && (
        <fieldset className="field" data-testid="table-unmatched">
          <legend className="field-label">{t(lang, 'UserTable.Unmatched')}</legend>
          {open.map((u) => (
            <label key={u.row} className="field row-pick">
              <span>{t(lang, 'UserTable.Row', { row: u.sheetRow, key: u.key })}</span>
              <select
                value={u.iso}
                data-testid={`table-pick-${u.sheetRow}`}
                onChange={(e) => {
                  const picks = { ...settings.picks };
                  if (e.target.value) picks[u.row] = e.target.value;
                  else delete picks[u.row];
                  set({ picks });
                }}
              >
                <option value="">{t(lang, 'UserTable.Skip')}</option>
                {units.map((x) => (
                  <option key={x.iso} value={x.iso}>
                    {lang === 'vi' ? x.name_vi : x.name_en}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="field" data-testid="table-columns">
        <legend className="field-label">{t(lang, 'UserTable.Columns')}</legend>
        {joined.numericColumns.length === 0 && <p className="notice-error">{t(lang, 'UserTable.NoColumns')}</p>}
        {r.columns
          .filter((c) => c.numeric)
          .map((c) => (
            <div key={c.name} className="table-column">
              <strong>{c.name}</strong>{' '}
              <span className="hint-muted">
                {c.format ? t(lang, `UserTable.Format.${c.format}`) : c.ambiguous || c.mixed ? '' : t(lang, 'UserTable.Format.none')}
                {c.noFigure > 0 && ` · ${t(lang, 'UserTable.NoFigure', { n: c.noFigure })}`}
                {c.notNumbers > 0 && ` · ${t(lang, 'UserTable.NotNumbers', { n: c.notNumbers })}`}
              </span>
              {c.mixed && <p className="notice-error">{t(lang, 'UserTable.Mixed')}</p>}
              {(c.ambiguous || settings.numberFormats[c.name]) && (
                <label className="field">
                  <span className="field-label">{t(lang, 'UserTable.Ambiguous')}</span>
                  <select
                    value={settings.numberFormats[c.name] ?? ''}
                    data-testid={`table-format-${c.name}`}
                    onChange={(e) => {
                      const numberFormats = { ...settings.numberFormats };
                      if (e.target.value) numberFormats[c.name] = e.target.value as NumberFormat;
                      else delete numberFormats[c.name];
                      set({ numberFormats });
                    }}
                  >
                    <option value="">—</option>
                    <option value="vi">{t(lang, 'UserTable.Format.vi')}</option>
                    <option value="en">{t(lang, 'UserTable.Format.en')}</option>
                  </select>
                </label>
              )}
              {settings.tableEdition === '2022' && (
                <label className="field">
                  <span className="field-label">{t(lang, 'UserTable.Aggregate')}</span>
                  <select
                    value={settings.aggregate[c.name] ?? 'sum'}
                    onChange={(e) => set({ aggregate: { ...settings.aggregate, [c.name]: e.target.value as Aggregate } })}
                  >
                    {AGGREGATES.map((a) => (
                      <option key={a} value={a}>
                        {t(lang, `UserTable.Agg.${a}`)}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
          ))}
      </fieldset>
    </>
  );
}

export function TableJoinDialog() {
  const store = useStoreApi();
  const { getState } = store;
  const { lang, draft, data } = useAppStore(useShallow((s) => ({ lang: s.lang, draft: s.tableDraft, data: s.data })));
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('select, input, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') getState().setTableDraft(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [getState]);
  const joined = useMemo(() => (draft ? draftJoined(draft, data) : null), [draft, data]);
  if (!draft) return null;
  const close = () => getState().setTableDraft(null);
  const settings = draft.settings;
  const set = (change: Partial<TableSettings>) => settings && getState().setTableDraft({ ...draft, settings: { ...settings, ...change } });
  const add = () => {
    if (!draft.table || !settings || !joined) return;
    getState().addTable({
      name: draft.raw.name,
      sourceNote: draft.sourceNote.trim(),
      table: draft.table,
      settings,
      columns: joined.numericColumns,
      column: joined.numericColumns[0] ?? null,
    });
  };
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div
        className="panel dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t(lang, 'UserTable.Dialog', { name: draft.raw.name })}
        ref={dialog}
        data-testid="table-dialog"
      >
        <div className="info-head">
          <h2>{t(lang, 'UserTable.Dialog', { name: draft.raw.name })}</h2>
          <button type="button" className="close" aria-label={t(lang, 'Info.Close')} onClick={close}>
            ×
          </button>
        </div>
        <div className="dialog-cols">
          <div>
            {draft.raw.sheets.length > 1 && (
              <label className="field">
                <span className="field-label">{t(lang, 'UserTable.Sheet')}</span>
                <select
                  value={draft.raw.sheet}
                  data-testid="table-sheet"
                  onChange={(e) => getState().openTableFile({ name: draft.raw.name, bytes: draft.bytes }, e.target.value)}
                >
                  {draft.raw.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label className="field">
              <span className="field-label">{t(lang, 'UserTable.HeaderRow')}</span>
              <input
                type="number"
                min={1}
                max={draft.raw.cells.length}
                value={draft.headerRow ?? ''}
                data-testid="table-header-row"
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (Number.isInteger(n) && n >= 1) getState().setDraftHeaderRow(n);
                }}
              />
            </label>
            {draft.error && (
              <p className="notice-error" role="alert">
                {render(lang, { key: `TableFile.${draft.error.code}`, vars: draft.error.vars })}
              </p>
            )}
            {draft.table && settings && (
              <>
                <label className="field">
                  <span className="field-label">{t(lang, 'UserTable.KeyField')}</span>
                  <select value={settings.keyField} data-testid="table-key" onChange={(e) => set({ keyField: e.target.value, picks: {} })}>
                    {draft.table.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                <fieldset className="field">
                  <legend className="field-label">{t(lang, 'UserTable.TableEdition')}</legend>
                  <div className="segs">
                    {(['2022', '2025'] as Edition[]).map((e) => (
                      <button
                        key={e}
                        type="button"
                        className={settings.tableEdition === e ? 'seg on' : 'seg'}
                        aria-pressed={settings.tableEdition === e}
                        data-testid={`table-edition-${e}`}
                        onClick={() => set({ tableEdition: e, picks: {} })}
                      >
                        {e}
                      </button>
                    ))}
                  </div>
                </fieldset>
              </>
            )}
            <label className="field">
              <span className="field-label">{t(lang, 'UserTable.SourceNote')}</span>
              <input
                type="text"
                value={draft.sourceNote}
                data-testid="table-source"
                onChange={(e) => getState().setTableDraft({ ...draft, sourceNote: e.target.value })}
              />
            </label>
            {draft.table && draft.table.notes.length > 0 && (
              <div className="hint-muted">
                <strong>{t(lang, 'UserTable.Notes')}</strong>
                {draft.table.notes.map((n, i) => (
                  <p key={i}>{n}</p>
                ))}
              </div>
            )}
          </div>
          <div>{joined && <Report lang={lang} joined={joined} draft={draft} />}</div>
        </div>
        <div className="dialog-actions">
          <button type="button" className="seg" onClick={close}>
            {t(lang, 'UserTable.Cancel')}
          </button>
          <button
            type="button"
            className="seg on"
            disabled={!joined || joined.numericColumns.length === 0}
            data-testid="table-add"
            onClick={add}
          >
            {t(lang, 'UserTable.Add')}
          </button>
        </div>
      </div>
    </div>
  );
}
