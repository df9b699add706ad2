import { useState } from 'react';
import { t } from '../i18n/index.ts';
import { choroplethOf, useAppStore } from '../state/store.ts';
import { ChoroplethLegend } from './ChoroplethLegend.tsx';
import { COLORS } from '../core/palette.ts';
import { useCompact } from './use-compact.ts';

/**
 * Legend of the foundation layers; colours come from the map's own palette. It folds to its
 * title on a compact screen (open on a wide one) so that it does not hide the region.
 */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  const compact = useCompact();
  const choropleth = useAppStore(choroplethOf);
  // Until the user opens or closes it, it follows the screen: folded when compact.
  const [choice, setChoice] = useState<boolean | null>(null);
  const open = choice ?? !compact;
  return (
    <details
      className="panel legend"
      open={open}
      data-testid="legend"
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now !== open) setChoice(now);
      }}
    >
      <summary>{t(lang, 'Legend.Title')}</summary>
      {choropleth && <ChoroplethLegend c={choropleth} lang={lang} />}
      <ul>
        <li>
          <span className="swatch" style={{ background: COLORS.regionFill, opacity: 0.6 }} /> {t(lang, 'Legend.InRegion')}
        </li>
        <li>
          <span className="swatch" style={{ background: COLORS.contextFill, opacity: 0.4 }} /> {t(lang, 'Legend.Context')}
        </li>
        <li>
          <span className="dot" /> {t(lang, 'Legend.Capital')}
        </li>
        <li>
          <span className="dash" style={{ borderColor: COLORS.selected }} /> {t(lang, 'Legend.Counterpart')}
        </li>
      </ul>
      <p className="attribution">{t(lang, 'Map.Attribution')}</p>
    </details>
  );
}
