/**
 * `pnpm bench`: runs every benchmark one after the other and prints their ratios.
 * Benchmarks report; they never fail the build. Pass names to run a subset:
 * `pnpm bench conditions first-page`; `--duration N` shortens the HTTP runs.
 */
import { main as conditions } from './conditions.js';
import { main as firstPage } from './first-page.js';
import { main as formSubmit } from './form-submit.js';
import { main as formRender } from './form-render.js';
import { main as recordApi } from './record-api.js';
import { main as permissionScope } from './permission-scope.js';

const all = {
  conditions: () => conditions(),
  'record-api': () => recordApi(process.argv.slice(2).filter((a) => !(a in all))),
  'first-page': () => firstPage(),
  'form-submit': () => formSubmit(),
  'form-render': () => formRender(process.argv.slice(2).filter((a) => !(a in all))),
  'permission-scope': () => permissionScope(),
} as const;

const wanted = process.argv.slice(2).filter((a): a is keyof typeof all => a in all);
for (const name of wanted.length > 0 ? wanted : (Object.keys(all) as (keyof typeof all)[])) {
  console.log(`\n=== bench: ${name} ===`);
  try {
    await all[name]();
  } catch (error) {
    console.error(`bench ${name} failed:`, error);
    process.exitCode = 1;
  }
}
