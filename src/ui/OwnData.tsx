/**
 * The user's own road network and population grid in the layer panel: "Use my road network…"
 * and "Use my population grid…" (file pickers; dropping the file on the map does the same),
 * the build's stage and progress with Cancel, and for each what it holds (counts, km by class,
 * extract date, components; the grid's system and persons, and each unit's grid total against
 * its official figure once a run has compared them), whether the analyses use it, whether the
 * network is drawn (with its legend), saving the network as a .ntccnet file, and removing it.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { NET_CLASSES } from '../core/network-classes.ts';
import { NET_CLASS_STYLE } from '../core/network-style.ts';
import { formatNumber, t, type Lang } from '../i18n/index.ts';
import { GRID_ACCEPT, NETWORK_ACCEPT, useAppStore, useStoreApi, type NetworkInfo, type PopulationInfo } from '../state/store.ts';
import { download } from '../export/download.ts';

const rgb = (c: readonly number[]): string => `rgb(${c.join(',')})`;

/** A button that opens a hidden file input (the same file can be picked again). */
function Picker(props: { label: string; accept: string; testid: string; disabled?: boolean; onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="seg"
        disabled={props.disabled}
        onClick={() => input.current?.click()}
        data-testid={`${props.testid}-button`}
      >
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={props.accept}
        data-testid={`${props.testid}-input`}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) props.onFile(f);
        }}
      />
    </>
  );
}

/** What a network holds, in the user's language (the lines `ntcc network build` prints). */
function NetworkSummary({ lang, info }: { lang: Lang; info: NetworkInfo }) {
  const m = info.meta;
  const n = (x: number, d = 0): string => formatNumber(lang, x, d);
  return (
    <div className="own-summary" data-testid="network-summary">
      <p>
        {t(lang, 'Net.Summary', {
          file: m.source.file,
          nodes: n(m.nodes),
          edges: n(m.edges),
          oneway: n(m.oneway_edges),
          km: n(m.km_total, 1),
        })}
      </p>
      <p>
        {m.extract_date
          ? t(lang, 'Net.SummaryDate', {
              date: m.extract_date.slice(0, 10),
              from: t(lang, `Net.DateFrom.${m.extract_date_from ?? 'newest_element_timestamp'}`),
            })
          : t(lang, 'Net.SummaryNoDate')}
      </p>
      <p>{t(lang, 'Net.SummaryComponents', { components: n(m.components), share: n(m.largest_component_km_share * 100, 1) })}</p>
    </div>
  );
}

/** The classes the network has, each with its line and km (the network's legend). */
function NetworkLegend({ lang, info }: { lang: Lang; info: NetworkInfo }) {
  const km = info.meta.km_by_class;
  return (
    <ul className="legend-list net-legend" data-testid="network-legend" aria-label={t(lang, 'Own.Legend')}>
      {NET_CLASSES.filter((c) => km[c] > 0).map((c) => (
        <li key={c}>
          <span
            className="net-line"
            style={{ background: rgb(NET_CLASS_STYLE[c].color), height: `${Math.max(2, NET_CLASS_STYLE[c].widthPx)}px` }}
          />{' '}
          {t(lang, `NetClass.${c}`)} <span className="count">{formatNumber(lang, km[c], 1)} km</span>
        </li>
      ))}
    </ul>
  );
}

/** The grid's system and persons, and each unit's grid total against its official figure from the latest run with the grid. */
function GridSummary({ lang, info }: { lang: Lang; info: PopulationInfo }) {
  const result = useAppStore((s) => s.analysis.result);
  const pg = result?.population_grid?.file === info.name ? result.population_grid : null;
  const names = new Map((result?.units ?? []).map((u) => [u.id, lang === 'vi' ? u.name_vi : u.name_en]));
  const n = (x: number, d = 0): string => formatNumber(lang, x, d);
  const unit = info.crs === 'EPSG:4326' ? '°' : ' m';
  return (
    <div className="own-summary" data-testid="grid-summary">
      <p>
        {t(lang, 'Own.GridSummary', {
          crs: info.crs,
          persons: n(Math.round(info.total)),
          cells: n(info.points),
          res: `${n(info.resolution[0], 4)} × ${n(info.resolution[1], 4)}${unit}`,
        })}
      </p>
      {pg ? (
        <details>
          <summary>{t(lang, 'Own.GridUnits')}</summary>
          <table className="own-units" data-testid="grid-units">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'Own.Unit')}</th>
                <th scope="col">{t(lang, 'Own.GridPersons')}</th>
                <th scope="col">{t(lang, 'Own.Official')}</th>
                <th scope="col">{t(lang, 'Own.Ratio')}</th>
              </tr>
            </thead>
            <tbody>
              {pg.units.map((u) => (
                <tr key={u.unit}>
                  <th scope="row">{names.get(u.unit) ?? u.unit}</th>
                  <td>{n(u.grid)}</td>
                  <td>{u.official === null ? '–' : n(u.official)}</td>
                  <td>{u.ratio === null ? '–' : `${n(u.ratio * 100, 1)} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : (
        <p className="hint-muted">{t(lang, 'Own.GridUnitsHint')}</p>
      )}
    </div>
  );
}

export function OwnData() {
  const store = useStoreApi();
  const s = useAppStore(
    useShallow((x) => ({
      lang: x.lang,
      net: x.userNetwork,
      grid: x.userGrid,
      job: x.ownJob,
      pendingNetwork: x.pendingNetwork,
      pendingGrid: x.pendingGrid,
      options: x.networkOptions,
    })),
  );
  const { lang, net, grid, job } = s;
  const st = () => store.getState();
  return (
    <div className="theme own-data" data-testid="own-data">
      <h3>{t(lang, 'Own.Title')}</h3>
      <div className="own-buttons">
        <Picker label={t(lang, 'Own.NetworkPick')} accept={NETWORK_ACCEPT} testid="network" onFile={(f) => void st().openNetworkFile(f)} />
        <Picker label={t(lang, 'Own.GridPick')} accept={GRID_ACCEPT} testid="grid" onFile={(f) => void st().openGridFile(f)} />
      </div>
      <div className="own-options">
        <label className="layer-toggle sub">
          <input type="checkbox" checked={s.options.service} onChange={(e) => st().setNetworkOptions({ service: e.target.checked })} />{' '}
          {t(lang, 'Own.OsmService')}
        </label>
        <label className="layer-toggle sub">
          <input type="checkbox" checked={s.options.ferries} onChange={(e) => st().setNetworkOptions({ ferries: e.target.checked })} />{' '}
          {t(lang, 'Own.OsmFerries')}
        </label>
      </div>
      <p className="hint-muted">{t(lang, 'Own.Hint')}</p>
      {job && (
        <div className="own-job" role="status" data-testid="own-progress">
          <span data-testid="own-progress-text">
            {t(lang, 'Own.Progress', { name: job.name, phase: t(lang, `Own.Phase.${job.phase}`), pct: Math.round(job.done * 100) })}
          </span>
          <progress max={1} value={job.done} aria-label={t(lang, 'Own.ProgressLabel', { name: job.name })} />
          <button type="button" className="seg" onClick={() => st().cancelOwnJob()} data-testid="own-cancel">
            {t(lang, 'Own.Cancel')}
          </button>
        </div>
      )}
      {s.pendingNetwork && !net?.active && (
        <p className="hint" data-testid="network-pending">
          {t(lang, 'Own.Pending', { name: s.pendingNetwork })}
        </p>
      )}
      {net && (
        <div className="layer-row" data-testid="own-network">
          <label className="layer-toggle">
            <input
              type="checkbox"
              checked={net.visible}
              onChange={(e) => st().setNetworkVisible(e.target.checked)}
              data-testid="network-visible"
            />{' '}
            {t(lang, 'Own.Show')}: <strong className="own-name">{net.info.name}</strong>
            <button
              type="button"
              className="close"
              aria-label={t(lang, 'Own.RemoveNetwork')}
              title={t(lang, 'Own.RemoveNetwork')}
              onClick={() => st().removeNetwork()}
              data-testid="network-remove"
            >
              ×
            </button>
          </label>
          <label className="layer-toggle sub">
            <input
              type="checkbox"
              checked={net.active}
              onChange={(e) => st().setNetworkActive(e.target.checked)}
              data-testid="network-active"
            />{' '}
            {t(lang, 'Own.UseNetwork')}
          </label>
          <NetworkSummary lang={lang} info={net.info} />
          <NetworkLegend lang={lang} info={net.info} />
          <button
            type="button"
            className="seg"
            data-testid="network-save"
            onClick={() =>
              void st()
                .networkFileBytes()
                .then(
                  (b) =>
                    b &&
                    download(
                      b,
                      `${net.info.name.replace(/\.(osm\.pbf|pbf|osm|geojson|json|zip|gpkg|fgb|ntccnet)$/i, '')}.ntccnet`,
                      'application/octet-stream',
                    ),
                )
            }
          >
            {t(lang, 'Own.Save')}
          </button>
        </div>
      )}
      {s.pendingGrid && !grid?.active && (
        <p className="hint" data-testid="grid-pending">
          {t(lang, 'Own.Pending', { name: s.pendingGrid })}
        </p>
      )}
      {grid && (
        <div className="layer-row" data-testid="own-grid">
          <label className="layer-toggle">
            <input type="checkbox" checked={grid.active} onChange={(e) => st().setGridActive(e.target.checked)} data-testid="grid-active" />{' '}
            {t(lang, 'Own.UseGrid')}: <strong className="own-name">{grid.info.name}</strong>
            <button
              type="button"
              className="close"
              aria-label={t(lang, 'Own.RemoveGrid')}
              title={t(lang, 'Own.RemoveGrid')}
              onClick={() => st().removeGrid()}
              data-testid="grid-remove"
            >
              ×
            </button>
          </label>
          <GridSummary lang={lang} info={grid.info} />
        </div>
      )}
    </div>
  );
}
