import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FeatureCollection } from 'geojson';
import { THEMATIC_LAYERS } from '../core/layers.ts';
import { formatNumber, render, t, type MessageKey } from '../i18n/index.ts';
import type { Msg } from '../core/messages.ts';
import { shownBaseline, useAppStore, useStoreApi } from '../state/store.ts';
import { download } from '../export/download.ts';
import { ORIENTATIONS, PAPERS, type Orientation, type Paper } from '../export/print/paper.ts';
import type { PrintFonts } from '../export/print/pdf.ts';
// The font's files and the archipelagos, served from the app's own origin.
import latin400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff?url';
import latinExt400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff?url';
import vietnamese400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff?url';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff?url';
import latinExt600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff?url';
import vietnamese600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff?url';
import archipelagosUrl from '../../data/geojson/archipelagos.geojson?url';

const FONT_URLS = {
  400: { latin: latin400, 'latin-ext': latinExt400, vietnamese: vietnamese400 },
  600: { latin: latin600, 'latin-ext': latinExt600, vietnamese: vietnamese600 },
} as const;

async function bytesOf(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function fontsOf(signal: AbortSignal): Promise<PrintFonts> {
  const out = { 400: {}, 600: {} } as PrintFonts;
  for (const w of [400, 600] as const)
    for (const [subset, url] of Object.entries(FONT_URLS[w])) out[w][subset as keyof PrintFonts[400]] = await bytesOf(url, signal);
  return out;
}

/** A canvas as JPEG bytes (the basemap: flat colours, small files). */
async function jpegOf(c: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => c.toBlob(resolve, 'image/jpeg', 0.92));
  if (!blob) throw new Error('JPEG encoding failed');
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Print / PDF…: the map at a true scale on A4 to A0, with title block, legend, scale bar,
 * north arrow, graticule, an inset of Viet Nam with Hoàng Sa and Trường Sa, and sources, made
 * in the browser with the same layout as `ntcc print` (src/export/print). The centre is the
 * current view's; "fit" shows the current view whole. The basemap is the map's own capture,
 * in pieces of at most 2040 pixels; long prints show progress and can be cancelled.
 */
export default function PrintDialog() {
  const { getState } = useStoreApi();
  const lang = useAppStore((s) => s.lang);
  const analysis = useAppStore(useShallow((s) => ({ open: s.analysisOpen, kind: s.analysis.result?.kind ?? null })));
  const [paper, setPaper] = useState<Paper>('A3');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [mode, setMode] = useState<'fit' | 'fixed'>('fit');
  const [scale, setScale] = useState('1000000');
  const [title, setTitle] = useState(() => t(lang, 'App.Title'));
  const [subtitle, setSubtitle] = useState('');
  const [busy, setBusy] = useState<{ progress: number; abort: AbortController } | null>(null);
  const [message, setMessage] = useState<(Msg<MessageKey> & { error?: boolean }) | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const close = (): void => {
    busy?.abort.abort();
    getState().setPrintOpen(false);
  };

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('select')?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') getState().setPrintOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [getState]);

  async function make(): Promise<void> {
    const [{ printLayout, SCALE_RANGE }, { printWriter }, { readBasemapTile, INSET_TILE }, { sceneBounds }] = await Promise.all([
      import('../export/print/layout.ts'),
      import('../export/print/pdf.ts'),
      import('../export/print/tiles.ts'),
      import('../export/print/projection.ts'),
    ]);
    const n = Number(scale.replace(/[\s.,]/g, ''));
    if (mode === 'fixed' && (!Number.isInteger(n) || n < SCALE_RANGE[0] || n > SCALE_RANGE[1])) {
      setMessage({
        key: 'Print.BadScale',
        vars: { min: formatNumber(lang, SCALE_RANGE[0], 0), max: formatNumber(lang, SCALE_RANGE[1], 0) },
        error: true,
      });
      return;
    }
    const abort = new AbortController();
    setBusy({ progress: 0, abort });
    setMessage(null);
    try {
      const st = getState();
      if (!st.data) throw new Error(t(lang, 'Export.NoMap'));
      const base = import.meta.env.BASE_URL;
      const [fonts, tile, archipelagos] = await Promise.all([
        fontsOf(abort.signal),
        bytesOf(new URL(`${base}tiles/${INSET_TILE.z}/${INSET_TILE.x}/${INSET_TILE.y}.pbf`, window.location.href).href, abort.signal),
        bytesOf(archipelagosUrl, abort.signal).then((b) => JSON.parse(new TextDecoder().decode(b)) as FeatureCollection),
      ]);
      const writer = printWriter(fonts);
      const layers = THEMATIC_LAYERS.filter((l) => st.layers[l.id].visible).map((l) => l.id);
      const thematic = Object.fromEntries(Object.entries(st.thematic).map(([id, fc]) => [id, fc as FeatureCollection]));
      const units = (st.edition === '2022' ? st.data.provinces2022 : st.data.provinces2025) as unknown as FeatureCollection;
      const result = st.analysisOpen ? st.analysis.result : null;
      const view = st.view;
      const layout = printLayout(
        {
          paper,
          orientation,
          scale: mode === 'fit' ? 'fit' : n,
          centre: mode === 'fit' ? null : view.center,
          fitBounds: sceneBounds({ center: view.center, zoom: view.zoom, ...(st.mapSize ? { viewport: st.mapSize } : {}) }),
          title,
          subtitle,
          lang,
          edition: st.edition,
          horizon: st.horizon,
          statuses: st.statuses,
          beltKm: st.beltKm,
          layers,
          date: new Date(),
        },
        {
          units,
          thematic,
          archipelagos,
          basemap: readBasemapTile(tile),
          analysis: result
            ? {
                result,
                view: {
                  measure: st.analysisView.measure,
                  method: st.analysisView.method,
                  baseline: st.compare.with !== 'none' && st.compare.view === 'difference' ? shownBaseline(st) : null,
                },
                ...(st.unitsMapping ? { units: st.imported.find((l) => l.id === st.unitsMapping?.layer)?.fc ?? units } : {}),
              }
            : null,
        },
        writer.measure,
      );
      const { plan } = layout;
      const pdf = await writer.write(layout, {
        // The map's own capture, basemap only, one piece at a time.
        image: async (i) => {
          const tl = plan.tiles[i]!;
          const cap = await getState().captureMap({
            width: tl.width,
            height: tl.height,
            pixelRatio: plan.pixelRatio,
            camera: { center: tl.centre, zoom: plan.zoom, bearing: 0, pitch: 0 },
            basemapOnly: true,
          });
          if (!cap) throw new Error(t(lang, 'Export.NoMap'));
          return jpegOf(cap.canvas);
        },
        title,
        lang,
        onProgress: (p) => setBusy((b) => (b ? { ...b, progress: p } : b)),
        signal: abort.signal,
      });
      const file = `ntcc-${paper}-1-${layout.projection.scale}.pdf`;
      download(pdf, file, 'application/pdf');
      setMessage({ key: 'Print.Done', vars: { file, fraction: layout.fraction } });
    } catch (e) {
      if (abort.signal.aborted) setMessage({ key: 'Print.Cancelled' });
      else setMessage({ key: 'Print.Failed', vars: { message: e instanceof Error ? e.message : String(e) }, error: true });
    } finally {
      setBusy(null);
    }
  }

  const pct = busy ? Math.round(busy.progress * 100) : 0;
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && !busy && close()}>
      <div
        className="panel dialog print-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="print-title"
        ref={dialog}
        data-testid="print-dialog"
      >
        <div className="info-head">
          <h2 id="print-title">{t(lang, 'Print.Title')}</h2>
          <button type="button" className="close" aria-label={t(lang, 'Info.Close')} onClick={close}>
            ×
          </button>
        </div>
        <p className="hint-muted">{t(lang, 'Print.Hint')}</p>
        <div className="print-fields">
          <label className="field">
            <span className="field-label">{t(lang, 'Print.Paper')}</span>
            <select value={paper} data-testid="print-paper" disabled={Boolean(busy)} onChange={(e) => setPaper(e.target.value as Paper)}>
              {PAPERS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field">
            <legend className="field-label">{t(lang, 'Print.Orientation')}</legend>
            {ORIENTATIONS.map((o) => (
              <label key={o} className="layer-toggle">
                <input
                  type="radio"
                  name="print-orientation"
                  checked={orientation === o}
                  disabled={Boolean(busy)}
                  onChange={() => setOrientation(o)}
                />{' '}
                {t(lang, `Print.${o}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="field">
            <legend className="field-label">{t(lang, 'Print.ScaleChoice')}</legend>
            <label className="layer-toggle">
              <input
                type="radio"
                name="print-scale"
                checked={mode === 'fit'}
                data-testid="print-fit"
                disabled={Boolean(busy)}
                onChange={() => setMode('fit')}
              />{' '}
              {t(lang, 'Print.Fit')}
            </label>
            <label className="layer-toggle">
              <input
                type="radio"
                name="print-scale"
                checked={mode === 'fixed'}
                data-testid="print-fixed"
                disabled={Boolean(busy)}
                onChange={() => setMode('fixed')}
              />{' '}
              {t(lang, 'Print.Fixed')}
            </label>
            {mode === 'fixed' && (
              <label className="field">
                <span className="field-label">{t(lang, 'Print.ScaleValue')}</span>
                <input
                  type="text"
                  inputMode="numeric"
                  value={scale}
                  data-testid="print-scale"
                  disabled={Boolean(busy)}
                  onChange={(e) => setScale(e.target.value)}
                />
              </label>
            )}
          </fieldset>
          <label className="field">
            <span className="field-label">{t(lang, 'Print.MapTitle')}</span>
            <input
              type="text"
              value={title}
              maxLength={160}
              data-testid="print-title-input"
              disabled={Boolean(busy)}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">{t(lang, 'Print.Subtitle')}</span>
            <input type="text" value={subtitle} maxLength={200} disabled={Boolean(busy)} onChange={(e) => setSubtitle(e.target.value)} />
          </label>
          {analysis.open && analysis.kind && <p className="hint-muted">{t(lang, `Analysis.kind.${analysis.kind}`)}</p>}
        </div>
        {busy && (
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-label={t(lang, 'Print.Working', { pct })}
            data-testid="print-progress"
          >
            <div className="progress-bar" style={{ width: `${pct}%` }} />
            <span>{t(lang, 'Print.Working', { pct })}</span>
          </div>
        )}
        {message && (
          <p className={message.error ? 'error' : 'hint-muted'} role={message.error ? 'alert' : 'status'} data-testid="print-message">
            {render(lang, message)}
          </p>
        )}
        <div className="dialog-actions">
          {busy ? (
            <button type="button" className="seg" onClick={() => busy.abort.abort()} data-testid="print-cancel">
              {t(lang, 'Export.Cancel')}
            </button>
          ) : (
            <button type="button" className="seg active" onClick={() => void make()} data-testid="print-make">
              {t(lang, 'Print.Make')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
