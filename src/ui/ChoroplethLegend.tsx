/**
 * The legend of the user's table drawn on the map: its name and column, each class with its
 * colour and limits in the user's number format, and the units without a figure (hatched on
 * the map), listed by name. A 2025 table on the 2022 map says why nothing is drawn.
 */
import { limitDigits } from '../core/classify.ts';
import { formatNumber, t, type Lang } from '../i18n/index.ts';
import type { Choropleth } from '../state/store.ts';

/** Each class's limits, "low – high", in the user's number format with the decimals they need. */
export function classLabels(c: Choropleth, lang: Lang): string[] {
  const digits = limitDigits(c.breaks);
  const fmt = (v: number) => formatNumber(lang, v, digits);
  return c.colors.map((_, i) => `${fmt(c.breaks[i]!)} – ${fmt(c.breaks[i + 1] ?? c.breaks[i]!)}`);
}

export function ChoroplethLegend({ c, lang }: { c: Choropleth; lang: Lang }) {
  const labels = classLabels(c, lang);
  const missing = c.units.filter((u) => u.value === null);
  return (
    <div className="choropleth-legend" data-testid="choropleth-legend">
      <p className="legend-table">
        <strong>{c.table.name}</strong> · {c.column}
      </p>
      {c.wrongEdition ? (
        <p className="hint-muted" data-testid="choropleth-wrong-edition">
          {t(lang, 'UserTable.WrongEdition')}
        </p>
      ) : (
        <ul>
          {c.colors.map((color, i) => (
            <li key={color + i} data-testid="choropleth-class">
              <span className="swatch" style={{ background: color }} /> {labels[i]}
            </li>
          ))}
          {missing.length > 0 && (
            <li data-testid="choropleth-nodata">
              <span className="swatch hatch" />{' '}
              {t(lang, 'UserTable.NoDataUnits', { names: missing.map((u) => (lang === 'vi' ? u.name_vi : u.name_en)).join(', ') })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
