import { validateApp } from '@trellis/forms';
import type { AppPackage } from '@trellis/schema';

/**
 * The problems of a draft (the same checks as publishing: schema, keys, reserved words,
 * duplicates, type options), by JSON path. Used to show key and option problems live.
 *
 * @example draftProblems(pkg).get('/forms/0/fields/2/key') // ["must match …"]
 */
export function draftProblems(pkg: AppPackage): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const result = validateApp(pkg);
  if (result.ok) return out;
  for (const e of result.errors) out.set(e.path, [...(out.get(e.path) ?? []), e.message]);
  return out;
}

/** The problems at `prefix` or below it. */
export function problemsUnder(problems: ReadonlyMap<string, readonly string[]>, prefix: string): string[] {
  const out: string[] = [];
  for (const [path, messages] of problems) if (path === prefix || path.startsWith(`${prefix}/`)) out.push(...messages);
  return out;
}
