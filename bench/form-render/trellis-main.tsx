/** Benchmark page: the 500-field form rendered by Trellis's `FormRenderer`. */
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { compileForm, fieldTypes } from '@trellis/forms';
import { FormRenderer } from '@trellis/ui';
import { benchForm } from './bench-form.js';
import { startBench } from './measure.js';

const bench = benchForm(fieldTypes.has('formula'));
const compiled = compileForm(bench.form);
type Values = Record<string, unknown>;
/**
 * Formula fields are filled by the engine's `compute` (added with the formula field type),
 * the way a page using the renderer fills them as the person types. Merged over the values,
 * so it works whether `compute` returns the whole record or the formula values alone.
 */
const compute = (compiled as unknown as { compute?: (v: Values, ctx?: object) => Values }).compute?.bind(compiled);
const fill = (v: Values): Values => (bench.withFormulas && compute ? { ...v, ...compute(v, {}) } : v);

function App() {
  const [values, setValues] = useState<Values>(() => fill({}));
  const onChange = useCallback((key: string, value: unknown) => setValues((v) => fill({ ...v, [key]: value })), []);
  return <FormRenderer form={bench.form} values={values} onChange={onChange} locale="en" />;
}

startBench(`trellis${bench.withFormulas ? '+formulas' : ''}`, '.tr-form [data-field]', () => {
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<App />));
});
