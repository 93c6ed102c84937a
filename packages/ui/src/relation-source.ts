import { createContext, useContext } from 'react';
import type { FieldDef } from '@trellis/schema';

/** One record a relation can point at, as pickers and cells show it. */
export interface RelationOption {
  readonly id: string;
  /** The related record's title field (null when it has none). */
  readonly title: string | null;
  /** The relation's display fields, by key. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A page of picker results. */
export interface RelationSearchResult {
  readonly items: readonly RelationOption[];
  /** More records match than the page holds. */
  readonly hasMore: boolean;
}

/**
 * How relation widgets reach the records of other forms. `@trellis/ui` knows no server: the
 * app provides this (the web app calls `GET …/fields/:field/options`), tests provide an
 * in-memory one. `known` returns what the app already has (a record's `related` display
 * values) so a chosen record shows its name without a request.
 *
 * @example
 * <RelationSourceContext.Provider value={source}><FormRenderer … /></RelationSourceContext.Provider>
 */
export interface RelationSource {
  /** Records of the relation's target whose text matches `text` (empty: the first ones). */
  search(field: FieldDef, text: string, signal?: AbortSignal): Promise<RelationSearchResult>;
  /** The display values of these ids (the ones that still exist). */
  resolve(field: FieldDef, ids: readonly string[]): Promise<readonly RelationOption[]>;
  /** Display values already at hand, without a request. */
  known?(field: FieldDef, id: string): RelationOption | undefined;
}

/** The relation source of the form being rendered; null when the app provides none. */
export const RelationSourceContext = createContext<RelationSource | null>(null);

/** The current {@link RelationSource}, or null. */
export function useRelationSource(): RelationSource | null {
  return useContext(RelationSourceContext);
}

/**
 * The text a related record is shown by: its title, else its display fields joined, else
 * the start of its id.
 *
 * @example optionLabel({ id: '…', title: 'ACME', fields: {} }) // 'ACME'
 */
export function optionLabel(option: RelationOption): string {
  if (option.title !== null && option.title !== '') return option.title;
  const parts = Object.values(option.fields).filter((v) => v !== null && v !== undefined && v !== '').map(String);
  return parts.length > 0 ? parts.join(' · ') : option.id.slice(0, 8);
}

/** The display fields of an option other than its title, joined for a second line. */
export function optionDetail(option: RelationOption): string {
  return Object.values(option.fields)
    .filter((v) => v !== null && v !== undefined && v !== '' && String(v) !== option.title)
    .map(String)
    .join(' · ');
}
