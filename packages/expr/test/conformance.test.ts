import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCondition, compileJs, truthy, type EvalContext, type VarSchema } from '../src/index.js';
import { compileJsClosures } from '../src/compile-js.js';
import { openTestDb } from './pglite-kysely.js';
import { createRecordTable, insertRecords, selectedIds, sqlValues } from './sql-harness.js';

/**
 * Conformance suites as data: every case of `suites/*.json` runs on the JS backend and on
 * the SQL backend (real PGlite) and must give `result` on both. Cases with `errors` must
 * fail to compile with problems at exactly those paths.
 */
export const SUITE_VARS: VarSchema = {
  n: { type: 'number' },
  m: { type: 'number' },
  s: { type: 'text' },
  t: { type: 'text' },
  b: { type: 'boolean' },
  d: { type: 'date' },
  e: { type: 'date' },
  dt: { type: 'datetime', column: 'dt_col' },
  j: { type: 'json' },
  tags: { type: 'text_list' },
  u: { type: 'uuid' },
};

interface SuiteCase {
  readonly description: string;
  readonly rule: unknown;
  readonly data?: Record<string, unknown>;
  readonly context?: { user?: EvalContext['user']; now?: string };
  readonly result?: unknown;
  readonly errors?: readonly string[];
  /** Operators without SQL (lists of sub-table rows): the case runs on JS only. */
  readonly jsOnly?: boolean;
}

const dir = fileURLToPath(new URL('./suites/', import.meta.url));
const suites = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, cases: JSON.parse(readFileSync(dir + f, 'utf8')) as SuiteCase[] }));

const ctxOf = (c: SuiteCase): EvalContext | undefined =>
  c.context ? { ...(c.context.user ? { user: c.context.user } : {}), ...(c.context.now ? { now: new Date(c.context.now) } : {}) } : undefined;

let db: Kysely<any>;
beforeAll(async () => {
  db = (await openTestDb()).db;
  await createRecordTable(db, SUITE_VARS);
});
afterAll(async () => db?.destroy());

for (const { file, cases } of suites) {
  describe(`suite ${file}`, () => {
    for (const c of cases) {
      if (c.errors) {
        it(`${c.description} (compile error)`, () => {
          expect(checkCondition(c.rule, SUITE_VARS).map((e) => e.path)).toEqual(c.errors);
          expect(() => compileJs(c.rule, SUITE_VARS)).toThrow(expect.objectContaining({ code: 'EXPR_INVALID', status: 400 }));
        });
        continue;
      }
      it(`${c.description} — JS`, () => {
        expect(compileJs(c.rule, SUITE_VARS)(c.data ?? {}, ctxOf(c))).toEqual(c.result);
      });
      it(`${c.description} — JS closures`, () => {
        expect(compileJsClosures(c.rule, SUITE_VARS)(c.data ?? {}, ctxOf(c))).toEqual(c.result);
      });
      if (c.jsOnly) continue;
      it(`${c.description} — SQL`, async () => {
        await insertRecords(db, SUITE_VARS, [c.data ?? {}]);
        expect((await sqlValues(db, c.rule, SUITE_VARS, ctxOf(c)))[0]).toEqual(c.result);
        expect(await selectedIds(db, c.rule, SUITE_VARS, ctxOf(c))).toEqual(truthy(c.result) ? [0] : []);
      });
    }
  });
}
