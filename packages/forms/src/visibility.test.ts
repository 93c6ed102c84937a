import { describe, expect, it } from 'vitest';
import type { FormDef } from '@trellis/schema';
import { compileForm } from './compile-form.js';

/** A lead form: the lost reason shows only when the status is lost; the detail only when a reason is given. */
function leadForm(): FormDef {
  return {
    key: 'lead',
    name: { 'zh-CN': '线索', en: 'Lead' },
    fields: [
      { id: 'f1', key: 'status', type: 'single_select', label: '状态', options: { choices: [{ value: 'open', label: '跟进中' }, { value: 'lost', label: '已丢失' }] }, defaultValue: 'open' },
      { id: 'f2', key: 'lost_reason', type: 'text', label: { 'zh-CN': '丢失原因', en: 'Lost reason' }, required: true, visibleWhen: { '==': [{ var: 'status' }, 'lost'] } },
      { id: 'f3', key: 'lost_detail', type: 'long_text', label: '详情', visibleWhen: { '!!': [{ var: 'lost_reason' }] } },
      { id: 'f4', key: 'never', type: 'text', label: '隐藏', visibleWhen: false },
    ],
  };
}

describe('visibility', () => {
  it('a hidden field is not required and its value is dropped', () => {
    const r = compileForm(leadForm()).process({ status: 'open', lost_reason: 'price', never: 'x' }, { mode: 'create' });
    expect(r).toEqual({ ok: true, value: { status: 'open', lost_reason: null, lost_detail: null, never: null } });
  });

  it('a visible field is required again', () => {
    const r = compileForm(leadForm()).process({ status: 'lost' }, { mode: 'create', locale: 'en' });
    expect(r).toEqual({ ok: false, errors: [{ path: '/data/lost_reason', code: 'FIELD_REQUIRED', message: "'Lost reason' is required; fill it in" }] });
  });

  it('hiding cascades: a field that depends on a hidden field is hidden too', () => {
    const form = compileForm(leadForm());
    expect([...form.hiddenFields({ status: 'open', lost_reason: 'price' })].sort()).toEqual(['lost_detail', 'lost_reason', 'never']);
    expect([...form.hiddenFields({ status: 'lost', lost_reason: 'price' })]).toEqual(['never']);
  });

  it('in update mode, visibility is decided on the merged record', () => {
    const existing = { status: 'lost', lost_reason: '预算不足', lost_detail: '明年再谈', never: null };
    const r = compileForm(leadForm()).process({ status: 'open' }, { mode: 'update', existing });
    expect(r).toEqual({ ok: true, value: { status: 'open', lost_reason: null, lost_detail: null, never: null } });
  });

  it('conditions can read the evaluation context', () => {
    const form: FormDef = {
      key: 'note',
      name: 'note',
      fields: [{ id: 'a', key: 'secret', type: 'text', label: 'secret', visibleWhen: { '==': [{ var: '$user.id' }, 'u1'] } }],
    };
    const compiled = compileForm(form);
    expect(compiled.process({ secret: 's' }, { mode: 'create', ctx: { user: { id: 'u1' } } })).toEqual({ ok: true, value: { secret: 's' } });
    expect(compiled.process({ secret: 's' }, { mode: 'create', ctx: { user: { id: 'u2' } } })).toEqual({ ok: true, value: { secret: null } });
  });
});
