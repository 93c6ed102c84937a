import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StoreErrors } from '../errors.js';
import { isUuid } from '../identifiers.js';

/**
 * Where the bytes of uploaded files live, by file id. The store keeps the metadata in
 * `trellis.files`; this holds only content. `DiskBlobStore` is the default; an S3-like store
 * implements the same three methods.
 */
export interface FileBlobStore {
  /** Writes the content under `id` (replacing nothing: ids are new uuids). On error nothing stays behind. */
  put(id: string, content: Readable | AsyncIterable<Uint8Array>): Promise<void>;
  /** The content of `id`, or undefined when there is none. */
  get(id: string): Promise<Readable | undefined>;
  /** Removes the content of `id`; removing a missing one is not an error. */
  delete(id: string): Promise<void>;
}

/**
 * Files on the local disk under `root`, as `root/<first two hex digits>/<id>` — never the
 * user's file name, so no name can escape the directory or collide. Writes go to a temporary
 * name first and are renamed into place, so a half-written file is never served.
 *
 * @example
 * const blobs = new DiskBlobStore('./data/files');
 * await blobs.put(id, stream);
 */
export class DiskBlobStore implements FileBlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  #path(id: string): string {
    if (!isUuid(id)) throw StoreErrors.create('STORE_VALUE_INVALID', `[store] file id '${id}' is not a uuid`);
    const lower = id.toLowerCase();
    return join(this.root, lower.slice(0, 2), lower);
  }

  async put(id: string, content: Readable | AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.#path(id);
    const dir = join(target, '..');
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.${id}.${randomBytes(4).toString('hex')}.tmp`);
    const out = createWriteStream(temp, { flags: 'wx' });
    try {
      await pipeline(content, out);
      await rename(temp, target);
    } catch (e) {
      // a refused stream can fail before the file is even open: wait until it is closed, or it appears after the rm
      if (!out.closed) await new Promise<void>((done) => out.once('close', () => done()));
      await rm(temp, { force: true });
      throw e;
    }
  }

  async get(id: string): Promise<Readable | undefined> {
    const path = this.#path(id);
    try {
      await stat(path);
    } catch {
      return undefined;
    }
    return createReadStream(path);
  }

  async delete(id: string): Promise<void> {
    await rm(this.#path(id), { force: true });
  }
}
