/**
 * Draws a chart (export/charts.ts) as an SVG with Observable Plot: bars, grouped or stacked
 * bars, a line, or diverging bars, in the map's colours, with the numbers in the reader's
 * language. The SVG is an image with its main finding as its name; each mark has a tooltip
 * with its value; a bar that is a unit selects that unit when clicked, and the selected unit's
 * bars stand out. Loaded only when a chart is first shown (Plot and d3 in their own chunk).
 *
 * Plot adds a <style> element to every SVG; the page's policy allows no inline style, so it is
 * taken out before the SVG joins the page (the app's stylesheet sizes charts instead).
 */
import * as Plot from '@observablehq/plot';
import type { ChartSpec, ChartUnit } from '../export/charts.ts';
import { formatNumber, render, t, type Lang } from '../i18n/index.ts';

export interface RenderOptions {
  lang: Lang;
  /** Width in CSS pixels. */
  width: number;
  /** The selected unit: its bars stand out, the others fade. */
  selected: string | null;
  /** Called with a unit's id when one of its bars is clicked. */
  onPick?: (unit: string) => void;
}

/** One mark's datum: its category, series and value. */
interface Datum {
  i: number;
  key: string;
  label: string;
  unit: string | null;
  series: string;
  value: number;
  x: number;
  color: string;
}

const css = ([r, g, b]: readonly number[]): string => `rgb(${r},${g},${b})`;

/** A value with its unit, in the reader's language. */
export function valueText(lang: Lang, v: number, unit: ChartUnit, scientific = false): string {
  const n = scientific ? v.toExponential(2) : formatNumber(lang, v, unit === 'persons' || unit === 'count' ? 0 : 2);
  if (unit === 'percent') return `${n} %`;
  if (unit === 'min') return `${n} ${t(lang, 'Unit.min')}`;
  if (unit === 'km' || unit === 'km2') return `${n} ${unit === 'km' ? 'km' : 'km²'}`;
  return n;
}

/**
 * The chart as an SVG element, ready to put in the page.
 * @example container.append(renderChart(chartOf(result, view), { lang: 'vi', width: 360, selected: null }))
 */
export function renderChart(spec: ChartSpec, o: RenderOptions): SVGSVGElement {
  const { lang } = o;
  const label = (c: { label: { vi: string; en: string } }): string => (lang === 'vi' ? c.label.vi : c.label.en);
  const data: Datum[] = spec.series.flatMap((s) =>
    s.values.flatMap((v, i) => {
      const c = spec.categories[i];
      if (v === null || !c) return [];
      return [
        {
          i,
          key: c.key,
          label: label(c),
          unit: c.unit ?? null,
          series: render(lang, s.name),
          value: v,
          x: spec.axis?.values[i] ?? i,
          color: spec.type === 'diverging' ? css(v >= 0 ? s.color : [178, 24, 43]) : css(s.color),
        },
      ];
    }),
  );
  const labels = spec.categories.map(label);
  const fmt = (v: number): string => valueText(lang, v, spec.value.unit, spec.value.scientific);
  const tick = (v: number): string => (spec.value.scientific ? v.toExponential(0) : formatNumber(lang, v, 2));
  const title = (d: Datum): string => `${d.label}\n${d.series}: ${fmt(d.value)}`;
  const faded = (d: Datum): number => (o.selected && d.unit !== null && d.unit !== o.selected ? 0.35 : 1);
  /** Makes the marks that are units clickable, each knowing its datum. */
  const clickable: Plot.RenderFunction = (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context)!;
    const marks = g.querySelectorAll<SVGElement>('rect, circle');
    marks.forEach((el, j) => {
      const d = data[index[j]!];
      if (!d) return;
      el.setAttribute('data-key', d.key);
      if (d.unit && o.onPick) {
        const unit = d.unit;
        el.classList.add('chart-pick');
        el.addEventListener('click', () => o.onPick!(unit));
      }
      if (d.unit && d.unit === o.selected) el.classList.add('chart-selected');
    });
    return g;
  };
  const valueLabel = render(lang, spec.value.label);
  const barHeight = spec.type === 'grouped' ? 2 * 13 : 16;
  const height = spec.type === 'line' ? 240 : Math.max(120, 40 + labels.length * barHeight);
  const common = {
    width: o.width,
    height,
    marginLeft: spec.type === 'line' ? 48 : 178,
    marginRight: 16,
    style: { fontFamily: 'Be Vietnam Pro, sans-serif', fontSize: '11px' },
    ariaLabel: render(lang, spec.finding),
  };
  let svg: SVGSVGElement | HTMLElement;
  if (spec.type === 'line') {
    const axisLabel = spec.axis ? render(lang, spec.axis.label) : '';
    svg = Plot.plot({
      ...common,
      x: { label: axisLabel, tickFormat: (v: number) => formatNumber(lang, v, 1) },
      y: { label: valueLabel, grid: true, tickFormat: tick },
      marks: [
        Plot.ruleY([0]),
        Plot.line(data, { x: 'x', y: 'value', stroke: 'color', strokeWidth: 2 }),
        Plot.dot(data, {
          x: 'x',
          y: 'value',
          fill: 'color',
          r: 3,
          title: (d: Datum) => `${formatNumber(lang, d.x, 1)}: ${fmt(d.value)}`,
          render: clickable,
        }),
      ],
    });
  } else if (spec.type === 'grouped') {
    const series = spec.series.map((s) => render(lang, s.name));
    svg = Plot.plot({
      ...common,
      marginLeft: 178,
      fy: { domain: labels, label: null, axis: 'left' },
      y: { domain: series, axis: null },
      x: { label: valueLabel, grid: true, tickFormat: tick },
      color: { legend: false },
      marks: [
        Plot.barX(data, { x: 'value', y: 'series', fy: 'label', fill: 'color', fillOpacity: faded, title, render: clickable }),
        Plot.axisFy({ anchor: 'left', lineWidth: 17, textOverflow: 'ellipsis' }),
      ],
    });
  } else {
    svg = Plot.plot({
      ...common,
      y: { domain: labels, label: null },
      x: { label: valueLabel, grid: true, tickFormat: tick },
      marks: [
        ...(spec.type === 'diverging' ? [Plot.ruleX([0])] : []),
        Plot.barX(data, { x: 'value', y: 'label', fill: 'color', fillOpacity: faded, title, render: clickable }),
        Plot.axisY({ lineWidth: 17, textOverflow: 'ellipsis', tickSize: 0 }),
      ],
    });
  }
  // A figure wraps the SVG only when a legend or title is asked for; neither is.
  const root = svg instanceof SVGSVGElement ? svg : svg.querySelector('svg')!;
  for (const style of root.querySelectorAll('style')) style.remove();
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', render(lang, spec.finding));
  root.classList.add('chart-svg');
  return root;
}

/** The chart as an SVG file's text (fonts named, the size fixed). */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', 'Be Vietnam Pro, sans-serif');
  copy.querySelectorAll('.chart-pick').forEach((el) => el.classList.remove('chart-pick'));
  return new XMLSerializer().serializeToString(copy);
}

/**
 * The chart as a PNG at twice its size, white behind it (the SVG drawn through a data: image,
 * which the page's policy allows).
 */
export async function pngOf(svg: SVGSVGElement, scale = 2): Promise<Uint8Array> {
  const text = svgText(svg);
  const w = Number(svg.getAttribute('width')) || svg.clientWidth;
  const h = Number(svg.getAttribute('height')) || svg.clientHeight;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  return new Uint8Array(await blob.arrayBuffer());
}
