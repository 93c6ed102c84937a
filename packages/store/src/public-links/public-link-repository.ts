import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LocalizedText } from '@trellis/schema';
import { isUuid } from '../identifiers.js';
import { jsonParam } from '../json-param.js';
import type { SystemDatabase } from '../system-tables.js';
import type { PublicLinksDatabase, PublicLinksTable } from './public-link-tables.js';

/** Random bytes in a public-link token: 32 bytes = 256 bits, 43 base64url characters. */
export const PUBLIC_LINK_TOKEN_BYTES = 32;

/**
 * A form published under an unguessable token, for anonymous submissions. What the token
 * shows and accepts is decided by these options; `enabled: false` or a past `expiresAt`
 * make it answer exactly like an unknown token.
 */
export interface PublicLink {
  readonly id: string;
  readonly token: string;
  readonly app: string;
  readonly form: string;
  readonly enabled: boolean;
  /** Shown after a successful submission; `null` means the web app's default text. */
  readonly thankYou: LocalizedText | null;
  /** A field key: one submission per normalised value of this field (a phone or an email), or `null`. */
  readonly onePerField: string | null;
  /** Keys of the fields the public form shows, in form order; `null` means all of them. */
  readonly fields: readonly string[] | null;
  /** ISO 8601 UTC; after it the link answers like an unknown one. `null`: never expires. */
  readonly expiresAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string | null;
}

/** The options a link is created or changed with (every one optional on change). */
export interface PublicLinkOptions {
  readonly enabled?: boolean;
  readonly thankYou?: LocalizedText | null;
  readonly onePerField?: string | null;
  readonly fields?: readonly string[] | null;
  readonly expiresAt?: string | null;
}

/** A claimed value for "one submission per value": who claimed it and for which record. */
export interface ClaimKey {
  readonly app: string;
  readonly form: string;
  readonly field: string;
  /** A hash of the normalised value (the store never keeps the value itself here). */
  readonly valueHash: string;
}

type Db = Kysely<SystemDatabase & PublicLinksDatabase>;
type Row = { [K in keyof PublicLinksTable]: unknown };

/**
 * Public links of forms and the values claimed through them, in `trellis.public_links` and
 * `trellis.public_link_claims`. Tokens come from `crypto.randomBytes` (256 bits, base64url).
 * The store does not check that the app and form exist or that the options fit the form:
 * the server does that against the live definition before calling it.
 *
 * @example
 * const links = new PublicLinkRepository(store.db);
 * const link = await links.create('crm', 'lead', { thankYou: { en: 'Thanks!' }, onePerField: 'phone' }, { actor: null });
 * const found = await links.findByToken(link.token); // undefined when unknown
 */
export class PublicLinkRepository {
  readonly #db: Db;

  constructor(db: Kysely<SystemDatabase>) {
    this.#db = db.withTables<PublicLinksDatabase>();
  }

  /** Creates a link with a fresh random token. */
  async create(app: string, form: string, options: PublicLinkOptions, ctx: { readonly actor: string | null }): Promise<PublicLink> {
    const row = await this.#db
      .insertInto('trellis.public_links')
      .values({
        id: randomUUID(),
        token: randomBytes(PUBLIC_LINK_TOKEN_BYTES).toString('base64url'),
        app,
        form_key: form,
        enabled: options.enabled ?? true,
        thank_you: jsonParam(options.thankYou ?? null),
        one_per_field: options.onePerField ?? null,
        fields: jsonParam(options.fields ?? null),
        expires_at: options.expiresAt ?? null,
        created_by: ctx.actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toLink(row);
  }

  /** The links of a form, oldest first. */
  async list(app: string, form: string): Promise<PublicLink[]> {
    const rows = await this.#db
      .selectFrom('trellis.public_links')
      .selectAll()
      .where('app', '=', app)
      .where('form_key', '=', form)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toLink);
  }

  /** One link of a form by id, or `undefined`. */
  async get(app: string, form: string, id: string): Promise<PublicLink | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.#db
      .selectFrom('trellis.public_links')
      .selectAll()
      .where('app', '=', app)
      .where('form_key', '=', form)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toLink(row);
  }

  /** The link with this token whatever its state (callers check `isLive`), or `undefined`. */
  async findByToken(token: string): Promise<PublicLink | undefined> {
    const row = await this.#db.selectFrom('trellis.public_links').selectAll().where('token', '=', token).executeTakeFirst();
    return row === undefined ? undefined : toLink(row);
  }

  /** Changes some options of a link; `undefined` when the form has no such link. */
  async update(app: string, form: string, id: string, options: PublicLinkOptions): Promise<PublicLink | undefined> {
    if (!isUuid(id)) return undefined;
    const set: Record<string, unknown> = { updated_at: new Date().toISOString() };
    if (options.enabled !== undefined) set['enabled'] = options.enabled;
    if (options.thankYou !== undefined) set['thank_you'] = jsonParam(options.thankYou);
    if (options.onePerField !== undefined) set['one_per_field'] = options.onePerField;
    if (options.fields !== undefined) set['fields'] = jsonParam(options.fields);
    if (options.expiresAt !== undefined) set['expires_at'] = options.expiresAt;
    const row = await this.#db
      .updateTable('trellis.public_links')
      .set(set)
      .where('app', '=', app)
      .where('form_key', '=', form)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toLink(row);
  }

  /** Deletes a link (its claims stay, so a value used once stays used); false when there was none. */
  async delete(app: string, form: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.#db
      .deleteFrom('trellis.public_links')
      .where('app', '=', app)
      .where('form_key', '=', form)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Claims a value for a link's form and field. Returns false when it was claimed before
   * (by any link of the form); the primary key makes two concurrent claims of one value
   * end with exactly one winner.
   */
  async claim(key: ClaimKey, linkId: string): Promise<boolean> {
    const result = await this.#db
      .insertInto('trellis.public_link_claims')
      .values({ app: key.app, form_key: key.form, field_key: key.field, value_hash: key.valueHash, link_id: linkId })
      .onConflict((oc) => oc.doNothing())
      .returning('value_hash')
      .executeTakeFirst();
    return result !== undefined;
  }

  /** Records which record a claim produced (for support: "who used this phone?"). */
  async attachRecord(key: ClaimKey, recordId: string): Promise<void> {
    await this.#claim(this.#db.updateTable('trellis.public_link_claims').set({ record_id: recordId }), key).execute();
  }

  /** Gives a claimed value back (the record it was for could not be written). */
  async release(key: ClaimKey): Promise<void> {
    await this.#claim(this.#db.deleteFrom('trellis.public_link_claims'), key).execute();
  }

  #claim<Q extends { where: (...args: any[]) => Q }>(q: Q, key: ClaimKey): Q {
    return q.where('app', '=', key.app).where('form_key', '=', key.form).where('field_key', '=', key.field).where('value_hash', '=', key.valueHash);
  }
}

/**
 * True when a link may be used now: switched on and not expired.
 *
 * @example if (!link || !isLive(link)) throw notFound();
 */
export function isLive(link: PublicLink, now: Date = new Date()): boolean {
  return link.enabled && (link.expiresAt === null || Date.parse(link.expiresAt) > now.getTime());
}

function toLink(row: Row): PublicLink {
  return {
    id: row.id as string,
    token: row.token as string,
    app: row.app as string,
    form: row.form_key as string,
    enabled: row.enabled as boolean,
    thankYou: (row.thank_you ?? null) as LocalizedText | null,
    onePerField: (row.one_per_field ?? null) as string | null,
    fields: (row.fields ?? null) as string[] | null,
    expiresAt: (row.expires_at ?? null) as string | null,
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    createdBy: (row.created_by ?? null) as string | null,
  };
}
