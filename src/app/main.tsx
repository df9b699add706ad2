// First import: starts the data and font downloads before the heavier modules initialise.
import { presenterWindow } from './preload.ts';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { startHashSync } from './hash-sync.ts';
import { startAnalysisAutoRun } from './analysis-autorun.ts';
import { startPresentationControl, startPresenterControl } from './presentation-control.ts';
import { createAnalysisWorker } from './analysis-runner.ts';
import { createFileImporter } from './file-import.ts';
import { startServiceWorker } from './service-worker.ts';
import { createAppStore, createMapBridge, StoreProvider } from '../state/store.ts';

// The composition root: the store is made here with everything it cannot do itself.
// The map lends its capture through the bridge while it is shown; the built-in story
// arrives with its own chunk (the map does not wait for it).
const mapBridge = createMapBridge();
const analysisWorker = presenterWindow ? null : createAnalysisWorker();
const store = createAppStore({
  runAnalysis: analysisWorker?.runAnalysis ?? null,
  ownData: analysisWorker?.ownData ?? null,
  importFiles: createFileImporter(),
  captureMap: mapBridge.capture,
  // The audience window reveals a scene's content once its camera arrives; the presenter window has no map.
  sceneReveal: presenterWindow ? 'immediate' : 'on-arrival',
});

// The presenter window's view, and the story (built-in scenes, saved-story format), load in
// their own chunks: the map does not wait for them.
const PresenterView = lazy(() => import('../presentation/PresenterView.tsx').then((m) => ({ default: m.PresenterView })));
void import('./story-persistence.ts').then((m) => {
  store.getState().setBuiltinStory(m.BUILTIN_STORY);
  m.startStoryPersistence(store);
});
if (presenterWindow) startPresenterControl(store);
else {
  // The hash holds the view, edition and language the map opens with: read it before the first render.
  startHashSync(store);
  startAnalysisAutoRun(store);
  startPresentationControl(store);
}
// Installable and offline after one visit (the built app only; not the presenter window).
const serviceWorker = presenterWindow ? null : startServiceWorker(store);

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <StoreProvider store={store}>
        <ErrorBoundary lang={() => store.getState().lang}>
          {presenterWindow ? (
            <Suspense fallback={null}>
              <PresenterView />
            </Suspense>
          ) : (
            <App mapBridge={mapBridge} onUpdate={() => serviceWorker?.reloadForUpdate()} />
          )}
        </ErrorBoundary>
      </StoreProvider>
    </StrictMode>,
  );
