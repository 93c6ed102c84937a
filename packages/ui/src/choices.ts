import { localize, type FieldDef, type SelectChoice } from '@trellis/schema';

/**
 * The choices of a single or multi select field (`options.choices`), or an empty list when
 * the definition has none.
 */
export function fieldChoices(field: FieldDef): readonly SelectChoice[] {
  const choices = field.options?.['choices'];
  return Array.isArray(choices) ? (choices as SelectChoice[]) : [];
}

/** A choice as shown to a person: its localized label and its colour. */
export interface ChoiceTag {
  readonly value: string;
  readonly label: string;
  readonly color?: string;
}

/**
 * Looks a stored value up among a field's choices. A value that is no longer a choice (the
 * definition changed) is shown as itself rather than hidden.
 *
 * @example choiceTag(industryField, 'it', 'en') // { value: 'it', label: 'IT', color: '#1677ff' }
 */
export function choiceTag(field: FieldDef, value: string, locale: string): ChoiceTag {
  const choice = fieldChoices(field).find((c) => c.value === value);
  if (!choice) return { value, label: value };
  return choice.color === undefined
    ? { value, label: localize(choice.label, locale) }
    : { value, label: localize(choice.label, locale), color: choice.color };
}
