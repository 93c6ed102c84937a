import type { Kysely, Migration } from 'kysely';
import { appSchemaName } from '../identifiers.js';
import { SYSTEM_SCHEMA } from '../system-tables.js';

/**
 * Rebuilds the owner and department indexes of form tables created before row scopes as
 * `(owner_id, created_at, id)` and `(dept_id, created_at, id)`, the shape new tables get
 * (see `createFormTable`): a scoped list's first page then comes out of one index, newest
 * first (docs/benchmarks.md §6). Tables are found through `trellis.app_forms`.
 */
export const scopeIndexesMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const forms = await db.selectFrom(`${SYSTEM_SCHEMA}.app_forms`).select(['app', 'table_name']).execute();
    for (const { app, table_name: table } of forms as { app: string; table_name: string }[]) {
      const schema = appSchemaName(app);
      for (const column of ['owner_id', 'dept_id'] as const) {
        const index = `${table}_${column === 'owner_id' ? 'owner' : 'dept'}_idx`;
        await db.schema.withSchema(schema).dropIndex(index).ifExists().execute();
        await db.schema.withSchema(schema).createIndex(index).on(table).columns([column, 'created_at', 'id']).execute();
      }
    }
  },
  async down(): Promise<void> {
    // The wider indexes serve every query the narrow ones did; nothing to undo.
  },
};
