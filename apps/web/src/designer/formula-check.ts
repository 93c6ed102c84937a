import { formulaMessage, parseFormula } from '@trellis/expr';
import { fieldTypes, formulaVarsOf } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';
import type { AppLocale } from '../i18n/messages.js';

/**
 * The problems of formula text in the designer, in the user's language, each naming its
 * character position (1 = the first): what the editor shows live as the user types.
 * Cycles and result types are checked with the whole draft (the draft problems).
 *
 * @example formulaEditorProblems('SUM(price', form, 'en') // ["character 10: expected ',' or ')' here, found end of formula"]
 */
export function formulaEditorProblems(text: string, form: FormDef, locale: AppLocale): string[] {
  if (text.trim() === '') return [];
  let vars;
  try {
    vars = formulaVarsOf(form, fieldTypes);
  } catch {
    vars = undefined; // a field of an unknown type: check the syntax and functions only
  }
  const r = parseFormula(text, vars);
  if (r.ok) return [];
  return r.errors.map((e) =>
    locale === 'zh-CN' ? `第 ${e.position + 1} 个字符：${formulaMessage(e, 'zh-CN')}` : `character ${e.position + 1}: ${formulaMessage(e, 'en')}`,
  );
}
