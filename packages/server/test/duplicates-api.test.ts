import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '@trellis/store';
import { openServer, RECORDS, salesPackage } from './fixtures.js';

/** The sales app with a unique phone number (a real phone field, so `138-0013-8000` and `13800138000` are one value). */
function uniquePhonePackage(): any {
  const pkg = salesPackage();
  const phone = pkg.forms[0].fields.find((f: { key: string }) => f.key === 'phone');
  phone.type = 'phone';
  phone.label = { 'zh-CN': '手机', en: 'Mobile' };
  phone.options = { unique: true };
  return pkg;
}

describe.each(DIALECTS)('duplicate values through the record API on %s', (dialect) => {
  let ctx: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    ctx = await openServer(dialect);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/apps/import', payload: uniquePhonePackage() });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => ctx?.close());

  it('a duplicate on create is a 409 RECORD_DUPLICATE whose detail names the field by label in the caller\'s language and links the existing record', async () => {
    const first = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { name: 'A', phone: '13800138000' } } });
    expect(first.statusCode).toBe(201);
    const en = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { name: 'B', phone: '+86 138-0013-8000' } }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.statusCode).toBe(409);
    const body = en.json().error;
    expect(body.code).toBe('RECORD_DUPLICATE');
    expect(body.details).toEqual([
      { path: '/data/phone', code: 'FIELD_DUPLICATE', recordId: first.json().id, message: "'Mobile': '13800138000' is already used by another record; enter another value or open that record" },
    ]);
    const zh = await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { name: 'B', phone: '13800138000' } } });
    expect(zh.json().error.details[0].message).toBe('「手机」的值「13800138000」已被另一条记录使用，请换一个值，或打开那条记录');
    expect((await ctx.app.inject(`${RECORDS}?q=B`)).json().total).toBe(0);
  });

  it('a duplicate on update is refused the same way and the record keeps its value', async () => {
    const other = (await ctx.app.inject({ method: 'POST', url: RECORDS, payload: { data: { name: 'C', phone: '13900139000' } } })).json();
    const res = await ctx.app.inject({ method: 'PATCH', url: `${RECORDS}/${other.id}`, payload: { version: other.version, data: { phone: '13800138000' } }, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0]).toMatchObject({ path: '/data/phone', code: 'FIELD_DUPLICATE' });
    expect((await ctx.app.inject(`${RECORDS}/${other.id}`)).json().data.phone).toBe('13900139000');
  });
});
