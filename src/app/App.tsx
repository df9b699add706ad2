import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n/index.ts';
import { MapView } from '../map/MapView.tsx';
import { useAppStore } from '../state/store.ts';
import { InfoPanel } from '../ui/InfoPanel.tsx';
import { Legend } from '../ui/Legend.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Toolbar } from '../ui/Toolbar.tsx';
import { startHashSync } from './hash-sync.ts';
import { fontsPromise, provincesPromise } from './preload.ts';

/** Loads the web font and the data, starts the hash sync, then shows the map. */
export function App() {
  const { lang, ready } = useAppStore(useShallow((s) => ({ lang: s.lang, ready: s.data !== null })));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let stop = (): void => {};
    Promise.all([provincesPromise, fontsPromise])
      .then(([data]) => {
        if (cancelled) return;
        performance.mark('data-ready');
        if (!useAppStore.getState().data) useAppStore.getState().setData(data);
        stop = startHashSync();
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
      stop();
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
        ) : ready ? (
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
