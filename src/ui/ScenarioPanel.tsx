import { useState } from 'react';
import { FilePicker, SCENARIO_ACCEPT } from './FilePicker.tsx';
import { useShallow } from 'zustand/react/shallow';
import {
  SCENARIO_LIMITS,
  SCENARIO_MODES,
  SCENARIO_POINTS,
  SCENARIO_STATUSES,
  axisOfLine,
  type ScenarioEdit,
  type ScenarioMode,
  type ScenarioPointKind,
  type ScenarioStatus,
} from '../core/scenario.ts';
import { DEFAULT_SPEEDS, SPEED_CLASSES } from '../core/speeds.ts';
import { download } from '../export/download.ts';
import { t, type Lang } from '../i18n/index.ts';
import { useAppStore, useStoreApi, type AppState, type AppStore } from '../state/store.ts';

/** A speed typed by the user: a number within the limits, or null. */
function speedOf(text: string): number | null {
  const v = Number(text);
  return text.trim() !== '' && Number.isFinite(v) && v >= SCENARIO_LIMITS.speed[0] && v <= SCENARIO_LIMITS.speed[1] ? v : null;
}

/** The bundled corridors' ids and names. */
function corridorNames(s: AppState, lang: Lang): { id: string; name: string }[] {
  return (s.thematic.corridors?.features ?? []).map((f) => ({
    id: f.properties.id,
    name: lang === 'vi' ? f.properties.name_vi : f.properties.name_en,
  }));
}

/** An edit in words. */
function editText(lang: Lang, e: ScenarioEdit, names: ReadonlyMap<string, string>): string {
  if (e.action === 'add')
    return t(lang, 'Scenario.edit.add', { kind: t(lang, `Scenario.kind.${e.kind}`), name: lang === 'vi' ? e.name_vi : e.name_en });
  const name = names.get(e.target) ?? e.target;
  return e.action === 'remove' ? t(lang, 'Scenario.edit.remove', { name }) : t(lang, 'Scenario.edit.slow', { name, kmh: e.speed_kmh });
}

/** Reads a scenario file the user picked (the store checks it). */
async function openScenarioFile(file: File, store: AppStore): Promise<void> {
  store.getState().openScenarioFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** The details of a drawn corridor or a placed point, asked for before it joins the scenario. */
function DraftForm({ lang, store, kind }: { lang: Lang; store: AppStore; kind: 'corridor' | 'point' }) {
  const [mode, setMode] = useState<ScenarioMode>('expressway');
  const [status, setStatus] = useState<ScenarioStatus>('planned');
  const [pointKind, setPointKind] = useState<ScenarioPointKind>('seaport');
  const [speed, setSpeed] = useState('');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [problem, setProblem] = useState<'Scenario.NeedNames' | 'Scenario.BadSpeed' | null>(null);
  const add = (): void => {
    const st = store.getState();
    const pick = st.mapPick;
    if (!nameVi.trim() || !nameEn.trim()) return setProblem('Scenario.NeedNames');
    if (speed.trim() !== '' && speedOf(speed) === null) return setProblem('Scenario.BadSpeed');
    const names = { name_vi: nameVi.trim().slice(0, SCENARIO_LIMITS.name), name_en: nameEn.trim().slice(0, SCENARIO_LIMITS.name) };
    if (pick?.kind === 'corridor' && pick.coordinates.length >= 2) {
      st.addScenarioEdit({
        action: 'add',
        kind: 'corridor',
        id: '',
        mode,
        status,
        axis: mode === 'coastal_road' ? 'coastal' : axisOfLine(pick.coordinates),
        speed_kmh: speedOf(speed),
        ...names,
        coordinates: pick.coordinates,
      });
    } else if (pick?.kind === 'point' && pick.coordinates)
      st.addScenarioEdit({ action: 'add', kind: pointKind, id: '', ...names, coordinates: pick.coordinates });
    st.setMapPick(null);
  };
  return (
    <form
      className="scenario-form"
      data-testid="scenario-form"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      {kind === 'corridor' ? (
        <>
          <label className="field">
            <span className="field-label">{t(lang, 'Scenario.Mode')}</span>
            <select value={mode} onChange={(e) => setMode(e.target.value as ScenarioMode)} data-testid="scenario-mode">
              {SCENARIO_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(lang, `Speed.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t(lang, 'Status.Title')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as ScenarioStatus)}>
              {SCENARIO_STATUSES.map((x) => (
                <option key={x} value={x}>
                  {t(lang, `Status.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t(lang, 'Scenario.Speed')}</span>
            <input
              type="number"
              min={SCENARIO_LIMITS.speed[0]}
              max={SCENARIO_LIMITS.speed[1]}
              value={speed}
              placeholder={String(DEFAULT_SPEEDS[mode].kmh)}
              onChange={(e) => setSpeed(e.target.value)}
              data-testid="scenario-speed"
            />
          </label>
        </>
      ) : (
        <label className="field">
          <span className="field-label">{t(lang, 'Scenario.PointKind')}</span>
          <select value={pointKind} onChange={(e) => setPointKind(e.target.value as ScenarioPointKind)} data-testid="scenario-point-kind">
            {SCENARIO_POINTS.map((k) => (
              <option key={k} value={k}>
                {t(lang, `Scenario.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span className="field-label">{t(lang, 'Scenario.NameVi')}</span>
        <input
          type="text"
          value={nameVi}
          maxLength={SCENARIO_LIMITS.name}
          onChange={(e) => setNameVi(e.target.value)}
          data-testid="scenario-name-vi"
        />
      </label>
      <label className="field">
        <span className="field-label">{t(lang, 'Scenario.NameEn')}</span>
        <input
          type="text"
          value={nameEn}
          maxLength={SCENARIO_LIMITS.name}
          onChange={(e) => setNameEn(e.target.value)}
          data-testid="scenario-name-en"
        />
      </label>
      {problem && (
        <p className="error" role="alert">
          {t(lang, problem)}
        </p>
      )}
      <div className="story-actions">
        <button type="submit" className="seg active" data-testid="scenario-add">
          {t(lang, 'Scenario.Add')}
        </button>
        <button type="button" className="seg" onClick={() => store.getState().setMapPick(null)}>
          {t(lang, 'Scenario.Cancel')}
        </button>
      </div>
    </form>
  );
}

/** Remove or slow one of the bundled corridors. */
function ExistingCorridor({ lang, store, corridors }: { lang: Lang; store: AppStore; corridors: { id: string; name: string }[] }) {
  // The first corridor until one is picked (the list may arrive after the panel opens).
  const [picked, setTarget] = useState('');
  const target = corridors.some((c) => c.id === picked) ? picked : (corridors[0]?.id ?? '');
  const [kmh, setKmh] = useState('30');
  const slow = speedOf(kmh);
  if (!corridors.length) return null;
  return (
    <fieldset className="scenario-existing">
      <legend>{t(lang, 'Scenario.Existing')}</legend>
      <select
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        aria-label={t(lang, 'Scenario.Existing')}
        data-testid="scenario-target"
      >
        {corridors.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <div className="story-actions">
        <button
          type="button"
          className="seg"
          data-testid="scenario-remove"
          onClick={() => store.getState().addScenarioEdit({ action: 'remove', target })}
        >
          {t(lang, 'Scenario.Remove')}
        </button>
        <label className="field inline">
          <span className="field-label">{t(lang, 'Scenario.SlowTo')}</span>
          <input type="number" min={1} max={400} value={kmh} aria-invalid={slow === null} onChange={(e) => setKmh(e.target.value)} />
        </label>
        <button
          type="button"
          className="seg"
          disabled={slow === null}
          data-testid="scenario-slow"
          onClick={() => slow !== null && store.getState().addScenarioEdit({ action: 'slow', target, speed_kmh: slow })}
        >
          {t(lang, 'Scenario.Slow')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The planning scenario: draw a corridor or place a point on the map and give its details;
 * remove or slow an existing corridor; change the speeds; list, delete and undo the edits;
 * open and save scenario files. Every open analysis reruns on each edit.
 */
export function ScenarioPanel() {
  const store = useStoreApi();
  const { getState } = store;
  const s = useAppStore(
    useShallow((x) => ({ lang: x.lang, scenario: x.scenario, pick: x.mapPick, canUndo: x.scenarioUndo.length > 0, thematic: x.thematic })),
  );
  const { lang, scenario, pick } = s;
  const corridors = corridorNames(getState(), lang);
  const names = new Map(corridors.map((c) => [c.id, c.name]));
  for (const e of scenario.edits) if (e.action === 'add') names.set(e.id, lang === 'vi' ? e.name_vi : e.name_en);

  return (
    <section className="panel story scenario" aria-label={t(lang, 'Scenario.Title')} data-testid="scenario-panel">
      <div className="info-head">
        <h2>{t(lang, 'Scenario.Title')}</h2>
        <button type="button" className="close" aria-label={t(lang, 'Scenario.Close')} onClick={() => getState().setScenarioOpen(false)}>
          ×
        </button>
      </div>
      <p className="hint-muted">{t(lang, 'Scenario.Intro')}</p>
      <label className="field">
        <span className="field-label">{t(lang, 'Scenario.Name')}</span>
        <input
          type="text"
          value={scenario.name}
          maxLength={SCENARIO_LIMITS.name}
          onChange={(e) => getState().renameScenario(e.target.value)}
          data-testid="scenario-name"
        />
      </label>
      <div className="story-actions">
        <button
          type="button"
          className={pick?.kind === 'corridor' ? 'seg active' : 'seg'}
          aria-pressed={pick?.kind === 'corridor'}
          data-testid="scenario-draw"
          onClick={() => getState().setMapPick(pick?.kind === 'corridor' ? null : { kind: 'corridor', coordinates: [] })}
        >
          {t(lang, 'Scenario.DrawCorridor')}
        </button>
        <button
          type="button"
          className={pick?.kind === 'point' ? 'seg active' : 'seg'}
          aria-pressed={pick?.kind === 'point'}
          data-testid="scenario-point"
          onClick={() => getState().setMapPick(pick?.kind === 'point' ? null : { kind: 'point', coordinates: null })}
        >
          {t(lang, 'Scenario.AddPoint')}
        </button>
      </div>
      {pick?.kind === 'corridor' && !pick.done && (
        <div className="scenario-drawing" aria-live="polite">
          <p className="hint">{t(lang, 'Scenario.Drawing', { n: pick.coordinates.length })}</p>
          <div className="story-actions">
            <button
              type="button"
              className="seg active"
              disabled={pick.coordinates.length < 2}
              data-testid="scenario-done"
              onClick={() => getState().setMapPick({ ...pick, done: true })}
            >
              {t(lang, 'Scenario.Done')}
            </button>
            <button type="button" className="seg" onClick={() => getState().setMapPick(null)}>
              {t(lang, 'Scenario.Cancel')}
            </button>
          </div>
        </div>
      )}
      {pick?.kind === 'corridor' && pick.done && <DraftForm lang={lang} store={store} kind="corridor" />}
      {pick?.kind === 'point' &&
        (pick.coordinates ? (
          <DraftForm lang={lang} store={store} kind="point" />
        ) : (
          <p className="hint" aria-live="polite">
            {t(lang, 'Scenario.Placing')}
          </p>
        ))}
      <ExistingCorridor lang={lang} store={store} corridors={corridors} />
      <h3>{t(lang, 'Scenario.Edits')}</h3>
      {scenario.edits.length ? (
        <ol className="scene-list scenario-edits" data-testid="scenario-edits">
          {scenario.edits.map((e, i) => {
            const text = editText(lang, e, names);
            return (
              <li key={`${i}-${text}`}>
                <span className={`scenario-swatch ${e.action}`} aria-hidden="true" /> {text}
                <button
                  type="button"
                  className="close"
                  aria-label={t(lang, 'Scenario.DeleteEdit', { edit: text })}
                  onClick={() => getState().removeScenarioEdit(i)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="empty">{t(lang, 'Scenario.Empty')}</p>
      )}
      <details className="scenario-speeds">
        <summary>{t(lang, 'Scenario.Speeds')}</summary>
        <p className="hint-muted">{t(lang, 'Scenario.SpeedsHint')}</p>
        {SPEED_CLASSES.map((c) => (
          <SpeedField key={c} lang={lang} cls={c} value={scenario.speeds[c] ?? null} store={store} />
        ))}
      </details>
      <div className="story-actions">
        <button type="button" className="seg" disabled={!s.canUndo} onClick={() => getState().undoScenario()} data-testid="scenario-undo">
          {t(lang, 'Scenario.Undo')}
        </button>
        <FilePicker
          label={t(lang, 'Scenario.Open')}
          accept={SCENARIO_ACCEPT}
          testid="scenario-import"
          onFile={(f) => void openScenarioFile(f, store)}
        />
        <button
          type="button"
          className="seg"
          disabled={!scenario.edits.length && !Object.keys(scenario.speeds).length}
          data-testid="scenario-save"
          onClick={() => download(getState().scenarioFileText(), 'ntcc-scenario.geojson', 'application/geo+json')}
        >
          {t(lang, 'Scenario.Save')}
        </button>
        <button
          type="button"
          className="seg"
          disabled={!scenario.edits.length && !Object.keys(scenario.speeds).length}
          onClick={() => getState().setScenario({ name: scenario.name, speeds: {}, edits: [] })}
        >
          {t(lang, 'Scenario.Clear')}
        </button>
      </div>
    </section>
  );
}

/** A class's speed: empty for the default (shown as the placeholder), else the user's. */
function SpeedField({
  lang,
  cls,
  value,
  store,
}: {
  lang: Lang;
  cls: (typeof SPEED_CLASSES)[number];
  value: number | null;
  store: AppStore;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [from, setFrom] = useState(value);
  // Changed elsewhere (undo, a file): show it.
  if (from !== value) {
    setFrom(value);
    setText(value === null ? '' : String(value));
  }
  const valid = text.trim() === '' || speedOf(text) !== null;
  return (
    <label className="field inline">
      <span className="field-label">{t(lang, `Speed.${cls}`)}</span>
      <input
        type="number"
        min={SCENARIO_LIMITS.speed[0]}
        max={SCENARIO_LIMITS.speed[1]}
        value={text}
        placeholder={String(DEFAULT_SPEEDS[cls].kmh)}
        aria-invalid={!valid}
        data-testid={`speed-${cls}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          const v = text.trim() === '' ? null : speedOf(text);
          if (valid && v !== value) {
            setFrom(v);
            store.getState().setScenarioSpeed(cls, v);
          }
        }}
      />
    </label>
  );
}
