import { sql } from 'kysely';
import { it } from 'vitest';
import { openTestStore } from '../src/index.js';
import { field, form, pkg, testCatalog } from './fixtures.js';

it('perf', async () => {
  const store = await openTestStore('postgres', testCatalog);
  try {
    await store.apps.publish(pkg('bench', [form('customer', [field('name', 'text'), field('industry', 'text'), field('employees', 'number')])]), { actor: null });
    let t = performance.now();
    await sql`insert into app_bench.customer (created_at, updated_at, name, industry, employees)
      select timestamptz '2026-01-01' - g * interval '7 seconds', timestamptz '2026-01-01', 'Customer ' || g, (array['a','b','c','d','e','f','g','h'])[1 + g % 8], g % 5000 from generate_series(1, 1000000) g`.execute(store.db);
    await sql`analyze app_bench.customer`.execute(store.db);
    console.log('load', performance.now() - t);
    const run = () => store.records.list('bench', 'customer', { q: 'Customer 12', limit: 50 });
    const run2 = () => store.records.list('bench', 'customer', { limit: 50 });
    for (const [name, f] of [['q', run], ['plain', run2]] as const) {
      for (let i = 0; i < 10; i++) await f();
      const s: number[] = [];
      for (let i = 0; i < 50; i++) { t = performance.now(); await f(); s.push(performance.now() - t); }
      s.sort((a, b) => a - b);
      const r = await f();
      console.log(name, 'median', s[25], 'total', r.total, r.totalExact);
    }
  } finally {
    await store.close();
  }
}, 300_000);
