import { describe, expect, it } from 'vitest';
import type { AppPackage, FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from '../compile-form.js';
import { fieldTypes } from '../field-types-global.js';
import { validateApp } from '../validate-app.js';
import { acceptAllows, fileExtension, formatFileSize, sniffImageType } from '../file-content.js';
import { fileFieldLimits } from './file-refs.js';

let n = 0;
type Field = Omit<FieldDef, 'id' | 'key' | 'label'> & Partial<FieldDef>;
function formWith(field: Field): FormDef {
  n += 1;
  return { key: `f${n}`, name: 'Files', fields: [{ id: 'f_v', key: 'v', label: { 'zh-CN': '附件', en: 'Files' }, ...field }] };
}
const run = (field: Field, value: unknown, locale = 'en') => compileForm(formWith(field)).process({ v: value }, { mode: 'create', locale });
const valueOf = (field: Field, value: unknown) => {
  const r = run(field, value);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value['v'];
};
const errorOf = (field: Field, value: unknown, locale = 'en') => {
  const r = run(field, value, locale);
  if (r.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
};
const ref = (i = 1, extra: Partial<{ name: string; size: number; type: string }> = {}) => ({
  id: `0000000${i}-aaaa-4bbb-8ccc-${String(i).padStart(12, '0')}`,
  name: 'report.pdf',
  size: 1200,
  type: 'application/pdf',
  ...extra,
});

describe('attachment', () => {
  it('keeps a list of refs, wraps a single ref, drops duplicates and unknown properties', () => {
    expect(valueOf({ type: 'attachment' }, [ref(1), ref(2)])).toEqual([ref(1), ref(2)]);
    expect(valueOf({ type: 'attachment' }, { ...ref(1), url: '/x' })).toEqual([ref(1)]);
    expect(valueOf({ type: 'attachment' }, [ref(1), ref(1)])).toEqual([ref(1)]);
    expect(valueOf({ type: 'attachment' }, { ...ref(1), id: ref(1).id.toUpperCase(), type: 'Application/PDF' })).toEqual([ref(1)]);
    expect(valueOf({ type: 'attachment' }, [])).toBeNull();
  });

  it('refuses refs that do not look like uploaded files', () => {
    expect(errorOf({ type: 'attachment' }, [{ ...ref(1), id: 'not-a-uuid' }]).path).toBe('/data/v');
    expect(errorOf({ type: 'attachment' }, [{ id: ref(1).id, name: 'a.pdf' }]).code).toBe('FIELD_INVALID');
    expect(errorOf({ type: 'attachment' }, ['a.pdf']).code).toBe('FIELD_TYPE');
    expect(errorOf({ type: 'attachment' }, [{ ...ref(1), type: 'pdf' }]).code).toBe('FIELD_PATTERN');
    expect(errorOf({ type: 'attachment' }, [{ ...ref(1), size: -1 }]).code).toBe('FIELD_TOO_SMALL');
  });

  it('enforces maxFiles, maxSize and accept, naming the file', () => {
    expect(errorOf({ type: 'attachment', options: { maxFiles: 1 } }, [ref(1), ref(2)]).code).toBe('FIELD_TOO_MANY');
    expect(errorOf({ type: 'attachment', options: { maxSize: 1000 } }, [ref(1)]).code).toBe('FIELD_TOO_LARGE');
    const e = errorOf({ type: 'attachment', options: { accept: ['.docx', 'image/*'] } }, [ref(1)], 'zh-CN');
    expect(e.message).toContain('report.pdf');
    expect(e.message).toContain('类型不允许');
    expect(valueOf({ type: 'attachment', options: { accept: ['.PDF'] } }, [ref(1)])).toEqual([ref(1)]);
  });

  it('formats as the file names', () => {
    const f = formWith({ type: 'attachment' }).fields[0]!;
    expect(fieldTypes.get('attachment')!.format!([ref(1), ref(2, { name: 'b.png' })], f, 'zh-CN')).toBe('report.pdf、b.png');
  });
});

describe('image', () => {
  it('takes raster images only', () => {
    const png = ref(1, { name: 'a.png', type: 'image/png' });
    expect(valueOf({ type: 'image' }, [png])).toEqual([png]);
    expect(errorOf({ type: 'image' }, [ref(1, { name: 'a.svg', type: 'image/svg+xml' })]).code).toBe('FIELD_PATTERN');
    expect(errorOf({ type: 'image' }, [ref(1)]).code).toBe('FIELD_PATTERN');
  });

  it('refuses an accept option naming SVG or other non-raster types', () => {
    const pkg: AppPackage = { schemaVersion: 1, app: { key: 'a', name: 'A' }, forms: [formWith({ type: 'image', options: { accept: ['image/png', 'image/svg+xml'] } })] };
    const r = validateApp(pkg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('/forms/0/fields/0/options/accept/1');
  });

  it('refuses a maxSize above the server-wide cap and maxFiles above 50', () => {
    for (const options of [{ maxSize: 51 * 1024 * 1024 }, { maxFiles: 51 }, { accept: ['pdf'] }]) {
      const r = validateApp({ schemaVersion: 1, app: { key: 'a', name: 'A' }, forms: [formWith({ type: 'attachment', options })] });
      expect(r.ok).toBe(false);
    }
  });
});

describe('signature', () => {
  it('is one PNG ref or null', () => {
    const sig = ref(1, { name: 'signature.png', type: 'image/png' });
    expect(valueOf({ type: 'signature' }, sig)).toEqual(sig);
    expect(valueOf({ type: 'signature' }, [sig])).toEqual(sig);
    expect(valueOf({ type: 'signature' }, [])).toBeNull();
    expect(errorOf({ type: 'signature' }, [sig, ref(2, { type: 'image/png' })]).code).toBe('FIELD_TYPE');
    expect(errorOf({ type: 'signature' }, ref(1, { type: 'image/jpeg', name: 's.jpg' })).code).toBe('FIELD_PATTERN');
    expect(errorOf({ type: 'signature', required: true }, null).code).toBe('FIELD_REQUIRED');
  });

  it('formats as 已签名', () => {
    const f = formWith({ type: 'signature' }).fields[0]!;
    expect(fieldTypes.get('signature')!.format!(ref(1), f, 'zh-CN')).toBe('已签名');
    expect(fieldTypes.get('signature')!.format!(null, f, 'en')).toBe('');
  });

  it('is a single-ref file field for the store', () => {
    expect(fieldTypes.fileRefs(formWith({ type: 'signature' }).fields[0]!)).toBe('one');
    expect(fieldTypes.fileRefs(formWith({ type: 'image' }).fields[0]!)).toBe('many');
    expect(fieldTypes.fileRefs(formWith({ type: 'text' }).fields[0]!)).toBeUndefined();
  });
});

describe('file content', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const text = (s: string) => new TextEncoder().encode(s);
  it('sniffs PNG, JPEG, GIF and WebP by magic bytes and nothing else', () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(text('GIF89a...'))).toBe('image/gif');
    expect(sniffImageType(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeUndefined();
    expect(sniffImageType(text('<!DOCTYPE html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffImageType(text('RIFF\u0000\u0000\u0000\u0000WAVE'))).toBeUndefined();
    expect(sniffImageType(bytes(0x89, 0x50))).toBeUndefined();
  });

  it('matches accept lists like <input accept>', () => {
    expect(acceptAllows(undefined, 'a.exe', 'application/x-msdownload')).toBe(true);
    expect(acceptAllows(['.pdf', 'image/*'], 'scan.JPG', 'image/jpeg')).toBe(true);
    expect(acceptAllows(['.pdf'], 'a.PDF', 'application/octet-stream')).toBe(true);
    expect(acceptAllows(['application/pdf'], 'a.txt', 'text/plain')).toBe(false);
    expect(fileExtension('archive.tar.gz')).toBe('.gz');
    expect(fileExtension('.bashrc')).toBe('');
  });

  it('limits have defaults and never pass the cap', () => {
    expect(fileFieldLimits({ type: 'image' })).toMatchObject({ maxFiles: 10, maxSize: 10 * 1024 * 1024, imagesOnly: true });
    expect(fileFieldLimits({ type: 'signature' })).toMatchObject({ maxFiles: 1, single: true });
    expect(fileFieldLimits({ type: 'text' })).toBeUndefined();
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 MB');
  });
});
