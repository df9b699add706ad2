import { useState } from 'react';
import { t } from '../i18n/index.ts';
import { choroplethOf, useAppStore } from '../state/store.ts';
import { ChoroplethLegend } from './ChoroplethLegend.tsx';
import { COLORS } from '../core/palette.ts';
import { NET_CLASSES } from '../core/network-classes.ts';
import { NET_CLASS_STYLE } from '../core/network-style.ts';
import { useCompact } from './use-compact.ts';

/**
 * Legend of the foundation layers; colours come from the map's own palette. It folds to its
 * title on a compact screen (open on a wide one) so that it does not hide the region.
 */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  const compact = useCompact();
  const choropleth = useAppStore(choroplethOf);
  const network = useAppStore((s) => (s.userNetwork?.visible ? s.userNetwork.info : null));
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
      {network && (
        <div data-testid="legend-network">
          <p className="legend-sub">{t(lang, 'Own.Legend')}</p>
          <ul>
            {NET_CLASSES.filter((c) => network.meta.km_by_class[c] > 0).map((c) => (
              <li key={c}>
                <span className="net-line" style={{ background: `rgb(${NET_CLASS_STYLE[c].color.join(',')})` }} />{' '}
                {t(lang, `NetClass.${c}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="attribution">{t(lang, 'Map.Attribution')}</p>
    </details>
  );
}
