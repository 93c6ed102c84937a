import type { FieldDef } from '@trellis/schema';
import { fieldChoices } from './choices.js';
import { parseTagsInput } from './tags-input.js';

/** The free-text answers of a multi select with `allowOther`: its values that are not choices. */
export function otherValues(field: FieldDef, value: unknown): string[] {
  const choices = new Set(fieldChoices(field).map((c) => c.value));
  return Array.isArray(value) ? value.map(String).filter((v) => !choices.has(v)) : [];
}

/**
 * A multi-select value with its free-text answers replaced by those typed in `text`
 * (comma-separated), chosen values first in choice order; empty → `null`.
 *
 * @example withOtherValues(sourceField, ['web', 'old'], '朋友, 展会') // ['web', '朋友', '展会']
 */
export function withOtherValues(field: FieldDef, value: unknown, text: string): string[] | null {
  const choices = fieldChoices(field).map((c) => c.value);
  const selected = Array.isArray(value) ? value.map(String) : [];
  const chosen = choices.filter((c) => selected.includes(c));
  const others = (parseTagsInput(text) ?? []).filter((v) => !chosen.includes(v));
  const out = [...chosen, ...others];
  return out.length === 0 ? null : out;
}
