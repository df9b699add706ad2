/**
 * The legend drawn on map images (the export's PNG, the deck's slides): the user's table's
 * classes first, then the foundation layers, the thematic layers shown and the analysis.
 */
import { RAMP_DIVERGING, analysisLegend, rampColor } from '../core/analysis-style.ts';
import { measureUnit } from '../core/analysis.ts';
import { comparable, comparedByCells, differenceExtent } from '../core/compare.ts';
import { formatNumber } from '../i18n/index.ts';
import { THEMATIC_LAYERS } from '../core/layers.ts';
import { COLORS } from '../core/palette.ts';
import { NET_CLASSES } from '../core/network-classes.ts';
import { NET_CLASS_STYLE } from '../core/network-style.ts';
import { legendFor } from '../core/thematic-style.ts';
import type { LegendItem } from '../export/image.ts';
import { t, type Lang } from '../i18n/index.ts';
import { classLabels } from './ChoroplethLegend.tsx';
import { choroplethOf, shownBaseline, type AppState } from '../state/store.ts';

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
  // The user's own road network, by class.
  const net = s.userNetwork?.visible ? s.userNetwork.info.meta : null;
  if (net)
    for (const cls of NET_CLASSES)
      if (net.km_by_class[cls] > 0)
        items.push({ label: t(lang, `NetClass.${cls}`), color: rgb(NET_CLASS_STYLE[cls].color), shape: 'line' });
  // The scenario's edits, drawn over the corridors.
  const acts = new Set(s.scenario.edits.map((e) => e.action));
  if (acts.has('add')) items.push({ label: t(lang, 'Legend.ScenarioAdd'), color: 'rgb(190,0,140)', shape: 'line' });
  if (acts.has('remove')) items.push({ label: t(lang, 'Legend.ScenarioRemove'), color: 'rgb(60,60,60)', shape: 'line' });
  if (acts.has('slow')) items.push({ label: t(lang, 'Legend.ScenarioSlow'), color: 'rgb(235,120,0)', shape: 'line' });
  if (s.analysisOpen && s.analysis.result) items.push(...analysisItems(s, lang));
  return items.slice(0, 16);
}

/** The analysis as drawn: the difference when comparing, else its ramp's ends or its categories. */
function analysisItems(s: AppState, lang: Lang): LegendItem[] {
  const r = s.analysis.result!;
  const name = t(lang, `Analysis.kind.${r.kind}`);
  const base = shownBaseline(s);
  const fmt = (v: number): string => formatNumber(lang, v, 1);
  if (base && s.compare.with !== 'none' && s.compare.view === 'difference' && comparable(r)) {
    const access = comparedByCells(r);
    const unit = access ? (measureUnit(s.analysisView.measure) === 'min' ? ` ${t(lang, 'Unit.min')}` : ' km') : '';
    const half = differenceExtent(r, base, s.analysisView.measure);
    return [
      {
        label: `Δ ${name}: ${access ? '−' : '+'}${fmt(half)}${unit} ${t(lang, access ? 'Compare.Legend.nearer' : 'Compare.Legend.higher')}`,
        color: rgb(rampColor(RAMP_DIVERGING, 1)),
        shape: 'fill',
      },
      { label: `Δ ${name}: 0`, color: rgb(rampColor(RAMP_DIVERGING, 0.5)), shape: 'fill' },
      {
        label: `Δ ${name}: ${access ? '+' : '−'}${fmt(half)}${unit} ${t(lang, access ? 'Compare.Legend.farther' : 'Compare.Legend.lower')}`,
        color: rgb(rampColor(RAMP_DIVERGING, 0)),
        shape: 'fill',
      },
    ];
  }
  const spec = analysisLegend(r, { measure: s.analysisView.measure });
  if (spec.type === 'categories')
    return spec.items.map((c) => ({
      label: `${name}: ${lang === 'vi' ? c.name_vi : c.name_en}`,
      color: rgb(c.color),
      shape: 'fill' as const,
    }));
  const unit = spec.unit === 'min' ? ` ${t(lang, 'Unit.min')}` : spec.unit ? ` ${spec.unit}` : '';
  const v = (x: number): string => (spec.scientific ? x.toExponential(1) : fmt(x));
  return [
    { label: `${name}: ${v(spec.range[0])}${unit}`, color: rgb(rampColor(spec.ramp, 0)), shape: 'fill' },
    { label: `${name}: ${v(spec.range[1])}${unit}`, color: rgb(rampColor(spec.ramp, 1)), shape: 'fill' },
  ];
}
