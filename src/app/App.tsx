import { useEffect, useState } from 'react';
import { t } from '../i18n/index.ts';
import { MapView } from '../map/MapView.tsx';
import { useAppStore } from '../state/store.ts';
import { InfoPanel } from '../ui/InfoPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { fontsPromise, provincesPromise } from './preload.ts';

/**
 * The page: the map starts as soon as the label font is loaded (it needs nothing else);
 * the province facts for the panel arrive in parallel.
 */
export function App() {
  const lang = useAppStore((s) => s.lang);
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
      if (!useAppStore.getState().data) useAppStore.getState().setData(data);
    }, fail);
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'App.ShortTitle');
  }, [lang]);

  return (
    <div className="app">
      <Toolbar />
      <main className="main">
        {error ? (
          <p className="fatal" role="alert">
            {t(lang, 'App.LoadError', { message: error })}
          </p>
        ) : fontsReady ? (
          <>
            <MapView />
            <div className="side">
              <InfoPanel />
              <Legend />
            </div>
            <Notice />
          </>
        ) : (
          <p className="loading">{t(lang, 'App.Loading')}</p>
        )}
      </main>
    </div>
  );
}
