import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { DIALECTS, DiskBlobStore, cleanFileName, openTestStore, type Store, type StoredFile } from '../src/index.js';
import { field, form, pkg } from './fixtures.js';

const ref = (f: StoredFile) => ({ id: f.id, name: f.name, size: f.size, type: f.type });
const text = async (s: Readable | undefined) => {
  const chunks: Buffer[] = [];
  for await (const c of s!) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return { code: (e as { code: string }).code, details: (e as { details: unknown }).details };
  }
  throw new Error('expected a refusal');
};

for (const dialect of DIALECTS) {
  describe(`files (${dialect})`, () => {
    let store: Store;
    const docs = form('docs', [field('title', 'text'), field('files', 'attachment'), field('photos', 'image'), field('sig', 'signature')]);
    const other = form('other', [field('files', 'attachment')]);
    const upload = (content: string, o: { field?: string; form?: string; name?: string; createdBy?: string | null } = {}) =>
      store.files.upload(
        { app: 'filesapp', form: o.form ?? 'docs', fieldId: `f_${o.field ?? 'files'}`, name: o.name ?? 'a.txt', type: 'text/plain', createdBy: o.createdBy ?? null },
        Readable.from([Buffer.from(content)]),
        { maxBytes: 1000 },
      );
    beforeAll(async () => {
      store = await openTestStore(dialect, fieldTypes);
      await store.apps.publish(pkg('filesapp', [docs, other]), { actor: null });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('streams an upload to the file store under its id, with size and sha256, unattached', async () => {
      const f = await upload('hello 世界', { name: '../../etc/报告.txt', createdBy: 'u1' });
      expect(f).toMatchObject({ app: 'filesapp', form: 'docs', fieldId: 'f_files', recordId: null, name: '报告.txt', size: Buffer.byteLength('hello 世界'), type: 'text/plain', createdBy: 'u1' });
      expect(f.sha256).toBe(createHash('sha256').update('hello 世界').digest('hex'));
      expect(await store.files.get(f.id)).toEqual(f);
      expect(await text(await store.files.read(f.id))).toBe('hello 世界');
      const root = (store.files.blobs as DiskBlobStore).root;
      expect(existsSync(join(root, f.id.slice(0, 2), f.id))).toBe(true);
      expect(readdirSync(join(root, f.id.slice(0, 2))).some((n) => n.includes('报告'))).toBe(false);
    });

    it('refuses a file over the limit while streaming, and keeps nothing', async () => {
      const before = await store.db.selectFrom('trellis.files' as never).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      const big = Readable.from((function* () {
        for (let i = 0; i < 100; i++) yield Buffer.alloc(100, 'x');
      })());
      const e = await code(store.files.upload({ app: 'filesapp', form: 'docs', fieldId: 'f_files', name: 'big.bin', type: 'application/octet-stream', createdBy: null }, big, { maxBytes: 1000 }));
      expect(e.code).toBe('FILE_TOO_LARGE');
      const after = await store.db.selectFrom('trellis.files' as never).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      expect(after).toEqual(before);
      const root = (store.files.blobs as DiskBlobStore).root;
      const leftovers = (await readdir(root, { recursive: true })).filter((n) => n.endsWith('.tmp'));
      expect(leftovers).toEqual([]);
    });

    it('lets the caller inspect the first bytes to set the type or refuse', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
      const f = await store.files.upload({ app: 'filesapp', form: 'docs', fieldId: 'f_photos', name: 'p.png', type: 'application/octet-stream', createdBy: null }, Readable.from([png]), {
        maxBytes: 1000,
        inspect: (head) => (head[0] === 0x89 ? 'image/png' : 'x/y'),
      });
      expect(f.type).toBe('image/png');
      const refused = code(store.files.upload({ app: 'filesapp', form: 'docs', fieldId: 'f_photos', name: 'x.png', type: 'image/png', createdBy: null }, Readable.from([Buffer.from('<svg/>')]), {
        maxBytes: 1000,
        inspect: () => {
          throw Object.assign(new Error('not an image'), { code: 'NOPE' });
        },
      }));
      expect((await refused).code).toBe('NOPE');
    });

    it('attaches the files a new record names, in its transaction', async () => {
      const a = await upload('a');
      const s = await upload('sig', { field: 'sig', name: 'signature.png' });
      const r = await store.records.create('filesapp', 'docs', { title: 'x', files: [ref(a)], sig: ref(s) }, { actor: null });
      expect((await store.files.get(a.id))?.recordId).toBe(r.id);
      expect((await store.files.get(s.id))?.recordId).toBe(r.id);
      expect((await store.files.ofRecord(r.id)).map((f) => f.id).sort()).toEqual([a.id, s.id].sort());
    });

    it('refuses a ref of another field, another form, another record, an unknown id or changed metadata, naming /data/<key>; nothing is written', async () => {
      const taken = await upload('t');
      const owner = await store.records.create('filesapp', 'docs', { files: [ref(taken)] }, { actor: null });
      const photo = await upload('p', { field: 'photos' });
      const foreign = await upload('o', { form: 'other' });
      const fresh = await upload('f');
      const unknown = { id: '00000000-0000-4000-8000-000000000000', name: 'a.txt', size: 1, type: 'text/plain' };
      const count = async () => (await store.records.list('filesapp', 'docs')).total;
      const n = await count();
      for (const bad of [ref(photo), ref(foreign), ref(taken), unknown, { ...ref(fresh), name: 'renamed.txt' }, { ...ref(fresh), size: 99 }]) {
        const e = await code(store.records.create('filesapp', 'docs', { title: 'y', files: [ref(fresh), bad] }, { actor: null }));
        expect(e.code).toBe('RECORD_FILE_INVALID');
        expect(e.details).toEqual([expect.objectContaining({ path: '/data/files' })]);
      }
      expect(await count()).toBe(n);
      expect((await store.files.get(fresh.id))?.recordId).toBeNull();
      expect((await store.files.get(taken.id))?.recordId).toBe(owner.id);
    });

    it('an update keeps, adds and detaches files; fields left out of the patch keep theirs', async () => {
      const a = await upload('a');
      const b = await upload('b');
      const s = await upload('s', { field: 'sig' });
      const r = await store.records.create('filesapp', 'docs', { files: [ref(a)], sig: ref(s) }, { actor: null });
      const u = await store.records.update('filesapp', 'docs', r.id, { version: r.version, data: { files: [ref(b), ref(a)] } }, { actor: null });
      expect((await store.files.get(b.id))?.recordId).toBe(r.id);
      const u2 = await store.records.update('filesapp', 'docs', r.id, { version: u.version, data: { files: [ref(b)] } }, { actor: null });
      expect((await store.files.get(a.id))?.recordId).toBeNull();
      expect((await store.files.get(s.id))?.recordId).toBe(r.id);
      await store.records.update('filesapp', 'docs', r.id, { version: u2.version, data: { files: null, sig: null } }, { actor: null });
      expect((await store.files.get(b.id))?.recordId).toBeNull();
      expect((await store.files.get(s.id))?.recordId).toBeNull();
      // a stale update attaches nothing
      const c = await upload('c');
      const e = await code(store.records.update('filesapp', 'docs', r.id, { version: r.version, data: { files: [ref(c)] } }, { actor: null }));
      expect(e.code).toBe('RECORD_VERSION_CONFLICT');
      expect((await store.files.get(c.id))?.recordId).toBeNull();
    });

    it('cleanup removes unattached files older than 24 hours, rows and bytes, and keeps attached ones', async () => {
      const loose = await upload('loose');
      const kept = await upload('kept');
      await store.records.create('filesapp', 'docs', { files: [ref(kept)] }, { actor: null });
      expect((await store.files.cleanup()).removed).toBe(0);
      const { removed } = await store.files.cleanup({ now: new Date(Date.now() + 25 * 3600 * 1000) });
      expect(removed).toBeGreaterThanOrEqual(1);
      expect(await store.files.get(loose.id)).toBeUndefined();
      expect(await store.files.read(loose.id)).toBeUndefined();
      expect(await text(await store.files.read(kept.id))).toBe('kept');
    });
  });
}

describe('file names', () => {
  it('keeps the last path segment without control characters or quotes', () => {
    expect(cleanFileName('C:\\Users\\张三\\报告.pdf')).toBe('报告.pdf');
    expect(cleanFileName('a\u0000b"c\n.txt')).toBe('abc.txt');
    expect(cleanFileName('../..')).toBe('file');
    expect(cleanFileName('x'.repeat(300)).length).toBe(255);
  });
});
