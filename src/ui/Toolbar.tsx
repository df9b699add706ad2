import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EDITIONS } from '../core/types.ts';
import { LANGS, t } from '../i18n/index.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';
import { SearchBox } from './SearchBox.tsx';

/**
 * Title, search, the one-click Present button, and the rest (analysis, story editor,
 * export, edition and language). On a wide screen the rest sits in the bar; on a narrow
 * one it folds into a menu, with a button for the layer drawer (see app.css).
 */
export function Toolbar({ onPresent }: { onPresent: () => void }) {
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      edition: x.edition,
      analysisOpen: x.analysisOpen,
      scenarioOpen: x.scenarioOpen,
      scenarioEdits: x.scenario.edits.length + Object.keys(x.scenario.speeds).length,
      storyOpen: x.storyOpen,
      layersOpen: x.layersOpen,
    })),
  );
  const { lang, edition } = s;
  const st = useStoreApi().getState;
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // The menu closes on Esc and on a click outside it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      toggleRef.current?.focus();
    };
    const onDown = (e: PointerEvent): void => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !toggleRef.current?.contains(target)) setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [menuOpen]);

  /** Runs a menu action, then closes the menu (on a narrow screen it covers the map). */
  const act = (fn: () => void) => () => {
    fn();
    setMenuOpen(false);
  };

  return (
    <header className="toolbar">
      {/* The heading always holds the full title; a compact screen shows the short one instead. */}
      <h1 className="toolbar-title">{t(lang, 'App.Title')}</h1>
      <span className="title-short" aria-hidden="true">
        {t(lang, 'App.ShortTitle')}
      </span>
      <SearchBox />
      <button type="button" className="seg primary present-start" data-testid="present-start" onClick={onPresent}>
        <span aria-hidden="true">▶ </span>
        {t(lang, 'Toolbar.Present')}
      </button>
      <button
        ref={toggleRef}
        type="button"
        className="seg menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="toolbar-menu"
        data-testid="menu-toggle"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        <span aria-hidden="true">☰ </span>
        {t(lang, 'Toolbar.Menu')}
      </button>
      <div ref={menuRef} id="toolbar-menu" className={menuOpen ? 'toolbar-menu open' : 'toolbar-menu'} data-testid="toolbar-menu">
        <button
          type="button"
          className={s.layersOpen ? 'seg active narrow-only' : 'seg narrow-only'}
          aria-pressed={s.layersOpen}
          data-testid="layers-open"
          onClick={act(() => st().setLayersOpen(!s.layersOpen))}
        >
          {t(lang, 'Toolbar.Layers')}
        </button>
        <button
          type="button"
          className={s.analysisOpen ? 'seg active' : 'seg'}
          aria-pressed={s.analysisOpen}
          data-testid="analysis-open"
          onClick={act(() => st().setAnalysisOpen(!s.analysisOpen))}
        >
          {t(lang, 'Analysis.Open')}
        </button>
        <button
          type="button"
          className={s.scenarioOpen ? 'seg active' : 'seg'}
          aria-pressed={s.scenarioOpen}
          data-testid="scenario-open"
          onClick={act(() => st().setScenarioOpen(!s.scenarioOpen))}
        >
          {t(lang, 'Toolbar.Scenario')}
          {s.scenarioEdits > 0 && <span className="badge"> {s.scenarioEdits}</span>}
        </button>
        <button
          type="button"
          className={s.storyOpen ? 'seg active' : 'seg'}
          aria-pressed={s.storyOpen}
          data-testid="story-open"
          onClick={act(() => st().setStoryOpen(!s.storyOpen))}
        >
          {t(lang, 'Story.Open')}
        </button>
        <button type="button" className="seg" data-testid="export-open" onClick={act(() => st().setExportOpen(true))}>
          {t(lang, 'Export.Open')}
        </button>
        <button type="button" className="seg" data-testid="print-open" onClick={act(() => st().setPrintOpen(true))}>
          {t(lang, 'Print.Open')}
        </button>
        <div className="toolbar-group" role="radiogroup" aria-label={t(lang, 'Toolbar.Edition')}>
          <span className="toolbar-label" aria-hidden="true">
            {t(lang, 'Toolbar.Edition')}
          </span>
          {EDITIONS.map((e) => (
            <button
              key={e}
              type="button"
              role="radio"
              aria-checked={edition === e}
              className={edition === e ? 'seg active' : 'seg'}
              data-testid={`edition-${e}`}
              onClick={() => st().setEdition(e)}
            >
              {t(lang, e === '2022' ? 'Toolbar.Edition2022' : 'Toolbar.Edition2025')}
            </button>
          ))}
        </div>
        <div className="toolbar-group" role="radiogroup" aria-label={t(lang, 'Toolbar.Language')}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              role="radio"
              aria-checked={lang === l}
              lang={l}
              className={lang === l ? 'seg active' : 'seg'}
              data-testid={`lang-${l}`}
              onClick={() => st().setLang(l)}
            >
              {t(lang, l === 'vi' ? 'Toolbar.Vietnamese' : 'Toolbar.English')}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
