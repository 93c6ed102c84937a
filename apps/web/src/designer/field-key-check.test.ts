import { describe, expect, it } from 'vitest';
import { emptyApp, addField } from './draft-ops.js';
import { draftProblems, problemsUnder } from './field-key-check.js';

describe('draft problems', () => {
  it('reports a bad, reserved or duplicate key at the field key path, and nothing for a good draft', () => {
    let pkg = emptyApp('shop', 'Shop', 'item', 'Item');
    pkg = addField(pkg, 'item', { id: 'f_a', key: 'name', type: 'text', label: 'Name' }, { section: 0 });
    expect(draftProblems(pkg).size).toBe(0);
    pkg = addField(pkg, 'item', { id: 'f_b', key: 'Bad Key', type: 'text', label: 'B' }, { section: 0 });
    pkg = addField(pkg, 'item', { id: 'f_c', key: 'select', type: 'text', label: 'C' }, { section: 0 });
    pkg = addField(pkg, 'item', { id: 'f_d', key: 'name', type: 'text', label: 'D' }, { section: 0 });
    const problems = draftProblems(pkg);
    expect(problemsUnder(problems, '/forms/0/fields/1/key')).not.toEqual([]);
    expect(problemsUnder(problems, '/forms/0/fields/2/key')).not.toEqual([]);
    expect(problemsUnder(problems, '/forms/0/fields/3/key')).not.toEqual([]);
    expect(problemsUnder(problems, '/forms/0/fields/0/key')).toEqual([]);
  });
});
