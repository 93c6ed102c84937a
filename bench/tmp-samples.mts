import { main } from './form-render.js';
const r = await main(['--rounds', '2', '--loads', '1']);
const flips = new Set([4, 5, 8, 13, 18, 20, 23, 27, 38, 39, 42]);
for (const p of ['trellis', 'bare'] as const) {
  for (const run of r.keys[p]) {
    const f = run.samples.filter((_, i) => flips.has(i)).map((s) => s.toPaint);
    const o = run.samples.filter((_, i) => !flips.has(i)).map((s) => s.toPaint);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
    console.log(p, 'flip keystrokes median', med(f), 'max', Math.max(...f).toFixed(0), '| others median', med(o), 'max', Math.max(...o).toFixed(0));
  }
}
