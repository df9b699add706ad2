import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n/index.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';
import { AUTOPLAY_SECONDS, autoplaySeconds } from '../core/story.ts';
import { captionKey, fitCaption } from './fit-caption.ts';

function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The presenter's window: the current and the next scene, speaker notes, the elapsed time,
 * and controls. It stays in step with the audience window whichever one is driven.
 */
export function PresenterView() {
  const store = useStoreApi();
  const { getState } = store;
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      story: x.story,
      index: x.storyIndex,
      blackout: x.blackout,
      started: x.presentStarted,
      autoplay: x.autoplay,
    })),
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, []);
  const { lang } = s;
  const cur = s.story.scenes[s.index];
  // The current caption and its figures whole in the window, whatever its size (type steps down).
  const card = useRef<HTMLDivElement>(null);
  const shown = cur ? captionKey(cur, lang) : null;
  useLayoutEffect(() => {
    if (shown === null) return;
    const fit = (): void => {
      if (card.current) fitCaption(card.current);
    };
    fit();
    window.addEventListener('resize', fit);
    let live = true;
    void document.fonts?.ready.then(() => live && fit());
    return () => {
      live = false;
      window.removeEventListener('resize', fit);
    };
  }, [shown]);
  const next = s.story.scenes[s.index + 1];
  const total = s.story.scenes.length;
  const go = (i: number): void => {
    if (i >= 0 && i < total) store.setState({ storyIndex: i, blackout: false });
  };
  return (
    <main className="presenter" data-testid="presenter">
      <header className="presenter-head">
        <h1>{t(lang, 'Story.PresenterTitle')}</h1>
        <span className="presenter-clock" data-testid="presenter-clock">
          {t(lang, 'Story.Elapsed')}: {clock(s.started ? now - s.started : 0)}
        </span>
        <span className="presenter-count" data-testid="presenter-count">
          {t(lang, 'Story.Progress', { n: s.index + 1, total })}
        </span>
      </header>
      {!cur ? (
        <p>{t(lang, 'Story.Waiting')}</p>
      ) : (
        <div className="presenter-body">
          <section className="presenter-current" aria-label={t(lang, 'Story.Current')}>
            <h2>{t(lang, 'Story.Current')}</h2>
            <div className="presenter-card" data-testid="presenter-current-card" ref={card}>
              <p className="presenter-caption" data-testid="presenter-caption">
                {cur.caption[lang] || t(lang, 'Story.NoCaption')}
              </p>
              {cur.figures.length > 0 && (
                <ul className="present-figures">
                  {cur.figures.map((f, i) => (
                    <li key={i}>
                      <span className="figure-value">{f.value[lang]}</span>
                      <span className="figure-label">{f.label[lang]}</span>
                      <span className="figure-source">{t(lang, 'Story.Source', { source: f.source })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div className="presenter-notes" data-testid="presenter-notes">
              {cur.notes[lang]}
            </div>
          </section>
          <section className="presenter-next" aria-label={t(lang, 'Story.NextScene')}>
            <h2>{t(lang, 'Story.NextScene')}</h2>
            <p data-testid="presenter-next">{next ? next.caption[lang] || t(lang, 'Story.NoCaption') : t(lang, 'Story.End')}</p>
          </section>
        </div>
      )}
      <footer className="presenter-controls">
        <button type="button" className="seg" onClick={() => go(s.index - 1)} data-testid="presenter-prev">
          ← {t(lang, 'Story.Prev')}
        </button>
        <button type="button" className="seg active" onClick={() => go(s.index + 1)} data-testid="presenter-next-button">
          {t(lang, 'Story.Next')} →
        </button>
        <label className="layer-toggle">
          <input type="checkbox" checked={s.blackout} onChange={(e) => getState().setBlackout(e.target.checked)} /> {t(lang, 'Story.Black')}
        </label>
        <label className="layer-toggle">
          <input type="checkbox" checked={s.autoplay.on} onChange={(e) => getState().setAutoplay({ on: e.target.checked })} />{' '}
          {t(lang, 'Story.Autoplay')}
        </label>
        <input
          type="number"
          min={AUTOPLAY_SECONDS.min}
          max={AUTOPLAY_SECONDS.max}
          value={s.autoplay.seconds}
          aria-label={t(lang, 'Story.Seconds')}
          onChange={(e) => {
            const seconds = autoplaySeconds(e.target.value);
            if (seconds !== null) getState().setAutoplay({ seconds });
          }}
        />{' '}
        {t(lang, 'Story.Seconds')}
        <p className="hint-muted">{t(lang, 'Story.PresenterHelp')}</p>
      </footer>
    </main>
  );
}
