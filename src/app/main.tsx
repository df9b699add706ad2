// First import: starts the data and font downloads before the heavier modules initialise.
import './preload.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { startHashSync } from './hash-sync.ts';
import { startAnalysisAutoRun } from './analysis-autorun.ts';
import { startStoryPersistence } from './story-persistence.ts';
import { startPresentationControl, startPresenterControl } from './presentation-control.ts';
import { registerBuiltinStory } from '../state/store.ts';
import { BUILTIN_STORY } from '../presentation/builtin-story.ts';
import { PresenterView } from '../presentation/PresenterView.tsx';

registerBuiltinStory(BUILTIN_STORY);
const presenterWindow = /(^#|&)presenter(&|$)/.test(window.location.hash);
startStoryPersistence();
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
      <ErrorBoundary>{presenterWindow ? <PresenterView /> : <App />}</ErrorBoundary>
    </StrictMode>,
  );
