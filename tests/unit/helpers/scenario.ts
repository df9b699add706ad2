/** A scenario edit for tests: an added test expressway, with any field changed. */
import type { ScenarioEdit } from '../../../src/core/scenario.ts';

type AddCorridor = Extract<ScenarioEdit, { kind: 'corridor' }>;

export const addedCorridor = (over: Partial<AddCorridor> = {}): AddCorridor => ({
  action: 'add',
  kind: 'corridor',
  id: 'sc-1',
  mode: 'expressway',
  status: 'planned',
  axis: 'east_west',
  speed_kmh: null,
  name_vi: 'Cao tốc thử',
  name_en: 'Test expressway',
  coordinates: [
    [106.5, 14.4],
    [108.2, 16.05],
  ],
  ...over,
});
