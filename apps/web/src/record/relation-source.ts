import type { FieldDef } from '@trellis/schema';
import type { RelationOption, RelationSource } from '@trellis/ui';
import type { RelatedRecordsDto } from '../api/api-types.js';
import { relationOptions, relationOptionsByIds } from '../api/relation-api.js';

/** The calls a {@link createRelationSource} makes; the server API by default, fakes in tests. */
export interface RelationCalls {
  readonly search: typeof relationOptions;
  readonly byIds: typeof relationOptionsByIds;
}

/**
 * The web app's `RelationSource` for one form being filled: searches go to the picker route
 * of that form's relation fields; the record's `related` display values (and every record
 * found since) are known without another request.
 *
 * @example <RelationSourceContext.Provider value={createRelationSource('crm', 'contact', record?.related)}>
 */
export function createRelationSource(app: string, form: string, related: RelatedRecordsDto | undefined, calls: RelationCalls = { search: relationOptions, byIds: relationOptionsByIds }): RelationSource {
  const known = new Map<string, RelationOption>();
  const remember = (field: FieldDef, option: RelationOption) => known.set(`${field.key}\u0000${option.id}`, option);
  for (const [key, byId] of Object.entries(related ?? {})) {
    for (const [id, shown] of Object.entries(byId)) known.set(`${key}\u0000${id}`, { id, ...shown });
  }
  return {
    async search(field, text) {
      const result = await calls.search(app, form, field.key, text);
      for (const option of result.items) remember(field, option);
      return result;
    },
    async resolve(field, ids) {
      const found = await calls.byIds(app, form, field.key, ids);
      for (const option of found) remember(field, option);
      return found;
    },
    known: (field, id) => known.get(`${field.key}\u0000${id}`),
  };
}
