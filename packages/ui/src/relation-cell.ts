import type { CellDisplay } from './cell-display.js';
import { relationText } from './relation-messages.js';
import { optionLabel, type RelationOption } from './relation-source.js';

/** Display values of the records one relation field points at, by id (a list page's `related[field]`). */
export type RelatedById = Readonly<Record<string, Omit<RelationOption, 'id'>>>;

/**
 * A relation value as a list cell: one tag per related record, named by its title (so cells
 * show names, not ids); a record no longer live shows as deleted.
 *
 * @example relationCell('a1…', { 'a1…': { title: 'ACME', fields: {} } }, 'en') // { kind: 'tags', tags: [{ value: 'a1…', label: 'ACME' }] }
 */
export function relationCell(value: unknown, related: RelatedById | undefined, locale: string): CellDisplay {
  const ids = (Array.isArray(value) ? value : value === null || value === undefined || value === '' ? [] : [value]).map(String);
  if (ids.length === 0) return { kind: 'empty' };
  return {
    kind: 'tags',
    tags: ids.map((id) => {
      const shown = related?.[id];
      return { value: id, label: shown ? optionLabel({ id, ...shown }) : relationText(locale, 'relationMissing') };
    }),
  };
}
