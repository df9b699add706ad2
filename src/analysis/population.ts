/**
 * Population on the hexagonal grid: each cell gets the persons of the population grid's cells
 * whose centres fall in it (a hexagon is the set of places nearer its centre than any other
 * cell's, so each raster cell lands in exactly one hexagon, or in none where the hexagon lies
 * outside the units). Sums, never densities: a cell's `population` is persons.
 */
import type { HexGrid, UnitTown } from '../core/analysis.ts';
import type { PopulationPoints } from '../data/population-grid.ts';
import { haversineKm, planar } from './geo.ts';

/** A hexagon's key from its column and row. */
const key = (c: number, row: number): number => c * 1_000_003 + row;

/** Persons per cell, and what fell outside every cell. */
export interface CellPopulation {
  population: Float64Array;
  /** Persons of the grid in no cell (sea, beyond the units, or between the edge cells' centres and the boundary). */
  outside: number;
}

/**
 * Sums a population grid into the cells of a hexagonal grid.
 * @example cellPopulation(buildHexGrid(units, 5), points).population // persons per cell
 */
export function cellPopulation(grid: HexGrid, points: Pick<PopulationPoints, 'lon' | 'lat' | 'persons'>): CellPopulation {
  const proj = planar(grid.lat0);
  const dx = 1.5 * grid.cellKm;
  const dy = Math.sqrt(3) * grid.cellKm;
  const index = new Map<number, number>();
  const n = grid.unit.length;
  for (let i = 0; i < n; i++) {
    const c = Math.round(proj.x(grid.centres[2 * i]!) / dx);
    const row = Math.round(proj.y(grid.centres[2 * i + 1]!) / dy - (c & 1 ? 0.5 : 0));
    index.set(key(c, row), i);
  }
  const population = new Float64Array(n);
  let outside = 0;
  for (let k = 0; k < points.persons.length; k++) {
    const x = proj.x(points.lon[k]!);
    const y = proj.y(points.lat[k]!);
    // The nearest centre among the two columns either side (a hexagon is its centre's Voronoi cell).
    let best = Infinity;
    let bc = 0;
    let br = 0;
    const c0 = Math.floor(x / dx);
    for (let c = c0; c <= c0 + 1; c++) {
      const off = c & 1 ? 0.5 : 0;
      const r0 = Math.floor(y / dy - off);
      for (let row = r0; row <= r0 + 1; row++) {
        const d = (x - c * dx) ** 2 + (y - (row + off) * dy) ** 2;
        if (d < best) {
          best = d;
          bc = c;
          br = row;
        }
      }
    }
    const cell = index.get(key(bc, br));
    if (cell === undefined) outside += points.persons[k]!;
    else population[cell] = population[cell]! + points.persons[k]!;
  }
  return { population, outside };
}

/**
 * Without a population grid: each unit's figure spread evenly over its cells (an assumption,
 * which the result states). A unit without a figure gives its cells NaN; a unit with no cell
 * (smaller than one) puts its persons nowhere.
 * @param population - each unit's persons (by the grid's unit index), or null
 * @example spreadPersons(grid, units.map((u) => u.population)) // persons per cell
 */
export function spreadPersons(grid: Pick<HexGrid, 'unit'>, population: readonly (number | null)[]): Float64Array {
  const cells = new Int32Array(population.length);
  for (let i = 0; i < grid.unit.length; i++) cells[grid.unit[i]!] = cells[grid.unit[i]!]! + 1;
  const out = new Float64Array(grid.unit.length);
  for (let i = 0; i < grid.unit.length; i++) {
    const u = grid.unit[i]!;
    const p = population[u] ?? null;
    out[i] = p === null ? NaN : p / cells[u]!;
  }
  return out;
}

/** Persons per cell without a population grid, and how many towns were placed. */
export interface ModelledPersons {
  persons: Float64Array;
  /** The towns whose persons went to their own cells. */
  towns: number;
}

/**
 * Without a population grid, the bundled default: each unit's official figure, its towns'
 * persons (`AnalysisUnit.towns`: their 2019 census share) on the unit's cells within a disc of
 * the town's area around its centre (the nearest cell of the unit where no centre falls in the
 * disc), and the rest spread evenly over all the unit's cells. An assumption, which the result
 * states; a unit without towns is spread evenly, one without a figure gives its cells NaN. A
 * unit's cells add up to its figure either way.
 * @param units - each unit's persons and towns, by the grid's unit index
 * @example modelledPersons(grid, units).persons // persons per cell
 */
export function modelledPersons(
  grid: Pick<HexGrid, 'unit' | 'centres'>,
  units: readonly { population: number | null; towns?: readonly UnitTown[] }[],
): ModelledPersons {
  const cellsOf: number[][] = units.map(() => []);
  for (let i = 0; i < grid.unit.length; i++) cellsOf[grid.unit[i]!]?.push(i);
  const out = new Float64Array(grid.unit.length);
  let placed = 0;
  units.forEach((u, k) => {
    const cells = cellsOf[k]!;
    if (!cells.length) return;
    if (u.population === null) {
      for (const i of cells) out[i] = NaN;
      return;
    }
    let inTowns = 0;
    for (const t of u.towns ?? []) {
      const d = cells.map((i) => haversineKm(t.at[0], t.at[1], grid.centres[2 * i]!, grid.centres[2 * i + 1]!));
      let mine = cells.filter((_, j) => d[j]! <= t.radiusKm);
      if (!mine.length) mine = [cells[d.indexOf(Math.min(...d))]!];
      for (const i of mine) out[i] = out[i]! + t.persons / mine.length;
      inTowns += t.persons;
      placed++;
    }
    // The towns never hold more than the unit (their shares are of it); the rest, evenly.
    const rest = Math.max(0, u.population - inTowns) / cells.length;
    for (const i of cells) out[i] = out[i]! + rest;
  });
  return { persons: out, towns: placed };
}
