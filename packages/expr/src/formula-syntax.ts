/**
 * The syntax of the formula language: text → tree with character positions. No knowledge
 * of fields or functions here (see parse-formula.ts).
 *
 * Precedence, lowest first: comparison (`= == != <> < <= > >=`), `&`, `+ -`, `* / %`,
 * unary `-`, `^` (right-associative, so `-2^2` is −4), then literals, references,
 * calls and parentheses. Full-width `，（）` and curly quotes “…” ‘…’ (what a Chinese input
 * method types) are accepted like their ASCII forms.
 */

/** Longest formula text accepted (characters). */
export const MAX_FORMULA_LENGTH = 2000;
/** Deepest nesting of parentheses, calls and operators accepted. */
export const MAX_FORMULA_DEPTH = 32;

/** A span of the text: `start` (0-based index of the first character) to `end` (exclusive). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A node of the formula tree. */
export type FormulaAst =
  | (Span & { readonly k: 'num'; readonly v: number })
  | (Span & { readonly k: 'str'; readonly v: string })
  | (Span & { readonly k: 'bool'; readonly v: boolean })
  | (Span & { readonly k: 'ref'; readonly name: string })
  | (Span & { readonly k: 'call'; readonly name: string; readonly nameEnd: number; readonly args: readonly FormulaAst[] })
  | (Span & { readonly k: 'bin'; readonly op: string; readonly opStart: number; readonly l: FormulaAst; readonly r: FormulaAst })
  | (Span & { readonly k: 'neg'; readonly x: FormulaAst });

/** A syntax problem found while reading the text. */
export interface SyntaxProblem {
  readonly code: 'FORMULA_SYNTAX' | 'FORMULA_TOO_LONG' | 'FORMULA_TOO_DEEP' | 'FORMULA_EMPTY';
  readonly start: number;
  readonly end: number;
  /** What was found (`)`, `end of formula`) and, for syntax errors, what was expected. */
  readonly found?: string;
  readonly expected?: string;
}

type Tok =
  | (Span & { t: 'num'; v: number })
  | (Span & { t: 'str'; v: string })
  | (Span & { t: 'id'; v: string })
  | (Span & { t: 'op'; v: string })
  | (Span & { t: 'end'; v: '' });

class FormulaSyntaxError extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.code);
  }
}

const CLOSE_QUOTE: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const FULL_WIDTH: Readonly<Record<string, string>> = { '，': ',', '（': '(', '）': ')' };
const OPS2 = new Set(['==', '!=', '<>', '<=', '>=']);
const OPS1 = new Set(['+', '-', '*', '/', '%', '&', '^', '=', '<', '>', '(', ')', ',']);
const ID_START = /[A-Za-z_$]/;
const ID_PART = /[A-Za-z0-9_.$]/;

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u3000') {
      i++;
      continue;
    }
    const start = i;
    if ((ch >= '0' && ch <= '9') || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i))!;
      i += m[0].length;
      out.push({ t: 'num', v: Number(m[0]), start, end: i });
      continue;
    }
    const close = CLOSE_QUOTE[ch];
    if (close !== undefined) {
      let s = '';
      i++;
      for (;;) {
        if (i >= n) throw new FormulaSyntaxError({ code: 'FORMULA_SYNTAX', start, end: n, found: 'end of formula', expected: `closing quote ${close}` });
        const c = text[i]!;
        if (c === '\\' && i + 1 < n) {
          const e = text[i + 1]!;
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          i += 2;
          continue;
        }
        if (c === close) {
          if (close === ch && text[i + 1] === close && (ch === '"' || ch === "'")) {
            s += c; // "" inside "…" is one quote, as in spreadsheets
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += c;
        i++;
      }
      out.push({ t: 'str', v: s, start, end: i });
      continue;
    }
    if (ID_START.test(ch)) {
      while (i < n && ID_PART.test(text[i]!)) i++;
      out.push({ t: 'id', v: text.slice(start, i), start, end: i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (OPS2.has(two)) {
      out.push({ t: 'op', v: two, start, end: i + 2 });
      i += 2;
      continue;
    }
    const one = FULL_WIDTH[ch] ?? ch;
    if (OPS1.has(one)) {
      out.push({ t: 'op', v: one, start, end: i + 1 });
      i++;
      continue;
    }
    throw new FormulaSyntaxError({ code: 'FORMULA_SYNTAX', start, end: start + 1, found: ch, expected: 'a value, an operator or a function' });
  }
  out.push({ t: 'end', v: '', start: n, end: n });
  return out;
}

const COMPARISON = new Set(['=', '==', '!=', '<>', '<', '<=', '>', '>=']);

/** Reads formula text into a tree, or the first syntax problem. */
export function parseFormulaSyntax(text: string): { ast: FormulaAst } | { problem: SyntaxProblem } {
  if (text.length > MAX_FORMULA_LENGTH) return { problem: { code: 'FORMULA_TOO_LONG', start: MAX_FORMULA_LENGTH, end: text.length } };
  if (text.trim() === '') return { problem: { code: 'FORMULA_EMPTY', start: 0, end: text.length } };
  try {
    const toks = tokenize(text);
    let pos = 0;
    let depth = 0;
    const peek = () => toks[pos]!;
    const describe = (t: Tok) => (t.t === 'end' ? 'end of formula' : t.t === 'str' ? 'a text' : t.t === 'num' ? String(t.v) : t.v);
    const fail = (t: Tok, expected: string): never => {
      throw new FormulaSyntaxError({ code: 'FORMULA_SYNTAX', start: t.start, end: t.end, found: describe(t), expected });
    };
    const enter = (t: Tok) => {
      if (++depth > MAX_FORMULA_DEPTH) throw new FormulaSyntaxError({ code: 'FORMULA_TOO_DEEP', start: t.start, end: t.end });
    };
    const isOp = (t: Tok, ...v: string[]) => t.t === 'op' && v.includes(t.v);

    const binary = (next: () => FormulaAst, ops: (v: string) => boolean): FormulaAst => {
      let l = next();
      for (;;) {
        const t = peek();
        if (t.t !== 'op' || !ops(t.v)) return l;
        pos++;
        enter(t);
        const r = next();
        depth--;
        l = { k: 'bin', op: t.v, opStart: t.start, l, r, start: l.start, end: r.end };
      }
    };
    const comparison = (): FormulaAst => binary(concat, (v) => COMPARISON.has(v));
    const concat = (): FormulaAst => binary(additive, (v) => v === '&');
    const additive = (): FormulaAst => binary(multiplicative, (v) => v === '+' || v === '-');
    const multiplicative = (): FormulaAst => binary(unary, (v) => v === '*' || v === '/' || v === '%');
    const unary = (): FormulaAst => {
      const t = peek();
      if (isOp(t, '-', '+')) {
        pos++;
        enter(t);
        const x = unary();
        depth--;
        return t.v === '+' ? x : { k: 'neg', x, start: t.start, end: x.end };
      }
      return power();
    };
    const power = (): FormulaAst => {
      const base = primary();
      const t = peek();
      if (!isOp(t, '^')) return base;
      pos++;
      enter(t);
      const exp = unary(); // right-associative: 2^3^2 = 2^(3^2); 2^-1 allowed
      depth--;
      return { k: 'bin', op: '^', opStart: t.start, l: base, r: exp, start: base.start, end: exp.end };
    };
    const primary = (): FormulaAst => {
      const t = peek();
      if (t.t === 'num') {
        pos++;
        return { k: 'num', v: t.v, start: t.start, end: t.end };
      }
      if (t.t === 'str') {
        pos++;
        return { k: 'str', v: t.v, start: t.start, end: t.end };
      }
      if (isOp(t, '(')) {
        pos++;
        enter(t);
        const inner = comparison();
        depth--;
        const close = peek();
        if (!isOp(close, ')')) fail(close, "')'");
        pos++;
        return { ...inner, start: t.start, end: close.end } as FormulaAst;
      }
      if (t.t === 'id') {
        pos++;
        const open = peek();
        if (isOp(open, '(')) {
          pos++;
          enter(open);
          const args: FormulaAst[] = [];
          if (!isOp(peek(), ')')) {
            for (;;) {
              args.push(comparison());
              const sep = peek();
              if (isOp(sep, ',')) {
                pos++;
                continue;
              }
              if (isOp(sep, ')')) break;
              fail(sep, "',' or ')'");
            }
          }
          depth--;
          const close = peek();
          pos++;
          return { k: 'call', name: t.v, nameEnd: t.end, args, start: t.start, end: close.end };
        }
        const lower = t.v.toLowerCase();
        if (lower === 'true' || lower === 'false') return { k: 'bool', v: lower === 'true', start: t.start, end: t.end };
        if (t.v.endsWith('.') || t.v.includes('..')) fail(t, 'a field name after the dot');
        return { k: 'ref', name: t.v, start: t.start, end: t.end };
      }
      return fail(t, 'a value (number, "text", field or function)');
    };

    const ast = comparison();
    const rest = peek();
    if (rest.t !== 'end') fail(rest, 'an operator or the end of the formula');
    return { ast };
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return { problem: e.problem };
    throw e;
  }
}
