import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORICAL } from '../core/analysis-style.ts';
import { t, type Lang } from '../i18n/index.ts';
import { useAppStore, type ImportedLayer, useStoreApi } from '../state/store.ts';
import { IMPORT_EXTENSIONS } from '../export/import-accept.ts';

/** The endings the file picker offers: those of the formats the import reads. */
const IMPORT_ACCEPT = [...new Set(IMPORT_EXTENSIONS.map((e) => e.replace(/^\.shp\./, '.')))].join(',');

/** Field mapping for a polygon layer that stands in for the provinces in the analyses. */
function UnitsForm({ lang, layer }: { lang: Lang; layer: ImportedLayer }) {
  const { getState } = useStoreApi();
  const mapping = useAppStore((s) => s.unitsMapping);
  const active = mapping?.layer === layer.id;
  const guess = (re: RegExp): string => layer.fields.find((f) => re.test(f)) ?? layer.fields[0] ?? '';
  const [code, setCode] = useState(active ? mapping.code : guess(/iso|code|ma|id/i));
  const [name, setName] = useState(active ? mapping.name : guess(/name|ten/i));
  const [pop, setPop] = useState(active ? (mapping.population ?? '') : (layer.fields.find((f) => /pop|dan_?so/i.test(f)) ?? ''));
  const select = (value: string, set: (v: string) => void, label: string, optional = false) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => set(e.target.value)} disabled={active}>
        {optional && <option value="">—</option>}
        {layer.fields.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="units-form">
      {select(code, setCode, t(lang, 'Import.CodeField'))}
      {select(name, setName, t(lang, 'Import.NameField'))}
      {select(pop, setPop, t(lang, 'Import.PopulationField'), true)}
      <label className="layer-toggle">
        <input
          type="checkbox"
          checked={active}
          disabled={!code || !name}
          data-testid={`use-units-${layer.id}`}
          onChange={(e) => getState().setUnitsMapping(e.target.checked ? { layer: layer.id, code, name, population: pop || null } : null)}
        />{' '}
        {t(lang, 'Import.UseAsUnits')}
      </label>
    </div>
  );
}

/** The file picker, the drop hint and the list of imported layers. */
export function ImportedLayers() {
  const { getState } = useStoreApi();
  const { lang, imported, portsLayer, placesLayer } = useAppStore(
    useShallow((s) => ({ lang: s.lang, imported: s.imported, portsLayer: s.portsLayer, placesLayer: s.placesLayer })),
  );
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="theme imported">
      <h3>{t(lang, 'Import.Layers')}</h3>
      <button type="button" className="seg" onClick={() => input.current?.click()} data-testid="import-button">
        {t(lang, 'Import.Pick')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept={IMPORT_ACCEPT}
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void getState().importFiles(files);
        }}
      />
      <p className="hint-muted">{t(lang, 'Import.Drop')}</p>
      {imported.map((l, i) => {
        const c = CATEGORICAL[i % CATEGORICAL.length]!;
        return (
          <div key={l.id} className="layer-row" data-testid={`imported-${l.id}`}>
            <label className="layer-toggle">
              <input type="checkbox" checked={l.visible} onChange={(e) => getState().setImportedVisible(l.id, e.target.checked)} />{' '}
              <span className="swatch" style={{ background: `rgb(${c.join(',')})` }} /> {l.name}
              <span className="count">{l.fc.features.length}</span>
              <button
                type="button"
                className="close"
                aria-label={t(lang, 'Import.Remove')}
                title={t(lang, 'Import.Remove')}
                onClick={() => getState().removeImported(l.id)}
              >
                ×
              </button>
            </label>
            {l.kinds.includes('point') &&
              (
                [
                  { use: 'ports', on: portsLayer === l.id, set: getState().setPortsLayer, text: 'Import.UseAsPorts' },
                  { use: 'places', on: placesLayer === l.id, set: getState().setPlacesLayer, text: 'Import.UseAsPlaces' },
                ] as const
              ).map((u) => (
                <label key={u.use} className="layer-toggle sub">
                  <input
                    type="checkbox"
                    checked={u.on}
                    data-testid={`use-${u.use}-${l.id}`}
                    onChange={(e) => u.set(e.target.checked ? l.id : null)}
                  />{' '}
                  {t(lang, u.text)}
                </label>
              ))}
            {l.kinds.includes('line') && (
              <button
                type="button"
                className="seg sub"
                data-testid={`use-network-${l.id}`}
                onClick={() =>
                  // The layer as read (in WGS 84) goes to the roads-layer dialog, as its file would.
                  void getState().openNetworkFile(
                    new File([JSON.stringify(l.fc)], `${l.name.replace(/\.(geojson|json|zip|shp\.zip|kml|csv)$/i, '')}.geojson`, {
                      type: 'application/geo+json',
                    }),
                  )
                }
              >
                {t(lang, 'Import.UseAsNetwork')}
              </button>
            )}
            {l.kinds.includes('polygon') && l.fields.length > 0 && <UnitsForm lang={lang} layer={l} />}
          </div>
        );
      })}
    </div>
  );
}
