import { useMemo, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { t } from '../i18n/index.ts';
import { buildSearchIndex, refOf, searchPlaces, type SearchEntry } from '../state/search.ts';
import { useAppStore, useStoreApi } from '../state/store.ts';

/** Search box with a keyboard-driven list of results; choosing one flies there and opens its panel. */
export function SearchBox() {
  const { getState } = useStoreApi();
  const { lang, data, edition, thematic } = useAppStore(
    useShallow((s) => ({ lang: s.lang, data: s.data, edition: s.edition, thematic: s.thematic })),
  );
  const index = useMemo(() => buildSearchIndex({ data, edition, thematic }), [data, edition, thematic]);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchPlaces(index, q), [index, q]);

  const choose = (e: SearchEntry): void => {
    const s = getState();
    const ref = refOf(e);
    if ('province' in ref) s.select(ref.province);
    else {
      // Make sure the chosen feature's layer is on.
      if (!s.layers[ref.feature.layer].visible) s.setLayerVisible(ref.feature.layer, true);
      s.selectFeature(ref.feature);
    }
    s.flyTo(e.center, e.zoom);
    setQ('');
  };
  const open = q.trim() !== '';
  const onKey = (ev: KeyboardEvent<HTMLInputElement>): void => {
    if (ev.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (ev.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (ev.key === 'Enter' && results[active]) choose(results[active]);
    else if (ev.key === 'Escape') setQ('');
    else return;
    ev.preventDefault();
  };

  return (
    <div className="search" role="search">
      <input
        type="search"
        autoComplete="off"
        value={q}
        placeholder={t(lang, 'Search.Placeholder')}
        aria-label={t(lang, 'Search.Label')}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        // The list exists only while there is a query: name it only then.
        aria-controls={open ? 'search-results' : undefined}
        aria-activedescendant={open && results[active] ? `search-${active}` : undefined}
        data-testid="search"
        onChange={(e) => {
          setQ(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      {open && (
        <ul id="search-results" role="listbox" className="search-results" data-testid="search-results">
          {results.length === 0 && <li className="empty">{t(lang, 'Search.NoResult', { q })}</li>}
          {results.map((r, i) => (
            <li
              key={`${r.kind}:${r.id}`}
              id={`search-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(r);
              }}
            >
              <span className="name">{lang === 'vi' ? r.name_vi : r.name_en}</span>
              <span className="kind">
                {t(lang, `Search.Kind.${r.kind}`)}
                {r.extra && r.kind === 'airports' ? ` · ${r.extra}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
