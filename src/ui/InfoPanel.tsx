import { useShallow } from 'zustand/react/shallow';
import type { Province2022Props, Province2025Props } from '../core/types.ts';
import { formatNumber, t, type Lang } from '../i18n/index.ts';
import { featuresOf, selectedFeature, useAppStore, type AppState } from '../state/store.ts';
import { FeatureInfo, provinceNamer, Row } from './FeatureInfo.tsx';
import { UnitFigures } from './UnitFigures.tsx';

const km2 = (lang: Lang, v: number | null) =>
  v === null ? t(lang, 'Info.Missing') : t(lang, 'Info.Km2', { value: formatNumber(lang, v, 2) });
const persons = (lang: Lang, v: number | null) =>
  v === null ? t(lang, 'Info.Missing') : t(lang, 'Info.Persons', { value: formatNumber(lang, v, 0) });
const coords = (lon: number | null, lat: number | null, lang: Lang) =>
  lon === null || lat === null ? t(lang, 'Info.Missing') : `${lon.toFixed(2)}, ${lat.toFixed(2)}`;

function Facts2022({
  p,
  lang,
  data,
  onSelect,
}: {
  p: Province2022Props;
  lang: Lang;
  data: NonNullable<AppState['data']>;
  onSelect: (iso: string) => void;
}) {
  const unit = data.provinces2025.features.find((f) => f.properties.iso === p.unit_2025)?.properties;
  return (
    <>
      <Row label={t(lang, 'Info.Iso')}>{p.iso}</Row>
      <Row label={t(lang, 'Info.InRegion')}>{t(lang, p.in_region ? 'Info.Yes' : 'Info.No')}</Row>
      <Row label={t(lang, 'Info.Capital')}>{p.capital_vi ?? t(lang, 'Info.Missing')}</Row>
      <Row label={t(lang, 'Info.Coordinates')}>{coords(p.capital_lon, p.capital_lat, lang)}</Row>
      <Row label={t(lang, 'Info.AreaOfficial')}>{km2(lang, p.area_official_km2)}</Row>
      <Row label={t(lang, 'Info.AreaComputed')}>{km2(lang, p.area_computed_km2)}</Row>
      <Row label={t(lang, 'Info.Population2023')}>{persons(lang, p.population_2023)}</Row>
      {p.subregion_gso && <Row label={t(lang, 'Info.SubregionGso')}>{t(lang, `Subregion.${p.subregion_gso}`)}</Row>}
      {p.subregion_qd376 && <Row label={t(lang, 'Info.SubregionQd376')}>{t(lang, `Subregion.${p.subregion_qd376}`)}</Row>}
      <Row label={t(lang, 'Info.Counterparts2025')}>
        {unit ? (
          <button type="button" className="link" data-testid="counterpart" onClick={() => onSelect(unit.iso)}>
            {lang === 'vi' ? unit.name_vi : unit.name_en}
          </button>
        ) : (
          t(lang, 'Info.NotBundled', { name: p.unit_2025_name_vi })
        )}
      </Row>
    </>
  );
}

function Facts2025({
  p,
  lang,
  data,
  onSelect,
}: {
  p: Province2025Props;
  lang: Lang;
  data: NonNullable<AppState['data']>;
  onSelect: (iso: string) => void;
}) {
  return (
    <>
      <Row label={t(lang, 'Info.Iso')}>{p.iso}</Row>
      <Row label={t(lang, 'Info.InRegion')}>{t(lang, p.in_region ? 'Info.Yes' : 'Info.No')}</Row>
      <Row label={t(lang, 'Info.Centre')}>{p.centre_vi}</Row>
      <Row label={t(lang, 'Info.Coordinates')}>{coords(p.centre_lon, p.centre_lat, lang)}</Row>
      <Row label={t(lang, 'Info.AreaNq202')}>{km2(lang, p.area_nq202_km2)}</Row>
      <Row label={t(lang, 'Info.AreaComputed')}>{km2(lang, p.area_computed_km2)}</Row>
      <Row label={t(lang, 'Info.PopulationNq202')}>{persons(lang, p.population_nq202)}</Row>
      <Row label={t(lang, 'Info.Counterparts2022')}>
        <ul className="counterparts">
          {p.members_2022.map((iso) => {
            const m = data.provinces2022.features.find((f) => f.properties.iso === iso)?.properties;
            return (
              <li key={iso}>
                <button type="button" className="link" data-testid="counterpart" onClick={() => onSelect(iso)}>
                  {m ? (lang === 'vi' ? m.name_vi : m.name_en) : iso}
                </button>
                {m?.in_region ? ` · ${t(lang, 'Info.InRegionShort')}` : ''}
              </li>
            );
          })}
        </ul>
      </Row>
    </>
  );
}

/** The panel's title (the name in the UI language, the Vietnamese name under it in English) and close button. */
function PanelHead({ lang, name_vi, name_en, onClose }: { lang: Lang; name_vi: string; name_en: string; onClose: () => void }) {
  return (
    <>
      <div className="info-head">
        <h2 data-testid="info-name">{lang === 'vi' ? name_vi : name_en}</h2>
        <button type="button" className="close" aria-label={t(lang, 'Info.Close')} onClick={onClose}>
          ×
        </button>
      </div>
      {lang === 'en' && (
        <p className="subname" lang="vi">
          {name_vi}
        </p>
      )}
    </>
  );
}

/** Facts of the selected unit or thematic feature, or a hint when nothing is selected. */
export function InfoPanel() {
  const { lang, selected, edition, data, select, setEdition, featureRef, thematic, selectFeature, tables } = useAppStore(
    useShallow((s) => ({
      lang: s.lang,
      selected: s.selected,
      edition: s.edition,
      data: s.data,
      select: s.select,
      setEdition: s.setEdition,
      featureRef: s.feature,
      thematic: s.thematic,
      selectFeature: s.selectFeature,
      tables: s.tables,
    })),
  );
  const thematicFeature = selectedFeature({ thematic, feature: featureRef });
  if (featureRef && thematicFeature) {
    const p = thematicFeature.properties;
    return (
      <aside className="panel info" aria-live="polite" data-testid="info-panel">
        <PanelHead lang={lang} name_vi={p.name_vi} name_en={p.name_en} onClose={() => selectFeature(null)} />
        <FeatureInfo layer={featureRef.layer} f={thematicFeature} lang={lang} provinceName={provinceNamer({ data }, lang)} />
      </aside>
    );
  }
  const feature = featuresOf({ data, edition }).find((f) => f.properties.iso === selected);
  if (!data || !feature) {
    return (
      <aside className="panel info info-empty" aria-live="polite">
        <p className="empty">{t(lang, 'Info.Empty')}</p>
      </aside>
    );
  }
  const p = feature.properties;
  // Jumping to a counterpart switches edition, then selects it there.
  const goTo = (iso: string) => {
    setEdition(edition === '2022' ? '2025' : '2022');
    select(iso);
  };
  return (
    <aside className="panel info" aria-live="polite" data-testid="info-panel">
      <PanelHead lang={lang} name_vi={p.name_vi} name_en={p.name_en} onClose={() => select(null)} />
      <dl>
        {p.edition === '2022' ? (
          <Facts2022 p={p} lang={lang} data={data} onSelect={goTo} />
        ) : (
          <Facts2025 p={p} lang={lang} data={data} onSelect={goTo} />
        )}
        <Row label={t(lang, 'Info.Source')}>{p.source}</Row>
        <Row label={t(lang, 'Info.Accuracy')}>{t(lang, 'Info.AccuracyValue', { m: formatNumber(lang, p.accuracy_m, 0) })}</Row>
        {p.note_vi && <Row label={t(lang, 'Info.Note')}>{lang === 'vi' ? p.note_vi : p.note_en}</Row>}
      </dl>
      <UnitFigures s={{ tables, data, edition }} iso={p.iso} lang={lang} />
    </aside>
  );
}
