import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { useShallow } from 'zustand/react/shallow';
import { BELT_KM_CHOICES, THEMATIC_LAYERS } from '../core/layers.ts';
import { render, t, type Lang, type MessageKey } from '../i18n/index.ts';
import type { Msg } from '../core/messages.ts';
import { featuresOf, joinedFor, shownBaseline, useAppStore, type AppState, useStoreApi } from '../state/store.ts';
import { SOVEREIGNTY_NOTE, beltAt, sensitivityOf, visiblePart } from '../export/catalogue.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
import { resultTables, tableToGeoJSON, unitGeometries } from '../export/results.ts';
import { tableLayer, type TableLayerInfo } from '../export/table-layer.ts';
import { download } from '../export/download.ts';
import { legendItems } from './legend-items.ts';
// GeoPackage export runs SQLite as WebAssembly, served from the app's own origin.
import sqlWasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

/** Everything the user can export right now, by id. */
interface Choice {
  id: string;
  label: string;
  restricted: boolean;
  /** The features: all of them, and the part the map shows. */
  all: () => FeatureCollection;
  visible: () => FeatureCollection;
  /** A user's table joined to the units: what the bundle's metadata says of it. */
  table?: () => TableLayerInfo;
}

/** What the export dialog reads from the store. */
type Exportable = Pick<AppState, 'edition' | 'data' | 'thematic' | 'horizon' | 'statuses' | 'imported' | 'beltKm' | 'tables'> & {
  result: AppState['analysis']['result'];
};

function choices(s: Exportable, lang: Lang): Choice[] {
  const out: Choice[] = [];
  const provinces = (): FeatureCollection => ({ type: 'FeatureCollection', features: featuresOf(s) as FeatureCollection['features'] });
  out.push({
    id: `provinces-${s.edition}`,
    label: t(lang, 'Export.Provinces', { edition: s.edition }),
    restricted: false,
    all: provinces,
    visible: provinces,
  });
  for (const l of THEMATIC_LAYERS) {
    const fc = s.thematic[l.id] as FeatureCollection | undefined;
    if (!fc) continue;
    out.push({
      id: l.id,
      label: t(lang, `Layer.${l.id}`),
      restricted: sensitivityOf(l.id) === 'restricted',
      all: () => fc,
      // The belt's visible part is the width the map draws; "all" is every offered width.
      visible: () =>
        l.id === 'border-belt' ? beltAt(visiblePart(fc, s.horizon, s.statuses), s.beltKm) : visiblePart(fc, s.horizon, s.statuses),
    });
  }
  for (const l of s.imported)
    out.push({
      // Prefixed, so a file named like a bundled layer is never taken for it (or for a restricted one).
      id: `imported-${l.name}`,
      label: `${l.name} (${t(lang, 'Import.Layers').toLowerCase()})`,
      restricted: false,
      all: () => l.fc,
      visible: () => l.fc,
    });
  const data = s.data;
  if (data)
    for (const tb of s.tables) {
      const layer = () =>
        tableLayer(
          joinedFor(tb, data, s.edition),
          s.edition === '2022' ? data.provinces2022 : data.provinces2025,
          tb.sourceNote,
          data.provinces2022,
        );
      out.push({
        // Prefixed like imported layers; the table's file name without its ending.
        id: `table-${tb.name.replace(/\.[^.]+$/, '')}`,
        label: `${tb.name} (${t(lang, 'UserTable.Title').toLowerCase()})`,
        restricted: false,
        all: () => layer().fc,
        visible: () => layer().fc,
        table: () => layer().info,
      });
    }
  const r = s.result;
  if (r)
    for (const table of resultTables(r)) {
      const fc = (): FeatureCollection => tableToGeoJSON(table);
      out.push({
        id: `${r.kind}-${table.name}`,
        label: `${t(lang, `Analysis.kind.${r.kind}`)} · ${t(lang, `Table.${table.name}`)}`,
        restricted: false,
        all: fc,
        visible: fc,
      });
    }
  return out;
}

const toggle = <T,>(list: T[], v: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== v), v] : list.filter((x) => x !== v));

/**
 * The export dialog: layers and analysis results in the chosen formats (one file, or a
 * research bundle with metadata), and the map image. Restricted layers need an explicit
 * tick. Long work shows progress and can be cancelled.
 */
export default function ExportDialog() {
  const { getState } = useStoreApi();
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      edition: x.edition,
      data: x.data,
      thematic: x.thematic,
      imported: x.imported,
      result: x.analysis.result,
      horizon: x.horizon,
      statuses: x.statuses,
      beltKm: x.beltKm,
      tables: x.tables,
    })),
  );
  const { lang } = s;
  // Built once per change of what can be exported (a 1 km grid result has tens of thousands of rows).
  const all = useMemo(() => choices(s, lang), [s, lang]);
  const [picked, setPicked] = useState<string[]>(() => [all[0]!.id]);
  const [formats, setFormats] = useState<ExportFormat[]>(['geojson']);
  const [part, setPart] = useState<'visible' | 'all'>('visible');
  const [restricted, setRestricted] = useState(false);
  const [withImage, setWithImage] = useState(false);
  const [size, setSize] = useState({ width: 1600, height: 1000, pixelRatio: 1 });
  const [title, setTitle] = useState(t(lang, 'App.Title'));
  const [busy, setBusy] = useState<{ progress: number; abort: AbortController } | null>(null);
  const [message, setMessage] = useState<(Msg<MessageKey> & { error?: boolean }) | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input, button')?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') getState().setExportOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [getState]);

  const chosen = all.filter((c) => picked.includes(c.id) && (!c.restricted || restricted));

  async function makeImage(): Promise<Uint8Array> {
    const cap = await getState().captureMap(size);
    if (!cap) throw new Error(t(lang, 'Export.NoMap'));
    const { composeMapImage, canvasToPng } = await import('../export/image.ts');
    const st = getState();
    const canvas = composeMapImage(cap.canvas, {
      title,
      subtitle: `${t(lang, 'Toolbar.Edition')}: ${t(lang, st.edition === '2022' ? 'Toolbar.Edition2022' : 'Toolbar.Edition2025')} · ${t(lang, 'Horizon.Title')}: ${t(lang, `Horizon.${st.horizon}`)}`,
      legendTitle: t(lang, 'Legend.Title'),
      legend: legendItems(st, lang),
      metresPerPixel: cap.metresPerPixel,
      bearing: cap.bearing,
      footer: [t(lang, 'Export.ImageSources'), lang === 'vi' ? t(lang, 'Map.Attribution') : SOVEREIGNTY_NOTE],
      date: `${t(lang, 'Export.Date')}: ${new Date().toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB')} · ntcc-atlas`,
      pixelRatio: size.pixelRatio,
    });
    return canvasToPng(canvas);
  }

  async function run(kind: 'data' | 'image'): Promise<void> {
    const abort = new AbortController();
    setBusy({ progress: 0, abort });
    setMessage(null);
    try {
      if (kind === 'image') {
        const png = await makeImage();
        download(png, 'ntcc-map.png', 'image/png');
        setMessage({ key: 'Export.Done', vars: { file: 'ntcc-map.png' } });
        return;
      }
      if (!chosen.length || !formats.length) {
        setMessage({ key: 'Export.NothingChosen', error: true });
        return;
      }
      const st = getState();
      const result = st.analysis.result;
      const analysisIds = new Set(result ? resultTables(result).map((tb) => `${result.kind}-${tb.name}`) : []);
      const layers = chosen
        .filter((c) => !analysisIds.has(c.id))
        .map((c) => ({ id: c.id, fc: part === 'visible' ? c.visible() : c.all(), ...(c.table ? { table: c.table() } : {}) }));
      const tables = chosen.filter((c) => analysisIds.has(c.id)).map((c) => c.id.slice((result?.kind.length ?? 0) + 1));
      const image = withImage ? await makeImage() : null;
      const { exportFiles } = await import('../export/bundle.ts');
      // The one rule every export path follows (a file, one GeoPackage, or the research bundle).
      const file = await exportFiles({
        layers,
        // Comparing: the tables carry delta_ columns against the baseline, and the metadata says which.
        results: result && tables.length ? [{ result, tables, baseline: shownBaseline(st) }] : [],
        scenario: st.scenario,
        // Rows about a unit carry its polygon, as from the command line.
        unitGeometry: (r) => unitGeometries(r, st.data!, st.imported.find((l) => l.id === st.unitsMapping?.layer)?.fc),
        formats,
        image,
        edition: st.edition,
        horizon: st.horizon,
        includeRestricted: restricted,
        version: __APP_VERSION__,
        onProgress: (p) => setBusy((b) => (b ? { ...b, progress: p } : b)),
        signal: abort.signal,
        writeOptions: { sqlWasmUrl },
      });
      download(file.bytes, file.filename, file.mime);
      setMessage({ key: 'Export.Done', vars: { file: file.filename } });
    } catch (e) {
      if (abort.signal.aborted) setMessage({ key: 'Export.Cancelled' });
      else setMessage({ key: 'Export.Failed', vars: { message: e instanceof Error ? e.message : String(e) }, error: true });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && getState().setExportOpen(false)}>
      <div
        className="panel dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t(lang, 'Export.Title')}
        ref={dialog}
        data-testid="export-dialog"
      >
        <div className="info-head">
          <h2>{t(lang, 'Export.Title')}</h2>
          <button type="button" className="close" aria-label={t(lang, 'Info.Close')} onClick={() => getState().setExportOpen(false)}>
            ×
          </button>
        </div>
        <div className="dialog-cols">
          <fieldset className="field">
            <legend className="field-label">{t(lang, 'Export.Layers')}</legend>
            {all.map((c) => (
              <label key={c.id} className="layer-toggle">
                <input
                  type="checkbox"
                  checked={picked.includes(c.id) && (!c.restricted || restricted)}
                  disabled={c.restricted && !restricted}
                  data-testid={`export-layer-${c.id}`}
                  onChange={(e) => setPicked(toggle(picked, c.id, e.target.checked))}
                />{' '}
                {c.label}
                {c.restricted && <span className="count">{t(lang, 'Layers.Restricted')}</span>}
              </label>
            ))}
            <label className="layer-toggle restricted">
              <input
                type="checkbox"
                checked={restricted}
                data-testid="export-restricted"
                onChange={(e) => setRestricted(e.target.checked)}
              />{' '}
              {t(lang, 'Export.IncludeRestricted')}
            </label>
            {restricted && <p className="hint">{t(lang, 'Export.RestrictedWarning')}</p>}
          </fieldset>
          <div>
            <fieldset className="field">
              <legend className="field-label">{t(lang, 'Export.Formats')}</legend>
              {EXPORT_FORMATS.map((f) => (
                <label key={f} className="layer-toggle">
                  <input
                    type="checkbox"
                    checked={formats.includes(f)}
                    data-testid={`export-format-${f}`}
                    onChange={(e) => setFormats(toggle(formats, f, e.target.checked))}
                  />{' '}
                  {t(lang, `Export.format.${f}`)}
                </label>
              ))}
            </fieldset>
            <fieldset className="field">
              <legend className="field-label">{t(lang, 'Export.Part')}</legend>
              {(['visible', 'all'] as const).map((p) => (
                <label key={p} className="layer-toggle">
                  <input type="radio" name="part" checked={part === p} onChange={() => setPart(p)} /> {t(lang, `Export.part.${p}`)}
                </label>
              ))}
              {picked.includes('border-belt') && (
                <p className="hint-muted" data-testid="export-belt-hint">
                  {t(lang, 'Export.BeltPart', { km: s.beltKm, widths: BELT_KM_CHOICES.join(', ') })}
                </p>
              )}
            </fieldset>
            <fieldset className="field">
              <legend className="field-label">{t(lang, 'Export.Image')}</legend>
              <label className="field">
                <span className="field-label">{t(lang, 'Export.ImageTitle')}</span>
                <input type="text" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <div className="analysis-numbers">
                {(['width', 'height'] as const).map((k) => (
                  <label key={k} className="field">
                    <span className="field-label">{t(lang, `Export.${k}`)}</span>
                    <input
                      type="number"
                      min={400}
                      max={4000}
                      step={10}
                      value={size[k]}
                      data-testid={`export-${k}`}
                      onChange={(e) => {
                        const v = Math.round(Number(e.target.value));
                        if (v >= 400 && v <= 4000) setSize({ ...size, [k]: v });
                      }}
                    />
                  </label>
                ))}
                <label className="field">
                  <span className="field-label">{t(lang, 'Export.PixelRatio')}</span>
                  <select
                    value={size.pixelRatio}
                    data-testid="export-pixel-ratio"
                    onChange={(e) => setSize({ ...size, pixelRatio: Number(e.target.value) })}
                  >
                    {[1, 2, 3].map((r) => (
                      <option key={r} value={r}>
                        ×{r}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <label className="layer-toggle">
                <input type="checkbox" checked={withImage} onChange={(e) => setWithImage(e.target.checked)} />{' '}
                {t(lang, 'Export.ImageInBundle')}
              </label>
            </fieldset>
          </div>
        </div>
        {busy && (
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(busy.progress * 100)}
            data-testid="export-progress"
          >
            <div className="progress-bar" style={{ width: `${Math.round(busy.progress * 100)}%` }} />
            <span>{t(lang, 'Export.Working', { pct: Math.round(busy.progress * 100) })}</span>
          </div>
        )}
        {message && (
          <p className={message.error ? 'error' : 'hint-muted'} role={message.error ? 'alert' : 'status'} data-testid="export-message">
            {render(lang, message)}
          </p>
        )}
        <div className="dialog-actions">
          {busy ? (
            <button type="button" className="seg" onClick={() => busy.abort.abort()} data-testid="export-cancel">
              {t(lang, 'Export.Cancel')}
            </button>
          ) : (
            <>
              <button type="button" className="seg" onClick={() => void run('image')} data-testid="export-png">
                {t(lang, 'Export.Png')}
              </button>
              <button type="button" className="seg active" onClick={() => void run('data')} data-testid="export-run">
                {t(lang, 'Export.Download')}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
