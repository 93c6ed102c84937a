/** Longest `pattern` a text field may declare. */
export const MAX_PATTERN_LENGTH = 200;

/**
 * Checks that a field's `pattern` is a valid regular expression (with the `u` flag) that
 * cannot backtrack catastrophically: at most 200 characters, and no group that is repeated
 * without bound (`*`, `+`, `{n,}`) while itself containing a repetition or an alternation
 * (`(a+)+`, `(\w+\.)*`, `(a|ab)*` — the shapes behind ReDoS). Values are also tested only
 * up to the field's `maxLength`. Returns the reason a pattern is refused, or undefined.
 *
 * @example
 * unsafePatternReason('^1[3-9]\\d{9}$'); // undefined
 * unsafePatternReason('^(a+)+$');      // 'a repeated group contains a repetition …'
 */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    return `it is not a valid regular expression (${(e as Error).message})`;
  }
  if (/\\[1-9k]/.test(pattern)) return 'back-references are not allowed';
  // Scan groups: for each open group remember whether it contains a repetition or '|'.
  const stack: { risky: boolean }[] = [];
  let i = 0;
  const unboundedAt = (j: number): boolean => {
    const c = pattern[j];
    if (c === '*' || c === '+') return true;
    if (c === '{') return /^\{\d*,\}/.test(pattern.slice(j));
    return false;
  };
  const quantifierAt = (j: number): boolean => {
    const c = pattern[j];
    return c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(,\d*)?\}/.test(pattern.slice(j)));
  };
  const markRisky = () => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.risky = true;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      i += 2;
      if (quantifierAt(i) && unboundedAt(i)) markRisky();
      continue;
    }
    if (c === '[') {
      i++;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i++;
      if (unboundedAt(i)) markRisky();
      continue;
    }
    if (c === '(') {
      stack.push({ risky: false });
      i++;
      continue;
    }
    if (c === ')') {
      const group = stack.pop();
      i++;
      if (unboundedAt(i) && group?.risky === true) {
        return 'a group repeated with * or + contains another repetition or an alternative (|), which can make matching take forever; simplify it, e.g. use a character class';
      }
      if (group?.risky === true || unboundedAt(i)) markRisky();
      continue;
    }
    if (c === '|') markRisky();
    else if (unboundedAt(i) && i > 0) markRisky();
    i++;
  }
  return undefined;
}
