/**
 * The offline presentation: the page written as one HTML file that plays a story from
 * `file://`, with no server and no network. Everything it needs is inside it: scripts, styles
 * and fonts (inlined by the single-file build, vite.offline.config.ts), and in its data block
 * the story, the basemap tiles its scenes need (served to the map through a protocol of its
 * own) and the analysis results its scenes show. The bundled data layers are inlined as data
 * URLs. It plays the story as presentation mode does: keys and clicker (which start the story
 * from the title card too, and ← on the first scene comes back to it), full screen, captions
 * and figures with their sources, black screen, and the language switch.
 */
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import './app.css';
import { StrictMode, useEffect, useLayoutEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { addProtocol, prewarm, setWorkerUrl } from 'maplibre-gl';
import workerCode from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';
import { overridesKey, paramsKey } from '../core/analysis.ts';
import { sceneZoom, type Story } from '../core/story.ts';
import { loadProvinces } from '../data/provinces.ts';
import { loadThematic } from '../data/thematic.ts';
import { fromBase64 } from '../export/base64.ts';
import { decodeResult, OFFLINE_DATA_ID, readOfflinePayload, type OfflinePayload } from '../export/offline-file.ts';
import { render, t, type Lang } from '../i18n/index.ts';
import { MapView } from '../map/MapView.tsx';
import { startTitleCardKeys } from '../presentation/keys.ts';
import { PresentationOverlay } from '../presentation/PresentationOverlay.tsx';
import { SceneChart } from '../ui/SceneChart.tsx';
import { createAppStore, createMapBridge, StoreProvider, useAppStore, useStoreApi, type AnalysisRunner } from '../state/store.ts';
import { Notice } from '../ui/Notice.tsx';
import { startAnalysisAutoRun } from './analysis-autorun.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { loadLabelFont } from './label-font.ts';
import { leave, present, startPresentationControl } from './presentation-control.ts';

/** The protocol the map's tile URLs use here: answered from the data block, never the network. */
const TILES = { base: 'ntcc-offline://app', maxZoom: 10 };

// MapLibre's worker, from its inlined code.
setWorkerUrl(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
prewarm();

/** The results the scenes show, by run key; a run not carried is refused with a reason. */
function offlineRunner(payload: OfflinePayload, lang: () => Lang): AnalysisRunner {
  return (params, _progress, overrides) => {
    const json = payload.results[`${paramsKey(params)}|${overridesKey(overrides)}`];
    if (json === undefined) return Promise.reject(new Error(t(lang(), 'Offline.MissingResult')));
    return Promise.resolve({ result: decodeResult(json), cached: true });
  };
}

/** The page before and between presenting: the story's title, the language, and Start. */
function StartCard({ story }: { story: Story }) {
  const store = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  // The card's box, so that the first scene's subject shows beside it (as beside a caption).
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const measure = (): void => {
      const c = card.current;
      const area = c?.parentElement;
      if (!c || !area) return;
      const o = area.getBoundingClientRect();
      const b = c.getBoundingClientRect();
      store.getState().setCaptionBox({ left: b.left - o.left, top: b.top - o.top, right: b.right - o.left, bottom: b.bottom - o.top });
    };
    measure();
    // Again when the card or the screen changes size (another language, a turned phone).
    const watch = new ResizeObserver(measure);
    if (card.current) watch.observe(card.current);
    if (card.current?.parentElement) watch.observe(card.current.parentElement);
    return () => {
      watch.disconnect();
      store.getState().setCaptionBox(null);
    };
  }, [store]);
  return (
    <div className="offline-start panel" data-testid="offline-start" ref={card}>
      <h1>{story.title[lang]}</h1>
      <p className="hint-muted">{t(lang, 'Offline.Scenes', { n: story.scenes.length })}</p>
      <div className="segs" role="group" aria-label={t(lang, 'Toolbar.Language')}>
        {(['vi', 'en'] as const).map((l) => (
          <button
            key={l}
            type="button"
            className={l === lang ? 'seg on' : 'seg'}
            aria-pressed={l === lang}
            onClick={() => store.getState().setLang(l)}
            data-testid={`offline-lang-${l}`}
          >
            {l === 'vi' ? 'Tiếng Việt' : 'English'}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="seg active offline-go"
        onClick={(e) => {
          e.currentTarget.blur();
          present(store, store.getState().storyIndex);
        }}
        data-testid="offline-present"
      >
        ▶ {t(lang, 'Offline.Start')}
      </button>
      <p className="hint-muted">{t(lang, 'Offline.Keys')}</p>
    </div>
  );
}

function Player({ story }: { story: Story }) {
  const store = useStoreApi();
  const presenting = useAppStore((s) => s.presenting);
  const lang = useAppStore((s) => s.lang);
  const mapReady = useAppStore((s) => s.mapReady);
  const blackout = useAppStore((s) => s.blackout);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = story.title[lang];
  }, [lang, story]);
  // The thematic layers once the map has drawn, as in the app; the first scene's subject beside the title card.
  useEffect(() => {
    if (!mapReady) return;
    void loadThematic().then(({ data }) => store.getState().setThematic(data));
    const first = story.scenes[0];
    if (first && !store.getState().presenting) {
      const c = first.camera;
      store.getState().flyTo(c.center, c.zoom, c.bearing, c.pitch, { viewport: c.viewport, subject: first.subject });
    }
  }, [mapReady, store, story]);
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <main className="main">
        <div className="map-area">
          <MapView bridge={bridge} tiles={TILES} />
          {presenting ? <PresentationOverlay onLeave={() => leave(store)} chart={<SceneChart />} /> : <StartCard story={story} />}
          {!presenting && blackout && <div className="blackout" data-testid="blackout" />}
          <Notice />
        </div>
      </main>
    </div>
  );
}

const bridge = createMapBridge();

function Failed({ message }: { message: string }) {
  return (
    <p className="fatal" role="alert" data-testid="offline-error">
      {message}
    </p>
  );
}

function start(): void {
  const root = document.getElementById('root');
  if (!root) return;
  const read = readOfflinePayload(document.getElementById(OFFLINE_DATA_ID)?.textContent ?? '');
  if (!read.ok) {
    const vars = read.error.code === 'future' ? { version: read.error.version } : {};
    createRoot(root).render(
      <Failed
        message={`${render('vi', { key: `Offline.Error.${read.error.code}`, vars })} / ${render('en', { key: `Offline.Error.${read.error.code}`, vars })}`}
      />,
    );
    return;
  }
  const { payload, story } = read;
  TILES.maxZoom = payload.maxZoom;
  addProtocol('ntcc-offline', (params) => {
    const key = params.url.replace(/^ntcc-offline:\/\/app\/tiles\//, '').replace(/\.pbf$/, '');
    const b64 = payload.tiles[key];
    // A tile not carried is empty: the map overzooms the shallower one it has.
    return Promise.resolve({ data: b64 ? fromBase64(b64).buffer : new ArrayBuffer(0) });
  });
  const store = createAppStore({
    runAnalysis: offlineRunner(payload, () => store.getState().lang),
    importFiles: null,
    captureMap: bridge.capture,
    sceneReveal: 'on-arrival',
  });
  const first = story.scenes[0]!;
  store.setState({
    lang: payload.lang,
    view: {
      center: first.camera.center,
      zoom: sceneZoom(first.camera.zoom, first.camera.viewport, { width: window.innerWidth, height: window.innerHeight }),
      bearing: first.camera.bearing,
      pitch: first.camera.pitch,
    },
  });
  store.getState().setBuiltinStory(story);
  store.getState().loadStory(story);
  store.getState().revealScene(0);
  startAnalysisAutoRun(store);
  // A clicker starts the story from the title card, and ← on the first scene comes back to it.
  startPresentationControl(store, { onBeforeFirst: () => store.getState().stopPresentation() });
  startTitleCardKeys(
    store,
    () => !store.getState().presenting,
    (from) => present(store, from),
  );
  void loadProvinces().then((data) => store.getState().setData(data));
  void loadLabelFont().finally(() =>
    createRoot(root).render(
      <StrictMode>
        <StoreProvider store={store}>
          <ErrorBoundary lang={() => store.getState().lang}>
            <Player story={story} />
          </ErrorBoundary>
        </StoreProvider>
      </StrictMode>,
    ),
  );
}

start();
