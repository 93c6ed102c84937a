import { describe, expect, it } from 'vitest';
import type { FieldDef } from '@trellis/schema';
import { otherValues, withOtherValues } from './select-other.js';

const source: FieldDef = {
  id: 'f_source', key: 'source', type: 'multi_select', label: 'Source',
  options: { allowOther: true, choices: [{ value: 'web', label: 'Website' }, { value: 'fair', label: 'Fair' }] },
};

describe('free-text answers of a multi select with allowOther', () => {
  it('are the values that are not choices', () => {
    expect(otherValues(source, ['fair', '朋友', 'web'])).toEqual(['朋友']);
    expect(otherValues(source, null)).toEqual([]);
  });
  it('are replaced by what is typed, after the chosen values in choice order', () => {
    expect(withOtherValues(source, ['fair', 'old', 'web'], '朋友， 展会')).toEqual(['web', 'fair', '朋友', '展会']);
    expect(withOtherValues(source, ['web'], '')).toEqual(['web']);
    expect(withOtherValues(source, ['old'], ' ')).toBeNull();
  });
});
