import { useEffect, useRef, useState } from 'react';
import type { ChartSpec } from '../export/charts.ts';
import { markCount } from '../export/charts.ts';
import { download } from '../export/download.ts';
import { render, t, type Lang } from '../i18n/index.ts';

type Renderer = typeof import('./chart-render.ts');

/**
 * A result's chart beside its table: drawn as an SVG (Observable Plot, loaded when a chart is
 * first shown), named by its main finding, with tooltips; clicking a unit's bar selects it on
 * the map and the selected unit's bars stand out. Saved as SVG or PNG.
 */
export function AnalysisChart(props: {
  lang: Lang;
  spec: ChartSpec;
  selected: string | null;
  onPick: (unit: string) => void;
  /** The file name the chart is saved under, without its ending. */
  name: string;
  testid?: string;
  /** Without the save buttons and the hint (a presentation's caption). */
  bare?: boolean;
  /** Drawn at this width (CSS px) and scaled by its place, instead of at its place's width (a presentation's caption, whose type scales with the screen). */
  drawWidth?: number;
}) {
  const { lang, spec, selected, onPick, name } = props;
  const box = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState<Renderer | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [measured, setWidth] = useState(0);

  useEffect(() => {
    let live = true;
    import('./chart-render.ts').then(
      (m) => live && setRenderer(m),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  // The chart takes the width its place gives it (and follows it when the panel or the screen changes).
  const { drawWidth } = props;
  useEffect(() => {
    const el = box.current;
    if (drawWidth || !el) return;
    // The observer reports the first size too, once it is laid out.
    const ro = new ResizeObserver(() => setWidth(Math.max(240, Math.floor(el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, [drawWidth]);

  const width = props.drawWidth ?? measured;
  // Drawn outside React's tree: the SVG is Plot's. A chart that cannot be drawn says why in its place.
  useEffect(() => {
    const el = box.current;
    if (!el || !renderer || !width) return;
    if (markCount(spec) === 0) return el.replaceChildren();
    try {
      el.replaceChildren(renderer.renderChart(spec, { lang, width, selected, onPick }));
    } catch (e) {
      const p = document.createElement('p');
      p.className = 'error';
      p.textContent = t(lang, 'Analysis.Error', { message: e instanceof Error ? e.message : String(e) });
      el.replaceChildren(p);
    }
  }, [renderer, spec, lang, width, selected, onPick]);

  const svgOf = (): SVGSVGElement | null => box.current?.querySelector('svg.chart-svg') ?? null;
  const empty = markCount(spec) === 0;
  return (
    <figure className="analysis-chart" data-testid={props.testid ?? 'analysis-chart'}>
      <figcaption>{render(lang, spec.title)}</figcaption>
      {empty && <p className="empty">{t(lang, 'Chart.Empty')}</p>}
      <div className="chart-box" ref={box} hidden={empty}>
        {!renderer && !failed && <p className="hint-muted">{t(lang, 'Chart.Loading')}</p>}
      </div>
      {failed && (
        <p className="error" role="alert">
          {t(lang, 'Analysis.Error', { message: failed })}
        </p>
      )}
      {!props.bare && !empty && spec.categories.some((c) => c.unit) && <p className="hint-muted">{t(lang, 'Chart.ClickHint')}</p>}
      {!props.bare && !empty && renderer && (
        <div className="chart-actions">
          <button
            type="button"
            onClick={() => {
              const svg = svgOf();
              if (svg) download(renderer.svgText(svg), `${name}.svg`, 'image/svg+xml');
            }}
          >
            {t(lang, 'Chart.SaveSvg')}
          </button>
          <button
            type="button"
            onClick={() => {
              const svg = svgOf();
              if (svg) void renderer.pngOf(svg).then((png) => download(png, `${name}.png`, 'image/png'));
            }}
          >
            {t(lang, 'Chart.SavePng')}
          </button>
        </div>
      )}
    </figure>
  );
}
