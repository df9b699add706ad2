import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ANALYSES, CORRIDOR_KINDS, MASSES, PARAMS_USED, PARAM_RANGES, POP_BASES, type AnalysisParams } from '../core/analysis.ts';
import { analysisLegend, rampCss } from '../core/analysis-style.ts';
import { HORIZONS } from '../core/layers.ts';
import { EDITIONS } from '../core/types.ts';
import { formatNumber, t, type Lang, type MessageKey } from '../i18n/index.ts';
import { effectiveParams, useAppStore, useStoreApi, type AnalysisView, type AppState } from '../state/store.ts';
import { resultTables } from '../export/results.ts';
import { AnalysisTable } from './AnalysisTable.tsx';
import { Segs } from './Segs.tsx';

const NUMERIC: { key: keyof typeof PARAM_RANGES; label: MessageKey; step: number }[] = [
  { key: 'beta', label: 'Param.beta', step: 0.1 },
  { key: 'cellKm', label: 'Param.cellKm', step: 1 },
  { key: 'bufferKm', label: 'Param.bufferKm', step: 1 },
  { key: 'toleranceKm', label: 'Param.toleranceKm', step: 0.1 },
];

/** A number field that only passes on values inside the parameter's range. */
function NumberField(props: { lang: Lang; id: keyof typeof PARAM_RANGES; label: MessageKey; step: number; value: number }) {
  const { getState } = useStoreApi();
  const [field, setField] = useState({ text: String(props.value), from: props.value });
  // The value changed elsewhere (URL, another control): show it, unless the text already says it.
  if (field.from !== props.value)
    setField({ text: Number(field.text) === props.value ? field.text : String(props.value), from: props.value });
  const text = field.text;
  const [min, max] = PARAM_RANGES[props.id];
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(n) && n >= min && n <= max;
  return (
    <label className="field">
      <span className="field-label">
        {t(props.lang, props.label)} ({t(props.lang, 'Cli.Range', { min, max })})
      </span>
      <input
        type="number"
        min={min}
        max={max}
        step={props.step}
        value={text}
        aria-invalid={!valid}
        data-testid={`param-${props.id}`}
        onChange={(e) => {
          setField({ text: e.target.value, from: props.value });
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= min && v <= max) getState().setAnalysisParams({ [props.id]: v });
        }}
      />
    </label>
  );
}

/**
 * The analysis panel: choose the analysis, edition and parameters; the result is computed in
 * the worker (with progress), drawn on the map, explained by a legend and listed in a table.
 */
export default function AnalysisPanel() {
  const { getState } = useStoreApi();
  const setParam = (p: Partial<AnalysisParams>) => getState().setAnalysisParams(p);
  const setView = (v: Partial<AnalysisView>) => getState().setAnalysisView(v);
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      paramsObj: x.analysisParams,
      edition: x.edition,
      horizon: x.horizon,
      analysis: x.analysis,
      view: x.analysisView,
      hovered: x.analysisHover,
      selected: x.selected,
    })),
  );
  const { lang, analysis, view } = s;
  const params = useMemo(
    () => effectiveParams({ analysisParams: s.paramsObj, edition: s.edition, horizon: s.horizon }),
    [s.paramsObj, s.edition, s.horizon],
  );

  const result = analysis.status === 'done' || analysis.result?.kind === params.kind ? analysis.result : null;
  const names = useMemo(() => new Map((result?.units ?? []).map((u) => [u.id, lang === 'vi' ? u.name_vi : u.name_en])), [result, lang]);
  const tables = useMemo(() => (result ? resultTables(result) : []), [result]);
  const table = tables.find((x) => x.name === view.table) ?? tables[0];
  const used = PARAMS_USED[params.kind];

  return (
    <section className="panel analysis" aria-label={t(lang, 'Analysis.Title')} data-testid="analysis-panel">
      <div className="info-head">
        <h2>{t(lang, 'Analysis.Title')}</h2>
        <button type="button" className="close" aria-label={t(lang, 'Analysis.Close')} onClick={() => getState().setAnalysisOpen(false)}>
          ×
        </button>
      </div>
      <label className="field">
        <span className="field-label">{t(lang, 'Param.kind')}</span>
        <select
          value={params.kind}
          data-testid="analysis-kind"
          onChange={(e) => setParam({ kind: e.target.value as AnalysisParams['kind'] })}
        >
          {ANALYSES.map((k) => (
            <option key={k} value={k}>
              {t(lang, `Analysis.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <Segs
        label={t(lang, 'Param.edition')}
        options={EDITIONS}
        value={s.edition}
        text={(e) => t(lang, e === '2022' ? 'Toolbar.Edition2022' : 'Toolbar.Edition2025')}
        onPick={(e) => getState().setEdition(e)}
        testid="analysis-edition"
      />
      {used.includes('horizon') && (
        <Segs
          label={t(lang, 'Param.horizon')}
          options={HORIZONS}
          value={s.horizon}
          text={(h) => t(lang, `Horizon.${h}`)}
          onPick={(h) => getState().setHorizon(h)}
          testid="analysis-horizon"
        />
      )}
      {used.includes('mass') && (
        <Segs
          label={t(lang, 'Param.mass')}
          options={MASSES}
          value={params.mass}
          text={(m) => t(lang, `Analysis.mass.${m}`)}
          onPick={(mass) => setParam({ mass })}
          testid="analysis-mass"
        />
      )}
      {used.includes('popBase') && !(used.includes('mass') && params.mass === 'area') && (
        <Segs
          label={t(lang, 'Param.popBase')}
          options={POP_BASES}
          value={params.popBase}
          text={(b) => t(lang, `Analysis.popBase.${b}`)}
          onPick={(popBase) => setParam({ popBase })}
          testid="analysis-popbase"
        />
      )}
      {used.includes('context') && (
        <label className="layer-toggle" title={t(lang, 'Analysis.ContextHint')}>
          <input
            type="checkbox"
            checked={params.context}
            data-testid="analysis-context"
            onChange={(e) => setParam({ context: e.target.checked })}
          />{' '}
          {t(lang, 'Param.context')}
        </label>
      )}
      {used.includes('corridorKind') && (
        <label className="field">
          <span className="field-label">{t(lang, 'Param.corridorKind')}</span>
          <select
            value={params.corridorKind}
            data-testid="analysis-corridors"
            onChange={(e) => setParam({ corridorKind: e.target.value as AnalysisParams['corridorKind'] })}
          >
            {CORRIDOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(lang, `Analysis.ck.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="analysis-numbers">
        {NUMERIC.filter((n) => used.includes(n.key)).map((n) => (
          <NumberField key={n.key} lang={lang} id={n.key} label={n.label} step={n.step} value={s.paramsObj[n.key]} />
        ))}
      </div>
      {params.kind === 'access' && (
        <>
          <label className="field">
            <span className="field-label">{t(lang, 'Analysis.Measure')}</span>
            <select
              value={view.measure}
              data-testid="analysis-measure"
              onChange={(e) => setView({ measure: e.target.value as AnalysisView['measure'] })}
            >
              {(['seaport_km', 'airport_km', 'gate_km', 'corridor_km'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(lang, `Analysis.measure.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="layer-toggle">
            <input type="checkbox" checked={view.extrude} onChange={(e) => setView({ extrude: e.target.checked })} />{' '}
            {t(lang, 'Analysis.Extrude')}
          </label>
        </>
      )}
      {params.kind === 'hinterland' && (
        <Segs
          label={t(lang, 'Analysis.Method')}
          options={['network', 'straight'] as const}
          value={view.method}
          text={(m) => t(lang, `Analysis.method.${m}`)}
          onPick={(method) => setView({ method })}
          testid="analysis-method"
        />
      )}

      <div className="analysis-status" aria-live="polite">
        {analysis.status === 'running' && (
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(analysis.progress * 100)}
            data-testid="analysis-progress"
          >
            <div className="progress-bar" style={{ width: `${Math.round(analysis.progress * 100)}%` }} />
            <span>{t(lang, 'Analysis.Running', { pct: Math.round(analysis.progress * 100) })}</span>
          </div>
        )}
        {analysis.status === 'error' && (
          <p className="error" role="alert">
            {t(lang, 'Analysis.Error', { message: analysis.error ?? '' })}
          </p>
        )}
        {analysis.status === 'done' && analysis.cached && <p className="hint-muted">{t(lang, 'Analysis.Cached')}</p>}
        {analysis.status === 'idle' && <p className="empty">{t(lang, 'Analysis.Empty')}</p>}
      </div>

      {result && <AnalysisLegend lang={lang} view={view} result={result} />}
      {result && (
        <p className="hint-muted model" data-testid="analysis-model">
          {lang === 'vi' ? result.model.vi : result.model.en}
        </p>
      )}
      {result?.notes.map((n, i) => (
        <p key={i} className="hint" data-testid="analysis-note">
          {lang === 'vi' ? n.vi : n.en}
        </p>
      ))}
      {result && <p className="hint-muted">{t(lang, 'Analysis.SelectHint')}</p>}
      {tables.length > 1 && table && (
        <Segs
          label={t(lang, 'Analysis.Table')}
          options={tables.map((x) => x.name)}
          value={table.name}
          text={(n) => t(lang, `Table.${n}`)}
          onPick={(name) => setView({ table: name })}
          testid="analysis-table"
        />
      )}
      {table && (
        <AnalysisTable
          lang={lang}
          table={table}
          names={names}
          hovered={s.hovered}
          onHover={(k) => getState().setAnalysisHover(k)}
          onPick={(unit) => getState().select(unit)}
        />
      )}
    </section>
  );
}

function AnalysisLegend(props: { lang: Lang; view: AnalysisView; result: NonNullable<AppState['analysis']['result']> }) {
  const { lang, result: r } = props;
  const spec = analysisLegend(r, props.view);
  if (spec.type === 'categories')
    return (
      <ul className="legend-list analysis-legend" data-testid="analysis-legend">
        {spec.items.map((c) => (
          <li key={c.id}>
            <span className="swatch" style={{ background: `rgb(${c.color.join(',')})` }} /> {lang === 'vi' ? c.name_vi : c.name_en}
          </li>
        ))}
      </ul>
    );
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const fmt = (v: number): string => `${spec.scientific ? v.toExponential(1) : formatNumber(lang, v, 1)}${unit}`;
  return (
    <div className="analysis-legend" data-testid="analysis-legend">
      <div className="ramp" style={{ background: rampCss(spec.ramp) }} />
      <div className="ramp-labels">
        <span>{fmt(spec.range[0])}</span>
        <span>{fmt(spec.range[1])}</span>
      </div>
      {r.kind === 'index' && <p className="hint-muted">{t(lang, 'Analysis.IndexDoc')}</p>}
    </div>
  );
}
