import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatHash, parseHash } from '../../src/state/url-hash.ts';
import { counterpartsOf, createAppStore, NO_SERVICES, type AppStore } from '../../src/state/store.ts';
import type { Province2022Props, Province2025Props, ProvinceCollection } from '../../src/core/types.ts';
import { t } from '../../src/i18n/index.ts';
import { vi } from '../../src/i18n/vi.ts';
import { en } from '../../src/i18n/en.ts';
import { buildSearchIndex, searchPlaces } from '../../src/state/search.ts';
import { parseLayer } from '../../src/data/schemas.ts';

/** A store of its own for each test (the built-in story as its fallback). */
const freshStore = (): AppStore => createAppStore({ ...NO_SERVICES });
let store: AppStore = freshStore();

const read = <T>(name: string): T => JSON.parse(readFileSync(`data/geojson/${name}`, 'utf8')) as T;
function createData() {
  return {
    provinces2022: read<ProvinceCollection<Province2022Props>>('provinces-2022.geojson'),
    provinces2025: read<ProvinceCollection<Province2025Props>>('provinces-2025.geojson'),
  };
}

describe('parseHash', () => {
  it('reads view, edition, language and selection', () => {
    const { state, invalid } = parseHash('#map=7.5/16.05/108.21/10/20&ed=2025&lang=en&sel=VN-DN');
    expect(invalid).toEqual([]);
    expect(state).toEqual({
      view: { center: [108.21, 16.05], zoom: 7.5, bearing: 10, pitch: 20 },
      edition: '2025',
      lang: 'en',
      selected: 'VN-DN',
    });
  });

  it('drops bad values, names them, and keeps the good ones', () => {
    const { state, invalid } = parseHash('map=99/1/2&ed=1999&lang=fr&sel=<img src=x>');
    expect(invalid).toEqual(['map', 'ed', 'lang', 'sel']);
    expect(state).toEqual({});
    expect(parseHash('map=6/abc/107&ed=2022').state).toEqual({ edition: '2022' });
    expect(parseHash('map=6/16/1e3').invalid).toEqual(['map']);
  });

  it('round-trips through formatHash', () => {
    const s = {
      view: { center: [107.1234, 15.5678] as [number, number], zoom: 6.25, bearing: 0, pitch: 0 },
      edition: '2022' as const,
      lang: 'vi' as const,
      selected: 'VN-27',
    };
    const hash = formatHash(s);
    expect(hash).toBe('#map=6.25/15.5678/107.1234&ed=2022&lang=vi&sel=VN-27');
    expect(parseHash(hash).state).toEqual(s);
  });
});

describe('store: a selection made before the data arrives', () => {
  beforeEach(() => {
    store = freshStore();
  });

  it('moves to the counterpart in the current edition', () => {
    store.setState({ edition: '2025', selected: 'VN-27' });
    store.getState().setData(createData());
    expect(store.getState().selected).toBe('VN-DN');
    expect(store.getState().notice).toBeNull();
  });

  it('is dropped with a notice when no unit has that code', () => {
    store.setState({ selected: 'VN-99' });
    store.getState().setData(createData());
    expect(store.getState().selected).toBeNull();
    expect(store.getState().notice).toEqual({ key: 'Hash.Invalid', vars: { keys: 'sel' } });
  });
});

describe('store', () => {
  beforeEach(() => {
    store = freshStore();
    store.getState().setData(createData());
  });

  it('moves the selection to the 2025 unit when switching edition', () => {
    const s = store.getState();
    s.select('VN-27');
    s.setEdition('2025');
    expect(store.getState().selected).toBe('VN-DN');
  });

  it('keeps a unit that exists in both editions selected', () => {
    store.getState().select('VN-DN');
    store.getState().setEdition('2025');
    store.getState().setEdition('2022');
    expect(store.getState().selected).toBe('VN-DN');
  });

  it('names the counterparts of a selection in the other edition', () => {
    store.setState({ edition: '2025', selected: 'VN-35' });
    expect(counterpartsOf(store.getState()).sort()).toEqual(['VN-35', 'VN-40', 'VN-72']);
    store.setState({ edition: '2022', selected: 'VN-24' });
    expect(counterpartsOf(store.getState())).toEqual(['VN-25']);
  });
});

describe('i18n', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [k, v] of Object.entries(en)) expect(v.trim(), k).not.toBe('');
  });
  it('fills placeholders', () => {
    expect(t('en', 'Info.Km2', { value: '1,284.7' })).toBe('1,284.7 km²');
    expect(t('vi', 'Info.Persons', { value: '3.065.628' })).toBe('3.065.628 người');
  });
});

describe('search', () => {
  const thematic = {
    seaports: parseLayer('seaports', JSON.parse(readFileSync('data/geojson/seaports.geojson', 'utf8')), 'seaports.geojson'),
    airports: parseLayer('airports', JSON.parse(readFileSync('data/geojson/airports.geojson', 'utf8')), 'airports.geojson'),
    'border-gates': parseLayer(
      'border-gates',
      JSON.parse(readFileSync('data/geojson/border-gates.geojson', 'utf8')),
      'border-gates.geojson',
    ),
    'economic-zones': parseLayer(
      'economic-zones',
      JSON.parse(readFileSync('data/geojson/economic-zones.geojson', 'utf8')),
      'economic-zones.geojson',
    ),
  };
  const index = buildSearchIndex({ data: createData(), edition: '2022', thematic });

  it('ignores diacritics and case', () => {
    const a = searchPlaces(index, 'da nang').map((e) => `${e.kind}:${e.id}`);
    const b = searchPlaces(index, 'Đà Nẵng').map((e) => `${e.kind}:${e.id}`);
    expect(a).toEqual(b);
    expect(a[0]).toBe('province:VN-DN');
    expect(a).toContain('airports:da-nang-airport');
  });

  it('finds a terminal, an airport by IATA code, a gate and a zone', () => {
    expect(searchPlaces(index, 'vung ang')[0]?.id).toBe('vung-ang');
    expect(searchPlaces(index, 'DAD')[0]?.id).toBe('da-nang-airport');
    expect(searchPlaces(index, 'cxr')[0]?.id).toBe('cam-ranh');
    expect(searchPlaces(index, 'lao bao')[0]?.id).toBe('lao-bao');
    expect(searchPlaces(index, 'van phong').map((e) => e.id)).toContain('kkt-van-phong');
  });

  it('returns nothing for an empty or unknown query', () => {
    expect(searchPlaces(index, '   ')).toEqual([]);
    expect(searchPlaces(index, 'zzzz')).toEqual([]);
  });
});

describe('layer state in the hash', () => {
  it('round-trips visible layers, horizon, statuses, belt width and a feature', () => {
    const s = {
      view: { center: [107, 16] as [number, number], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022' as const,
      lang: 'vi' as const,
      selected: null,
      visibleLayers: ['corridors' as const, 'border-belt' as const],
      horizon: 'today' as const,
      statuses: ['existing' as const, 'partial' as const],
      beltKm: 20 as const,
      feature: { layer: 'seaports' as const, id: 'vung-ang' },
    };
    const hash = formatHash(s);
    expect(hash).toBe('#map=6/16/107&ed=2022&lang=vi&ly=corridors,border-belt&hz=today&st=existing,partial&belt=20&ft=seaports:vung-ang');
    expect(parseHash(hash).state).toEqual({ ...s, selected: undefined, view: s.view });
  });

  it('drops unknown layers, horizons, statuses and features', () => {
    expect(parseHash('#ly=corridors,bases&hz=2099&st=secret&belt=-3&ft=bases:x').invalid).toEqual(['ly', 'hz', 'st', 'belt', 'ft']);
  });

  it('takes only the belt widths the data build computed', () => {
    expect(parseHash('#belt=50').state.beltKm).toBe(50);
    for (const bad of ['37', '10.0', '1e1', '']) {
      const r = parseHash(`#belt=${bad}`);
      expect(r.invalid, bad).toEqual(['belt']);
      expect(r.state.beltKm, bad).toBeUndefined();
    }
  });
});

describe('scale bar', () => {
  it('rounds to 1, 2 or 5 × 10^k metres', async () => {
    const { niceDistance } = await import('../../src/core/geo.ts');
    expect([niceDistance(7), niceDistance(180), niceDistance(2500), niceDistance(99_000)]).toEqual([5, 100, 2000, 50_000]);
  });
});

describe('analysis parameters in the hash', () => {
  it('round-trips the analysis and its non-default parameters', () => {
    const { state, invalid } = parseHash('#an=hinterland&cell=2&tol=1&ck=east_west');
    expect(invalid).toEqual([]);
    expect(state.analysis).toMatchObject({ kind: 'hinterland', cellKm: 2, toleranceKm: 1, corridorKind: 'east_west', beta: 2 });
    const hash = formatHash({
      view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022',
      lang: 'vi',
      selected: null,
      analysis: state.analysis!,
    });
    expect(hash).toContain('an=hinterland');
    expect(hash).toContain('cell=2');
    expect(hash).not.toContain('beta=');
    expect(parseHash(hash).state.analysis).toEqual(state.analysis);
  });

  it('names bad analysis values and keeps the rest', () => {
    expect(parseHash('#an=teleport').invalid).toEqual(['an']);
    expect(parseHash('#an=teleport').state.analysis).toBeUndefined();
    const bad = parseHash('#an=gravity&beta=-1&mass=gdp');
    expect(bad.invalid.sort()).toEqual(['beta', 'mass']);
    expect(bad.state.analysis).toMatchObject({ kind: 'gravity', beta: 2, mass: 'population' });
  });
});
