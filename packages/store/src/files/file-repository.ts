import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';
import type { FormMeta } from '../records/form-catalog.js';
import type { SystemDatabase } from '../system-tables.js';
import type { FileBlobStore } from './blob-store.js';
import type { FileFieldIndex } from './file-fields.js';
import type { FilesDatabase } from './file-tables.js';

/** An uploaded file as the store knows it. */
export interface StoredFile {
  readonly id: string;
  readonly app: string;
  readonly form: string;
  readonly fieldId: string;
  /** The record it is attached to, or null (not saved yet, or dropped from the record). */
  readonly recordId: string | null;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly sha256: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

/** What an upload is for and what the client said about it. */
export interface FileUpload {
  readonly app: string;
  readonly form: string;
  readonly fieldId: string;
  /** The user's file name (any text; path parts and control characters are removed). */
  readonly name: string;
  /** The MIME type to store unless `inspect` returns another. */
  readonly type: string;
  readonly createdBy: string | null;
}

/** Limits and checks of one upload, decided by the caller (the field's options). */
export interface UploadLimits {
  /** Largest size in bytes; one byte more aborts the upload with `FILE_TOO_LARGE`. */
  readonly maxBytes: number;
  /**
   * Called once with the first bytes (up to {@link HEAD_BYTES}, fewer for a shorter file)
   * before anything is kept: returns the MIME type to store (e.g. the sniffed image type), or
   * throws to refuse the file.
   */
  inspect?(head: Uint8Array): string;
}

/** How many leading bytes `UploadLimits.inspect` sees. */
export const HEAD_BYTES = 64;
/** Unattached files older than this are removed by `cleanup` (24 hours). */
export const UNATTACHED_FILE_TTL_MS = 24 * 60 * 60 * 1000;

type Db = Kysely<FilesDatabase>;
const files = (db: Kysely<any>): Db => (db as Kysely<SystemDatabase>).withTables<FilesDatabase>() as unknown as Db;

/**
 * A file name safe to store and to put in a download header: the last path segment, without
 * control characters, at most 255 characters; `file` when nothing is left.
 *
 * @example cleanFileName('C:\\Users\\张三\\报告.pdf') // '报告.pdf'
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const capped = [...clean].slice(0, 255).join('');
  return capped === '' || capped === '.' || capped === '..' ? 'file' : capped;
}

/**
 * Uploaded files: metadata in `trellis.files`, bytes in a {@link FileBlobStore}. Records
 * attach them (`attach`, inside the record write's transaction); `cleanup` removes the ones
 * never attached.
 *
 * @example
 * const file = await store.files.upload({ app, form, fieldId, name: 'a.pdf', type: 'application/pdf', createdBy: null }, stream, { maxBytes: 1 << 20 });
 * const content = await store.files.read(file.id);
 */
export class FileRepository {
  readonly #db: Kysely<SystemDatabase>;
  readonly #blobs: FileBlobStore;
  readonly #fields: FileFieldIndex;

  constructor(db: Kysely<SystemDatabase>, blobs: FileBlobStore, fields: FileFieldIndex) {
    this.#db = db;
    this.#blobs = blobs;
    this.#fields = fields;
  }

  /** The file store holding the bytes. */
  get blobs(): FileBlobStore {
    return this.#blobs;
  }

  /**
   * Streams `content` into the file store — counting and hashing (sha256) as it goes and
   * stopping at `maxBytes + 1` — then records the file, unattached. Nothing stays behind when
   * it fails.
   */
  async upload(upload: FileUpload, content: Readable | AsyncIterable<Uint8Array>, limits: UploadLimits): Promise<StoredFile> {
    const id = randomUUID();
    const hash = createHash('sha256');
    let size = 0;
    let type = upload.type;
    const inspect = limits.inspect;
    async function* measured(): AsyncGenerator<Uint8Array> {
      let head: Uint8Array[] | undefined = inspect === undefined ? undefined : [];
      let headLength = 0;
      const count = (chunk: Uint8Array) => {
        size += chunk.byteLength;
        if (size > limits.maxBytes) throw StoreErrors.create('FILE_TOO_LARGE', `[store] the file is larger than the limit of ${limits.maxBytes} bytes; choose a smaller file`, [{ path: '/file', message: `larger than ${limits.maxBytes} bytes` }]);
        hash.update(chunk);
      };
      for await (const raw of content) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
        count(chunk);
        if (head !== undefined) {
          head.push(chunk);
          headLength += chunk.byteLength;
          if (headLength < HEAD_BYTES) continue;
          const all = Buffer.concat(head);
          type = inspect!(all.subarray(0, HEAD_BYTES));
          head = undefined;
          yield all;
          continue;
        }
        yield chunk;
      }
      if (head !== undefined) {
        const all = Buffer.concat(head);
        type = inspect!(all);
        if (all.byteLength > 0) yield all;
      }
    }
    try {
      await this.#blobs.put(id, measured());
    } catch (e) {
      drain(content);
      throw e;
    }
    try {
      const row = await files(this.#db)
        .insertInto('trellis.files')
        .values({
          id,
          app: upload.app,
          form_key: upload.form,
          field_id: upload.fieldId,
          record_id: null,
          name: cleanFileName(upload.name),
          size,
          mime_type: type,
          sha256: hash.digest('hex'),
          created_by: upload.createdBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toFile(row);
    } catch (e) {
      await this.#blobs.delete(id);
      throw e;
    }
  }

  /** The file's metadata, or undefined. */
  async get(id: string): Promise<StoredFile | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await files(this.#db).selectFrom('trellis.files').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toFile(row);
  }

  /** The files attached to a record, in upload order. */
  async ofRecord(recordId: string): Promise<StoredFile[]> {
    if (!isUuid(recordId)) return [];
    const rows = await files(this.#db).selectFrom('trellis.files').selectAll().where('record_id', '=', recordId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toFile);
  }

  /** The bytes of a file, or undefined when the file store has none. */
  read(id: string): Promise<Readable | undefined> {
    return this.#blobs.get(id);
  }

  /**
   * Attaches the files a record's data names and detaches the ones it no longer names, for
   * every file field present in `data` — inside the record write's transaction `trx`. Each
   * ref must be a file uploaded to the same app, form and field that is unattached or already
   * attached to this record, with the same name, size and type; otherwise `RECORD_FILE_INVALID`
   * naming `/data/<key>` (and the transaction rolls back).
   */
  async attach(trx: Kysely<SystemDatabase>, meta: FormMeta, recordId: string, data: Readonly<Record<string, unknown>>, locale?: string): Promise<void> {
    const en = locale !== undefined && locale.toLowerCase().startsWith('en');
    if (!meta.fields.some((f) => f.valueType === 'json' && Object.prototype.hasOwnProperty.call(data, f.key))) return;
    const fields = await this.#fields.of(trx, meta.app, meta.form);
    const db = files(trx);
    const problems: { path: string; message: string }[] = [];
    for (const field of fields) {
      if (!Object.prototype.hasOwnProperty.call(data, field.key)) continue;
      const path = `/data/${field.key}`;
      const value = data[field.key];
      const refs = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
      const wanted = new Map<string, Record<string, unknown>>();
      for (const ref of refs) {
        const id = (ref as { id?: unknown } | null)?.id;
        if (!isUuid(id)) {
          problems.push({ path, message: en ? `${JSON.stringify(ref)} is not a file ref { id, name, size, type }` : `${JSON.stringify(ref)} 不是文件引用 { id, name, size, type }` });
          continue;
        }
        wanted.set(id.toLowerCase(), ref as Record<string, unknown>);
      }
      const ids = [...wanted.keys()];
      if (ids.length > 0) {
        const attached = await db
          .updateTable('trellis.files')
          .set({ record_id: recordId })
          .where('id', 'in', ids)
          .where('app', '=', meta.app)
          .where('form_key', '=', meta.form)
          .where('field_id', '=', field.fieldId)
          .where((eb) => eb.or([eb('record_id', 'is', null), eb('record_id', '=', recordId)]))
          .returning(['id', 'name', 'size', 'mime_type'])
          .execute();
        const found = new Map(attached.map((r) => [r.id, r]));
        for (const [id, ref] of wanted) {
          const row = found.get(id);
          const name = typeof ref['name'] === 'string' ? ref['name'] : id;
          if (row === undefined) {
            problems.push({ path, message: en ? `file '${name}' was not uploaded to this field or belongs to another record; upload it again` : `文件「${name}」不是上传到此字段的文件，或已属于其他记录，请重新上传` });
          } else if (ref['name'] !== row.name || Number(ref['size']) !== row.size || ref['type'] !== row.mime_type) {
            problems.push({ path, message: en ? `file '${id}' is '${row.name}' (${row.size} bytes, ${row.mime_type}); send its ref as the upload returned it` : `文件 ${id} 是「${row.name}」（${row.size} 字节，${row.mime_type}），请按上传返回的内容提交` });
          }
        }
      }
      let detach = db.updateTable('trellis.files').set({ record_id: null }).where('record_id', '=', recordId).where('field_id', '=', field.fieldId);
      if (ids.length > 0) detach = detach.where('id', 'not in', ids);
      await detach.execute();
    }
    if (problems.length > 0) {
      throw StoreErrors.create(
        'RECORD_FILE_INVALID',
        `[store] ${problems[0]!.path}: ${problems[0]!.message}`,
        problems.map((p) => ({ ...p, code: 'RECORD_FILE_INVALID' })),
      );
    }
  }

  /**
   * Removes unattached files created before `now - olderThanMs` (default 24 hours): their
   * rows, then their bytes. What `trellis cleanup-files` runs. Returns how many were removed.
   */
  async cleanup(options: { olderThanMs?: number; now?: Date } = {}): Promise<{ removed: number }> {
    const cutoff = new Date((options.now ?? new Date()).getTime() - (options.olderThanMs ?? UNATTACHED_FILE_TTL_MS)).toISOString();
    let removed = 0;
    for (;;) {
      const db = files(this.#db);
      const batch = await db
        .deleteFrom('trellis.files')
        .where('id', 'in', db.selectFrom('trellis.files').select('id').where('record_id', 'is', null).where('created_at', '<', cutoff).limit(500))
        // repeated on the deleted rows themselves: a file attached by a record write meanwhile is re-checked and kept
        .where('record_id', 'is', null)
        .where('created_at', '<', cutoff)
        .returning('id')
        .execute();
      for (const { id } of batch) await this.#blobs.delete(id);
      removed += batch.length;
      if (batch.length < 500) return { removed };
    }
  }
}

function drain(content: Readable | AsyncIterable<Uint8Array>): void {
  const r = content as Partial<Readable>;
  if (typeof r.resume === 'function') r.resume();
}

function toFile(row: Readonly<Record<string, unknown>>): StoredFile {
  return {
    id: row.id as string,
    app: row.app as string,
    form: row.form_key as string,
    fieldId: row.field_id as string,
    recordId: (row.record_id as string | null) ?? null,
    name: row.name as string,
    size: Number(row.size),
    type: row.mime_type as string,
    sha256: row.sha256 as string,
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: row.created_at as string,
  };
}
