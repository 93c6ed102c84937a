import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { FieldDef } from '@trellis/schema';
import { fieldWidgets } from '../built-in-widgets.js';
import { CellValue } from '../cell-value.js';
import type { FieldWidgetProps } from '../field-widget.js';
import { FileAccessProvider, type FileAccess } from './file-access.js';
import { acceptAttribute, checkChosenFile } from './file-checks.js';
import { fileText } from './file-messages.js';
import { renderTypedSignature, type SignatureCanvas } from './signature-drawing.js';

const field = (type: string, options?: FieldDef['options']): FieldDef => ({ id: `f_${type}`, key: type, type, label: type, ...(options ? { options } : {}) });
const ref = (name: string, type = 'application/pdf') => ({ id: `0000000${name.length}-aaaa-4bbb-8ccc-000000000001`, name, size: 2048, type });
const access: FileAccess = { upload: async () => ref('x'), url: (r, o) => `/api/files/${r.id}${o?.download ? '?download=true' : ''}` };

function render(f: FieldDef, value: unknown, locale = 'en', withAccess = true): string {
  const Editor = fieldWidgets.get(f.type)!.Editor;
  const props: FieldWidgetProps = { field: f, value, onChange: () => undefined, id: 'field-x', invalid: false, required: false, disabled: false, locale };
  const editor = <Editor {...props} />;
  return renderToStaticMarkup(withAccess ? <FileAccessProvider access={access}>{editor}</FileAccessProvider> : editor);
}

describe('file checks before upload', () => {
  it('refuses files over the size limit and of types accept does not allow, in the user language', () => {
    const f = field('attachment', { maxSize: 1024, accept: ['.pdf'] });
    expect(checkChosenFile(f, { name: 'a.pdf', size: 2048, type: 'application/pdf' }, 'zh-CN')).toBe('「a.pdf」超过了 1 KB 的大小上限');
    expect(checkChosenFile(f, { name: 'a.exe', size: 10, type: 'application/x-msdownload' }, 'en')).toBe("'a.exe' is not an allowed type (allowed: .pdf)");
    expect(checkChosenFile(f, { name: 'a.PDF', size: 10, type: '' }, 'en')).toBeUndefined();
    expect(checkChosenFile(field('attachment'), { name: 'a.bin', size: 10, type: '' }, 'en', 5)).toContain('larger than the limit of 5 B');
  });
  it('image fields take raster images only, never SVG', () => {
    expect(checkChosenFile(field('image'), { name: 'logo.svg', size: 10, type: 'image/svg+xml' }, 'en')).toBe("'logo.svg' is not a PNG, JPEG, GIF or WebP image");
    expect(checkChosenFile(field('image'), { name: 'photo.jpg', size: 10, type: '' }, 'en')).toBeUndefined();
    expect(acceptAttribute(field('image'))).toBe('image/png,image/jpeg,image/gif,image/webp');
    expect(acceptAttribute(field('attachment'))).toBeUndefined();
  });
  it('has every message in both languages', () => {
    expect(fileText('en', 'tooMany', { limit: 3 })).toBe('At most 3 files');
    expect(fileText('zh-CN', 'tooMany', { limit: 3 })).toBe('最多上传 3 个文件');
  });
});

describe('file editors', () => {
  it('attachment lists the files with download links and remove buttons, and a file input with the field key', () => {
    const html = render(field('attachment', { maxFiles: 5 }), [ref('合同.pdf')]);
    expect(html).toContain('href="/api/files/00000006-aaaa-4bbb-8ccc-000000000001?download=true"');
    expect(html).toContain('合同.pdf');
    expect(html).toContain('aria-label="Remove 合同.pdf"');
    expect(html).toContain('id="field-x"');
    expect(html).toContain('type="file"');
    expect(html).toContain('multiple=""');
    expect(html).toContain('Choose files');
  });
  it('image shows thumbnails of stored images', () => {
    const html = render(field('image'), [ref('p.png', 'image/png')], 'zh-CN');
    expect(html).toContain('<img class="tr-file-thumb" src="/api/files/00000005-aaaa-4bbb-8ccc-000000000001"');
    expect(html).toContain('选择图片');
  });
  it('without file access the editor says uploads are unavailable', () => {
    expect(render(field('attachment'), null, 'en', false)).toContain('Files cannot be uploaded here');
  });
  it('signature offers a canvas pad, a name input for keyboard users, clear and confirm', () => {
    const html = render(field('signature'), null, 'zh-CN');
    expect(html).toContain('<canvas');
    expect(html).toContain('aria-label="请在此处签名"');
    expect(html).toContain('placeholder="或输入姓名生成签名"');
    expect(html).toContain('确认签名');
    const signed = render(field('signature'), ref('signature.png', 'image/png'), 'en');
    expect(signed).toContain('alt="Signature"');
    expect(signed).toContain('Sign again');
  });
});

describe('file list cells', () => {
  const cell = (f: FieldDef, value: unknown, locale = 'zh-CN') => renderToStaticMarkup(<FileAccessProvider access={access}><CellValue field={f} value={value} locale={locale} /></FileAccessProvider>);
  it('shows file names, a thumbnail, or 已签名', () => {
    expect(cell(field('attachment'), [ref('a.pdf'), ref('bb.pdf')])).toMatch(/a\.pdf<\/a>.*, .*bb\.pdf<\/a>/);
    const images = cell(field('image'), [ref('p.png', 'image/png'), ref('q.png', 'image/png')]);
    expect(images).toContain('class="tr-cell-thumb"');
    expect(images).toContain('+1');
    expect(cell(field('signature'), ref('s.png', 'image/png'))).toContain('已签名');
    expect(cell(field('signature'), ref('s.png', 'image/png'), 'en')).toContain('Signed');
    expect(cell(field('attachment'), null)).toContain('—');
  });
});

describe('typed signatures', () => {
  it('write the name centred, shrinking the font until it fits', () => {
    const calls: string[] = [];
    const ctx: SignatureCanvas = {
      fillStyle: '', strokeStyle: '', lineWidth: 1, lineCap: 'round', lineJoin: 'round', font: '', textAlign: 'left', textBaseline: 'alphabetic',
      clearRect: () => calls.push('clear'),
      fillRect: () => calls.push('background'),
      fillText: (t, x, y) => calls.push(`text ${t} ${x} ${y}`),
      measureText(t) {
        return { width: t.length * Number(/^(\d+)px/.exec(this.font)![1]) };
      },
    };
    renderTypedSignature(ctx, '  Zhang San Feng  ', 400, 160);
    expect(calls).toEqual(['clear', 'background', 'text Zhang San Feng 200 80']);
    expect(Number(/^(\d+)px/.exec(ctx.font)![1]) * 'Zhang San Feng'.length).toBeLessThanOrEqual(360);
    calls.length = 0;
    renderTypedSignature(ctx, '   ', 400, 160);
    expect(calls).toEqual(['clear', 'background']);
  });
});
