/**
 * Benchmark page: the physical limit. The same 500 labelled inputs as plain DOM built once,
 * no framework; a keystroke only runs the browser's own input handling and a listener that
 * shows or hides the same 13 dependent fields with the same rules, so "key → next frame" here
 * is the floor of what any renderer can reach on this machine.
 */
import { fieldTypes } from '@trellis/forms';
import { benchForm, TRIGGER } from './bench-form.js';
import { startBench } from './measure.js';

const bench = benchForm(fieldTypes.has('formula'));

startBench(`bare${bench.withFormulas ? '+formulas' : ''}`, '.bare-field:not([hidden])', () => {
  const root = document.getElementById('root')!;
  const rules: { el: HTMLElement; test: (v: string) => boolean }[] = [];
  for (const f of bench.form.fields) {
    const row = document.createElement('div');
    row.className = 'bare-field';
    const label = document.createElement('label');
    label.htmlFor = `bare-${f.key}`;
    label.textContent = typeof f.label === 'string' ? f.label : f.key;
    const input = document.createElement(f.type === 'long_text' ? 'textarea' : 'input');
    input.id = `bare-${f.key}`;
    row.append(label, input);
    root.append(row);
    const w = f.visibleWhen as Record<string, unknown> | undefined;
    if (w !== undefined) {
      const neg = '!' in w;
      const inner = (neg ? w['!'] : w) as Record<string, [unknown, string]>;
      const prefix = 'startsWith' in inner;
      const part = (prefix ? inner['startsWith'] : inner['contains'])![1];
      const test = (v: string) => (prefix ? v.startsWith(part) : v.includes(part)) !== neg;
      rules.push({ el: row, test });
      row.hidden = !test('');
    }
  }
  const trigger = document.getElementById(`bare-${TRIGGER}`) as HTMLInputElement;
  trigger.addEventListener('input', () => {
    for (const r of rules) r.el.hidden = !r.test(trigger.value);
  });
});
