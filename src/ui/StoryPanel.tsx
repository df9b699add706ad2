import { useState } from 'react';
import { FilePicker } from './FilePicker.tsx';
import { useShallow } from 'zustand/react/shallow';
import { t, type Lang } from '../i18n/index.ts';
import { useAppStore, useStoreApi, type AppStore } from '../state/store.ts';
import { AUTOPLAY_SECONDS, autoplaySeconds } from '../core/story.ts';
import { readStory, writeStory } from '../export/story-file.ts';
import { download } from '../export/download.ts';

/** Reads a story file the user picked; a bad one gets a message and changes nothing. */
async function openStoryFile(file: File, store: AppStore): Promise<void> {
  const r = readStory(await file.text());
  const st = store.getState();
  if (!r.ok) {
    const e = r.error;
    const reason = {
      key: `Story.reason.${e.code}` as const,
      vars: e.code === 'future-version' ? { version: e.version } : e.code === 'invalid' ? { path: e.path } : {},
    };
    st.setNotice({ key: 'Story.ImportFailed', vars: { reason: '' }, details: [reason], tone: 'error' });
    return;
  }
  st.loadStory(r.story, { keepHistory: true });
  st.setNotice({ key: 'Story.Imported', vars: { title: r.story.title[st.lang], n: r.story.scenes.length }, tone: 'info' });
}

/**
 * Authoring the story: the scenes in order (click to show one), capture the current map
 * as a new scene, edit caption and notes in both languages, reorder, delete, undo; save
 * to and open from a file; start presenting, and open the presenter window.
 */
export function StoryPanel({ onPresent, onPresenter }: { onPresent: (from: number) => void; onPresenter: () => void }) {
  const store = useStoreApi();
  const { getState } = store;
  const s = useAppStore(
    useShallow((x) => ({ lang: x.lang, story: x.story, index: x.storyIndex, canUndo: x.storyHistory.length > 0, autoplay: x.autoplay })),
  );
  const { lang, story, index } = s;
  const scene = story.scenes[index];
  const [deck, setDeck] = useState<{ busy: number | null; message: string | null; error?: boolean }>({ busy: null, message: null });
  const saveOffline = async (): Promise<void> => {
    setDeck({ busy: 0, message: t(lang, 'Offline.Progress', { step: '' }) });
    try {
      const { makeOfflineStory } = await import('./offline-story.ts');
      const html = await makeOfflineStory(store, (step) => setDeck({ busy: 0, message: t(lang, 'Offline.Progress', { step }) }));
      download(html, 'ntcc-story.html', 'text/html');
      const mb = (new TextEncoder().encode(html).length / 1e6).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
        maximumFractionDigits: 1,
      });
      setDeck({ busy: null, message: t(lang, 'Offline.Done', { file: 'ntcc-story.html', mb }) });
    } catch (e) {
      setDeck({ busy: null, message: t(lang, 'Offline.Failed', { message: e instanceof Error ? e.message : String(e) }), error: true });
    }
  };
  const saveDeck = async (): Promise<void> => {
    const total = story.scenes.length;
    setDeck({ busy: 0, message: t(lang, 'Deck.Progress', { n: 1, total }) });
    try {
      const { makeStoryDeck } = await import('./story-deck.ts');
      const bytes = await makeStoryDeck(store, (n) => setDeck({ busy: n, message: t(lang, 'Deck.Progress', { n, total }) }));
      download(bytes, 'ntcc-story.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
      setDeck({ busy: null, message: t(lang, 'Deck.Done', { file: 'ntcc-story.pptx' }) });
    } catch (e) {
      setDeck({ busy: null, message: t(lang, 'Deck.Failed', { message: e instanceof Error ? e.message : String(e) }), error: true });
    }
  };
  const field = (kind: 'caption' | 'notes', l: Lang) => (
    <label className="field" key={`${kind}-${l}`}>
      <span className="field-label">
        {t(lang, kind === 'caption' ? 'Story.Caption' : 'Story.Notes', { lang: l === 'vi' ? 'Tiếng Việt' : 'English' })}
      </span>
      <textarea
        rows={kind === 'caption' ? 2 : 4}
        maxLength={2000}
        value={scene?.[kind][l] ?? ''}
        data-testid={`story-${kind}-${l}`}
        onChange={(e) => scene && getState().updateScene(index, { [kind]: { ...scene[kind], [l]: e.target.value } })}
      />
    </label>
  );
  return (
    <section className="panel story" aria-label={t(lang, 'Story.Title')} data-testid="story-panel">
      <div className="info-head">
        <h2>{t(lang, 'Story.Title')}</h2>
        <button type="button" className="close" aria-label={t(lang, 'Info.Close')} onClick={() => getState().setStoryOpen(false)}>
          ×
        </button>
      </div>
      <div className="story-actions">
        <button type="button" className="seg active" onClick={() => onPresent(index)} data-testid="story-present">
          {t(lang, 'Story.Present')}
        </button>
        <button type="button" className="seg" onClick={() => onPresent(0)}>
          {t(lang, 'Story.PresentStart')}
        </button>
        <button type="button" className="seg" onClick={onPresenter} data-testid="story-presenter">
          {t(lang, 'Story.Presenter')}
        </button>
      </div>
      <div className="story-actions">
        <label className="layer-toggle">
          <input
            type="checkbox"
            checked={s.autoplay.on}
            onChange={(e) => getState().setAutoplay({ on: e.target.checked })}
            data-testid="story-autoplay"
          />{' '}
          {t(lang, 'Story.Autoplay')}
        </label>
        <input
          type="number"
          min={AUTOPLAY_SECONDS.min}
          max={AUTOPLAY_SECONDS.max}
          className="autoplay-seconds"
          value={s.autoplay.seconds}
          aria-label={t(lang, 'Story.Seconds')}
          onChange={(e) => {
            const seconds = autoplaySeconds(e.target.value);
            if (seconds !== null) getState().setAutoplay({ seconds });
          }}
        />{' '}
        {t(lang, 'Story.Seconds')}
      </div>
      <p className="hint-muted">{t(lang, 'Story.Help')}</p>
      <ol className="scene-list" data-testid="scene-list">
        {story.scenes.map((sc, i) => (
          <li key={sc.id} className={i === index ? 'active' : undefined}>
            <button type="button" className="scene-item" aria-current={i === index} onClick={() => getState().goToScene(i)}>
              <span className="scene-n">{i + 1}</span> {sc.caption[lang] || t(lang, 'Story.NoCaption')}
            </button>
          </li>
        ))}
      </ol>
      <div className="story-actions">
        <button type="button" className="seg" onClick={() => getState().captureScene()} data-testid="story-capture">
          {t(lang, 'Story.Capture')}
        </button>
        <button
          type="button"
          className="seg"
          aria-label={t(lang, 'Story.Up')}
          title={t(lang, 'Story.Up')}
          onClick={() => getState().moveScene(index, -1)}
          disabled={index === 0}
        >
          ↑
        </button>
        <button
          type="button"
          className="seg"
          aria-label={t(lang, 'Story.Down')}
          title={t(lang, 'Story.Down')}
          onClick={() => getState().moveScene(index, 1)}
          disabled={index >= story.scenes.length - 1}
        >
          ↓
        </button>
        <button
          type="button"
          className="seg"
          onClick={() => getState().deleteScene(index)}
          disabled={story.scenes.length <= 1}
          data-testid="story-delete"
        >
          {t(lang, 'Story.Delete')}
        </button>
        <button type="button" className="seg" onClick={() => getState().undoStory()} disabled={!s.canUndo} data-testid="story-undo">
          {t(lang, 'Story.Undo')}
        </button>
      </div>
      {scene && (
        <div className="scene-editor">
          {field('caption', 'vi')}
          {field('caption', 'en')}
          {field('notes', 'vi')}
          {field('notes', 'en')}
          {scene?.analysis && (
            <label className="layer-toggle">
              <input
                type="checkbox"
                checked={scene.chart === true}
                data-testid="story-chart"
                onChange={(e) => getState().updateScene(index, { chart: e.target.checked })}
              />{' '}
              {t(lang, 'Story.ShowChart')}
            </label>
          )}
        </div>
      )}
      <div className="story-actions">
        <button
          type="button"
          className="seg"
          onClick={() => download(writeStory(getState().story), 'ntcc-story.json', 'application/json')}
          data-testid="story-export"
        >
          {t(lang, 'Story.Export')}
        </button>
        <FilePicker
          label={t(lang, 'Story.Import')}
          accept=".json,application/json"
          testid="story-import"
          onFile={(f) => void openStoryFile(f, store)}
        />
        <button type="button" className="seg" onClick={() => getState().resetStoryToBuiltin()} data-testid="story-reset">
          {t(lang, 'Story.Reset')}
        </button>
        <button
          type="button"
          className="seg"
          disabled={deck.busy !== null || story.scenes.length === 0}
          onClick={() => void saveDeck()}
          data-testid="story-pptx"
        >
          {t(lang, 'Deck.Save')}
        </button>
        <button
          type="button"
          className="seg"
          disabled={deck.busy !== null || story.scenes.length === 0}
          onClick={() => void saveOffline()}
          data-testid="story-offline"
        >
          {t(lang, 'Offline.Save')}
        </button>
      </div>
      {deck.message && (
        <p className={deck.error ? 'error' : 'hint-muted'} role={deck.error ? 'alert' : 'status'} data-testid="story-pptx-status">
          {deck.message}
        </p>
      )}
    </section>
  );
}
