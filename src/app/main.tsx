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

// The presenter window's view, and the story (built-in scenes, saved-story format), load in
// their own chunks: the map does not wait for them.
const PresenterView = lazy(() => import('../presentation/PresenterView.tsx').then((m) => ({ default: m.PresenterView })));
void import('./story-persistence.ts').then((m) => m.startStoryPersistence());
if (presenterWindow) startPresenterControl();
else {
  // The hash holds the view, edition and language the map opens with: read it before the first render.
  startHashSync();
  startAnalysisAutoRun();
  startPresentationControl();
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        {presenterWindow ? (
          <Suspense fallback={null}>
            <PresenterView />
          </Suspense>
        ) : (
          <App />
        )}
      </ErrorBoundary>
    </StrictMode>,
  );
