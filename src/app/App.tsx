import { lazy, Suspense, useEffect, useState } from 'react';
import { t } from '../i18n/index.ts';
import { MapView } from '../map/MapView.tsx';
import { useAppStore, useStoreApi, type MapBridge } from '../state/store.ts';
import { InfoPanel } from '../ui/InfoPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { Notice } from '../ui/Notice.tsx';
import { UpdatePrompt } from '../ui/UpdatePrompt.tsx';
import { LayerPanel } from '../ui/LayerPanel.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { fontsPromise, provincesPromise } from './preload.ts';
import { leave, openPresenter, present, presentStory } from './presentation-control.ts';
import { PresentationOverlay } from '../presentation/PresentationOverlay.tsx';
import { SceneChart } from '../ui/SceneChart.tsx';
import { SwipeLine } from '../ui/SwipeLine.tsx';
import { isPlacing, PickBar } from '../ui/PickBar.tsx';

// The analysis panel (and, through the worker, the analysis code) load on first use.
const AnalysisPanel = lazy(() => import('../ui/AnalysisPanel.tsx'));
const ExportDialog = lazy(() => import('../ui/ExportDialog.tsx'));
const PrintDialog = lazy(() => import('../ui/PrintDialog.tsx'));
const TableJoinDialog = lazy(() => import('../ui/TableJoinDialog.tsx').then((m) => ({ default: m.TableJoinDialog })));
const LinesDialog = lazy(() => import('../ui/LinesDialog.tsx').then((m) => ({ default: m.LinesDialog })));
const ScenarioPanel = lazy(() => import('../ui/ScenarioPanel.tsx').then((m) => ({ default: m.ScenarioPanel })));
const StoryPanel = lazy(() => import('../ui/StoryPanel.tsx').then((m) => ({ default: m.StoryPanel })));

/**
 * The page: the map starts as soon as the label font is loaded (it needs nothing else);
 * the province facts for the panel arrive in parallel.
 */
export function App({ mapBridge, onUpdate }: { mapBridge: MapBridge; onUpdate: () => void }) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const analysisOpen = useAppStore((s) => s.analysisOpen);
  const exportOpen = useAppStore((s) => s.exportOpen);
  const printOpen = useAppStore((s) => s.printOpen);
  const scenarioOpen = useAppStore((s) => s.scenarioOpen);
  const placing = useAppStore((s) => isPlacing(s.mapPick));
  const tableDraft = useAppStore((s) => s.tableDraft !== null);
  const linesDraft = useAppStore((s) => s.linesDraft !== null);
  const presenting = useAppStore((s) => s.presenting);
  const storyOpen = useAppStore((s) => s.storyOpen);
  const layersOpen = useAppStore((s) => s.layersOpen);
  const [fontsReady, setFontsReady] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const fail = (e: unknown): void => {
      if (!cancelled) setError(e instanceof Error ? e.message : String(e));
    };
    fontsPromise.then(() => !cancelled && setFontsReady(true), fail);
    provincesPromise.then((data) => {
      if (cancelled) return;
      performance.mark('data-ready');
      if (!store.getState().data) store.getState().setData(data);
    }, fail);
    return () => {
      cancelled = true;
    };
  }, [store]);

  // Thematic layers: loaded once the map has drawn, so they never delay it.
  const mapReady = useAppStore((s) => s.mapReady);
  useEffect(() => {
    if (!mapReady) return;
    let cancelled = false;
    void import('../data/thematic.ts')
      .then(({ loadThematic }) => loadThematic())
      .then(({ data, errors }) => {
        if (cancelled) return;
        store.getState().setThematic(data);
        if (errors.length) store.getState().setNotice({ key: 'Data.LayerError', vars: { message: errors.join('; ') } });
      });
    return () => {
      cancelled = true;
    };
  }, [mapReady, store]);

  // Files dropped anywhere on the page are imported.
  useEffect(() => {
    const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent): void => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      void store.getState().importFiles(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [store]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'App.ShortTitle');
  }, [lang]);

  return (
    <div className={`app${presenting ? ' presenting' : ''}${placing ? ' placing' : ''}`}>
      <Toolbar onPresent={() => presentStory(store)} />
      <main className={`main${analysisOpen ? ' analysis-open' : ''}`}>
        {error ? (
          <p className="fatal" role="alert">
            {t(lang, 'App.LoadError', { message: error })}
          </p>
        ) : fontsReady ? (
          <>
            {/* The map and what floats over it; the layer and analysis panel sits beside it (see app.css). */}
            <div className="map-area">
              <MapView bridge={mapBridge} warm />
              <SwipeLine />
              <PickBar />
              {presenting && <PresentationOverlay onLeave={() => leave(store)} chart={<SceneChart />} />}
              <div className="side">
                {storyOpen ? (
                  <Suspense fallback={<p className="panel loading">{t(lang, 'App.Loading')}</p>}>
                    <StoryPanel onPresent={(from) => present(store, from)} onPresenter={openPresenter} />
                  </Suspense>
                ) : scenarioOpen ? (
                  <Suspense fallback={<p className="panel loading">{t(lang, 'App.Loading')}</p>}>
                    <ScenarioPanel />
                  </Suspense>
                ) : (
                  <>
                    <InfoPanel />
                    <Legend />
                  </>
                )}
              </div>
              <Notice />
              <UpdatePrompt onReload={onUpdate} />
            </div>
            {/* Beside the map on a wide screen; a drawer or bottom sheet on a narrow one, shown when asked for. */}
            <div
              className={`side-right${analysisOpen ? ' wide' : ''}${analysisOpen || layersOpen ? ' open' : ''}`}
              data-testid="side-right"
            >
              {analysisOpen ? (
                <Suspense fallback={<p className="panel loading">{t(lang, 'App.Loading')}</p>}>
                  <AnalysisPanel />
                </Suspense>
              ) : (
                <LayerPanel />
              )}
            </div>
            {exportOpen && (
              <Suspense fallback={null}>
                <ExportDialog />
              </Suspense>
            )}
            {printOpen && (
              <Suspense fallback={null}>
                <PrintDialog />
              </Suspense>
            )}
            {tableDraft && (
              <Suspense fallback={null}>
                <TableJoinDialog />
              </Suspense>
            )}
            {linesDraft && (
              <Suspense fallback={null}>
                <LinesDialog />
              </Suspense>
            )}
          </>
        ) : (
          <p className="loading">{t(lang, 'App.Loading')}</p>
        )}
      </main>
    </div>
  );
}
