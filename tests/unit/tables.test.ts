/**
 * Statistics tables without geometry (issue 20): reading yearbook-like CSV, TSV and Excel
 * files, finding the header, reading figures in either number format, matching rows to
 * units, and combining 2022 members into 2025 units.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFigureColumn, readingsOf } from '../../src/core/figures.ts';
import { matchUnit, unitKey } from '../../src/core/unit-keys.ts';
import { findHeaderRow, readTable, shapeTable, TableError } from '../../src/data/table.ts';
import { guessKeyField, joinTable, JoinError, suggestAggregate } from '../../src/data/join.ts';
import { loadInputs } from '../../cli/load.ts';
import { buildBundle } from '../../src/export/bundle.ts';
import { tableLayer } from '../../src/export/table-layer.ts';
import { formatHash, parseHash } from '../../src/state/url-hash.ts';
import { createAppStore, NO_SERVICES, tableRefOf } from '../../src/state/store.ts';
import { readStory, writeStory } from '../../src/export/story-file.ts';
import type { TableRef } from '../../src/core/story.ts';
import { CLASS_METHODS, classBreaks, classOf, limitDigits, paletteColors } from '../../src/core/classify.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/tables/${name}`, import.meta.url)));
const inputs = loadInputs();
const units = { '2022': inputs.provinces2022, '2025': inputs.provinces2025 };
const names2022 = inputs.provinces2022.features.map((f) => f.properties);
const pop = (iso: string): number => inputs.provinces2022.features.find((f) => f.properties.iso === iso)!.properties.population_2023!;

describe('figures', () => {
  it('reads both number formats, and knows when a value reads both ways', () => {
    expect(readingsOf('252.672,5')).toEqual({ vi: 252672.5, en: null });
    expect(readingsOf('252,672.5')).toEqual({ vi: null, en: 252672.5 });
    expect(readingsOf('1.234')).toEqual({ vi: 1234, en: 1.234 });
    expect(readingsOf('12,5')).toEqual({ vi: 12.5, en: null });
    expect(readingsOf('42')).toEqual({ vi: 42, en: 42 });
    expect(readingsOf('abc')).toEqual({ vi: null, en: null });
  });

  it('decides a column by its unambiguous values, turns marks into null with a count', () => {
    const c = readFigureColumn(['252.672,5', '1.234', '-', '..', 'KXĐ', '', 'chưa rõ']);
    expect(c.format).toBe('vi');
    expect(c.values).toEqual([252672.5, 1234, null, null, null, null, null]);
    expect(c.noFigure).toBe(4);
    expect(c.notNumbers).toEqual([{ row: 6, text: 'chưa rõ' }]);
  });

  it('asks when every value reads both ways, and takes the answer', () => {
    const asked = readFigureColumn(['1.234', '5.678']);
    expect(asked.ambiguous).toBe(true);
    expect(asked.values).toEqual([null, null]);
    expect(readFigureColumn(['1.234', '5.678'], 'vi').values).toEqual([1234, 5678]);
    expect(readFigureColumn(['1.234', '5.678'], 'en').values).toEqual([1.234, 5.678]);
  });

  it('refuses a column that mixes both formats', () => {
    const c = readFigureColumn(['252.672,5', '252,672.5']);
    expect(c.mixed).toBe(true);
    expect(c.values).toEqual([null, null]);
  });
});

describe('unit keys', () => {
  it('ignore prefixes, case, spaces, hyphens and the old tone placement', () => {
    expect(unitKey('Tỉnh Thanh Hoá')).toBe(unitKey('Thanh Hóa'));
    expect(unitKey('Khánh Hoà')).toBe(unitKey('Khánh Hòa'));
    expect(unitKey('Thừa Thiên - Huế')).toBe(unitKey('Thừa Thiên Huế'));
    expect(unitKey('TP. Đà Nẵng')).toBe(unitKey('Đà Nẵng'));
    expect(unitKey('T.P Đà Nẵng')).toBe(unitKey('Đà Nẵng'));
    expect(unitKey('THÀNH PHỐ HUẾ')).toBe(unitKey('Huế'));
    // Different units stay apart.
    expect(unitKey('Quảng Nam')).not.toBe(unitKey('Quảng Ngãi'));
    expect(unitKey('Hà Tĩnh')).not.toBe(unitKey('Hà Tinh'));
  });

  it('match by ISO code, GSO code and name', () => {
    expect(matchUnit('vn-dn', names2022, 'iso')).toBe('VN-DN');
    expect(matchUnit('38', names2022, 'gso')).toBe('VN-21');
    expect(matchUnit('060', names2022, 'gso')).toBe('VN-40');
    expect(matchUnit('Thua Thien Hue', names2022, 'name')).toBe('VN-26');
    expect(matchUnit('Toàn vùng', names2022, 'name')).toBeNull();
  });
});

describe('reading tables', () => {
  it('reads a UTF-8 CSV with a BOM and semicolons, finds the header under the title, keeps the notes', async () => {
    const t = shapeTable(await readTable('grdp.csv', fixture('grdp-vi-semicolon.csv')));
    expect(t.headerRow).toBe(3);
    expect(t.columns).toEqual(['Mã tỉnh', 'Tỉnh, thành phố', 'GRDP (tỷ đồng)', 'Tốc độ tăng (%)', 'Vốn FDI (triệu USD)']);
    expect(t.rows).toHaveLength(15); // 14 provinces and the region's total
    expect(t.rows[0]?.[1]).toBe('Tỉnh Thanh Hoá');
    // The second note holds the delimiter unquoted: its parts are joined with a space.
    expect(t.notes).toEqual(['Ghi chú: số liệu giả định', '(-) không có số liệu KXĐ: không xác định']);
    expect(t.warnings).toEqual([]);
  });

  it('reads the same table in Windows-1258, tab-separated, and says so', async () => {
    const raw = await readTable('grdp.tsv', fixture('grdp-vi-cp1258.tsv'));
    expect(raw.warnings).toEqual(['encoding-windows-1258']);
    const t = shapeTable(raw);
    expect(t.headerRow).toBe(3);
    expect(unitKey(String(t.rows[0]?.[1]))).toBe(unitKey('Thanh Hóa'));
    const utf8 = shapeTable(await readTable('grdp.csv', fixture('grdp-vi-semicolon.csv')));
    const a = joinTable(t, units, { keyField: 'Tỉnh, thành phố', tableEdition: '2022', targetEdition: '2022' });
    const b = joinTable(utf8, units, { keyField: 'Tỉnh, thành phố', tableEdition: '2022', targetEdition: '2022' });
    expect(a.units.map((u) => u.values['GRDP (tỷ đồng)'])).toEqual(b.units.map((u) => u.values['GRDP (tỷ đồng)']));
  });

  it('reads the chosen sheet of a workbook, and names the sheets when one is missing', async () => {
    const bytes = fixture('exports-two-sheets.xlsx');
    const first = await readTable('x.xlsx', bytes);
    expect(first.sheets).toEqual(['Ghi chú', 'Xuất khẩu']);
    expect(() => shapeTable(first)).toThrow(TableError); // a note, no header
    const t = shapeTable(await readTable('x.xlsx', bytes, { sheet: 'Xuất khẩu' }));
    expect(t.headerRow).toBe(3);
    expect(t.columns).toEqual(['ISO', 'Tên', 'Xuất khẩu 2023', 'Ghi chú']);
    expect(t.rows[0]).toEqual(['VN-21', 'Thanh Hóa', 5200.5, null]);
    expect(t.notes).toEqual(['Nguồn: số liệu giả định']);
    await expect(readTable('x.xlsx', bytes, { sheet: 'GRDP' })).rejects.toMatchObject({
      code: 'no-sheet',
      vars: { sheets: 'Ghi chú, Xuất khẩu' },
    });
    expect(shapeTable(await readTable('x.xlsx', bytes, { sheet: 2 })).sheet).toBe('Xuất khẩu');
  });

  it('takes a header row the user gives, and refuses one outside the sheet', async () => {
    const raw = await readTable('grdp.csv', fixture('grdp-vi-semicolon.csv'));
    expect(shapeTable(raw, 3).columns[0]).toBe('Mã tỉnh');
    expect(() => shapeTable(raw, 999)).toThrow(TableError);
    expect(findHeaderRow([['Bảng 1'], [], ['a', 'b'], ['1', '2']])).toBe(3);
  });

  it('refuses an empty file and a legacy .xls with a clear code', async () => {
    await expect(readTable('e.csv', new Uint8Array())).rejects.toMatchObject({ code: 'empty' });
    await expect(readTable('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toMatchObject({ code: 'unsupported' });
    await expect(readTable('bad.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({
      code: 'xlsx-unreadable',
    });
  });
});

describe('joining', () => {
  it('matches by GSO code, reports the total row, reads Vietnamese figures and marks', async () => {
    const t = shapeTable(await readTable('grdp.csv', fixture('grdp-vi-semicolon.csv')));
    expect(guessKeyField(t, inputs.provinces2022)).toBe('Mã tỉnh');
    const j = joinTable(t, units, { keyField: 'Mã tỉnh', tableEdition: '2022', targetEdition: '2022' });
    expect(j.report.by).toBe('gso');
    expect(j.report.matched).toHaveLength(14);
    expect(j.report.unmatched).toEqual([{ row: 14, sheetRow: 18, key: 'Toàn vùng' }]);
    expect(j.numericColumns).toEqual(['GRDP (tỷ đồng)', 'Tốc độ tăng (%)', 'Vốn FDI (triệu USD)']);
    expect(j.textColumns).toEqual(['Tỉnh, thành phố']);
    const th = j.units.find((u) => u.iso === 'VN-21')!;
    expect(th.values['GRDP (tỷ đồng)']).toBe(252672.5);
    expect(th.values['Tốc độ tăng (%)']).toBe(10.05);
    expect(th.values['Vốn FDI (triệu USD)']).toBe(1234.5);
    const na = j.units.find((u) => u.iso === 'VN-22')!;
    expect(na.values['Vốn FDI (triệu USD)']).toBeNull();
    expect(na.nulls['Vốn FDI (triệu USD)']).toEqual({ kind: 'no-figure' });
    const fdi = j.report.columns.find((c) => c.name === 'Vốn FDI (triệu USD)')!;
    // '-', '..', 'KXĐ' and the total row's empty cell.
    expect(fdi).toMatchObject({ format: 'vi', noFigure: 4, notNumbers: 0 });
    // A context unit has no row.
    expect(j.units.find((u) => u.iso === 'VN-28')!.nulls['GRDP (tỷ đồng)']).toEqual({ kind: 'no-row' });
  });

  it("matches English names and English figures, and takes the user's pick for a row that matched nothing", async () => {
    const t = shapeTable(await readTable('invest.csv', fixture('invest-en.csv')));
    const j = joinTable(t, units, { keyField: 'Province', tableEdition: '2022', targetEdition: '2022' });
    expect(j.report.by).toBe('name');
    expect(j.report.unmatched.map((u) => u.key)).toEqual(['Da Nang city']);
    expect(j.units.find((u) => u.iso === 'VN-26')!.values['Investment (billion VND)']).toBe(7250.75);
    expect(j.units.find((u) => u.iso === 'VN-34')!.values['Tourists (thousand)']).toBeNull();
    const picked = joinTable(t, units, { keyField: 'Province', tableEdition: '2022', targetEdition: '2022', picks: { 3: 'VN-DN' } });
    expect(picked.report.unmatched).toEqual([]);
    expect(picked.report.matched.find((m) => m.iso === 'VN-DN')).toMatchObject({ picked: true, key: 'Da Nang city' });
    expect(picked.units.find((u) => u.iso === 'VN-DN')!.values['Investment (billion VND)']).toBe(30000);
    expect(() => joinTable(t, units, { keyField: 'Province', tableEdition: '2022', targetEdition: '2022', picks: { 3: 'VN-99' } })).toThrow(
      JoinError,
    );
    expect(() => joinTable(t, units, { keyField: 'Tỉnh', tableEdition: '2022', targetEdition: '2022' })).toThrow(JoinError);
  });

  it('combines 2022 members into 2025 units: sums, weighted means, and null with a note for a missing member', async () => {
    const t = shapeTable(await readTable('grdp.csv', fixture('grdp-vi-semicolon.csv')));
    const j = joinTable(t, units, {
      keyField: 'Mã tỉnh',
      tableEdition: '2022',
      targetEdition: '2025',
      aggregate: { 'GRDP (tỷ đồng)': 'sum', 'Tốc độ tăng (%)': 'mean-population', 'Vốn FDI (triệu USD)': 'sum' },
    });
    const unit = (iso: string) => j.units.find((u) => u.iso === iso)!;
    // Đà Nẵng 2025 = Đà Nẵng + Quảng Nam.
    expect(unit('VN-DN').values['GRDP (tỷ đồng)']).toBeCloseTo(130000.5 + 120300, 6);
    // Quảng Trị 2025 = Quảng Bình + Quảng Trị: growth weighted by GSO 2023 population.
    const w = (4.1 * pop('VN-24') + 6.3 * pop('VN-25')) / (pop('VN-24') + pop('VN-25'));
    expect(unit('VN-25').values['Tốc độ tăng (%)']).toBeCloseTo(w, 9);
    // Quảng Trị 2025's FDI: Quảng Bình has '..': no partial sum.
    expect(unit('VN-25').values['Vốn FDI (triệu USD)']).toBeNull();
    expect(unit('VN-25').nulls['Vốn FDI (triệu USD)']).toEqual({ kind: 'member-missing', members: ['VN-24'] });
    // Quảng Ngãi 2025 = Quảng Ngãi + Kon Tum; Kon Tum is not in the table.
    expect(unit('VN-29').values['GRDP (tỷ đồng)']).toBeNull();
    expect(unit('VN-29').nulls['GRDP (tỷ đồng)']).toEqual({ kind: 'member-missing', members: ['VN-28'] });
    // Unchanged units carry their figure.
    expect(unit('VN-21').values['GRDP (tỷ đồng)']).toBe(252672.5);
  });

  it("goes into the research bundle with the table named, the user's note on its source and why a figure is missing", async () => {
    const t = shapeTable(await readTable('grdp.csv', fixture('grdp-vi-semicolon.csv')));
    const j = joinTable(t, units, { keyField: 'Mã tỉnh', tableEdition: '2022', targetEdition: '2025' });
    const { fc, info } = tableLayer(j, units['2025'], 'Niên giám 2023 (giả định)', units['2022']);
    const qn = fc.features.find((f) => f.properties?.['iso'] === 'VN-29')!.properties!;
    expect(qn['GRDP (tỷ đồng)']).toBeNull();
    expect(qn['note_en']).toMatch(/GRDP \(tỷ đồng\): no figure for member province Kon Tum \(VN-28\)/);
    expect(qn['table_source']).toBe('Niên giám 2023 (giả định)');
    const { metadata } = await buildBundle({
      layers: [{ id: 'table-grdp', fc, table: info }],
      results: [],
      formats: ['geojson'],
      edition: '2025',
      horizon: 'today',
      includeRestricted: false,
      version: 'test',
    });
    const entry = metadata.layers[0]!;
    expect(entry.table).toMatchObject({
      name: 'grdp.csv',
      source_note: 'Niên giám 2023 (giả định)',
      key_field: 'Mã tỉnh',
      matched_rows: 14,
    });
    expect(entry.table!.aggregate).toMatchObject({ 'GRDP (tỷ đồng)': 'sum', 'Tốc độ tăng (%)': 'sum' });
    expect(entry.licence).toMatch(/user's own table/);
    expect(entry.files).toEqual(['layers/table-grdp.geojson']);
  });
});

describe('choropleth classes', () => {
  it('quantiles, equal intervals and natural breaks cover the figures; every figure gets a class, none for no figure', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, null];
    for (const method of CLASS_METHODS) {
      const b = classBreaks(xs, method, 4);
      expect(b[0]).toBe(1);
      expect(b.at(-1)).toBe(100);
      expect(b).toEqual([...b].sort((x, y) => x - y));
      for (const v of xs) {
        const c = classOf(v, b);
        if (v === null) expect(c).toBeNull();
        else expect(c).toBeGreaterThanOrEqual(0);
      }
    }
    expect(classBreaks([1, 2, 3, 4, 10], 'equal', 3)).toEqual([1, 4, 7, 10]);
    // Natural breaks put the outlier alone.
    const j = classBreaks(xs, 'natural', 3);
    expect(classOf(100, j)).toBe(2);
    expect(classOf(9, j)).toBeLessThan(2);
  });

  it('has fewer classes than asked when the figures have fewer distinct values, and palettes of k colours', () => {
    expect(classBreaks([5, 5, 7], 'quantile', 5)).toEqual([5, 7]);
    expect(classBreaks([5, 5], 'quantile', 5)).toEqual([5, 5]);
    expect(classBreaks([null], 'natural', 5)).toEqual([]);
    expect(paletteColors('YlGnBu', 5)).toHaveLength(5);
  });
});

describe("the join dialog's defaults", () => {
  it('suggests a weighted mean for rates and shares, a sum for amounts', () => {
    for (const c of ['Tốc độ tăng (%)', 'Tỷ lệ hộ nghèo', 'GRDP bình quân đầu người', 'Growth rate', 'Population density'])
      expect(suggestAggregate(c)).toBe('mean-population');
    for (const c of ['GRDP (tỷ đồng)', 'Vốn FDI (triệu USD)', 'Exports (USD million)', 'Số khách du lịch'])
      expect(suggestAggregate(c)).toBe('sum');
  });

  it('gives the legend enough decimals to tell neighbouring limits apart', () => {
    expect(limitDigits([30000, 51200, 93000])).toBe(0);
    expect(limitDigits([3.5, 6.3, 10.05])).toBe(1);
    expect(limitDigits([0.12, 0.15, 0.4])).toBe(3);
    expect(limitDigits([1, 2, 3])).toBe(0);
    expect(limitDigits([5, 5])).toBe(0);
  });
});

describe('a table by reference (the address, a story scene)', () => {
  const ref: TableRef = { name: 'grdp & co.csv', column: 'Tốc độ tăng (%)', method: 'natural', classes: 4, palette: 'Purples' };

  it('round-trips through the address, and a bad reference is named and dropped', () => {
    const hash = formatHash({
      view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022',
      lang: 'vi',
      selected: null,
      table: ref,
    });
    expect(hash).toContain('tb=grdp%20%26%20co.csv');
    expect(parseHash(hash).state.table).toEqual(ref);
    const plain = formatHash({
      view: { center: [107, 16], zoom: 6, bearing: 0, pitch: 0 },
      edition: '2022',
      lang: 'vi',
      selected: null,
      table: { ...ref, method: 'quantile', classes: 5, palette: 'YlGnBu' },
    });
    expect(plain).not.toMatch(/tbm=|tbk=|tbp=/);
    for (const bad of [
      '#tb=x.csv',
      '#tb=x.csv&tbc=A&tbm=jenks',
      '#tb=x.csv&tbc=A&tbk=9',
      '#tb=x.csv&tbc=A&tbp=Rainbow',
      `#tb=${'x'.repeat(201)}&tbc=A`,
    ]) {
      const { state, invalid } = parseHash(bad);
      expect(state.table).toBeUndefined();
      expect(invalid).toEqual(['tb']);
    }
  });

  it('waits for a table that is not open, with a notice, and shows it as asked once it is joined', async () => {
    const store = createAppStore({ ...NO_SERVICES });
    store.getState().setData({ provinces2022: inputs.provinces2022, provinces2025: inputs.provinces2025 } as never);
    const table = shapeTable(await readTable(ref.name, fixture('grdp-vi-semicolon.csv')));
    store.getState().showTableRef(ref);
    expect(store.getState().notice).toEqual({ key: 'UserTable.NotLoaded', vars: { name: ref.name, column: ref.column } });
    expect(tableRefOf(store.getState())).toEqual(ref);
    store.getState().addTable({
      name: ref.name,
      sourceNote: '',
      table,
      settings: { keyField: 'Mã tỉnh', by: 'auto', tableEdition: '2022', numberFormats: {}, aggregate: {}, picks: {} },
      columns: ['GRDP (tỷ đồng)', 'Tốc độ tăng (%)', 'Vốn FDI (triệu USD)'],
      column: 'GRDP (tỷ đồng)',
    });
    expect(store.getState().pendingTable).toBeNull();
    expect(tableRefOf(store.getState())).toEqual(ref);
    // A scene keeps the reference; a scene without one hides the table; the file format keeps it.
    store.getState().captureScene();
    const scene = store.getState().story.scenes.at(-1)!;
    expect(scene.table).toEqual(ref);
    store.getState().showTableRef(null);
    expect(tableRefOf(store.getState())).toBeNull();
    store.getState().goToScene(store.getState().story.scenes.length - 1);
    store.getState().revealScene(store.getState().story.scenes.length - 1);
    expect(tableRefOf(store.getState())).toEqual(ref);
    const read = readStory(writeStory({ title: { vi: 'a', en: 'a' }, scenes: [scene] }));
    expect(read.ok && read.story.scenes[0]!.table).toEqual(ref);
    const bad = writeStory({ title: { vi: 'a', en: 'a' }, scenes: [{ ...scene, table: { ...ref, classes: 12 as never } }] });
    expect(readStory(bad).ok).toBe(false);
    // A column the table lacks: a notice, nothing changes.
    store.getState().showTableRef({ ...ref, column: 'Dân số' });
    expect(store.getState().notice).toEqual({ key: 'UserTable.NoColumnRef', vars: { name: ref.name, column: 'Dân số' } });
    expect(tableRefOf(store.getState())).toEqual(ref);
  });
});
