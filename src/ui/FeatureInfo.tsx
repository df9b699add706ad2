import type { ReactNode } from 'react';
import { formatNumber, isMessageKey, t, render, type Lang, type PlainKey } from '../i18n/index.ts';
import type { AnyLayerFeature, AppState, LayerFileId } from '../state/store.ts';

/** One label–value row of an info panel. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="info-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const yesNo = (lang: Lang, b: boolean) => t(lang, b ? 'Feature.Yes' : 'Feature.No');
/** A coded value in words; a value the data holds but the UI has no words for is shown as it is. */
const enumText = (lang: Lang, prefix: string, v: string | null) => {
  if (v === null) return t(lang, 'Feature.None');
  const key = `${prefix}.${v}`;
  return isMessageKey(key) ? render(lang, { key }) : v;
};

/** What a layer's info panel reads. */
interface InfoContext {
  add: (key: PlainKey, value: ReactNode) => void;
  p: AnyLayerFeature['properties'] & Record<string, unknown>;
  lang: Lang;
  str: (k: string) => string | null;
  provinceName: (iso: string | null, ed: '2022' | '2025') => string;
}

/** Each layer's own rows, between the common ones (a layer without an entry fails to compile). */
const LAYER_ROWS: Record<LayerFileId, (c: InfoContext) => void> = {
  seaports: ({ add, lang, str }) => {
    add('Feature.Seaport', lang === 'vi' ? str('seaport_name_vi') : str('seaport_name_en'));
    add('Feature.Class', str('class'));
  },
  airports: ({ add, p, lang, str }) => {
    add('Feature.Iata', str('iata') ?? t(lang, 'Feature.None'));
    add('Feature.Role', enumText(lang, 'Role', str('role')));
    add('Feature.International2030', yesNo(lang, p['international_2030'] === true));
  },
  'border-gates': ({ add, lang, str }) => {
    add('Feature.GateType', enumText(lang, 'GateType', str('gate_type')));
    add('Feature.OtherSide', str('other_side'));
    add('Feature.Country', enumText(lang, 'Country', str('country')));
    add('Feature.Road', str('road') ?? t(lang, 'Feature.None'));
  },
  stations: ({ add, p, lang, str }) => {
    add('Feature.Mode', enumText(lang, 'Mode', str('line')));
    add(
      'Feature.KmPost',
      p['km_post'] === null ? t(lang, 'Feature.None') : t(lang, 'Feature.Km', { value: formatNumber(lang, Number(p['km_post']), 0) }),
    );
  },
  interchanges: ({ add, str }) => {
    add('Feature.Section', str('section'));
  },
  'economic-zones': ({ add, p, lang, str }) => {
    add(
      'Feature.AreaHa',
      `${t(lang, 'Feature.Ha', { value: formatNumber(lang, Number(p['area_ha']), 2) })}${p['area_unconfirmed'] ? ` ${t(lang, 'Feature.Unconfirmed')}` : ''}`,
    );
    add(
      'Feature.Established',
      p['established'] === null
        ? t(lang, 'Feature.None')
        : `${String(p['established'])}${p['established_unconfirmed'] ? ` ${t(lang, 'Feature.Unconfirmed')}` : ''}`,
    );
    if (str('established_by')) add('Feature.EstablishedBy', str('established_by'));
  },
  corridors: ({ add, p, lang, str, provinceName }) => {
    add('Feature.Axis', enumText(lang, 'Axis', str('axis')));
    add('Feature.Mode', enumText(lang, 'Mode', str('mode')));
    add('Feature.LengthKm', t(lang, 'Feature.Km', { value: formatNumber(lang, Number(p['length_km']), 1) }));
    if (typeof p['published_km'] === 'number')
      add('Feature.PublishedKm', t(lang, 'Feature.Km', { value: formatNumber(lang, p['published_km'], 1) }));
    if (str('opened')) add('Feature.Opened', str('opened'));
    if (typeof p['planned_year'] === 'number') add('Feature.PlannedYear', String(p['planned_year']));
    if (typeof p['lanes'] === 'number') add('Feature.Lanes', String(p['lanes']));
    if (str('investor')) add('Feature.Investor', str('investor'));
    if (str('current_to')) add('Feature.CurrentTo', str('current_to'));
    add('Feature.Waypoints', (p['waypoints'] as string[]).join(' · '));
    add('Feature.Provinces2022', (p['provinces_2022'] as string[]).map((iso) => provinceName(iso, '2022')).join(', '));
    if (str('port_end')) add('Feature.PortEnd', str('port_end'));
    if (str('gate_end')) add('Feature.GateEnd', str('gate_end'));
  },
  'military-regions': ({ add, p, provinceName }) => {
    add('Feature.Members', (p['members_2022'] as string[]).map((iso) => provinceName(iso, '2022')).join(', '));
  },
  'border-line': ({ add, lang, str }) => {
    add('Feature.Country', enumText(lang, 'Country', str('country')));
  },
  'baseline-points': ({ add, str }) => {
    add('Feature.Code', str('code'));
  },
  'border-belt': ({ add, p, lang }) => {
    add('Feature.BeltKm', t(lang, 'Feature.Km', { value: formatNumber(lang, Number(p['km']), 0) }));
  },
  islands: () => undefined,
};

/** Every attribute of a thematic feature in plain words, both languages; all values render as text. */
export function FeatureInfo({
  layer,
  f,
  lang,
  provinceName,
}: {
  layer: LayerFileId;
  f: AnyLayerFeature;
  lang: Lang;
  provinceName: (iso: string | null, ed: '2022' | '2025') => string;
}) {
  const p = f.properties as AnyLayerFeature['properties'] & Record<string, unknown>;
  const rows: ReactNode[] = [];
  const add = (key: PlainKey, value: ReactNode) =>
    rows.push(
      <Row key={key} label={t(lang, key)}>
        {value}
      </Row>,
    );
  add('Feature.Layer', t(lang, `Layer.${layer}`));
  add('Feature.Status', enumText(lang, 'Status', p.status));
  add('Feature.Horizon', t(lang, `Horizon.${p.horizon}`));
  const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
  LAYER_ROWS[layer]({ add, p, lang, str, provinceName });
  if (p.province_2022) add('Feature.Province2022', provinceName(p.province_2022, '2022'));
  if (p.province_2025) add('Feature.Province2025', provinceName(p.province_2025, '2025'));
  if (f.geometry.type === 'Point') add('Feature.Position', f.geometry.coordinates.map((c) => c.toFixed(4)).join(', '));
  add(
    'Feature.Accuracy',
    p.schematic ? t(lang, 'Feature.Schematic') : t(lang, 'Feature.AccuracyM', { m: formatNumber(lang, p.accuracy_m ?? 0, 0) }),
  );
  add('Feature.Source', p.source);
  add('Feature.Sensitivity', t(lang, p.sensitivity === 'restricted' ? 'Feature.SensitivityRestricted' : 'Feature.SensitivityPublic'));
  const note = lang === 'vi' ? p.note_vi : p.note_en;
  if (note) add('Feature.Note', note);
  return <dl>{rows}</dl>;
}

/** The name of a unit by ISO code in an edition, for the panel. */
export function provinceNamer(s: Pick<AppState, 'data'>, lang: Lang) {
  return (iso: string | null, ed: '2022' | '2025'): string => {
    if (!iso) return t(lang, 'Feature.None');
    const fc = ed === '2022' ? s.data?.provinces2022 : s.data?.provinces2025;
    const p = fc?.features.find((f) => f.properties.iso === iso)?.properties;
    return p ? (lang === 'vi' ? p.name_vi : p.name_en) : iso;
  };
}
