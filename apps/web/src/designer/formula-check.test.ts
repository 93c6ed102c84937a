import { describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';
import { emptyApp } from './draft-ops.js';
import { formulaEditorProblems } from './formula-check.js';
import { newField } from './new-field.js';

const form: FormDef = {
  key: 'deal',
  name: '商机',
  fields: [
    { id: 'a', key: 'price', type: 'number', label: '单价' },
    { id: 'b', key: 'qty', type: 'number', label: '数量' },
    { id: 'c', key: 'total', type: 'formula', label: '金额', options: { formula: 'price * qty', resultType: 'number' } },
  ],
};

describe('the designer formula editor', () => {
  it('accepts a formula over the form fields', () => {
    expect(formulaEditorProblems('ROUND(price * qty, 2)', form, 'en')).toEqual([]);
    expect(formulaEditorProblems('', form, 'en')).toEqual([]);
  });

  it('shows problems live in the user language with their character position', () => {
    expect(formulaEditorProblems('SUM(price', form, 'en')).toEqual(["character 10: expected ',' or ')' here, found end of formula"]);
    expect(formulaEditorProblems('price * qyt', form, 'zh-CN')).toEqual(['第 9 个字符：没有字段「qyt」；可用字段：price, qty, total']);
  });

  it('a formula field from the palette starts with a result type', () => {
    const field = newField(fieldTypes.require('formula'), emptyApp('a', 'A', 'f', 'F').forms[0]!);
    expect(field.options).toEqual({ resultType: 'number' });
  });
});
