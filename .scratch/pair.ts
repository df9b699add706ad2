import { loadInputs } from '../cli/load.ts';
import { corridorsFor } from '../src/analysis/inputs.ts';
import { computeDistances } from '../src/analysis/distance.ts';
const inputs = loadInputs();
const props = new Map(inputs.corridors.features.map((f) => [f.properties.id, f.properties]));
const all = corridorsFor(inputs, 'today', 'all').filter((l) => props.get(l.id)!.mode === 'road');
const [a, b, excl] = [process.argv[2]!.split(',').map(Number), process.argv[3]!.split(',').map(Number), process.argv[4] ?? ''];
const lines = all.filter((l) => !excl.split(',').includes(l.id));
const r = computeDistances([{ id: 'a', centre: a as [number, number] }, { id: 'b', centre: b as [number, number] }], lines, 0.5);
console.log(r.rows[0]);
// which lines does the path use?
const path = r.paths['a>b'] ?? [];
const near = (p: number[]) => lines.filter((l) => l.coordinates.some((c) => Math.abs(c[0] - p[0]!) < 1e-4 && Math.abs(c[1] - p[1]!) < 1e-4)).map((l) => l.id);
const used = new Set<string>();
for (const p of path) for (const id of near(p)) used.add(id);
console.log([...used].join(' '));
