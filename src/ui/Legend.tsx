import { t } from '../i18n/index.ts';
import { useAppStore } from '../state/store.ts';
import { COLORS } from '../core/palette.ts';

/** Legend of the foundation layers; colours come from the map's own palette. */
export function Legend() {
  const lang = useAppStore((s) => s.lang);
  return (
    <section className="panel legend" aria-label={t(lang, 'Legend.Title')}>
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
    </section>
  );
}
