/** Codes of formula problems (`FormulaError.code`); clients may switch on them. */
export type FormulaErrorCode =
  | 'FORMULA_EMPTY'
  | 'FORMULA_TOO_LONG'
  | 'FORMULA_TOO_DEEP'
  | 'FORMULA_SYNTAX'
  | 'FORMULA_UNKNOWN_FUNCTION'
  | 'FORMULA_UNKNOWN_FIELD'
  | 'FORMULA_UNKNOWN_COLUMN'
  | 'FORMULA_NOT_A_TABLE'
  | 'FORMULA_ARGUMENTS'
  | 'FORMULA_ARGUMENT_VALUE'
  | 'FORMULA_TYPE'
  | 'FORMULA_CYCLE'
  | 'FORMULA_RESULT_TYPE';

type Params = { readonly [name: string]: string | number };
type Template = (p: Params) => string;

const s = (v: string | number | undefined) => String(v ?? '');
const count = (p: Params, zh: boolean) => {
  const min = Number(p['min']);
  const max = Number(p['max']);
  if (min === max) return zh ? `${min} 个` : `${min}`;
  if (max < 0) return zh ? `至少 ${min} 个` : `at least ${min}`;
  return zh ? `${min} 到 ${max} 个` : `${min} to ${max}`;
};

const MESSAGES: Record<'zh-CN' | 'en', Record<FormulaErrorCode, Template>> = {
  'zh-CN': {
    FORMULA_EMPTY: () => '公式为空，请输入公式',
    FORMULA_TOO_LONG: () => '公式太长（最多 2000 个字符），请拆分为几个公式字段',
    FORMULA_TOO_DEEP: () => '公式嵌套太深（最多 32 层），请简化或拆分',
    FORMULA_SYNTAX: (p) => `此处应为${zhExpected(s(p['expected']))}，却是「${zhFound(s(p['found']))}」`,
    FORMULA_UNKNOWN_FUNCTION: (p) => `没有函数 ${s(p['name'])}，请从函数列表中选择`,
    FORMULA_UNKNOWN_FIELD: (p) => `没有字段「${s(p['name'])}」${p['known'] ? `；可用字段：${s(p['known'])}` : ''}`,
    FORMULA_UNKNOWN_COLUMN: (p) => `子表单「${s(p['name'])}」没有列「${s(p['column'])}」；可用的列：${s(p['known'])}`,
    FORMULA_NOT_A_TABLE: (p) => `「${s(p['name'])}」不是子表单，不能写「${s(p['name'])}.${s(p['column'])}」`,
    FORMULA_ARGUMENTS: (p) => `${s(p['name'])} 需要 ${count(p, true)}参数，写了 ${s(p['found'])} 个：${s(p['signature'])}`,
    FORMULA_ARGUMENT_VALUE: (p) => `${s(p['name'])} 的这个参数应为 ${s(p['expected'])}`,
    FORMULA_TYPE: (p) => `类型不匹配：${s(p['detail'])}`,
    FORMULA_CYCLE: (p) => `公式循环引用：${s(p['cycle'])}，请去掉其中一个引用`,
    FORMULA_RESULT_TYPE: (p) => `公式的结果是${zhType(s(p['type']))}，与结果类型「${zhType(s(p['expected']))}」不符`,
  },
  en: {
    FORMULA_EMPTY: () => 'the formula is empty; write one',
    FORMULA_TOO_LONG: () => 'the formula is too long (at most 2000 characters); split it into several formula fields',
    FORMULA_TOO_DEEP: () => 'the formula nests too deeply (at most 32 levels); simplify or split it',
    FORMULA_SYNTAX: (p) => `expected ${s(p['expected'])} here, found ${s(p['found'])}`,
    FORMULA_UNKNOWN_FUNCTION: (p) => `there is no function ${s(p['name'])}; pick one from the function list`,
    FORMULA_UNKNOWN_FIELD: (p) => `there is no field '${s(p['name'])}'${p['known'] ? `; the fields are: ${s(p['known'])}` : ''}`,
    FORMULA_UNKNOWN_COLUMN: (p) => `sub-table '${s(p['name'])}' has no column '${s(p['column'])}'; its columns are: ${s(p['known'])}`,
    FORMULA_NOT_A_TABLE: (p) => `'${s(p['name'])}' is not a sub-table, so '${s(p['name'])}.${s(p['column'])}' names nothing`,
    FORMULA_ARGUMENTS: (p) => `${s(p['name'])} takes ${count(p, false)} argument${p['min'] === 1 && p['max'] === 1 ? '' : 's'}, found ${s(p['found'])}: ${s(p['signature'])}`,
    FORMULA_ARGUMENT_VALUE: (p) => `this argument of ${s(p['name'])} must be ${s(p['expected'])}`,
    FORMULA_TYPE: (p) => `types do not fit: ${s(p['detail'])}`,
    FORMULA_CYCLE: (p) => `the formulas refer to each other in a circle: ${s(p['cycle'])}; remove one of the references`,
    FORMULA_RESULT_TYPE: (p) => `the formula gives ${s(p['type'])}, which does not fit the result type '${s(p['expected'])}'`,
  },
};

const ZH_TYPES: Readonly<Record<string, string>> = {
  number: '数字', text: '文本', date: '日期', datetime: '日期时间', boolean: '是/否', json: 'JSON', text_list: '文本列表', uuid: 'ID', list: '列表', any: '任意值',
};
const zhType = (t: string) => ZH_TYPES[t] ?? t;
const zhFound = (f: string) => (f === 'end of formula' ? '公式结尾' : f === 'a text' ? '一段文本' : f);
function zhExpected(e: string): string {
  if (e.startsWith('closing quote')) return `结束引号 ${e.slice('closing quote '.length)}`;
  const map: Record<string, string> = {
    "')'": '「)」',
    "',' or ')'": '「,」或「)」',
    'a value (number, "text", field or function)': '一个值（数字、"文本"、字段或函数）',
    'an operator or the end of the formula': '运算符或公式结尾',
    'a value, an operator or a function': '值、运算符或函数',
    'a field name after the dot': '点号后的字段名',
  };
  return map[e] ?? e;
}

/**
 * The message of a formula problem in `locale` (`zh-CN`, the default, or `en`), prefixed by
 * nothing: show it under the formula editor, the position marks where.
 *
 * @example
 * formulaMessage({ code: 'FORMULA_UNKNOWN_FUNCTION', params: { name: 'SUMM' } }, 'zh-CN'); // '没有函数 SUMM，请从函数列表中选择'
 */
export function formulaMessage(error: { readonly code: FormulaErrorCode; readonly params: Params }, locale?: string): string {
  const loc = locale !== undefined && locale.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  return MESSAGES[loc][error.code](error.params);
}
