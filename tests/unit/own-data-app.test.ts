/**
 * The app's side of the user's own road network and population grid (issue 27): what the
 * analysis worker keeps and lends (src/workers/own-data.ts, called here directly, as the worker
 * does) and the store's slice that drives it (src/state/slices/own-data.ts): a network built from
 * the town fixture (PBF, XML, a Vietnamese roads layer through the dialog's guesses, a network
 * file), runs in minutes on it, cancellation, refusals that keep the network in use, a GeoTIFF
 * grid that weighs the cells, and references from an address or scene.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PARAMS, type AnalysisParams } from '../../src/core/analysis.ts';
import { runAnalysis } from '../../src/analysis/run.ts';
import { createOwnData } from '../../src/workers/own-data.ts';
import { guessClass, guessLineFields, ownDataKey } from '../../src/data/own-data.ts';
import {
  analysisKey,
  createAppStore,
  linesDraftOf,
  NO_SERVICES,
  ownRefOf,
  type AppStore,
  type OwnDataService,
} from '../../src/state/store.ts';
import { render } from '../../src/i18n/index.ts';
import { formatHash, parseHash } from '../../src/state/url-hash.ts';
import { readStory, writeStory } from '../../src/export/story-file.ts';
import { loadInputs } from '../../cli/load.ts';
import { writeFixtureFiles } from './helpers/road-fixture.ts';

const inputs = loadInputs();
const dir = mkdtempSync(join(tmpdir(), 'own-data-app-'));
let files: { xml: string; pbf: string; geojson: string };
let tif: { file: string; total: number };

const fileOf = (path: string, name = path.split('/').pop()!): File => new File([readFileSync(path)], name);
const minutesParams: AnalysisParams = { ...DEFAULT_PARAMS, kind: 'access', metric: 'minutes', cellKm: 5 };

/** A population grid over the town, in WGS 84, written by GDAL: 20 × 20 cells of 0.005°. */
function writeGrid(): { file: string; total: number } {
  const n = 20;
  const rows: string[] = [];
  let total = 0;
  for (let j = 0; j < n; j++) {
    const row: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = ((i * 7 + j * 3) % 13) + 1;
      row.push(v);
      total += v;
    }
    rows.push(row.join(' '));
  }
  const asc = join(dir, 'pop.asc');
  writeFileSync(
    asc,
    ['ncols 20', 'nrows 20', 'xllcorner 105.15', 'yllcorner 19.05', 'cellsize 0.005', 'NODATA_value -9999', ...rows].join('\n') + '\n',
  );
  const file = join(dir, 'pop.tif');
  execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:4326', '-of', 'GTiff', asc, file]);
  return { file, total };
}

/** A result's note on the network's speeds, as JSON. */
const speedsNote = (r: { notes: readonly { key: string }[] }) => JSON.stringify(r.notes.find((n) => n.key === 'Note.NetworkSpeeds'));

/** The worker's store, on the bundled provinces. */
const makeOwn = () => createOwnData(async () => inputs.provinces2022);

/** A store whose runner and user's-data service call the worker's code directly. */
function makeStore(): { store: AppStore; own: ReturnType<typeof makeOwn> } {
  const own = makeOwn();
  const ownData: OwnDataService = {
    inspectLines: (f) => own.inspectLines(f),
    buildNetwork: (f, o, p) => own.buildNetwork('network', f, o, p),
    readPopulation: (f, p) => own.readPopulation('population', f, p),
    cancel: (j) => own.cancel(j),
    release: (id) => own.release(id),
    networkFile: async (id) => own.networkFile(id),
  };
  const store = createAppStore({
    ...NO_SERVICES,
    ownData,
    runAnalysis: async (params, onProgress, overrides, refs) => {
      const mine = refs ? own.overridesFor(refs, params, overrides?.scenario) : null;
      const o = {
        ...overrides,
        ...(mine?.network ? { network: mine.network } : {}),
        ...(mine?.population ? { population: mine.population } : {}),
      };
      return { result: runAnalysis(inputs, params, onProgress, o), cached: false };
    },
  });
  return { store, own };
}

beforeAll(() => {
  files = writeFixtureFiles(dir);
  tif = writeGrid();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the worker keeps the user network', () => {
  it('builds from PBF with its phases, gives the edges to draw, and lends a graph that a run in minutes uses', async () => {
    const own = makeOwn();
    const phases = new Set<string>();
    const r = await own.buildNetwork('network', fileOf(files.pbf), {}, (phase) => phases.add(phase));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { info, drawing } = r.value;
    expect(info.name).toBe('town.osm.pbf');
    expect(info.meta.extract_date).toMatch(/^2025-04-01T00:00:00/);
    expect([...phases]).toEqual(expect.arrayContaining(['ways', 'nodes', 'graph']));
    // One path per edge: its start index, its class, two numbers per vertex.
    expect(drawing.cls.length).toBe(info.meta.edges);
    expect(drawing.startIndices.length).toBe(info.meta.edges + 1);
    expect(drawing.positions.length).toBe(2 * drawing.startIndices[info.meta.edges]!);
    for (let k = 0; k < drawing.positions.length; k += 2) {
      expect(drawing.positions[k]).toBeGreaterThan(105.1);
      expect(drawing.positions[k + 1]).toBeGreaterThan(19);
    }
    const { network } = own.overridesFor(
      { network: { id: info.id, name: info.name, edges: info.meta.edges }, population: null },
      minutesParams,
      null,
    );
    const result = runAnalysis(inputs, minutesParams, undefined, { network: network! });
    expect(result.network?.file).toBe('town.osm.pbf');
    expect(render('en', result.model)).toContain('On your own road network (town.osm.pbf)');
    // Released, it can no longer be lent.
    own.release(info.id);
    expect(() =>
      own.overridesFor({ network: { id: info.id, name: info.name, edges: 1 }, population: null }, minutesParams, null),
    ).toThrow();
  });

  it('builds the same network from OSM XML and from a network file it wrote', async () => {
    const own = makeOwn();
    const a = await own.buildNetwork('network', fileOf(files.pbf), {}, () => {});
    const b = await own.buildNetwork('network', fileOf(files.xml), {}, () => {});
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.value.info.meta.edges).toBe(a.value.info.meta.edges);
    const bytes = own.networkFile(a.value.info.id)!;
    writeFileSync(join(dir, 'town.ntccnet'), bytes);
    const c = await own.buildNetwork('network', fileOf(join(dir, 'town.ntccnet')), {}, () => {});
    expect(c.ok && c.value.info.meta.km_total).toBeCloseTo(a.value.info.meta.km_total, 6);
  });

  it('a cancelled build ends as cancelled and keeps nothing', async () => {
    const own = makeOwn();
    const p = own.buildNetwork('network', fileOf(files.pbf), {}, () => {});
    own.cancel('network');
    const r = await p;
    expect(r).toEqual({ ok: false, error: { domain: 'Net', code: 'cancelled', vars: {} } });
  });

  it('refuses a damaged PBF, a file with nothing drivable and a grid in another CRS, each with its code', async () => {
    const own = makeOwn();
    const pbf = readFileSync(files.pbf);
    const cut = await own.buildNetwork('network', new File([pbf.subarray(0, pbf.length - 40)], 'cut.osm.pbf'), {}, () => {});
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error.code).toMatch(/^pbf-/);
    const paths =
      '<?xml version="1.0"?><osm version="0.6"><node id="1" lat="19.1" lon="105.2"/><node id="2" lat="19.11" lon="105.21"/><way id="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way></osm>';
    const none = await own.buildNetwork('network', new File([paths], 'paths.osm'), {}, () => {});
    expect(!none.ok && none.error).toMatchObject({ domain: 'Net', code: 'nothing-drivable' });
    const merc = join(dir, 'merc.tif');
    execFileSync('gdal_translate', ['-q', '-a_srs', 'EPSG:3857', '-a_ullr', '11700000', '2160000', '11710000', '2150000', tif.file, merc]);
    const bad = await own.readPopulation('population', fileOf(merc), () => {});
    expect(!bad.ok && bad.error).toMatchObject({ domain: 'Pop', code: 'crs' });
  });
});

describe('the roads-layer dialog', () => {
  it('reads the Vietnamese layer’s fields and guesses the class, speed and one-way fields and each value’s class', async () => {
    const own = makeOwn();
    const r = await own.inspectLines(fileOf(files.geojson));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fields).toEqual(expect.arrayContaining(['cap_duong', 'toc_do', 'mot_chieu']));
    const d = linesDraftOf(fileOf(files.geojson), r.value);
    expect([d.classField, d.speedField, d.onewayField]).toEqual(['cap_duong', 'toc_do', 'mot_chieu']);
    expect(d.classMap).toMatchObject({
      'đường chính': 'primary',
      'đường cấp hai': 'secondary',
      'đường phố': 'residential',
      'cao tốc': 'motorway',
      'nhánh nối': 'link',
      'đường đi bộ': 'none',
      'đường mòn': 'none',
      'đang xây': 'none',
    });
  });

  it('guesses from English and OpenStreetMap words, and leaves unknown values unchosen', () => {
    expect(guessLineFields(['name', 'fclass', 'maxspeed', 'oneway'], {})).toEqual({ class: 'fclass', speed: 'maxspeed', oneway: 'oneway' });
    expect(guessClass('Quốc lộ')).toBe('trunk');
    expect(guessClass('Tỉnh lộ 8')).toBe('primary');
    expect(guessClass('primary_link')).toBe('link');
    expect(guessClass('Đường huyện')).toBe('tertiary');
    expect(guessClass('7')).toBeUndefined();
  });

  it('builds through the store from the dialog’s choices the network the command line builds', async () => {
    const { store, own } = makeStore();
    await store.getState().openNetworkFile(fileOf(files.geojson));
    const d = store.getState().linesDraft!;
    expect(d.classField).toBe('cap_duong');
    // The service road and the ferry have no class yet ('' is not chosen): leave them out.
    const classMap = Object.fromEntries(
      Object.entries(d.classMap).map(([k, v]) => [k, v === '' || v === 'service' || v === 'ferry' ? 'none' : v] as const),
    );
    store.getState().setLinesDraft({ classMap });
    await store.getState().buildLinesDraft();
    const net = store.getState().userNetwork!;
    expect(net.active).toBe(true);
    const pbf = await own.buildNetwork('x', fileOf(files.pbf), {}, () => {});
    expect(pbf.ok && net.info.meta.km_total).toBeCloseTo(pbf.ok ? pbf.value.info.meta.km_total : 0, 1);
  });
});

describe('the store with a user network and grid', () => {
  it('runs accessibility in minutes on the network, weighs the cells by the grid, and keys the run by both', async () => {
    const { store } = makeStore();
    const st = store.getState();
    store.setState({ analysisOpen: true, analysisParams: { ...st.analysisParams, kind: 'access', metric: 'minutes' } });
    const before = analysisKey(store.getState());
    await store.getState().openNetworkFile(fileOf(files.pbf));
    expect(store.getState().userNetwork?.info.name).toBe('town.osm.pbf');
    expect(store.getState().notice?.key).toBe('Own.NetworkReady');
    await store.getState().openGridFile(fileOf(tif.file));
    expect(store.getState().userGrid?.info.crs).toBe('EPSG:4326');
    expect(store.getState().userGrid?.info.total).toBeCloseTo(tif.total, 0);
    const key = analysisKey(store.getState());
    expect(key).not.toBe(before);
    expect(key).toContain(
      ownDataKey({
        network: { id: store.getState().userNetwork!.info.id, name: 'town.osm.pbf', edges: store.getState().userNetwork!.info.meta.edges },
        population: null,
      }).split('|')[0]!,
    );
    await store.getState().runAnalysis();
    const r = store.getState().analysis.result!;
    expect(r.network?.file).toBe('town.osm.pbf');
    expect(r.population_grid?.file).toBe('pop.tif');
    expect(r.kind === 'access' && r.grid.population).toBeInstanceOf(Float64Array);
    // Not used: the run goes back to the bundled corridors.
    store.getState().setNetworkActive(false);
    await store.getState().runAnalysis();
    expect(store.getState().analysis.result!.network ?? null).toBeNull();
  });

  it('a scenario’s speeds apply on the network, and a comparison’s baseline runs on it too', async () => {
    const { store } = makeStore();
    const st = store.getState();
    store.setState({ analysisOpen: true, analysisParams: { ...st.analysisParams, kind: 'access', metric: 'minutes', cellKm: 10 } });
    await store.getState().openNetworkFile(fileOf(files.pbf));
    store.getState().setScenario({ name: 'nhanh', speeds: { expressway: 20 }, edits: [] });
    store.getState().setCompare({ with: 'scenario' });
    await store.getState().runAnalysis();
    const r = store.getState().analysis.result!;
    expect(r.network?.file).toBe('town.osm.pbf');
    const motorway20 = '"cls":{"key":"NetClass.motorway"},"kmh":20}';
    expect(speedsNote(r)).toContain(motorway20);
    const b = store.getState().baseline;
    expect(b.status).toBe('done');
    expect(b.result?.network?.file).toBe('town.osm.pbf');
    expect(speedsNote(b.result!)).toContain('"cls":{"key":"NetClass.motorway"},"kmh":');
    expect(speedsNote(b.result!)).not.toContain(motorway20);
  });

  it('keeps the network in use when a bad file is refused, with a notice naming the problem', async () => {
    const { store } = makeStore();
    await store.getState().openNetworkFile(fileOf(files.pbf));
    const good = store.getState().userNetwork;
    await store.getState().openNetworkFile(new File([new Uint8Array([0, 0, 0, 9, 1, 2, 3])], 'bad.osm.pbf'));
    expect(store.getState().userNetwork).toBe(good);
    const n = store.getState().notice!;
    expect(n.tone).toBe('error');
    expect(n.key).toBe('Own.NetworkFailed');
    expect(n.details?.[0]?.key).toMatch(/^Net\.err\.(pbf-|not-osm)/);
    await store.getState().openGridFile(new File(['not a tiff'], 'x.tif'));
    expect(store.getState().notice?.details?.[0]?.key).toBe('Pop.err.not-tiff');
    expect(store.getState().userGrid).toBeNull();
  });

  it('an address or scene naming a file not open gets a notice and waits; opening it uses it', async () => {
    const { store } = makeStore();
    store.getState().showOwnRefs({ network: 'town.osm.pbf', population: 'pop.tif' });
    expect(store.getState().notice?.key).toBe('Own.NotLoaded');
    expect(ownRefOf(store.getState())).toEqual({ network: 'town.osm.pbf', population: 'pop.tif' });
    await store.getState().openNetworkFile(fileOf(files.pbf));
    expect(store.getState().pendingNetwork).toBeNull();
    expect(store.getState().userNetwork?.active).toBe(true);
    // A scene without a network: the network stays loaded but unused; one naming it uses it again.
    store.getState().showOwnRefs({ network: null });
    expect(store.getState().userNetwork?.active).toBe(false);
    store.getState().showOwnRefs({ network: 'town.osm.pbf' });
    expect(store.getState().userNetwork?.active).toBe(true);
    // The scene captures the reference, never the network.
    store.getState().captureScene();
    const scene = store.getState().story.scenes.at(-1)!;
    expect(scene.network).toBe('town.osm.pbf');
    expect(scene.population).toBe('pop.tif');
  });
});

describe('references in the address and in saved stories', () => {
  it('the address carries the network and grid by name, and a bad one is named invalid', () => {
    const hash = formatHash({
      view: { center: [106, 17], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2025',
      lang: 'vi',
      selected: null,
      network: 'Mạng đường Nghệ An.osm.pbf',
      population: 'worldpop 2020.tif',
    });
    expect(hash).toContain('net=M%E1%BA%A1ng');
    const { state, invalid } = parseHash(hash);
    expect(state.network).toBe('Mạng đường Nghệ An.osm.pbf');
    expect(state.population).toBe('worldpop 2020.tif');
    expect(invalid).toEqual([]);
    expect(parseHash(`#net=${'x'.repeat(201)}&grid=%20`).invalid).toEqual(['net', 'grid']);
  });

  it('a saved story keeps a scene’s references and reads them back; one too long is refused', () => {
    const { store } = makeStore();
    store.getState().captureScene();
    const scene = { ...store.getState().story.scenes[0]!, network: 'vn.osm.pbf', population: 'pop.tif' };
    const story = { title: { vi: 'a', en: 'a' }, scenes: [scene] };
    const back = readStory(writeStory(story));
    expect(back.ok && back.story.scenes[0]).toMatchObject({ network: 'vn.osm.pbf', population: 'pop.tif' });
    expect(readStory(writeStory({ ...story, scenes: [{ ...scene, network: 'x'.repeat(300) }] })).ok).toBe(false);
  });
});
