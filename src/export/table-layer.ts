/**
 * A statistics table joined to the units, as a layer to export: the units' polygons with the
 * table's columns (figures as numbers), the table's name, the user's note on its source, and
 * for each missing figure a note in both languages saying why. The app and `ntcc join` both
 * write it from here.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { joinedLayer, type JoinedTable, type NullReason } from '../data/join.ts';
import type { ProvinceCollection } from '../core/types.ts';
import { t } from '../i18n/index.ts';

/** A unit's note for a column without a figure, in both languages. */
export function nullNote(column: string, r: NullReason, nameOf: (iso: string) => string = (iso) => iso): { vi: string; en: string } {
  const vars = { column, members: 'members' in r ? r.members.map(nameOf).join(', ') : '' };
  return { vi: t('vi', `TableFile.Null.${r.kind}`, vars), en: t('en', `TableFile.Null.${r.kind}`, vars) };
}

/** What the metadata of a research bundle says of a table layer. */
export interface TableLayerInfo {
  /** The file's name (and sheet, for a workbook). */
  name: string;
  sheet: string;
  /** The user's words on where the figures come from ('' when none was given). */
  source_note: string;
  key_field: string;
  rows_edition: string;
  matched_rows: number;
  unmatched_rows: number;
  figure_columns: string[];
  /** How a 2025 unit combined its members, per column (only for a 2022 table on 2025 units). */
  aggregate: Record<string, string> | null;
}

/**
 * The joined table as a layer, and what the bundle's metadata says of it.
 * @param members the 2022 units, to name a 2025 unit's missing members
 */
export function tableLayer(
  joined: JoinedTable,
  polygons: ProvinceCollection,
  sourceNote = '',
  members?: ProvinceCollection,
): { fc: FeatureCollection<Polygon | MultiPolygon>; info: TableLayerInfo } {
  // A missing member is named ("Kon Tum (VN-28)") when the 2022 units are given.
  const names = new Map(members?.features.map((f) => [f.properties.iso, `${f.properties.name_vi} (${f.properties.iso})`]));
  const fc = joinedLayer(joined, polygons, (_, column, r) => nullNote(column, r, (iso) => names.get(iso) ?? iso));
  if (sourceNote) for (const f of fc.features) f.properties = { ...f.properties, table_source: sourceNote };
  return {
    fc,
    info: {
      name: joined.table.name,
      sheet: joined.table.sheet,
      source_note: sourceNote,
      key_field: joined.table.keyField,
      rows_edition: joined.tableEdition,
      matched_rows: joined.report.matched.length,
      unmatched_rows: joined.report.unmatched.length,
      figure_columns: joined.numericColumns,
      aggregate: joined.tableEdition !== joined.edition ? { ...joined.aggregate } : null,
    },
  };
}
