import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n/index.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';
import { captionKey, fitCaption } from './fit-caption.ts';
import { startPresentationTouch } from './touch.ts';

/** The cursor and the controls hide after this long without movement or touch. */
const IDLE_MS = 2500;

/**
 * What the audience sees over the map while presenting: the caption in large type, the
 * scene's figures with their sources, a progress bar, the black screen, and controls (previous,
 * next) that show on movement or a tap. The cursor and the controls hide when idle.
 */
export function PresentationOverlay({
  onLeave,
  chart,
}: {
  onLeave: () => void;
  /** The scene's analysis chart, where the scene asks for one (the composition root draws it: charts are the UI's). */
  chart?: ReactNode;
}) {
  const store = useStoreApi();
  const { getState } = store;
  const s = useAppStore(useShallow((x) => ({ lang: x.lang, story: x.story, index: x.storyIndex, blackout: x.blackout })));
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), IDLE_MS);
    const wake = (): void => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIdle(true), IDLE_MS);
    };
    window.addEventListener('mousemove', wake);
    // On a touch screen a swipe steps the story and a tap brings the controls back.
    const stopTouch = startPresentationTouch(store, () => true, wake);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('mousemove', wake);
      stopTouch();
    };
  }, [store]);
  useEffect(() => {
    document.body.classList.toggle('cursor-hidden', idle);
    return () => document.body.classList.remove('cursor-hidden');
  }, [idle]);
  const scene = s.story.scenes[s.index];
  // The caption whole on this screen (type stepped down where needed), and its box told to the
  // map, which keeps the scene's subject clear of it. Again when the screen or the fonts change.
  const root = useRef<HTMLDivElement>(null);
  const card = useRef<HTMLDivElement>(null);
  const shown = scene ? captionKey(scene, s.lang) : null;
  useLayoutEffect(() => {
    if (shown === null) return;
    /** The overlay's size when the card was last fitted. */
    let fitted = '';
    const sizeOf = (el: HTMLElement): string => `${el.clientWidth}x${el.clientHeight}`;
    const fit = (): void => {
      const r = root.current;
      const c = card.current;
      if (!r || !c) return;
      fitted = sizeOf(r);
      fitCaption(c);
      const o = r.getBoundingClientRect();
      const b = c.getBoundingClientRect();
      getState().setCaptionBox({ left: b.left - o.left, top: b.top - o.top, right: b.right - o.left, bottom: b.bottom - o.top });
    };
    fit();
    const watch = new ResizeObserver(() => {
      if (root.current && sizeOf(root.current) !== fitted) fit();
    });
    if (root.current) watch.observe(root.current);
    // Content that arrives after the card is shown (a scene's chart, drawn once its renderer has
    // loaded) is fitted too: the fit itself only sets the card's style, never its children.
    let frame = 0;
    const grown = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    });
    if (card.current) grown.observe(card.current, { childList: true, subtree: true });
    let live = true;
    void document.fonts?.ready.then(() => live && fit());
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      grown.disconnect();
      watch.disconnect();
    };
  }, [shown, getState]);
  useEffect(() => () => getState().setCaptionBox(null), [getState]);
  if (!scene) return null;
  const total = s.story.scenes.length;
  const { lang } = s;
  return (
    <div className="presentation" data-testid="presentation" ref={root}>
      <div
        className={scene.figures.length > 1 || (scene.chart && scene.analysis) ? 'present-caption with-figures' : 'present-caption'}
        data-testid="present-caption"
        lang={lang}
        ref={card}
      >
        <p className="caption-text">{scene.caption[lang] || t(lang, 'Story.NoCaption')}</p>
        {scene.figures.length > 0 && (
          <ul className="present-figures">
            {scene.figures.map((f, i) => (
              <li key={i}>
                <span className="figure-value">{f.value[lang]}</span>
                <span className="figure-label">{f.label[lang]}</span>
                <span className="figure-source">{t(lang, 'Story.Source', { source: f.source })}</span>
              </li>
            ))}
          </ul>
        )}
        {scene.chart && scene.analysis && chart && <div className="present-chart">{chart}</div>}
      </div>
      <div
        className="present-progress"
        role="progressbar"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={s.index + 1}
        aria-label={t(lang, 'Story.Progress', { n: s.index + 1, total })}
      >
        <div className="present-progress-bar" style={{ width: `${((s.index + 1) / total) * 100}%` }} />
        <span className="present-count" data-testid="present-count">
          {s.index + 1} / {total}
        </span>
      </div>
      <button type="button" className="present-leave" aria-label={t(lang, 'Story.Leave')} title={t(lang, 'Story.Help')} onClick={onLeave}>
        ×
      </button>
      <div className={idle ? 'present-controls hidden' : 'present-controls'} data-testid="present-controls">
        <button
          type="button"
          aria-label={t(lang, 'Story.Prev')}
          disabled={s.index === 0}
          onClick={() => getState().prevScene()}
          data-testid="present-prev"
        >
          ‹
        </button>
        <button
          type="button"
          aria-label={t(lang, 'Story.Next')}
          disabled={s.index >= total - 1}
          onClick={() => getState().nextScene()}
          data-testid="present-next"
        >
          ›
        </button>
      </div>
      {s.blackout && <div className="blackout" data-testid="blackout" />}
    </div>
  );
}
