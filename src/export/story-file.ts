/**
 * The saved-story format: `{ schema, story }`, checked with valibot. Each version bump adds
 * a migration from the one before (MIGRATIONS) and a frozen fixture of the old format in
 * tests/fixtures/stories. Used for the browser's saved story and for story files.
 */
import * as v from 'valibot';
import { DEFAULT_PARAMS, PARAM_DEFS, type ParamDef, type ParamKey } from '../core/analysis.ts';
import { HORIZONS, STATUSES, THEMATIC_LAYERS } from '../core/layers.ts';
import { SCENE_SCENARIO_MAX, STORY_SCHEMA_VERSION, TABLE_REF_MAX, VIEWPORT_PX, type Story } from '../core/story.ts';
import { CLASS_COUNTS, CLASS_METHODS, PALETTE_NAMES } from '../core/classify.ts';

const text = v.pipe(v.string(), v.maxLength(2000));
const bilingual = v.object({ vi: text, en: text });
const finite = v.pipe(v.number(), v.finite());

/** One parameter's value in a story file, checked as its definition says. */
function paramSchema(d: ParamDef): v.GenericSchema {
  if (d.type === 'choice') return v.picklist(d.choices);
  if (d.type === 'number') return v.pipe(finite, v.minValue(d.range[0]), v.maxValue(d.range[1]));
  if (d.type === 'boolean') return v.boolean();
  if (d.type === 'point')
    return v.tuple([
      v.pipe(finite, v.minValue(d.bounds[0][0]), v.maxValue(d.bounds[0][1])),
      v.pipe(finite, v.minValue(d.bounds[1][0]), v.maxValue(d.bounds[1][1])),
    ]);
  return v.pipe(v.array(v.pipe(finite, v.minValue(d.range[0]), v.maxValue(d.range[1]))), v.minLength(1), v.maxLength(d.max));
}

/** A scene's analysis: each parameter checked as its definition says; the map's edition and horizon are the scene's own. */
function analysisEntries() {
  const entries: Record<string, v.GenericSchema> = {};
  for (const key of Object.keys(PARAM_DEFS) as ParamKey[]) {
    if (key === 'edition' || key === 'horizon') continue;
    const d: ParamDef = PARAM_DEFS[key];
    const schema = paramSchema(d);
    // A parameter added after a story was written takes its default.
    entries[key] = key === 'kind' ? schema : v.optional(schema, DEFAULT_PARAMS[key] as never);
  }
  return entries;
}

const SceneSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  camera: v.object({
    center: v.tuple([v.pipe(finite, v.minValue(-180), v.maxValue(180)), v.pipe(finite, v.minValue(-85), v.maxValue(85))]),
    zoom: v.pipe(finite, v.minValue(0), v.maxValue(22)),
    pitch: v.pipe(finite, v.minValue(0), v.maxValue(85)),
    bearing: v.pipe(finite, v.minValue(-180), v.maxValue(180)),
    viewport: v.optional(
      v.object({
        width: v.pipe(finite, v.minValue(VIEWPORT_PX.min), v.maxValue(VIEWPORT_PX.max)),
        height: v.pipe(finite, v.minValue(VIEWPORT_PX.min), v.maxValue(VIEWPORT_PX.max)),
      }),
    ),
  }),
  edition: v.picklist(['2022', '2025']),
  layers: v.array(v.picklist(THEMATIC_LAYERS.map((l) => l.id))),
  horizon: v.picklist(HORIZONS),
  statuses: v.array(v.picklist(STATUSES)),
  analysis: v.nullable(v.object(analysisEntries())),
  selected: v.nullable(v.pipe(v.string(), v.regex(/^VN-[0-9A-Z]{2}$/))),
  caption: bilingual,
  notes: bilingual,
  figures: v.pipe(v.array(v.object({ label: bilingual, value: bilingual, source: v.pipe(v.string(), v.maxLength(100)) })), v.maxLength(8)),
  // The area the scene is about: west, south, east, north, a box of some extent.
  subject: v.optional(
    v.nullable(
      v.pipe(
        v.tuple([
          v.pipe(finite, v.minValue(-180), v.maxValue(180)),
          v.pipe(finite, v.minValue(-85), v.maxValue(85)),
          v.pipe(finite, v.minValue(-180), v.maxValue(180)),
          v.pipe(finite, v.minValue(-85), v.maxValue(85)),
        ]),
        v.check(([w, s, e, n]) => e > w && n > s, 'west < east and south < north'),
      ),
    ),
  ),
  // The user's table, by reference (the figures stay in the user's file).
  table: v.optional(
    v.nullable(
      v.object({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(TABLE_REF_MAX)),
        column: v.pipe(v.string(), v.minLength(1), v.maxLength(TABLE_REF_MAX)),
        method: v.picklist(CLASS_METHODS),
        classes: v.picklist(CLASS_COUNTS),
        palette: v.picklist(PALETTE_NAMES),
      }),
    ),
  ),
  // The user's road network and population grid, by file name (they stay in the user's files).
  network: v.optional(v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(TABLE_REF_MAX)))),
  population: v.optional(v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(TABLE_REF_MAX)))),
  // Show the analysis's chart with the caption while presenting.
  chart: v.optional(v.boolean()),
  // The scenario in its address form: checked here as text, read (against the corridors) when the scene is shown.
  scenario: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/), v.maxLength(SCENE_SCENARIO_MAX)))),
  compare: v.optional(
    v.nullable(
      v.object({
        with: v.picklist(['horizon', 'scenario', 'file']),
        horizon: v.picklist(HORIZONS),
        view: v.picklist(['difference', 'swipe']),
        scenario: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+$/), v.maxLength(SCENE_SCENARIO_MAX)))),
      }),
    ),
  ),
});

export const StorySchema = v.object({ title: bilingual, scenes: v.pipe(v.array(SceneSchema), v.minLength(1), v.maxLength(100)) });

/** Migrations: MIGRATIONS[n] turns a version-n file into version n + 1. None yet (version 1 is the first). */
export const MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

/** Why a story file or saved story could not be read. */
export type StoryReadError =
  | { code: 'json'; detail: string }
  | { code: 'not-story' }
  | { code: 'future-version'; version: number }
  | { code: 'invalid'; path: string; detail: string };

/**
 * Reads a saved story or story file (text), migrating older versions.
 * @returns the story, or why it cannot be read
 * @example readStory(JSON.stringify({ schema: 1, story })) // { ok: true, story }
 */
export function readStory(textIn: string): { ok: true; story: Story } | { ok: false; error: StoryReadError } {
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch (e) {
    return { ok: false, error: { code: 'json', detail: e instanceof Error ? e.message.slice(0, 120) : String(e) } };
  }
  if (!json || typeof json !== 'object' || typeof (json as { schema?: unknown }).schema !== 'number')
    return { ok: false, error: { code: 'not-story' } };
  let version = (json as { schema: number }).schema;
  let body: unknown = json;
  if (!Number.isInteger(version) || version < 0) return { ok: false, error: { code: 'not-story' } };
  if (version > STORY_SCHEMA_VERSION) return { ok: false, error: { code: 'future-version', version } };
  while (version < STORY_SCHEMA_VERSION) {
    const m = MIGRATIONS[version];
    if (!m) return { ok: false, error: { code: 'not-story' } };
    body = m(body);
    version++;
  }
  const r = v.safeParse(StorySchema, (body as { story?: unknown }).story);
  if (!r.success) {
    const issue = r.issues[0];
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    return { ok: false, error: { code: 'invalid', path: path || '(story)', detail: issue.message } };
  }
  return { ok: true, story: r.output as Story };
}

/** Writes a story in the current format. */
export function writeStory(story: Story): string {
  return JSON.stringify({ schema: STORY_SCHEMA_VERSION, app: 'ntcc-atlas', story }, null, 2) + '\n';
}
