import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import { DIALECTS, openTestStore, type DialectName, type Store } from '@trellis/store';
import { canReadFile, contentDisposition, FormResolver, type FastifyInstance } from '../src/index.js';
import { login, openServer, withSession } from './fixtures.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
const PDF = Buffer.from('%PDF-1.4\n' + 'x'.repeat(500));

function filesPackage(): any {
  return {
    schemaVersion: 1,
    app: { key: 'docs', name: 'Docs' },
    forms: [
      {
        key: 'contract',
        name: { 'zh-CN': '合同', en: 'Contract' },
        fields: [
          { id: 'f_title', key: 'title', type: 'text', label: 'Title' },
          { id: 'f_files', key: 'files', type: 'attachment', label: { 'zh-CN': '附件', en: 'Files' }, options: { maxSize: 1000, maxFiles: 3 } },
          { id: 'f_pdfs', key: 'pdfs', type: 'attachment', label: 'PDFs', options: { accept: ['.pdf', 'application/pdf'] } },
          { id: 'f_photos', key: 'photos', type: 'image', label: 'Photos' },
          { id: 'f_sig', key: 'sig', type: 'signature', label: 'Signature' },
        ],
      },
    ],
  };
}

/** A multipart body with one file part. */
function multipart(name: string, type: string, content: Buffer, part = 'file') {
  const boundary = `----trellis${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${part}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const RECORDS = '/api/apps/docs/forms/contract/records';
const uploadUrl = (field: string) => `/api/apps/docs/forms/contract/fields/${field}/files`;

async function open(dialect: DialectName) {
  const ctx = await openServer(dialect, { publicForms: { rateLimit: { max: 3, windowMs: 60_000 } } });
  const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: filesPackage() });
  expect(res.statusCode, res.body).toBe(201);
  return ctx;
}

describe.each(DIALECTS)('files API on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  let readerApp: FastifyInstance | undefined;
  /** Another administrator than the uploader (the admin of `ctx.app`). */
  const reader = async () => {
    if (readerApp === undefined) {
      await ctx.app.inject({ method: 'POST', url: '/api/users', payload: { username: 'reader', displayName: 'Reader', password: 'reader-password', isAdmin: true } });
      readerApp = withSession(ctx.anonymous, await login(ctx.anonymous, 'reader', 'reader-password'));
    }
    return readerApp;
  };
  const upload = (field: string, name: string, type: string, content: Buffer, url = uploadUrl(field)) =>
    ctx.app.inject({ method: 'POST', url, ...multipart(name, type, content) });
  const fileCount = async () => Number((await ctx.store.db.selectFrom('trellis.files' as never).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as { n: unknown }).n);

  beforeAll(async () => {
    ctx = await open(dialect);
  });
  afterAll(async () => ctx?.close());

  it('uploads a file, attaches it on save, and serves it to readers of the record with safe headers', async () => {
    const up = await upload('files', '合同 v2.txt', 'text/plain', Buffer.from('第一版'));
    expect(up.statusCode, up.body).toBe(201);
    const ref = up.json();
    expect(ref).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: '合同 v2.txt', size: Buffer.byteLength('第一版'), type: 'text/plain' });

    // unattached: nobody anonymous may read it, nor another user than the uploader
    expect((await ctx.anonymous.inject(`/api/files/${ref.id}`)).statusCode).toBe(401);
    expect((await (await reader()).inject(`/api/files/${ref.id}`)).statusCode).toBe(404);

    const created = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { title: 'A', files: [ref] } } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().data.files).toEqual([ref]);

    const dl = await ctx.app.inject(`/api/files/${ref.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toBe('第一版');
    expect(dl.headers['content-type']).toBe('text/plain');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="__ v2.txt"; filename*=UTF-8''${encodeURIComponent('合同 v2.txt')}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toBe('sandbox');
  });

  it('enforces the field size limit while streaming (413) and keeps nothing', async () => {
    const before = await fileCount();
    const res = await upload('files', 'big.bin', 'application/octet-stream', randomBytes(1001));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    expect(res.json().error.message).toContain('1000 B');
    expect(await fileCount()).toBe(before);
    expect((await upload('files', 'ok.bin', 'application/octet-stream', randomBytes(1000))).statusCode).toBe(201);
  });

  it('refuses an SVG or HTML page disguised as a PNG for an image field (415), and serves real images inline', async () => {
    const before = await fileCount();
    for (const [name, bytes] of [['x.png', SVG], ['y.png', HTML], ['z.svg', SVG]] as const) {
      const res = await upload('photos', name, 'image/png', bytes);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    expect(await fileCount()).toBe(before);

    const png = await upload('photos', 'photo.jpg', 'image/jpeg', PNG);
    expect(png.statusCode).toBe(201);
    expect(png.json().type).toBe('image/png'); // the bytes decide, not the name or the declared type
    const sig = (await upload('sig', 'signature.png', 'image/png', PNG)).json();
    const created = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { photos: [png.json()], sig } } });
    expect(created.statusCode, created.body).toBe(201);
    const dl = await ctx.app.inject(`/api/files/${png.json().id}`);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['content-disposition']).toMatch(/^inline; /);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    expect((await ctx.app.inject(`/api/files/${png.json().id}?download=true`)).headers['content-disposition']).toMatch(/^attachment; /);
  });

  it('an attachment that claims to be an image but is not is stored as opaque data, never shown inline', async () => {
    const res = await upload('files', 'evil.svg', 'image/svg+xml', SVG.subarray(0, 900));
    expect(res.statusCode).toBe(201);
    expect(res.json().type).toBe('application/octet-stream');
  });

  it('streams uploads larger than the JSON body limit (1 MiB) up to the field limit', async () => {
    const big = Buffer.concat([PDF, randomBytes(2 * 1024 * 1024)]);
    const res = await upload('pdfs', 'big.pdf', 'application/pdf', big);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().size).toBe(big.length);
    const dl = await ctx.store.files.read(res.json().id);
    let n = 0;
    for await (const c of dl!) n += (c as Buffer).length;
    expect(n).toBe(big.length);
  });

  it('serves an uploaded HTML page as an opaque download, never as a page', async () => {
    const up = (await upload('files', 'page.html', 'text/html', HTML)).json();
    expect(up.type).toBe('text/html');
    await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { files: [up] } } });
    const dl = await ctx.app.inject(`/api/files/${up.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/octet-stream');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="page.html"/);
    expect(dl.headers['content-security-policy']).toBe('sandbox');
  });

  it('checks the accept list of an attachment field', async () => {
    expect((await upload('pdfs', 'tool.exe', 'application/x-msdownload', Buffer.from('MZ'))).statusCode).toBe(415);
    expect((await upload('pdfs', 'scan.PDF', 'application/octet-stream', PDF)).statusCode).toBe(201);
  });

  it('refuses a record naming a file of another field or an unknown file, with 400 naming /data/<key>', async () => {
    const photo = (await upload('photos', 'p.png', 'image/png', PNG)).json();
    const res = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { title: 'B', files: [{ ...photo }] } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('RECORD_FILE_INVALID');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/data/files']);
    expect(res.json().error.details[0].message).toBe('文件「p.png」不是上传到此字段的文件，或已属于其他记录，请重新上传');
    const en = await ctx.app.inject({ method: 'POST', url: RECORDS, headers: { 'accept-language': 'en-US' }, payload: { data: { files: [photo] } } });
    expect(en.json().error.details[0].message).toBe("file 'p.png' was not uploaded to this field or belongs to another record; upload it again");
    const ghost = { id: '00000000-0000-4000-8000-000000000001', name: 'a.txt', size: 1, type: 'text/plain' };
    const res2 = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { files: [ghost] } } });
    expect(res2.json().error.details[0].path).toBe('/data/files');
  });

  it('a file of a deleted record answers 404, and again 200 once the record is restored; dropped files 404', async () => {
    const a = (await upload('files', 'a.txt', 'text/plain', Buffer.from('a'))).json();
    const b = (await upload('files', 'b.txt', 'text/plain', Buffer.from('b'))).json();
    const rec = (await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { files: [a, b] } } })).json();
    expect((await ctx.app.inject(`/api/files/${a.id}`)).statusCode).toBe(200);
    const patched = await ctx.app.inject({ method: 'PATCH', url: `${RECORDS}/${rec.id}`, payload: { version: rec.version, data: { files: [b] } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await (await reader()).inject(`/api/files/${a.id}`)).statusCode).toBe(404);
    expect((await ctx.app.inject(`/api/files/${b.id}`)).statusCode).toBe(200);
    await ctx.app.inject({ method: 'DELETE', url: `${RECORDS}/${rec.id}` });
    const gone = await ctx.app.inject(`/api/files/${b.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('FILE_NOT_FOUND');
    await ctx.app.inject({ method: 'POST', url: `${RECORDS}/${rec.id}/restore` });
    expect((await ctx.app.inject(`/api/files/${b.id}`)).statusCode).toBe(200);
    expect((await ctx.app.inject('/api/files/not-a-uuid')).statusCode).toBe(404);
    expect((await ctx.app.inject('/api/files/00000000-0000-4000-8000-000000000002')).statusCode).toBe(404);
  });

  it('unattached files are readable by their uploader only', async () => {
    const file = await ctx.store.files.upload({ app: 'docs', form: 'contract', fieldId: 'f_files', name: 'mine.txt', type: 'text/plain', createdBy: 'u1' }, [Buffer.from('x')], { maxBytes: 10 });
    const resolver = new FormResolver(ctx.store);
    expect(await canReadFile(ctx.store, resolver, { id: 'u1' }, file)).toBe(true);
    expect(await canReadFile(ctx.store, resolver, { id: 'u2' }, file)).toBe(false);
    expect(await canReadFile(ctx.store, resolver, null, file)).toBe(false);
  });

  it('refuses uploads to unknown or non-file fields (404) and bodies that are not one file part (400)', async () => {
    expect((await upload('title', 'a.txt', 'text/plain', Buffer.from('a'))).json().error.code).toBe('FILE_FIELD_NOT_FOUND');
    expect((await upload('nope', 'a.txt', 'text/plain', Buffer.from('a'))).statusCode).toBe(404);
    const json = await ctx.app.inject({ method: 'POST', url: uploadUrl('files'), payload: { a: 1 } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('FILE_UPLOAD_INVALID');
    const wrongPart = await ctx.app.inject({ method: 'POST', url: uploadUrl('files'), ...multipart('a.txt', 'text/plain', Buffer.from('a'), 'other') });
    expect(wrongPart.json().error.code).toBe('FILE_UPLOAD_INVALID');
  });

  it('public forms take anonymous uploads for shown file fields only, rate limited, and attach them on submission', async () => {
    const link = (await ctx.app.inject({ method: 'POST', url: '/api/apps/docs/forms/contract/public-links', payload: { fields: ['title', 'files'] } })).json();
    const url = (field: string) => `/api/public/forms/${link.token}/fields/${field}/files`;
    const ip = '198.51.100.9';
    const up = await ctx.app.inject({ method: 'POST', url: url('files'), remoteAddress: ip, ...multipart('cv.txt', 'text/plain', Buffer.from('cv')) });
    expect(up.statusCode, up.body).toBe(201);
    const hidden = await ctx.app.inject({ method: 'POST', url: url('photos'), remoteAddress: ip, ...multipart('p.png', 'image/png', PNG) });
    expect(hidden.statusCode).toBe(404);
    const limited = await ctx.app.inject({ method: 'POST', url: url('files'), remoteAddress: ip, ...multipart('x.txt', 'text/plain', Buffer.from('x')) });
    const limited2 = await ctx.app.inject({ method: 'POST', url: url('files'), remoteAddress: ip, ...multipart('x.txt', 'text/plain', Buffer.from('x')) });
    expect([limited.statusCode, limited2.statusCode]).toContain(429);
    const sent = await ctx.app.inject({ method: 'POST', url: `/api/public/forms/${link.token}/submissions`, remoteAddress: '198.51.100.10', payload: { data: { title: 'CV', files: [up.json()] } } });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await ctx.app.inject(`/api/files/${up.json().id}`)).statusCode).toBe(200);

    await ctx.app.inject({ method: 'PATCH', url: `/api/apps/docs/forms/contract/public-links/${link.id}`, payload: { enabled: false } });
    const off = await ctx.app.inject({ method: 'POST', url: url('files'), remoteAddress: '198.51.100.11', ...multipart('x.txt', 'text/plain', Buffer.from('x')) });
    expect(off.statusCode).toBe(404);
    expect(off.json().error.code).toBe('PUBLIC_FORM_NOT_FOUND');
  });
});

describe('content disposition', () => {
  it('gives an ASCII fallback and the exact name as RFC 5987 filename*', () => {
    expect(contentDisposition('inline', 'a.png')).toBe(`inline; filename="a.png"; filename*=UTF-8''a.png`);
    expect(contentDisposition('attachment', 'x"y\\z%.txt')).toBe(`attachment; filename="x_y_z_.txt"; filename*=UTF-8''x%22y%5Cz%25.txt`);
    expect(contentDisposition('attachment', "it's (1).pdf")).toBe(`attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`);
  });
});
