/**
 * Schemas of the thematic layer files (valibot), checked by the tests on the built data
 * and by the app when it loads a file. An error names the file, the feature and the field.
 */
import * as v from 'valibot';
import { BELT_KM_CHOICES, HORIZONS, STATUSES, THEMATIC_LAYER_IDS, isThematicLayerId, type ThematicLayerId } from '../core/layers.ts';

const ISO = v.pipe(v.string(), v.regex(/^VN-[0-9A-Z]{2}$/, 'an ISO 3166-2 code such as VN-DN'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(500));
const noteText = v.nullable(v.pipe(v.string(), v.maxLength(2000)));
const lon = v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180));
const lat = v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90));
const position = v.tuple([lon, lat]);

const PointGeometry = v.object({ type: v.literal('Point'), coordinates: position });
const LineGeometry = v.object({ type: v.literal('LineString'), coordinates: v.pipe(v.array(position), v.minLength(2)) });
const MultiLineGeometry = v.object({ type: v.literal('MultiLineString'), coordinates: v.array(v.pipe(v.array(position), v.minLength(2))) });
const ring = v.pipe(v.array(position), v.minLength(4));
const AreaGeometry = v.variant('type', [
  v.object({ type: v.literal('Polygon'), coordinates: v.array(ring) }),
  v.object({ type: v.literal('MultiPolygon'), coordinates: v.array(v.array(ring)) }),
]);

/** Properties every thematic feature carries. */
const common = {
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'a lower-case slug')),
  name_vi: text,
  name_en: text,
  /** Keys of the documents in the region brief, e.g. "QD1579; QD804". */
  source: text,
  /** How far the position may be off, in metres; null only when the geometry is schematic. */
  accuracy_m: v.nullable(v.pipe(v.number(), v.minValue(0))),
  schematic: v.boolean(),
  status: v.picklist(STATUSES),
  horizon: v.picklist(HORIZONS),
  sensitivity: v.picklist(['public', 'restricted']),
  province_2022: v.nullable(ISO),
  province_2025: v.nullable(ISO),
  note_vi: noteText,
  note_en: noteText,
};

type Trust = { accuracy_m: number | null; schematic: boolean };
/** Every feature says how far to trust it: an accuracy in metres, or a schematic geometry. */
const props = <T extends v.ObjectEntries>(extra: T) =>
  v.pipe(
    v.object({ ...common, ...extra }),
    v.check((p) => (p as Trust).accuracy_m !== null || (p as Trust).schematic, 'needs accuracy_m or schematic: true'),
  );

const feature = <G extends v.GenericSchema, P extends v.GenericSchema>(geometry: G, properties: P) =>
  v.object({ type: v.literal('Feature'), id: v.optional(v.union([v.string(), v.number()])), properties, geometry });

const collection = <F extends v.GenericSchema>(f: F) => v.object({ type: v.literal('FeatureCollection'), features: v.array(f) });

export const SCHEMAS = {
  corridors: collection(
    feature(
      LineGeometry,
      props({
        axis: v.picklist(['north_south', 'east_west', 'coastal']),
        mode: v.picklist(['road', 'expressway', 'railway', 'high_speed_railway']),
        length_km: v.pipe(v.number(), v.minValue(0)),
        /** The published length, km, where one is at hand (the network data of issue 26). */
        published_km: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0))), null),
        /**
         * Km posts along the line, [vertex index, km] in order, where published (QL1): the network
         * counts each stretch between two posts at their difference.
         */
        km_posts: v.optional(
          v.nullable(v.array(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), v.pipe(v.number(), v.minValue(0))]))),
          null,
        ),
        /** The date the network data is current to ("today" means open by then). */
        current_to: v.optional(v.nullable(v.string()), null),
        /** Expressway sections: investor or deciding body, opening date, planned year, lanes. */
        investor: v.optional(v.nullable(v.string()), null),
        opened: v.optional(v.nullable(v.string()), null),
        planned_year: v.optional(v.nullable(v.pipe(v.number(), v.integer())), null),
        lanes: v.optional(v.nullable(v.pipe(v.number(), v.integer())), null),
        port_end: v.nullable(v.string()),
        gate_end: v.nullable(v.string()),
        waypoints: v.array(v.string()),
        provinces_2022: v.array(ISO),
        provinces_2025: v.array(ISO),
      }),
    ),
  ),
  seaports: collection(
    feature(
      PointGeometry,
      props({
        seaport_id: v.string(),
        seaport_name_vi: text,
        seaport_name_en: text,
        class: v.picklist(['I', 'II', 'III']),
        /** How far the build moved the brief's point into its own province, in metres. */
        moved_m: v.pipe(v.number(), v.minValue(0)),
      }),
    ),
  ),
  airports: collection(
    feature(
      PointGeometry,
      props({
        iata: v.nullable(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'a 3-letter IATA code'))),
        role: v.nullable(v.picklist(['international', 'domestic'])),
        international_2030: v.boolean(),
      }),
    ),
  ),
  'border-gates': collection(
    feature(
      PointGeometry,
      props({
        gate_type: v.picklist(['international', 'main', 'national']),
        other_side: text,
        country: v.picklist(['LA', 'KH']),
        road: v.nullable(v.string()),
        snapped_m: v.pipe(v.number(), v.minValue(0)),
      }),
    ),
  ),
  stations: collection(
    feature(
      PointGeometry,
      props({
        line: v.picklist(['railway', 'high_speed_railway']),
        /** Km post from Hà Nội, where the source gives it. */
        km_post: v.nullable(v.pipe(v.number(), v.minValue(0))),
        station_kind: v.picklist(['passenger', 'passenger_freight']),
      }),
    ),
  ),
  interchanges: collection(feature(PointGeometry, props({ section: v.string() }))),
  'economic-zones': collection(
    feature(
      AreaGeometry,
      props({
        area_ha: v.pipe(v.number(), v.minValue(0)),
        area_unconfirmed: v.boolean(),
        established: v.nullable(v.pipe(v.number(), v.integer())),
        established_unconfirmed: v.boolean(),
        established_by: v.nullable(v.string()),
      }),
    ),
  ),
  'military-regions': collection(feature(AreaGeometry, props({ members_2022: v.array(ISO) }))),
  'border-line': collection(feature(MultiLineGeometry, props({ country: v.picklist(['LA', 'KH']) }))),
  // One feature per offered width; the map draws the chosen one from the tiles, the file is for export.
  'border-belt': collection(feature(AreaGeometry, props({ km: v.picklist(BELT_KM_CHOICES) }))),
  islands: collection(feature(PointGeometry, props({}))),
  'baseline-points': collection(feature(PointGeometry, props({ code: v.pipe(v.string(), v.regex(/^A\d{1,2}$/)) }))),
} as const satisfies { [K in ThematicLayerId]: v.GenericSchema };

/** A thematic layer with its file: every one (the schemas are keyed by the layers' own id type). */
export type LayerFileId = ThematicLayerId;
export type LayerCollection<K extends LayerFileId> = v.InferOutput<(typeof SCHEMAS)[K]>;
/** A feature of one layer, with that layer's properties. */
export type LayerFeature<K extends LayerFileId> = LayerCollection<K>['features'][number];
export type AnyLayerFeature = LayerFeature<LayerFileId>;

/** A layer file that does not match its schema: names the file, feature and field. */
export class LayerDataError extends Error {
  constructor(
    readonly file: string,
    readonly feature: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${feature}: field "${field}": ${reason}`);
    this.name = 'LayerDataError';
  }
}

/**
 * Checks a parsed layer file against its schema.
 * @returns the typed collection
 * @throws LayerDataError naming the first bad feature and field
 */
export function parseLayer<K extends LayerFileId>(layer: K, json: unknown, file: string): LayerCollection<K> {
  const r = v.safeParse(SCHEMAS[layer], json);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  let where = 'the collection';
  let rest = path;
  if (path[0] === 'features' && typeof path[1] === 'number') {
    const index = path[1];
    const f = (json as { features?: { properties?: { id?: unknown } }[] }).features?.[index];
    const id = typeof f?.properties?.id === 'string' ? ` (${f.properties.id})` : '';
    where = `feature ${index}${id}`;
    rest = path.slice(2);
  }
  return ((): never => {
    throw new LayerDataError(file, where, rest.join('.') || '(whole)', issue.message);
  })();
}

/** Whether a text (from an address, a file) names a thematic layer. */
export const isLayerFileId: (x: string) => x is LayerFileId = isThematicLayerId;

/** The layer ids the app loads a file for: every thematic layer (the belt's file serves the export; the map draws the belt from the tiles). */
export const LAYER_FILE_IDS: readonly LayerFileId[] = THEMATIC_LAYER_IDS;
export type { ThematicLayerId };
