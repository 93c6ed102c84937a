import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { hiddenFieldKeys } from './form-visibility.js';

const form: FormDef = {
  key: 'lead',
  name: 'Lead',
  fields: [
    { id: '1', key: 'status', type: 'single_select', label: 'Status', options: { choices: [{ value: 'open', label: 'Open' }, { value: 'invalid', label: 'Invalid' }] } },
    { id: '2', key: 'invalid_reason', type: 'text', label: 'Reason', visibleWhen: { '==': [{ var: 'status' }, 'invalid'] } },
  ],
};

describe('hiddenFieldKeys', () => {
  it('hides a field while its visibleWhen condition is false, as the form engine decides', () => {
    expect([...hiddenFieldKeys(form, { status: 'open' })]).toEqual(['invalid_reason']);
    expect([...hiddenFieldKeys(form, { status: 'invalid' })]).toEqual([]);
  });

  it('hides nothing when the form cannot be compiled (a plugin type missing in this build)', () => {
    const broken: FormDef = { ...form, fields: [...form.fields, { id: '3', key: 'stars', type: 'rating_not_installed', label: 'Stars' }] };
    expect(hiddenFieldKeys(broken, { status: 'open' }).size).toBe(0);
  });
});
