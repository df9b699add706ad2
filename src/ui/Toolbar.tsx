import { useShallow } from 'zustand/react/shallow';
import { EDITIONS } from '../core/types.ts';
import { LANGS, t } from '../i18n/index.ts';
import { useAppStore } from '../state/store.ts';
import { SearchBox } from './SearchBox.tsx';

/** Title, edition switch and language switch. */
export function Toolbar() {
  const { lang, edition, setEdition, setLang, analysisOpen, setAnalysisOpen, setExportOpen, storyOpen, setStoryOpen } = useAppStore(
    useShallow((s) => ({
      lang: s.lang,
      edition: s.edition,
      setEdition: s.setEdition,
      setLang: s.setLang,
      analysisOpen: s.analysisOpen,
      setAnalysisOpen: s.setAnalysisOpen,
      setExportOpen: s.setExportOpen,
      storyOpen: s.storyOpen,
      setStoryOpen: s.setStoryOpen,
    })),
  );
  return (
    <header className="toolbar">
      <h1 className="toolbar-title">{t(lang, 'App.Title')}</h1>
      <SearchBox />
      <button
        type="button"
        className={analysisOpen ? 'seg active' : 'seg'}
        aria-pressed={analysisOpen}
        data-testid="analysis-open"
        onClick={() => setAnalysisOpen(!analysisOpen)}
      >
        {t(lang, 'Analysis.Open')}
      </button>
      <button
        type="button"
        className={storyOpen ? 'seg active' : 'seg'}
        aria-pressed={storyOpen}
        data-testid="story-open"
        onClick={() => setStoryOpen(!storyOpen)}
      >
        {t(lang, 'Story.Open')}
      </button>
      <button type="button" className="seg" data-testid="export-open" onClick={() => setExportOpen(true)}>
        {t(lang, 'Export.Open')}
      </button>
      <div className="toolbar-group" role="radiogroup" aria-label={t(lang, 'Toolbar.Edition')}>
        <span className="toolbar-label">{t(lang, 'Toolbar.Edition')}</span>
        {EDITIONS.map((e) => (
          <button
            key={e}
            type="button"
            role="radio"
            aria-checked={edition === e}
            className={edition === e ? 'seg active' : 'seg'}
            data-testid={`edition-${e}`}
            onClick={() => setEdition(e)}
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
            onClick={() => setLang(l)}
          >
            {t(lang, l === 'vi' ? 'Toolbar.Vietnamese' : 'Toolbar.English')}
          </button>
        ))}
      </div>
    </header>
  );
}
