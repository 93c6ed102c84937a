import type { ValueType } from '@trellis/schema';
import { FORMULA_FUNCTIONS, OPERATOR_DISPLAY, isProblem, type FormulaArg } from './formula-functions.js';
import { formulaMessage, type FormulaErrorCode } from './formula-messages.js';
import { parseFormulaSyntax, type FormulaAst, type Span } from './formula-syntax.js';
import type { OperatorRegistry } from './operator.js';
import { operators } from './operators/index.js';
import { parseRule } from './parse-rule.js';
import type { ExprType, VarSchema } from './types.js';

/**
 * The fields a formula may name: a `VarSchema` whose json entries may declare `columns` — the
 * columns of a sub-table field, so `items.amount` is checked (and means the list of that column
 * over the rows).
 *
 * @example
 * const vars: FormulaVars = { price: { type: 'number' }, items: { type: 'json', columns: { amount: { type: 'number' } } } };
 */
export type FormulaVars = Readonly<
  Record<string, { readonly type: ValueType; readonly column?: string; readonly columns?: Readonly<Record<string, { readonly type: ValueType }>> }>
>;

/** One problem of a formula: where (0-based character index and end) and what, with an English message. */
export interface FormulaError {
  readonly code: FormulaErrorCode;
  /** Index of the first character of the problem in the text (0 = the first character). */
  readonly position: number;
  readonly end: number;
  /** The problem in English; `formulaMessage(error, 'zh-CN')` gives it in Chinese. */
  readonly message: string;
  readonly params: { readonly [name: string]: string | number };
}

/** The result of `parseFormula`. */
export type ParsedFormula =
  | {
      readonly ok: true;
      /** The formula as json-logic, ready for `compileJs` (and `compileSql` where its operators have SQL). */
      readonly rule: unknown;
      /** The static type of its value (`any` when it depends on untyped fields). */
      readonly type: ExprType;
      /** The record fields it reads (first segment of each reference), in order of appearance, once each. */
      readonly refs: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly FormulaError[] };

const BINARY: Readonly<Record<string, string>> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '^': 'power', '&': 'cat',
  '=': '==', '==': '==', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=',
};

function error(code: FormulaErrorCode, span: Span, params: FormulaError['params'] = {}): FormulaError {
  const e = { code, position: span.start, end: Math.max(span.end, span.start), params };
  return { ...e, message: formulaMessage(e, 'en') };
}

/**
 * Translates formula text (spreadsheet style: `IF(amount > 500000, "A", "B")`, `price * qty`,
 * `SUM(items.amount)`, `DATEDIF(signed_on, TODAY(), "D")`) into json-logic, checking it
 * against the fields in `vars` (every reference must name one; types must fit the
 * functions). Errors carry the character position. Never throws.
 *
 * @example
 * const r = parseFormula('price * qty', { price: { type: 'number' }, qty: { type: 'number' } });
 * if (r.ok) compileJs(r.rule, vars)({ price: 2.5, qty: 4 }); // 10
 * parseFormula('SUM(price', vars); // { ok: false, errors: [{ code: 'FORMULA_SYNTAX', position: 9, … }] }
 */
export function parseFormula(text: string, vars?: FormulaVars, registry: OperatorRegistry = operators): ParsedFormula {
  const syntax = parseFormulaSyntax(text);
  if ('problem' in syntax) {
    const p = syntax.problem;
    return { ok: false, errors: [error(p.code, p, { found: p.found ?? '', expected: p.expected ?? '' })] };
  }
  const errors: FormulaError[] = [];
  const spans = new Map<string, Span>();
  const refs = new Set<string>();

  const emit = (node: FormulaAst, path: string): FormulaArg => {
    spans.set(path, node);
    switch (node.k) {
      case 'num':
      case 'bool':
        return { rule: node.v, listy: false };
      case 'str':
        return { rule: node.v, listy: false, literal: node.v };
      case 'neg': {
        if (node.x.k === 'num') return { rule: -node.x.v, listy: false };
        return { rule: { '-': [emit(node.x, `${path}/-/0`).rule] }, listy: false };
      }
      case 'bin': {
        const name = BINARY[node.op]!;
        if (name === 'cat') {
          // a & b & c → one cat
          const parts: FormulaAst[] = [];
          const flatten = (n: FormulaAst): void => {
            if (n.k === 'bin' && n.op === '&') {
              flatten(n.l);
              flatten(n.r);
            } else parts.push(n);
          };
          flatten(node);
          return { rule: { cat: parts.map((p, i) => emit(p, `${path}/cat/${i}`).rule) }, listy: false };
        }
        const l = emit(node.l, `${path}/${escape(name)}/0`);
        const r = emit(node.r, `${path}/${escape(name)}/1`);
        return { rule: { [name]: [l.rule, r.rule] }, listy: false };
      }
      case 'ref':
        return emitRef(node, path);
      case 'call': {
        const fn = FORMULA_FUNCTIONS.get(node.name.toUpperCase());
        if (!fn) {
          errors.push(error('FORMULA_UNKNOWN_FUNCTION', { start: node.start, end: node.nameEnd }, { name: node.name }));
          return { rule: null, listy: false };
        }
        if (node.args.length < fn.min || node.args.length > fn.max) {
          errors.push(
            error('FORMULA_ARGUMENTS', { start: node.start, end: node.end }, {
              name: fn.name,
              min: fn.min,
              max: fn.max === Infinity ? -1 : fn.max,
              found: node.args.length,
              signature: fn.signature,
            }),
          );
          return { rule: null, listy: false };
        }
        // paths follow the translation for plain operators; other shapes map back by prefix
        const probe = fn.build(node.args.map(() => ({ rule: null, listy: false })));
        const opKey = probe !== null && typeof probe === 'object' && !isProblem(probe) ? Object.keys(probe)[0] : undefined;
        const args = node.args.map((a, i) => emit(a, opKey && fn.name !== 'SWITCH' ? `${path}/${escape(opKey)}/${i}` : `${path}/~arg${i}`));
        const built = fn.build(args);
        if (isProblem(built)) {
          const a = node.args[built.arg]!;
          errors.push(error('FORMULA_ARGUMENT_VALUE', a, { name: fn.name, expected: built.expected }));
          return { rule: null, listy: false };
        }
        return { rule: built, listy: false };
      }
    }
  };

  const emitRef = (node: FormulaAst & { k: 'ref' }, path: string): FormulaArg => {
    const name = node.name;
    if (name.startsWith('$')) {
      if (name === '$now' || /^\$user\.[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { rule: { var: name }, listy: false };
      errors.push(error('FORMULA_UNKNOWN_FIELD', node, { name, known: '$now, $user.id' }));
      return { rule: null, listy: false };
    }
    const [key, ...sub] = name.split('.') as [string, ...string[]];
    const def = vars ? (Object.hasOwn(vars, key) ? vars[key] : undefined) : undefined;
    if (vars && !def) {
      const known = Object.keys(vars).filter((k) => !SYSTEM_KEYS.has(k));
      errors.push(error('FORMULA_UNKNOWN_FIELD', { start: node.start, end: node.start + key.length }, { name: key, known: known.slice(0, 20).join(', ') + (known.length > 20 ? ', …' : '') }));
      return { rule: null, listy: false };
    }
    refs.add(key);
    if (sub.length === 0) return { rule: { var: key }, listy: !def || def.type === 'json' };
    if (def && def.columns) {
      const col = sub[0]!;
      if (sub.length > 1 || !Object.hasOwn(def.columns, col)) {
        errors.push(error('FORMULA_UNKNOWN_COLUMN', node, { name: key, column: sub.join('.'), known: Object.keys(def.columns).join(', ') }));
        return { rule: null, listy: false };
      }
      spans.set(`${path}/pluck/0`, node);
      return { rule: { pluck: [{ var: key }, col] }, listy: true };
    }
    if (def && def.type !== 'json') {
      errors.push(error('FORMULA_NOT_A_TABLE', node, { name: key, column: sub.join('.') }));
      return { rule: null, listy: false };
    }
    // a json field without declared columns: deeper paths read inside it; one segment may be a
    // sub-table column as well as an object property, which `pluck` reads both ways
    if (def && sub.length > 1) return { rule: { var: name }, listy: true };
    spans.set(`${path}/pluck/0`, node);
    return { rule: { pluck: [{ var: key }, sub.join('.')] }, listy: true };
  };

  const root = emit(syntax.ast, '');
  if (errors.length > 0) return { ok: false, errors };
  const checked = parseRule(root.rule, registry, vars);
  if (!checked.node) {
    const typeErrors = checked.errors.map((e) => {
      const span = spanOf(spans, e.path) ?? { start: 0, end: text.length };
      return error('FORMULA_TYPE', span, { detail: displayNames(e.message) });
    });
    return { ok: false, errors: dedupe(typeErrors) };
  }
  return { ok: true, rule: root.rule, type: checked.node.type, refs: [...refs] };
}

const SYSTEM_KEYS = new Set(['id', 'version', 'created_at', 'updated_at', 'deleted_at', 'created_by', 'updated_by', 'deleted_by', 'owner_id', 'dept_id']);

function escape(seg: string): string {
  return seg.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The span recorded at the longest prefix of a JSON pointer. */
function spanOf(spans: ReadonlyMap<string, Span>, path: string): Span | undefined {
  let p = path;
  for (;;) {
    const s = spans.get(p);
    if (s) return s;
    if (p === '') return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/** Type messages name json-logic operators; name the formula functions instead. */
function displayNames(message: string): string {
  return message
    .replace(/'([A-Za-z!]+)'/g, (m, name: string) => {
      const d = OPERATOR_DISPLAY.get(name);
      return d ? d : m;
    })
    .replace(/\bvariable\b/g, 'field')
    .replace(/\bvariables\b/g, 'fields');
}

function dedupe(errors: readonly FormulaError[]): FormulaError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.position}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
