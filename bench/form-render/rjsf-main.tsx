/** Benchmark page: the equivalent JSON Schema rendered by `@rjsf/core` with `@rjsf/validator-ajv8`. */
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { fieldTypes } from '@trellis/forms';
import { benchForm, handFormulas } from './bench-form.js';
import { startBench } from './measure.js';

// the same variant as the Trellis page: formula fields only when the engine has them
const bench = benchForm(fieldTypes.has('formula'));
const schema = bench.jsonSchema as RJSFSchema;
const uiSchema = { ...bench.uiSchema, 'ui:submitButtonOptions': { norender: true } } as UiSchema;
type Values = Record<string, unknown>;

function App() {
  const [formData, setFormData] = useState<Values>(() => handFormulas(bench.formulas, {}));
  const onChange = useCallback((e: IChangeEvent<Values>) => setFormData(handFormulas(bench.formulas, e.formData ?? {})), []);
  return <Form schema={schema} uiSchema={uiSchema} validator={validator} formData={formData} onChange={onChange} />;
}

startBench(`rjsf${bench.withFormulas ? '+formulas' : ''}`, '.rjsf-field:not(.rjsf-field-object)', () => {
  const root = createRoot(document.getElementById('root')!);
  flushSync(() => root.render(<App />));
});
