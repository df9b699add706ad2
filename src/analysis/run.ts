/**
 * Runs one analysis on the app's data with the given parameters: the single entry point
 * the worker and the command line share.
 */
import type { AnalysisOverrides, AnalysisParams, AnalysisResult, ResultBase } from '../core/analysis.ts';
import { computeAccess } from './access.ts';
import { computeAdjacency } from './adjacency.ts';
import { computeDistances } from './distance.ts';
import { computeGravity, strongestFirst } from './gravity.ts';
import { computeHinterland } from './hinterland.ts';
import { corridorsFor, pointsFor, pointsFromCollection, unitsFor, unitsFromCollection, type AnalysisInputs } from './inputs.ts';
import { computeLinkageIndex } from './linkage-index.ts';
import { areaWithin, corridorCrossings } from './reach.ts';

/**
 * Runs the analysis `params.kind`.
 * @param onProgress - called with 0–1 as the work advances
 * @example runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'adjacency' }).kind // 'adjacency'
 */
export function runAnalysis(
  inputs: AnalysisInputs,
  params: AnalysisParams,
  onProgress: (done: number) => void = () => {},
  overrides: AnalysisOverrides = {},
): AnalysisResult {
  const custom = overrides.units ?? null;
  const units = custom
    ? unitsFromCollection(custom.fc, { code: custom.code, name: custom.nameField, population: custom.population })
    : unitsFor(inputs, params.edition);
  const lines = corridorsFor(inputs, params.horizon, params.corridorKind);
  const notes: ResultBase['notes'] = [];
  if (
    !custom &&
    params.edition === '2025' &&
    params.mass === 'population' &&
    (params.kind === 'gravity' || params.kind === 'index' || params.kind === 'hinterland')
  )
    notes.push({
      vi: 'Dân số đơn vị 2025 = tổng dân số 2023 (TCTK) của các tỉnh 2022 hợp thành (NQ 202 chưa có số liệu dân số trong tài liệu nguồn).',
      en: 'A 2025 unit’s population is the sum of its 2022 members’ 2023 (GSO) population (the NQ202 figures are not in the source brief).',
    });
  const noMass = units.filter((u) => (params.mass === 'population' ? u.population === null : false));
  if (noMass.length && (params.kind === 'gravity' || params.kind === 'index'))
    notes.push({
      vi: `Không có khối lượng, bỏ qua: ${noMass.map((u) => u.id).join(', ')}.`,
      en: `No mass, left out: ${noMass.map((u) => u.id).join(', ')}.`,
    });
  if (custom)
    notes.push({
      vi: `Đơn vị: ranh giới nhập “${custom.name}” (${units.length} đơn vị).`,
      en: `Units: the imported boundaries “${custom.name}” (${units.length} units).`,
    });
  if (overrides.ports)
    notes.push({ vi: `Cảng biển: lớp nhập “${overrides.ports.name}”.`, en: `Seaports: the imported layer “${overrides.ports.name}”.` });
  const base: ResultBase = {
    params,
    units: units.map((u) => ({ id: u.id, name_vi: u.name_vi, name_en: u.name_en, centre: u.centre })),
    notes,
    units_source: custom ? { layer: custom.layer, code: custom.code, name: custom.name } : null,
    ports_source: overrides.ports ? { layer: overrides.ports.layer, name: overrides.ports.name } : null,
  };
  const ports = () => (overrides.ports ? pointsFromCollection(overrides.ports.fc) : pointsFor(inputs.seaports, params.horizon));
  switch (params.kind) {
    case 'adjacency':
      return { ...base, kind: 'adjacency', rows: computeAdjacency(units, { toleranceKm: params.toleranceKm }) };
    case 'reach': {
      const crossings = corridorCrossings(lines, units);
      onProgress(0.2);
      const shares = areaWithin(units, lines, params.bufferKm, (d) => onProgress(0.2 + 0.8 * d));
      return { ...base, kind: 'reach', crossings, shares };
    }
    case 'distance':
      return { ...base, kind: 'distance', ...computeDistances(units, lines, params.toleranceKm, onProgress) };
    case 'gravity':
      return { ...base, kind: 'gravity', rows: strongestFirst(computeGravity(units, params.beta, params.mass)) };
    case 'hinterland':
      return { ...base, kind: 'hinterland', ...computeHinterland(units, ports(), lines, params, onProgress) };
    case 'access':
      return {
        ...base,
        kind: 'access',
        grid: computeAccess(
          units,
          {
            seaports: ports(),
            airports: pointsFor(inputs.airports, params.horizon),
            gates: pointsFor(inputs.gates, params.horizon),
            corridors: lines,
          },
          params.cellKm,
          onProgress,
        ),
      };
    case 'index': {
      const adjacency = computeAdjacency(units, { toleranceKm: params.toleranceKm });
      onProgress(0.2);
      const { rows: distances } = computeDistances(units, lines, params.toleranceKm);
      onProgress(0.5);
      const gravity = computeGravity(units, params.beta, params.mass);
      const hinterland = computeHinterland(units, ports(), lines, { toleranceKm: params.toleranceKm, cellKm: 50 }).units_rows;
      onProgress(0.9);
      return {
        ...base,
        kind: 'index',
        rows: computeLinkageIndex(
          units.map((u) => u.id),
          { adjacency, distances, gravity, hinterland },
        ),
      };
    }
  }
}
