import { fieldTypes, subtableColumns } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';

/** One column of a sub-table filled by data linkage, and the source columns it may take. */
export interface LinkageRowChoice {
  readonly column: FieldDef;
  /** Columns of the source sub-table holding the same value type. */
  readonly from: readonly FieldDef[];
}

/**
 * For each column of sub-table `field`, the columns of the source sub-table `take` it can be
 * filled from: those of the same value type (what `validateApp` accepts in `rows`).
 *
 * @example linkageRowChoices(lines, parts)[0].from.map((c) => c.key) // ['sku']
 */
export function linkageRowChoices(field: FieldDef, take: FieldDef | undefined): LinkageRowChoice[] {
  const typeOf = (f: FieldDef) => (fieldTypes.has(f.type) ? fieldTypes.valueType(f) : undefined);
  const theirs = take === undefined ? [] : subtableColumns(take);
  return subtableColumns(field).map((column) => ({ column, from: theirs.filter((c) => typeOf(c) !== undefined && typeOf(c) === typeOf(column)) }));
}

/** `rows` with `column` taking `from`, or taking nothing when `from` is empty. */
export function withRowMapping(rows: Readonly<Record<string, string>>, column: string, from: string): Record<string, string> {
  const next: Record<string, string> = { ...rows };
  if (from === '') delete next[column];
  else next[column] = from;
  return next;
}
