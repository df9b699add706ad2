import { useCallback, useMemo } from 'react';
import { FilePicker, SCENARIO_ACCEPT } from './FilePicker.tsx';
import { useShallow } from 'zustand/react/shallow';
import {
  COMPARE_WITH,
  GAIN_WEIGHTS,
  comparable,
  comparedByCells,
  differenceExtent,
  indexChanges,
  unchangedNote,
  unitGains,
  type GainWeight,
} from '../core/compare.ts';
import { HORIZONS, type Horizon } from '../core/layers.ts';
import { RAMP_DIVERGING, rampCss } from '../core/analysis-style.ts';
import { measureUnit, sumOfMembers, type AnalysisResult } from '../core/analysis.ts';
import { formatNumber, t, type Lang } from '../i18n/index.ts';
import { shownBaseline, useAppStore, useStoreApi, type AppState } from '../state/store.ts';
import { Segs } from './Segs.tsx';
import { AnalysisChart } from './AnalysisChart.tsx';
import { gainChart } from '../export/charts.ts';

/** This run and the baseline in words: their horizons, and the scenario where there is one. */
function sidesOf(lang: Lang, s: Pick<AppState, 'horizon' | 'compare' | 'scenario'>, r: AnalysisResult): { before: string; after: string } {
  const scenario = r.scenario ? t(lang, 'Compare.WithScenario', { name: r.scenario.name || t(lang, 'Scenario.Untitled') }) : '';
  const hz = s.compare.with === 'horizon' || s.compare.with === 'file' ? s.compare.horizon : s.horizon;
  const other = s.compare.with === 'file' ? s.compare.other : null;
  return {
    after: t(lang, 'Compare.This', { hz: t(lang, `Horizon.${s.horizon}`), scenario }),
    before: other
      ? t(lang, 'Compare.Baseline.file', { hz: t(lang, `Horizon.${hz}`), name: other.name || t(lang, 'Scenario.Untitled') })
      : t(lang, `Compare.Baseline.${s.compare.with === 'horizon' ? 'horizon' : 'scenario'}`, { hz: t(lang, `Horizon.${hz}`) }),
  };
}

/**
 * Each unit's population (GSO 2023; a 2025 unit's, its 2022 members' sum, or none where a
 * member has none) and area, for weighting its gain.
 */
function weightsOf(data: AppState['data'], r: AnalysisResult): Map<string, { population: number | null; area: number }> {
  const out = new Map<string, { population: number | null; area: number }>();
  if (!data) return out;
  const pop2022 = new Map(data.provinces2022.features.map((f) => [f.properties.iso, f.properties.population_2023]));
  if (r.params.edition === '2022')
    for (const f of data.provinces2022.features)
      out.set(f.properties.iso, { population: f.properties.population_2023, area: f.properties.area_computed_km2 });
  else
    for (const f of data.provinces2025.features) {
      const population = sumOfMembers(f.properties.members_2022, (m) => pop2022.get(m) ?? null);
      out.set(f.properties.iso, { population, area: f.properties.area_computed_km2 });
    }
  return out;
}

const fmt = (lang: Lang, v: number | null, digits = 1): string => (v === null ? '—' : formatNumber(lang, v, digits));

/**
 * Comparing the analysis with a baseline: another horizon, or no scenario. Accessibility and
 * the linkage index get a difference map (or a swipe between the two) with a diverging
 * legend, and a table of units ranked by their gain; every analysis's table gains Δ columns.
 */
export function CompareSection({ result }: { result: AnalysisResult | null }) {
  const store = useStoreApi();
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      compare: x.compare,
      horizon: x.horizon,
      scenario: x.scenario,
      baseline: x.baseline,
      measure: x.analysisView.measure,
      data: x.data,
    })),
  );
  const { lang, compare, baseline, measure, data } = s;
  const set = (c: Partial<AppState['compare']>): void => store.getState().setCompare(c);
  // `baseline` (subscribed above) re-renders the section when it arrives; this is the one that belongs to now.
  const base = baseline && result ? shownBaseline(store.getState()) : null;
  const same = result !== null && base !== null && store.getState().analysis.key === baseline.key;
  const gains = useMemo(
    () => (result && base && comparedByCells(result) ? unitGains(result, base, measure, compare.weight, weightsOf(data, result)) : null),
    [result, base, measure, compare.weight, data],
  );
  const changes = useMemo(() => (result && base ? indexChanges(result, base) : []), [result, base]);
  const half = useMemo(() => (result && base ? differenceExtent(result, base, measure) : 0), [result, base, measure]);
  const names = new Map((result?.units ?? []).map((u) => [u.id, lang === 'vi' ? u.name_vi : u.name_en]));
  const byCells = result !== null && comparedByCells(result);
  const unit = byCells ? (measureUnit(measure) === 'min' ? t(lang, 'Unit.min') : 'km') : '';
  const unchanged = result ? unchangedNote(result) : null;
  const sides = result ? sidesOf(lang, s, result) : null;
  const selected = useAppStore((x) => x.selected);
  const pick = useCallback((u: string) => store.getState().select(u), [store]);
  // Gains per unit as a diverging chart: mean km or minutes nearer for a grid, points of index for the index.
  const chart = useMemo(() => {
    if (!result) return null;
    if (gains) return gainChart(result, gains.rows, measureUnit(measure) === 'min' ? 'min' : 'km');
    if (changes.length)
      return gainChart(
        result,
        changes.map((c) => ({
          unit: c.unit,
          gain: c.index_after !== null && c.index_before !== null ? c.index_after - c.index_before : null,
        })),
        'index',
      );
    return null;
  }, [result, gains, changes, measure]);

  return (
    <fieldset className="compare" data-testid="compare">
      <legend>{t(lang, 'Compare.Title')}</legend>
      <Segs
        label={t(lang, 'Compare.With')}
        options={COMPARE_WITH}
        value={compare.with}
        text={(v) => t(lang, `Compare.with.${v}`)}
        onPick={(v) => set({ with: v })}
        testid="compare-with"
      />
      {compare.with === 'file' && (
        <div className="compare-file">
          <p className="hint-muted" data-testid="compare-other">
            {compare.other
              ? t(lang, 'Compare.Other', { name: compare.other.name || t(lang, 'Scenario.Untitled'), n: compare.other.edits.length })
              : t(lang, 'Compare.NoOther')}
          </p>
          <FilePicker
            label={t(lang, 'Compare.OpenOther')}
            accept={SCENARIO_ACCEPT}
            testid="compare-import"
            onFile={(f) => void f.arrayBuffer().then((b) => store.getState().openCompareFile(f.name, new Uint8Array(b)))}
          />
        </div>
      )}
      {(compare.with === 'horizon' || compare.with === 'file') && (
        <label className="field">
          <span className="field-label">{t(lang, 'Compare.Horizon')}</span>
          <select value={compare.horizon} onChange={(e) => set({ horizon: e.target.value as Horizon })} data-testid="compare-horizon">
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {t(lang, `Horizon.${h}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {compare.with !== 'none' && baseline.status === 'running' && <p className="hint-muted">{t(lang, 'Compare.Running')}</p>}
      {compare.with !== 'none' && baseline.status === 'error' && (
        <p className="error" role="alert">
          {t(lang, 'Analysis.Error', { message: baseline.error ?? '' })}
        </p>
      )}
      {result && base && sides && (
        <>
          <p className="hint" data-testid="compare-caption">
            {t(lang, 'Compare.Caption', sides)}
          </p>
          {same && <p className="hint">{t(lang, 'Compare.Same')}</p>}
          {comparable(result) ? (
            <>
              <Segs
                label={t(lang, 'Compare.View')}
                options={['difference', 'swipe'] as const}
                value={compare.view}
                text={(v) => t(lang, `Compare.view.${v}`)}
                onPick={(view) => set({ view })}
                testid="compare-view"
              />
              {half === 0 && (
                <p className="hint" data-testid="compare-nochange">
                  {t(lang, 'Compare.NoChange')} {unchanged && t(lang, unchanged)}
                </p>
              )}
              {compare.view === 'swipe' ? (
                <>
                  <label className="field">
                    <span className="field-label">{t(lang, 'Compare.Swipe')}</span>
                    <input
                      type="range"
                      min={0}
                      max={100}
                      value={Math.round(compare.swipe * 100)}
                      onChange={(e) => set({ swipe: Number(e.target.value) / 100 })}
                      data-testid="compare-swipe"
                    />
                  </label>
                  <p className="hint-muted">{t(lang, 'Compare.SwipeHint', sides)}</p>
                </>
              ) : half === 0 ? null : (
                <div className="analysis-legend" data-testid="compare-legend">
                  <div className="ramp" style={{ background: rampCss(RAMP_DIVERGING) }} />
                  <div className="ramp-labels">
                    <span>
                      {byCells
                        ? `+${fmt(lang, half)} ${unit} ${t(lang, 'Compare.Legend.farther')}`
                        : `−${fmt(lang, half)} ${t(lang, 'Compare.Legend.lower')}`}
                    </span>
                    <span>
                      {byCells
                        ? `−${fmt(lang, half)} ${unit} ${t(lang, 'Compare.Legend.nearer')}`
                        : `+${fmt(lang, half)} ${t(lang, 'Compare.Legend.higher')}`}
                    </span>
                  </div>
                </div>
              )}
            </>
          ) : (
            <p className="hint-muted">{t(lang, 'Compare.TableOnly')}</p>
          )}
          {chart && half > 0 && (
            <AnalysisChart
              lang={lang}
              spec={chart}
              selected={selected}
              onPick={pick}
              name={`ntcc-${result.kind}-gains`}
              testid="compare-chart"
            />
          )}
          {gains && <GainTable lang={lang} gains={gains} names={names} unit={unit} onWeight={(weight) => set({ weight })} />}
          {changes.length > 0 && <p className="hint-muted">{t(lang, 'Compare.IndexRelative')}</p>}
          {changes.length > 0 && (
            <div className="analysis-table-wrap">
              <table className="analysis-table" data-testid="compare-index">
                <caption>{t(lang, 'Compare.Index')}</caption>
                <thead>
                  <tr>
                    {(['unit', 'before', 'after', 'rank_before', 'rank_after', 'rank_change'] as const).map((c) => (
                      <th key={c} scope="col">
                        {t(lang, `Compare.col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.unit}>
                      <td>{names.get(c.unit) ?? c.unit}</td>
                      <td>{fmt(lang, c.index_before)}</td>
                      <td>{fmt(lang, c.index_after)}</td>
                      <td>{c.rank_before ?? '—'}</td>
                      <td>{c.rank_after ?? '—'}</td>
                      <td>
                        {c.rank_change === null
                          ? '—'
                          : c.rank_change > 0
                            ? `▲ ${c.rank_change}`
                            : c.rank_change < 0
                              ? `▼ ${-c.rank_change}`
                              : '='}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}

/** Units ranked by their mean gain, with the region's mean by the chosen weight. */
function GainTable(props: {
  lang: Lang;
  gains: NonNullable<ReturnType<typeof unitGains>>;
  names: ReadonlyMap<string, string>;
  unit: string;
  onWeight: (w: GainWeight) => void;
}) {
  const { lang, gains, names, unit } = props;
  const missing = gains.rows.filter((r) => r.weight === null).map((r) => names.get(r.unit) ?? r.unit);
  const weightName = t(lang, `Compare.weight.${gains.weight}`).toLowerCase();
  return (
    <>
      <Segs
        label={t(lang, 'Compare.Weight')}
        options={GAIN_WEIGHTS}
        value={gains.weight}
        text={(v) => t(lang, `Compare.weight.${v}`)}
        onPick={props.onWeight}
        testid="compare-weight"
      />
      <p className="hint" data-testid="compare-region">
        {gains.region === null
          ? t(lang, 'Compare.RegionMissing', { weight: weightName, names: missing.join(', ') })
          : t(lang, 'Compare.RegionMean', { gain: fmt(lang, gains.region), unit, weight: weightName })}
      </p>
      <p className="hint-muted">
        {t(lang, 'Compare.GainDoc')} {gains.weight === 'population' && t(lang, 'Compare.PopAssumption')}
      </p>
      <div className="analysis-table-wrap">
        <table className="analysis-table" data-testid="compare-gains">
          <caption>{t(lang, 'Compare.Gains')}</caption>
          <thead>
            <tr>
              {(['unit', 'before', 'after', 'gain'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(lang, `Compare.col.${c}`)}
                  {c === 'unit' ? '' : ` (${unit})`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {gains.rows.map((r) => (
              <tr key={r.unit}>
                <td>{names.get(r.unit) ?? r.unit}</td>
                <td>{fmt(lang, r.before)}</td>
                <td>{fmt(lang, r.after)}</td>
                <td>{fmt(lang, r.gain)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
