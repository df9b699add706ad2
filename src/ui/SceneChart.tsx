import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { chartOf, firstCategories } from '../export/charts.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';
import { AnalysisChart } from './AnalysisChart.tsx';

/** Bars a scene's chart shows (the largest first): read from across a meeting room. */
const SCENE_BARS = 6;
/** The width the chart is drawn at; the caption scales it with its type. */
const SCENE_CHART_WIDTH = 460;

/**
 * The shown scene's analysis as a chart, for the presentation's caption (a scene that asks for
 * one): drawn from the result on the map, as the analysis panel draws it, without its buttons.
 */
export function SceneChart() {
  const store = useStoreApi();
  const s = useAppStore(useShallow((x) => ({ lang: x.lang, analysis: x.analysis, view: x.analysisView, selected: x.selected })));
  const result = s.analysis.status === 'done' ? s.analysis.result : null;
  const spec = useMemo(
    () => (result ? firstCategories(chartOf(result, { measure: s.view.measure, method: s.view.method }), SCENE_BARS) : null),
    [result, s.view.measure, s.view.method],
  );
  const pick = useCallback((unit: string) => store.getState().select(unit), [store]);
  if (!result || !spec) return null;
  return (
    <AnalysisChart
      lang={s.lang}
      spec={spec}
      selected={s.selected}
      onPick={pick}
      name={`ntcc-${result.kind}-chart`}
      bare
      drawWidth={SCENE_CHART_WIDTH}
      testid="present-chart"
    />
  );
}
