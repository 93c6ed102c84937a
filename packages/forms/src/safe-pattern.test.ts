import { describe, expect, it } from 'vitest';
import { unsafePatternReason } from './safe-pattern.js';

describe('unsafePatternReason', () => {
  it.each(['^1[3-9]\\d{9}$', '^[A-Z0-9]{18}$', '^\\d{6}$', '^(\\+86)?1\\d{10}$', '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', '^(a|b)?c+$'])(
    'accepts the safe pattern %s',
    (p) => expect(unsafePatternReason(p)).toBeUndefined(),
  );
  it.each(['^(a+)+$', '(\\w+\\.)*x', '(a|ab)*c', '((ab)*)+', '(x{2,})+', '([a-z]+)*'])('refuses the backtracking-prone pattern %s', (p) => {
    expect(unsafePatternReason(p)).toMatch(/repeated with \* or \+/);
  });
  it('refuses patterns longer than 200 characters', () => expect(unsafePatternReason('a'.repeat(201))).toMatch(/longer than 200/));
  it('refuses invalid regular expressions', () => expect(unsafePatternReason('([a-z')).toMatch(/not a valid regular expression/));
  it('refuses back-references', () => expect(unsafePatternReason('(a)\\1')).toMatch(/back-references/));
});
