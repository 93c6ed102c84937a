import { describe, expect, it } from 'vitest';
import { groupErrorsByField } from './field-errors.js';

describe('groupErrorsByField', () => {
  const keys = ['name', 'tags', 'a/b'];

  it('reads server paths under /data and engine paths relative to the data alike', () => {
    expect(
      groupErrorsByField(
        [
          { path: '/data/name', message: 'is required' },
          { path: '/tags', message: 'too many' },
        ],
        keys,
      ),
    ).toEqual({ name: ['is required'], tags: ['too many'] });
  });

  it('attributes a problem deep inside a value to its field', () => {
    expect(groupErrorsByField([{ path: '/data/tags/2', message: 'unknown choice' }], keys)).toEqual({ tags: ['unknown choice'], 'tags/2': ['unknown choice'] });
    expect(groupErrorsByField([{ path: '/items/0/qty', message: 'row 1: too small' }], ['items'])).toEqual({ items: ['row 1: too small'], 'items/0/qty': ['row 1: too small'] });
  });

  it('keeps every message of a field, in order', () => {
    expect(
      groupErrorsByField(
        [
          { path: '/name', message: 'first' },
          { path: '/name', message: 'second' },
        ],
        keys,
      ),
    ).toEqual({ name: ['first', 'second'] });
  });

  it("puts problems that name no known field under ''", () => {
    expect(
      groupErrorsByField(
        [
          { path: '', message: 'body is not an object' },
          { path: '/data/ghost', message: 'unknown field' },
        ],
        keys,
      ),
    ).toEqual({ '': ['body is not an object', 'unknown field'] });
  });

  it('unescapes JSON pointer segments', () => {
    expect(groupErrorsByField([{ path: '/data/a~1b', message: 'bad' }], keys)).toEqual({ 'a/b': ['bad'] });
  });
});
