import type { AppPackage, FieldTypeCatalog } from '@trellis/schema';
import type { Kysely } from 'kysely';
import type { SystemDatabase } from '../system-tables.js';

/** A file field of a live form: attachment and image hold `many` refs, a signature `one`. */
export interface FileField {
  readonly key: string;
  readonly fieldId: string;
  readonly kind: 'one' | 'many';
}

/**
 * Which fields of each form are file fields, read from the live app version's package and
 * asked of the field-type catalog (`fileRefs`). Versions are immutable, so the answer is
 * cached per app version; each lookup costs one read of the app's current version.
 */
export class FileFieldIndex {
  readonly #catalog: FieldTypeCatalog;
  readonly #byVersion = new Map<string, ReadonlyMap<string, readonly FileField[]>>();

  constructor(catalog: FieldTypeCatalog) {
    this.#catalog = catalog;
  }

  /** The file fields of `form` in the live version of `app` (empty when none or when the catalog knows no file types). */
  async of(db: Kysely<SystemDatabase>, app: string, form: string): Promise<readonly FileField[]> {
    if (this.#catalog.fileRefs === undefined) return [];
    const current = await db.selectFrom('trellis.apps').select('current_version').where('key', '=', app).executeTakeFirst();
    if (!current) return [];
    const cacheKey = `${app}@${current.current_version}`;
    let forms = this.#byVersion.get(cacheKey);
    if (forms === undefined) {
      const row = await db.selectFrom('trellis.app_versions').select('package').where('app', '=', app).where('version', '=', current.current_version).executeTakeFirst();
      if (!row) return [];
      const map = new Map<string, FileField[]>();
      for (const f of (row.package as AppPackage).forms) {
        const fields: FileField[] = [];
        for (const field of f.fields) {
          const kind = this.#catalog.has(field.type) ? this.#catalog.fileRefs(field) : undefined;
          if (kind !== undefined) fields.push({ key: field.key, fieldId: field.id, kind });
        }
        map.set(f.key, fields);
      }
      forms = map;
      this.#byVersion.set(cacheKey, forms);
    }
    return forms.get(form) ?? [];
  }
}
