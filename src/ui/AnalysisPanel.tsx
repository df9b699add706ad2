import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  activeParams,
  firstMeasure,
  legendNoteOf,
  PARAM_DEFS,
  PARAM_RANGES,
  readParam,
  usesParam,
  viewMeasures,
  viewMethods,
  writeParam,
  type AnalysisParams,
  type ParamDef,
  type ParamKey,
  ANALYSIS_DEFS,
} from '../core/analysis.ts';
import { analysisLegend, rampCss } from '../core/analysis-style.ts';
import { formatNumber, render, t, type Lang } from '../i18n/index.ts';
import {
  effectiveParams,
  shownBaseline,
  useAppStore,
  useStoreApi,
  type AnalysisView,
  type AppState,
  type AppStore,
} from '../state/store.ts';
import { deltaTable, resultTables } from '../export/results.ts';
import { AnalysisTable } from './AnalysisTable.tsx';
import { AnalysisChart } from './AnalysisChart.tsx';
import { chartOf, targetWord } from '../export/charts.ts';
import { CompareSection } from './CompareSection.tsx';
import { comparable } from '../core/compare.ts';
import { Segs } from './Segs.tsx';

/** A number field that only passes on values inside the parameter's range. */
function NumberField(props: { lang: Lang; id: NumericKey; step: number; value: number; onChange: (v: number) => void }) {
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
        {t(props.lang, `Param.${props.id}`)} ({t(props.lang, 'Cli.Range', { min, max })})
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
          if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= min && v <= max) props.onChange(v);
        }}
      />
    </label>
  );
}

/**
 * A text field for a place (`LON,LAT`) or a list of numbers (`30,60,120`): it passes on the
 * value once the text reads as one, and says when it does not.
 */
function TextParamField(props: {
  lang: Lang;
  param: 'from' | 'minutes';
  value: AnalysisParams['from'] | AnalysisParams['minutes'];
  onChange: (v: AnalysisParams['from'] | AnalysisParams['minutes']) => void;
  hint?: string;
}) {
  const written = writeParam(props.param, props.value);
  const [field, setField] = useState({ text: written, from: written });
  if (field.from !== written) setField({ text: written, from: written });
  const valid = readParam(props.param, field.text) !== undefined;
  return (
    <label className="field">
      <span className="field-label">{t(props.lang, `Param.${props.param}`)}</span>
      <input
        type="text"
        inputMode="decimal"
        value={field.text}
        aria-invalid={!valid}
        data-testid={`param-${props.param}`}
        onChange={(e) => {
          setField({ text: e.target.value, from: written });
          const v = readParam(props.param, e.target.value);
          if (v !== undefined) props.onChange(v);
        }}
      />
      {props.hint && <span className="hint-muted">{props.hint}</span>}
    </label>
  );
}

type NumericKey = keyof typeof PARAM_RANGES;
type ChoiceKey = { [K in ParamKey]: (typeof PARAM_DEFS)[K] extends { type: 'choice' } ? K : never }[ParamKey];

/** Each choice parameter's values in words (a new choice parameter without words fails to compile). */
const CHOICE_TEXT: { [K in ChoiceKey]: (lang: Lang, v: AnalysisParams[K]) => string } = {
  kind: (lang, v) => t(lang, `Analysis.kind.${v}`),
  edition: (lang, v) => t(lang, v === '2022' ? 'Toolbar.Edition2022' : 'Toolbar.Edition2025'),
  horizon: (lang, v) => t(lang, `Horizon.${v}`),
  mass: (lang, v) => t(lang, `Analysis.mass.${v}`),
  popBase: (lang, v) => t(lang, `Analysis.popBase.${v}`),
  corridorKind: (lang, v) => t(lang, `Analysis.ck.${v}`),
  metric: (lang, v) => t(lang, `Analysis.metric.${v}`),
  impedance: (lang, v) => t(lang, `Analysis.impedance.${v}`),
  modes: (lang, v) => t(lang, `Analysis.modes.${v}`),
  points: (lang, v) => t(lang, `Analysis.points.${v}`),
  to: (lang, v) => t(lang, v === 'same' ? 'Analysis.to.same' : `Analysis.points.${v}`),
  candidates: (lang, v) => t(lang, `Analysis.candidates.${v}`),
  existing: (lang, v) => t(lang, v === 'none' ? 'Analysis.existing.none' : `Analysis.points.${v}`),
};

/** Whether a parameter is shown: the ones that matter for the run, but not population or area when a table's column is the mass. */
const shown = (key: ParamKey, p: AnalysisParams, tableMass: boolean): boolean =>
  activeParams(p).includes(key) && !(tableMass && (key === 'mass' || key === 'popBase'));

/** The mass from one of the user's tables: none (population or area), or a table's figure column. */
function MassTableControl({ lang, store }: { lang: Lang; store: AppStore }) {
  const { tables, massColumn } = useAppStore(useShallow((x) => ({ tables: x.tables, massColumn: x.massColumn })));
  if (!tables.length) return null;
  const value = massColumn ? `${massColumn.table}\u0000${massColumn.column}` : '';
  return (
    <label className="field">
      <span className="field-label">{t(lang, 'Analysis.MassTable')}</span>
      <select
        value={value}
        data-testid="param-mass-table"
        onChange={(e) => {
          const [table, column] = e.target.value.split('\u0000');
          store.getState().setMassColumn(table && column ? { table, column } : null);
        }}
      >
        <option value="">{t(lang, 'Analysis.MassTable.none')}</option>
        {tables.flatMap((tb) =>
          tb.columns.map((c) => (
            <option key={`${tb.id}:${c}`} value={`${tb.id}\u0000${c}`}>
              {tb.name} · {c}
            </option>
          )),
        )}
      </select>
    </label>
  );
}

/** Sets a parameter: the edition and the horizon are the map's own, the rest the panel's. */
function setParamOf(store: AppStore, key: ParamKey, value: AnalysisParams[ParamKey]): void {
  const s = store.getState();
  if (key === 'edition') s.setEdition(value as AnalysisParams['edition']);
  else if (key === 'horizon') s.setHorizon(value as AnalysisParams['horizon']);
  else s.setAnalysisParams({ [key]: value });
  // The map shows what the metric measures: minutes to a seaport, or km to one.
  if (key === 'metric')
    s.setAnalysisView({ measure: firstMeasure(value as AnalysisParams['metric']), method: value === 'minutes' ? 'minutes' : 'network' });
}

/**
 * One parameter's control, as its definition says: a switch for a few choices, a list for
 * many, a number field with its range, a tick box for a flag.
 */
function ParamControl(props: { lang: Lang; param: ParamKey; params: AnalysisParams; store: AppStore }) {
  const { lang, param, params, store } = props;
  const pickKind = useAppStore((x) => x.mapPick?.kind ?? null);
  // A point layer ticked as places stands in for this parameter (the kind's `userPlaces`): say so instead of offering the sets.
  const placesFile = useAppStore((x) => x.imported.find((l) => l.id === x.placesLayer)?.name ?? null);
  const def: ParamDef = PARAM_DEFS[param];
  const label = t(lang, `Param.${param}`);
  const testid = `param-${param}`;
  if (placesFile !== null && ANALYSIS_DEFS[params.kind].userPlaces === param)
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <span data-testid={testid}>{t(lang, 'Analysis.PlacesFromFile', { name: placesFile })}</span>
      </div>
    );
  if (def.type === 'number')
    return (
      <NumberField
        lang={lang}
        id={param as NumericKey}
        step={def.step}
        value={params[param] as number}
        onChange={(v) => setParamOf(store, param, v)}
      />
    );
  if (def.type === 'point') {
    const picking = pickKind === 'origin';
    return (
      <div className="param-point">
        <TextParamField lang={lang} param="from" value={params.from} onChange={(v) => setParamOf(store, param, v)} />
        <button
          type="button"
          className={picking ? 'active' : ''}
          aria-pressed={picking}
          data-testid="pick-origin"
          onClick={() => store.getState().setMapPick(picking ? null : { kind: 'origin' })}
        >
          {t(lang, 'Analysis.PickOrigin')}
        </button>
        {picking && <p className="hint">{t(lang, 'Analysis.PickingOrigin')}</p>}
      </div>
    );
  }
  if (def.type === 'list')
    return (
      <TextParamField
        lang={lang}
        param="minutes"
        value={params.minutes}
        onChange={(v) => setParamOf(store, param, v)}
        hint={t(lang, 'Analysis.MinutesHint', { max: def.max, min: def.range[0], maxv: def.range[1] })}
      />
    );
  if (def.type === 'boolean')
    return (
      <label className="layer-toggle" title={param === 'context' ? t(lang, 'Analysis.ContextHint') : undefined}>
        <input
          type="checkbox"
          checked={params[param] as boolean}
          data-testid={testid}
          onChange={(e) => setParamOf(store, param, e.target.checked)}
        />{' '}
        {label}
      </label>
    );
  const text = (v: string): string => (CHOICE_TEXT[param as ChoiceKey] as (lang: Lang, v: string) => string)(lang, v);
  if (def.choices.length <= 3)
    return (
      <Segs
        label={label}
        options={def.choices}
        value={String(params[param])}
        text={text}
        onPick={(v) => setParamOf(store, param, v as AnalysisParams[ParamKey])}
        testid={testid}
      />
    );
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        value={String(params[param])}
        data-testid={testid}
        onChange={(e) => setParamOf(store, param, e.target.value as AnalysisParams[ParamKey])}
      >
        {def.choices.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The analysis panel: choose the analysis, edition and parameters; the result is computed in
 * the worker (with progress), drawn on the map, explained by a legend and listed in a table.
 */
export default function AnalysisPanel() {
  const store = useStoreApi();
  const { getState } = store;
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
      tableMass: x.massColumn !== null,
      baseline: x.baseline,
      compareWith: x.compare.with,
      compareView: x.compare.view,
      scenario: x.scenario,
    })),
  );
  const { lang, analysis, view } = s;
  const params = useMemo(
    () => effectiveParams({ analysisParams: s.paramsObj, edition: s.edition, horizon: s.horizon }),
    [s.paramsObj, s.edition, s.horizon],
  );

  const result = analysis.status === 'done' || analysis.result?.kind === params.kind ? analysis.result : null;
  // Ids in the tables named in the reader's language: the units, the places a result runs between
  // (od's, which may be a user's file), the seaports of hinterlands and the kinds of places coverage counts.
  const names = useMemo(() => {
    const places = result && 'from_places' in result ? [...result.from_places, ...result.to_places] : [];
    const out = new Map([...(result?.units ?? []), ...places].map((u) => [u.id, lang === 'vi' ? u.name_vi : u.name_en]));
    if (result?.kind === 'coverage') for (const k of result.targets) out.set(k, t(lang, targetWord(k)));
    if (result?.kind === 'hinterland') for (const p of result.ports) out.set(p.port, lang === 'vi' ? p.name_vi : p.name_en);
    return out;
  }, [result, lang]);
  // Read here so the panel re-renders when the baseline arrives.
  const base = s.baseline && result ? shownBaseline(getState()) : null;
  // Comparing: each table gains Δ columns (this run − the baseline); the map shows the difference.
  const tables = useMemo(() => {
    if (!result) return [];
    const now = resultTables(result);
    if (!base) return now;
    const before = resultTables(base);
    return now.map((tb) => {
      const b = before.find((x) => x.name === tb.name);
      return b ? deltaTable(tb, b) : tb;
    });
  }, [result, base]);
  const comparing = base !== null && s.compareWith !== 'none' && comparable(result) && s.compareView === 'difference';
  const table = tables.find((x) => x.name === view.table) ?? tables[0];
  const chart = useMemo(
    () => (result ? chartOf(result, { measure: view.measure, method: view.method }) : null),
    [result, view.measure, view.method],
  );
  const pick = useCallback((unit: string) => getState().select(unit), [getState]);
  const def = ANALYSIS_DEFS[params.kind];
  const measures = viewMeasures(params, result);
  const methods = viewMethods(params, result);

  return (
    <section className="panel analysis" aria-label={t(lang, 'Analysis.Title')} data-testid="analysis-panel">
      <div className="info-head">
        <h2>{t(lang, 'Analysis.Title')}</h2>
        <button type="button" className="close" aria-label={t(lang, 'Analysis.Close')} onClick={() => getState().setAnalysisOpen(false)}>
          ×
        </button>
      </div>
      {(Object.keys(PARAM_DEFS) as ParamKey[])
        .filter((key) => key === 'kind' || shown(key, params, s.tableMass))
        .map((key) => (
          <ParamControl key={key} lang={lang} param={key} params={params} store={store} />
        ))}
      {usesParam(params, 'mass') && <MassTableControl lang={lang} store={store} />}
      {(s.scenario.edits.length > 0 || Object.keys(s.scenario.speeds).length > 0) && (
        <p className="hint scenario-active" data-testid="scenario-active">
          <span className="scenario-swatch add" aria-hidden="true" />{' '}
          {t(lang, 'Scenario.Active', {
            name: s.scenario.name || t(lang, 'Scenario.Untitled'),
            n: s.scenario.edits.length + Object.keys(s.scenario.speeds).length,
          })}{' '}
          <button type="button" className="link" onClick={() => getState().setScenarioOpen(true)}>
            {t(lang, 'Toolbar.Scenario')}
          </button>
        </p>
      )}
      {def.view.includes('measure') && measures.length > 0 && (
        <label className="field">
          <span className="field-label">{t(lang, 'Analysis.Measure')}</span>
          <select
            value={view.measure}
            data-testid="analysis-measure"
            onChange={(e) => setView({ measure: e.target.value as AnalysisView['measure'] })}
          >
            {measures.map((m) => (
              <option key={m} value={m}>
                {t(lang, `Analysis.measure.${m}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {def.view.includes('extrude') && (
        <label className="layer-toggle">
          <input type="checkbox" checked={view.extrude} onChange={(e) => setView({ extrude: e.target.checked })} />{' '}
          {t(lang, 'Analysis.Extrude')}
        </label>
      )}
      {def.view.includes('method') && methods.length > 0 && (
        <Segs
          label={t(lang, 'Analysis.Method')}
          options={methods}
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

      <CompareSection result={result} />
      {result && !comparing && <AnalysisLegend lang={lang} view={view} result={result} />}
      {result && (
        <p className="hint-muted model" data-testid="analysis-model">
          {render(lang, result.model)}
        </p>
      )}
      {result?.notes.map((n, i) => (
        <p key={i} className="hint" data-testid="analysis-note">
          {render(lang, n)}
        </p>
      ))}
      {result && <p className="hint-muted">{t(lang, 'Analysis.SelectHint')}</p>}
      {chart && result && <AnalysisChart lang={lang} spec={chart} selected={s.selected} onPick={pick} name={`ntcc-${result.kind}-chart`} />}
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
  const note = legendNoteOf(r.kind);
  // With sensitivity runs, the legend says where each figure's band is.
  const runs = r.sensitivity?.runs.length ?? 0;
  const band = runs > 0 && <p className="hint-muted">{t(lang, 'Analysis.SensitivityLegend', { n: runs })}</p>;
  if (spec.type === 'categories')
    return (
      <>
        <ul className="legend-list analysis-legend" data-testid="analysis-legend">
          {spec.items.map((c) => (
            <li key={c.id}>
              <span className="swatch" style={{ background: `rgb(${c.color.join(',')})` }} /> {lang === 'vi' ? c.name_vi : c.name_en}
            </li>
          ))}
        </ul>
        {note && <p className="hint-muted">{t(lang, note)}</p>}
        {band}
      </>
    );
  const unit = spec.unit === 'min' ? ` ${t(lang, 'Unit.min')}` : spec.unit ? ` ${spec.unit}` : '';
  const fmt = (v: number): string => `${spec.scientific ? v.toExponential(1) : formatNumber(lang, v, 1)}${unit}`;
  return (
    <div className="analysis-legend" data-testid="analysis-legend">
      <div className="ramp" style={{ background: rampCss(spec.ramp) }} />
      <div className="ramp-labels">
        <span>{fmt(spec.range[0])}</span>
        <span>{fmt(spec.range[1])}</span>
      </div>
      {note && <p className="hint-muted">{t(lang, note)}</p>}
      {band}
    </div>
  );
}
