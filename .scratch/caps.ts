import { loadInputs } from '../cli/load.ts';
import { runAnalysis } from '../src/analysis/run.ts';
import { DEFAULT_PARAMS } from '../src/core/analysis.ts';
const inputs = loadInputs();
const order = ['VN-21', 'VN-22', 'VN-23', 'VN-24', 'VN-25', 'VN-26', 'VN-DN', 'VN-27', 'VN-29', 'VN-31', 'VN-32', 'VN-34', 'VN-36', 'VN-40'];
const d = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'distance', edition: '2022' }) as any;
const g = runAnalysis(inputs, { ...DEFAULT_PARAMS, kind: 'gravity', edition: '2022', impedance: 'minutes' } as any) as any;
const find = (rows: any[], a: string, b: string) => rows.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a));
for (let i = 0; i + 1 < order.length; i++) {
  const r = find(d.rows, order[i]!, order[i + 1]!);
  const gr = find(g.rows, order[i]!, order[i + 1]!);
  console.log(order[i], order[i + 1], r?.network_km, gr ? JSON.stringify(gr) : '');
}
