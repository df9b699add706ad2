/**
 * deck.gl layers of the planning scenario: corridors it adds (magenta), removes (struck
 * through: dark grey under a thin white line) or slows (orange); the points it adds; and the
 * line or point being placed on the map right now.
 */
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Scenario } from '../core/scenario.ts';

/** Colours of the scenario's edits on the map (also the panel's swatches). */
export const SCENARIO_COLORS = {
  add: [190, 0, 140],
  remove: [60, 60, 60],
  slow: [235, 120, 0],
} as const;

type RGBA = [number, number, number, number];
const rgba = (c: readonly [number, number, number], a = 255): RGBA => [c[0], c[1], c[2], a];

interface Path {
  id: string;
  path: [number, number][];
}

/** What is being placed on the map (see the store's `mapPick`). */
export type Placing =
  { kind: 'corridor'; coordinates: [number, number][] } | { kind: 'point'; coordinates: [number, number] | null } | null;

/**
 * The scenario's layers.
 * @param corridors - the bundled corridors' lines by id (for the ones removed or slowed)
 * @example createScenarioLayers(scenario, null, new Map([['ql1', coords]]))
 */
export function createScenarioLayers(
  scenario: Scenario,
  placing: Placing,
  corridors: ReadonlyMap<string, [number, number][]>,
  beforeId: string | null,
): Layer[] {
  const base = { ...(beforeId ? { beforeId } : {}), parameters: { depthCompare: 'always' as const } };
  const added: Path[] = [];
  const removed: Path[] = [];
  const slowed: Path[] = [];
  const points: { id: string; at: [number, number] }[] = [];
  const addedLines = new Map<string, [number, number][]>();
  for (const e of scenario.edits)
    if (e.action === 'add') {
      if (e.kind === 'corridor') {
        added.push({ id: e.id, path: e.coordinates });
        addedLines.set(e.id, e.coordinates);
      } else points.push({ id: e.id, at: e.coordinates });
    }
  for (const e of scenario.edits) {
    if (e.action !== 'remove' && e.action !== 'slow') continue;
    const path = corridors.get(e.target) ?? addedLines.get(e.target);
    if (path) (e.action === 'remove' ? removed : slowed).push({ id: e.target, path });
  }
  const paths = (id: string, data: Path[], color: RGBA, width: number): Layer =>
    new PathLayer<Path>({
      id,
      ...base,
      data,
      getPath: (d) => d.path,
      getColor: color,
      getWidth: width,
      widthUnits: 'pixels',
      jointRounded: true,
      capRounded: true,
    });
  const layers: Layer[] = [
    paths('scenario-removed', removed, rgba(SCENARIO_COLORS.remove), 6),
    paths('scenario-removed-strike', removed, [255, 255, 255, 255], 1.5),
    paths('scenario-slowed', slowed, rgba(SCENARIO_COLORS.slow), 5),
    paths('scenario-added', added, rgba(SCENARIO_COLORS.add), 4),
    new ScatterplotLayer<{ id: string; at: [number, number] }>({
      id: 'scenario-points',
      ...base,
      data: points,
      getPosition: (d) => d.at,
      getRadius: 7,
      radiusUnits: 'pixels',
      getFillColor: rgba(SCENARIO_COLORS.add),
      getLineColor: [255, 255, 255, 255],
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
      stroked: true,
    }),
  ];
  if (placing) {
    const vertices = placing.kind === 'corridor' ? placing.coordinates : placing.coordinates ? [placing.coordinates] : [];
    if (placing.kind === 'corridor' && vertices.length > 1)
      layers.push(paths('scenario-drawing', [{ id: 'drawing', path: vertices }], rgba(SCENARIO_COLORS.add, 200), 3));
    layers.push(
      new ScatterplotLayer<[number, number]>({
        id: 'scenario-drawing-vertices',
        ...base,
        data: vertices,
        getPosition: (d) => d,
        getRadius: 5,
        radiusUnits: 'pixels',
        getFillColor: [255, 255, 255, 255],
        getLineColor: rgba(SCENARIO_COLORS.add),
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        stroked: true,
      }),
    );
  }
  return layers;
}
