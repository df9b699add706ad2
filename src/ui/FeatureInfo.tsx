import type { ReactNode } from 'react';
import { formatNumber, isMessageKey, t, render, type Lang, type PlainKey } from '../i18n/index.ts';
import type { AppState, LayerFeature, LayerFileId } from '../state/store.ts';

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

/** What a layer's info panel reads: its feature's properties, typed as that layer's schema says. */
interface InfoContext<K extends LayerFileId> {
  add: (key: PlainKey, value: ReactNode) => void;
  p: LayerFeature<K>['properties'];
  lang: Lang;
  provinceName: (iso: string | null, ed: '2022' | '2025') => string;
}

/** A layer's name key (the layer's own id type, so the key is one of the known ones). */
const layerKey = (id: LayerFileId): `Layer.${LayerFileId}` => `Layer.${id}`;
const km = (lang: Lang, value: number, digits: number): string => t(lang, 'Feature.Km', { value: formatNumber(lang, value, digits) });
const none = (lang: Lang, v: string | null): string => v ?? t(lang, 'Feature.None');

/** Each layer's own rows, between the common ones (a layer without an entry fails to compile). */
const LAYER_ROWS: { [K in LayerFileId]: (c: InfoContext<K>) => void } = {
  seaports: ({ add, lang, p }) => {
    add('Feature.Seaport', lang === 'vi' ? p.seaport_name_vi : p.seaport_name_en);
    add('Feature.Class', p.class);
  },
  airports: ({ add, p, lang }) => {
    add('Feature.Iata', none(lang, p.iata));
    add('Feature.Role', enumText(lang, 'Role', p.role));
    add('Feature.International2030', yesNo(lang, p.international_2030));
  },
  'border-gates': ({ add, lang, p }) => {
    add('Feature.GateType', enumText(lang, 'GateType', p.gate_type));
    add('Feature.OtherSide', p.other_side);
    add('Feature.Country', enumText(lang, 'Country', p.country));
    add('Feature.Road', none(lang, p.road));
  },
  stations: ({ add, p, lang }) => {
    add('Feature.Mode', enumText(lang, 'Mode', p.line));
    add('Feature.KmPost', p.km_post === null ? t(lang, 'Feature.None') : km(lang, p.km_post, 0));
  },
  interchanges: ({ add, p }) => {
    add('Feature.Section', p.section);
  },
  'economic-zones': ({ add, p, lang }) => {
    const unconfirmed = (yes: boolean): string => (yes ? ` ${t(lang, 'Feature.Unconfirmed')}` : '');
    add('Feature.AreaHa', `${t(lang, 'Feature.Ha', { value: formatNumber(lang, p.area_ha, 2) })}${unconfirmed(p.area_unconfirmed)}`);
    add(
      'Feature.Established',
      p.established === null ? t(lang, 'Feature.None') : `${String(p.established)}${unconfirmed(p.established_unconfirmed)}`,
    );
    if (p.established_by) add('Feature.EstablishedBy', p.established_by);
  },
  corridors: ({ add, p, lang, provinceName }) => {
    add('Feature.Axis', enumText(lang, 'Axis', p.axis));
    add('Feature.Mode', enumText(lang, 'Mode', p.mode));
    add('Feature.LengthKm', km(lang, p.length_km, 1));
    if (p.published_km !== null) add('Feature.PublishedKm', km(lang, p.published_km, 1));
    if (p.opened) add('Feature.Opened', p.opened);
    if (p.planned_year !== null) add('Feature.PlannedYear', String(p.planned_year));
    if (p.lanes !== null) add('Feature.Lanes', String(p.lanes));
    if (p.investor) add('Feature.Investor', p.investor);
    if (p.current_to) add('Feature.CurrentTo', p.current_to);
    add('Feature.Waypoints', p.waypoints.join(' · '));
    add('Feature.Provinces2022', p.provinces_2022.map((iso) => provinceName(iso, '2022')).join(', '));
    if (p.port_end) add('Feature.PortEnd', p.port_end);
    if (p.gate_end) add('Feature.GateEnd', p.gate_end);
  },
  'military-regions': ({ add, p, provinceName }) => {
    add('Feature.Members', p.members_2022.map((iso) => provinceName(iso, '2022')).join(', '));
  },
  'border-line': ({ add, lang, p }) => {
    add('Feature.Country', enumText(lang, 'Country', p.country));
  },
  'baseline-points': ({ add, p }) => {
    add('Feature.Code', p.code);
  },
  'border-belt': ({ add, p, lang }) => {
    add('Feature.BeltKm', km(lang, p.km, 0));
  },
  islands: () => undefined,
};

/** Every attribute of a thematic feature in plain words, both languages; all values render as text. */
export function FeatureInfo<K extends LayerFileId>({
  layer,
  f,
  lang,
  provinceName,
}: {
  layer: K;
  f: LayerFeature<K>;
  lang: Lang;
  provinceName: (iso: string | null, ed: '2022' | '2025') => string;
}) {
  const rows: ReactNode[] = [];
  const add = (key: PlainKey, value: ReactNode) =>
    rows.push(
      <Row key={key} label={t(lang, key)}>
        {value}
      </Row>,
    );
  const p: LayerFeature<K>['properties'] = f.properties;
  add('Feature.Layer', t(lang, layerKey(layer)));
  add('Feature.Status', enumText(lang, 'Status', p.status));
  add('Feature.Horizon', t(lang, `Horizon.${p.horizon}`));
  const rowsOfLayer: (c: InfoContext<K>) => void = LAYER_ROWS[layer];
  rowsOfLayer({ add, p, lang, provinceName });
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
