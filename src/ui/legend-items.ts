/**
 * The legend drawn on map images (the export's PNG, the deck's slides): the user's table's
 * classes first, then the foundation layers, the thematic layers shown and the analysis.
 */
import { RAMP_STRENGTH, rampColor } from '../core/analysis-style.ts';
import { THEMATIC_LAYERS } from '../core/layers.ts';
import { COLORS } from '../core/palette.ts';
import { legendFor } from '../core/thematic-style.ts';
import type { LegendItem } from '../export/image.ts';
import { t, type Lang } from '../i18n/index.ts';
import { classLabels } from './ChoroplethLegend.tsx';
import { choroplethOf, type AppState } from '../state/store.ts';

/** Legend of what the map shows, for the image. */
const rgb = (c: readonly number[]): string => `rgb(${c.join(',')})`;

export function legendItems(s: AppState, lang: Lang): LegendItem[] {
  // The user's table first: its classes are what the map is about when one is shown.
  const c = choroplethOf(s);
  const labels = c ? classLabels(c, lang) : [];
  const classes: LegendItem[] =
    c && !c.wrongEdition
      ? [
          ...c.colors.map((color, i) => ({
            label: `${i === 0 ? `${c.column}: ` : ''}${labels[i]}`,
            color,
            shape: 'fill' as const,
          })),
          ...(c.units.some((u) => u.value === null)
            ? [{ label: t(lang, 'UserTable.NoData'), color: '#9e9e9e', shape: 'fill' as const }]
            : []),
        ]
      : [];
  const items: LegendItem[] = [
    ...classes,
    { label: t(lang, 'Legend.InRegion'), color: COLORS.regionFill, shape: 'fill' },
    { label: t(lang, 'Legend.Context'), color: COLORS.contextFill, shape: 'fill' },
    { label: t(lang, 'Legend.Capital'), color: '#ffffff', shape: 'dot' },
  ];
  for (const l of THEMATIC_LAYERS)
    if (s.layers[l.id].visible)
      for (const e of legendFor(l.id))
        items.push({
          label: t(lang, e.label),
          color: rgb(e.color),
          shape: e.kind === 'area' ? 'fill' : e.kind === 'line' ? 'line' : 'dot',
        });
  if (s.analysisOpen && s.analysis.result) {
    const name = t(lang, `Analysis.kind.${s.analysis.result.kind}`);
    items.push({ label: `${name}: ${t(lang, 'Analysis.LegendLow')}`, color: rgb(rampColor(RAMP_STRENGTH, 0.1)), shape: 'fill' });
    items.push({ label: `${name}: ${t(lang, 'Analysis.LegendHigh')}`, color: rgb(rampColor(RAMP_STRENGTH, 1)), shape: 'fill' });
  }
  return items.slice(0, 14);
}
