// First import: starts the data and font downloads before the heavier modules initialise.
import './preload.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app.css';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { startHashSync } from './hash-sync.ts';
import { startAnalysisAutoRun } from './analysis-autorun.ts';

// The hash holds the view, edition and language the map opens with: read it before the first render.
startHashSync();
startAnalysisAutoRun();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
