/**
 * Capitals are picked by position: the nearest drawn point within
 * its radius and a little slack, or none.
 */
import { describe, expect, it } from 'vitest';
import { capitalNear, type CapitalDatum } from '../../src/core/capitals.ts';

const points: CapitalDatum[] = [
  { iso: 'A', name_vi: 'A', name_en: 'A', position: [0, 0] },
  { iso: 'B', name_vi: 'B', name_en: 'B', position: [10, 0] },
];
// One degree is one pixel.
const project = ([x, y]: [number, number]) => ({ x, y });

describe('capitalNear', () => {
  it('returns the nearest point within radius plus slack', () => {
    expect(capitalNear(points, project, 1, 1, 4)).toBe('A');
    expect(capitalNear(points, project, 6, 0, 4)).toBe('B');
    expect(capitalNear(points, project, 0, 8, 4)).toBe('A');
  });
  it('returns null beyond radius plus slack, or with no points', () => {
    expect(capitalNear(points, project, 0, 8.01, 4)).toBeNull();
    expect(capitalNear(points, project, 0, 3, 1, 1)).toBeNull();
    expect(capitalNear([], project, 0, 0, 4)).toBeNull();
  });
});
