import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n/index.ts';
import { useAppStore } from '../state/store.ts';

/**
 * What the audience sees over the map while presenting: the caption in large type, the
 * scene's figures with their sources, a progress bar, and the black screen. The cursor
 * hides after two seconds without movement.
 */
export function PresentationOverlay({ onLeave }: { onLeave: () => void }) {
  const s = useAppStore(useShallow((x) => ({ lang: x.lang, story: x.story, index: x.storyIndex, blackout: x.blackout })));
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), 2000);
    const move = (): void => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIdle(true), 2000);
    };
    window.addEventListener('mousemove', move);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('mousemove', move);
    };
  }, []);
  useEffect(() => {
    document.body.classList.toggle('cursor-hidden', idle);
    return () => document.body.classList.remove('cursor-hidden');
  }, [idle]);
  const scene = s.story.scenes[s.index];
  if (!scene) return null;
  const total = s.story.scenes.length;
  const { lang } = s;
  return (
    <div className="presentation" data-testid="presentation">
      <div className="present-caption" data-testid="present-caption" lang={lang}>
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
      {s.blackout && <div className="blackout" data-testid="blackout" />}
    </div>
  );
}
