import { fieldTypes } from '@trellis/forms';
import { openStore, type Store, type StoreOptions } from '@trellis/store';

/** {@link openStore}'s options without the catalog, which is always the form engine's registry. */
export type TrellisStoreOptions = Omit<StoreOptions, 'catalog'>;

/**
 * Opens the store the server runs on, with the form engine's field-type registry as its
 * catalog: the composition root for the CLI and other hosts, which may not import
 * `@trellis/forms` themselves.
 *
 * @example
 * const store = await openTrellisStore({ databaseUrl: process.env.DATABASE_URL, dataDir: './data' });
 */
export function openTrellisStore(options: TrellisStoreOptions): Promise<Store> {
  return openStore({ ...options, catalog: fieldTypes });
}
