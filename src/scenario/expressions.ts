/**
 * Numbers written as expressions in a scenario (`"delta / sd"`, `"2 * n0"`),
 * evaluated in a restricted scope.
 *
 * mathjs is used as a parser only: a minimal instance holding nothing but
 * `parse` (number-only build, so no BigNumber / Fraction / Complex / Unit
 * machinery). The parsed tree is checked node by node against a whitelist and
 * converted to a small tree of our own, which is evaluated here with plain
 * `Math` functions. No mathjs function ever runs on user input, so there is no
 * way to reach `import`, `evaluate`, `createUnit`, property access or
 * assignments, whatever the input.
 */
import { expressionParser } from './expression-parser.js';
import { HARD_LIMITS, MAX_EXPRESSION_LENGTH, MAX_NAME_LENGTH } from './limits.js';
import { isForbiddenKey } from './paths.js';
import { didYouMean } from './suggest.js';
import type { Expression, ValidationIssue } from './types.js';

/** Named constants usable in every expression. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

/** Functions usable in expressions, with the numbers of arguments they take. */
const FUNCTION_ARITY = {
  sqrt: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  log10: [1, 1],
  abs: [1, 1],
  min: [1, 100],
  max: [1, 100],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  pow: [2, 2],
} as const;

/** Name of a function usable in expressions. */
export type FunctionName = keyof typeof FUNCTION_ARITY;

/** Functions usable in expressions: sqrt, exp, log, log10, abs, min, max, round, floor, ceil, pow. */
export const FUNCTIONS: readonly FunctionName[] = Object.keys(FUNCTION_ARITY) as FunctionName[];

/** What may be written where an expression is expected (the `allowed` text of expression issues). */
export const EXPRESSION_ALLOWED = `a number, or an expression of numbers, let names, pi, e, + - * / ^ ( ) and ${FUNCTIONS.join(', ')}`;

/** Words the parser treats as keywords or that would shadow a constant or function. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...CONSTANTS.keys(),
  ...FUNCTIONS,
  'mod',
  'to',
  'in',
  'and',
  'or',
  'xor',
  'not',
  'true',
  'false',
  'null',
  'undefined',
  'end',
  'NaN',
  'Infinity',
]);

/** A valid `let` name: ASCII letters, digits and `_`, not starting with a digit. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The checked expression tree that is evaluated. */
type SafeNode =
  | { k: 'num'; v: number }
  | { k: 'sym'; name: string }
  | { k: 'neg'; a: SafeNode }
  | { k: 'bin'; op: '+' | '-' | '*' | '/' | '^'; a: SafeNode; b: SafeNode }
  | { k: 'call'; fn: FunctionName; args: SafeNode[] };

/** An expression that passed the whitelist; evaluate it with `evaluateCompiled`. */
export interface CompiledExpression {
  /** The source text. */
  readonly source: string;
  /** Names it refers to, other than the constants `pi` and `e`, in order of first use. */
  readonly names: readonly string[];
  /** @internal The checked tree. */
  readonly root: SafeNode;
}

/** Result of `compileExpression`. */
export type CompileResult = { ok: true; expr: CompiledExpression } | { ok: false; reason: string };

/** Result of evaluating an expression. */
export type EvalResult = { ok: true; value: number } | { ok: false; reason: string; value?: number };

/** Parsed expressions by source text; cleared when full, to bound memory. */
const cache = new Map<string, CompileResult>();
const CACHE_SIZE = 2048;

/** Why a `let` name is not allowed, or `undefined` when it is fine. */
export function letNameProblem(name: string): string | undefined {
  if (isForbiddenKey(name)) return `"${name}" is not allowed as a name`;
  if (name.length > MAX_NAME_LENGTH) return `a name has at most ${MAX_NAME_LENGTH} characters`;
  if (!NAME_PATTERN.test(name)) return 'a name has letters, digits and "_" only, and does not start with a digit';
  if (RESERVED_NAMES.has(name)) return `"${name}" is reserved (a constant, function or keyword)`;
  return undefined;
}

/** What a `let` name may be (the `allowed` text of name issues). */
export const LET_NAME_ALLOWED = `a name of letters, digits and "_" (not starting with a digit, at most ${MAX_NAME_LENGTH} characters), other than pi, e, the function names and keywords`;

/**
 * Parses `source` and checks it against the whitelist. Never throws; results
 * are cached by source text. `maxLength` is the longest accepted source
 * (default `MAX_EXPRESSION_LENGTH`; at most `HARD_LIMITS.maxExpressionLength`).
 */
export function compileExpression(source: string, maxLength: number = MAX_EXPRESSION_LENGTH): CompileResult {
  if (typeof source !== 'string') return { ok: false, reason: 'an expression must be a string' };
  const limit = Math.min(maxLength, HARD_LIMITS.maxExpressionLength);
  if (source.length > limit) return { ok: false, reason: `the expression is longer than ${limit} characters` };
  const hit = cache.get(source);
  if (hit) return hit;
  const result = compileUncached(source);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(source, result);
  return result;
}

function compileUncached(source: string): CompileResult {
  if (source.trim() === '') return { ok: false, reason: 'the expression is empty' };
  // Outside the try: a parser that is not loaded is a bug to report, not a syntax error.
  const parse = expressionParser();
  let tree: unknown;
  try {
    tree = parse(source);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, reason: 'the expression is nested too deeply' };
    return { ok: false, reason: `syntax error: ${e instanceof Error ? e.message : String(e)}` };
  }
  const names: string[] = [];
  try {
    const root = convert(tree, names, 0);
    if (typeof root === 'string') return { ok: false, reason: root };
    return { ok: true, expr: { source, names, root } };
  } catch {
    return { ok: false, reason: 'the expression is nested too deeply' };
  }
}

/** Most nesting levels of an accepted expression. */
const MAX_DEPTH = 100;

/** Converts a mathjs node to a SafeNode, or returns the reason it is not allowed. */
function convert(node: unknown, names: string[], depth: number): SafeNode | string {
  if (depth > MAX_DEPTH) return 'the expression is nested too deeply';
  if (node === null || typeof node !== 'object') return 'unexpected parser output';
  const n = node as Record<string, unknown>;
  switch (n.type) {
    case 'ConstantNode': {
      const v = n.value;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return `the number ${String(v)} is not finite`;
        return { k: 'num', v };
      }
      if (typeof v === 'string') return 'strings are not allowed';
      if (typeof v === 'boolean') return 'true and false are not allowed';
      if (v === undefined) return 'the expression is empty';
      return `the value ${String(v)} is not allowed`;
    }
    case 'SymbolNode': {
      const name = n.name;
      if (typeof name !== 'string') return 'unexpected parser output';
      if (CONSTANTS.has(name)) return { k: 'sym', name };
      if ((FUNCTIONS as readonly string[]).includes(name)) return `"${name}" is a function; call it, e.g. ${name}(x)`;
      if (!names.includes(name)) names.push(name);
      return { k: 'sym', name };
    }
    case 'ParenthesisNode':
      return convert(n.content, names, depth + 1);
    case 'OperatorNode': {
      const fn = n.fn;
      const args = Array.isArray(n.args) ? (n.args as unknown[]) : [];
      if (n.isPercentage === true) return 'the % sign is not allowed (write 0.5 or 50/100 for 50 %)';
      // mathjs parses both `7 % 3` and `7 mod 3` as mod; which was written decides the message.
      if (fn === 'mod')
        return n.op === 'mod'
          ? 'the operator "mod" is not allowed (only + - * / ^)'
          : 'the % sign is not allowed (write 0.5 or 50/100 for 50 %)';
      if (fn === 'to') return 'unit conversions are not allowed';
      const unary = fn === 'unaryMinus' || fn === 'unaryPlus';
      const binaryOps: Record<string, '+' | '-' | '*' | '/' | '^'> = {
        add: '+',
        subtract: '-',
        multiply: '*',
        divide: '/',
        pow: '^',
      };
      const op = typeof fn === 'string' && Object.hasOwn(binaryOps, fn) ? binaryOps[fn] : undefined;
      if (unary && args.length === 1) {
        const a = convert(args[0], names, depth + 1);
        if (typeof a === 'string') return a;
        return fn === 'unaryMinus' ? { k: 'neg', a } : a;
      }
      if (op && args.length === 2) {
        const a = convert(args[0], names, depth + 1);
        if (typeof a === 'string') return a;
        const b = convert(args[1], names, depth + 1);
        if (typeof b === 'string') return b;
        return { k: 'bin', op, a, b };
      }
      return `the operator "${typeof n.op === 'string' ? n.op : String(fn)}" is not allowed (only + - * / ^)`;
    }
    case 'FunctionNode': {
      const fnNode = n.fn as Record<string, unknown> | undefined;
      if (fnNode?.type !== 'SymbolNode' || typeof fnNode.name !== 'string') {
        return 'only calls of the allowed functions by name are allowed';
      }
      const name = fnNode.name;
      if (!Object.hasOwn(FUNCTION_ARITY, name)) {
        return `the function "${name}" is not allowed (allowed: ${FUNCTIONS.join(', ')})`;
      }
      const fn = name as FunctionName;
      const rawArgs = Array.isArray(n.args) ? (n.args as unknown[]) : [];
      const [lo, hi] = FUNCTION_ARITY[fn];
      if (rawArgs.length < lo || rawArgs.length > hi) {
        const count = lo === hi ? `${lo}` : hi >= 100 ? `at least ${lo}` : `${lo} or ${hi}`;
        return `${fn} takes ${count} argument${count === '1' || count === 'at least 1' ? '' : 's'}`;
      }
      const args: SafeNode[] = [];
      for (const a of rawArgs) {
        const c = convert(a, names, depth + 1);
        if (typeof c === 'string') return c;
        args.push(c);
      }
      return { k: 'call', fn, args };
    }
    case 'AccessorNode':
    case 'IndexNode':
      return 'property and index access (a.b, a[1]) are not allowed';
    case 'AssignmentNode':
      return 'assignments are not allowed';
    case 'FunctionAssignmentNode':
      return 'function definitions are not allowed';
    case 'ArrayNode':
      return 'matrices and lists are not allowed';
    case 'ObjectNode':
      return 'objects are not allowed';
    case 'BlockNode':
      return 'only one expression is allowed (no ";" or line breaks)';
    case 'ConditionalNode':
      return 'conditional expressions (a ? b : c) are not allowed';
    case 'RangeNode':
      return 'ranges (a:b) are not allowed';
    case 'RelationalNode':
      return 'comparisons are not allowed';
    default:
      return `${typeof n.type === 'string' ? n.type : 'this construct'} is not allowed`;
  }
}

/** Rounds half away from zero (as mathjs does), to `digits` decimals. */
function roundHalfAway(x: number, digits: number): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) return NaN;
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.sign(x) * Math.round(Math.abs(x) * f);
  return digits === 0 ? r : r / f;
}

function evalNode(node: SafeNode, scope: ReadonlyMap<string, number>): number {
  switch (node.k) {
    case 'num':
      return node.v;
    case 'sym': {
      const c = CONSTANTS.get(node.name);
      if (c !== undefined) return c;
      const v = scope.get(node.name);
      return v === undefined ? NaN : v;
    }
    case 'neg':
      return -evalNode(node.a, scope);
    case 'bin': {
      const a = evalNode(node.a, scope);
      const b = evalNode(node.b, scope);
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return a / b;
        case '^':
          return a ** b;
      }
      return NaN;
    }
    case 'call': {
      const x = node.args.map((a) => evalNode(a, scope));
      switch (node.fn) {
        case 'sqrt':
          return Math.sqrt(x[0]);
        case 'exp':
          return Math.exp(x[0]);
        case 'log':
          return x.length === 2 ? Math.log(x[0]) / Math.log(x[1]) : Math.log(x[0]);
        case 'log10':
          return Math.log10(x[0]);
        case 'abs':
          return Math.abs(x[0]);
        case 'min':
          return Math.min(...x);
        case 'max':
          return Math.max(...x);
        case 'round':
          return roundHalfAway(x[0], x.length === 2 ? x[1] : 0);
        case 'floor':
          return Math.floor(x[0]);
        case 'ceil':
          return Math.ceil(x[0]);
        case 'pow':
          return x[0] ** x[1];
      }
      return NaN;
    }
  }
}

/** Evaluates a compiled expression; every name it uses must be in `scope` (or be `pi`, `e`). */
export function evaluateCompiled(expr: CompiledExpression, scope: ReadonlyMap<string, number>): EvalResult {
  for (const name of expr.names) {
    if (!scope.has(name)) return { ok: false, reason: unknownNameReason(name, scope.keys()) };
  }
  const value = evalNode(expr.root, scope);
  if (!Number.isFinite(value)) return { ok: false, reason: 'the result is not a finite number', value };
  return { ok: true, value: value === 0 ? 0 : value }; // no -0
}

/**
 * Evaluates a literal number or an expression string over `scope`. Never
 * throws; a result that is not a finite number is an error.
 */
export function evaluateExpression(
  expr: Expression,
  scope: ReadonlyMap<string, number> = new Map(),
  maxLength: number = MAX_EXPRESSION_LENGTH,
): EvalResult {
  if (typeof expr === 'number') {
    return Number.isFinite(expr) ? { ok: true, value: expr } : { ok: false, reason: 'the number is not finite', value: expr };
  }
  if (typeof expr !== 'string') return { ok: false, reason: 'not a number or an expression string' };
  const c = compileExpression(expr, maxLength);
  if (!c.ok) return { ok: false, reason: c.reason };
  return evaluateCompiled(c.expr, scope);
}

/** Why a name is unknown, with the closest known name when one is near (`unknown name "dleta"; did you mean "delta"?`). */
export function unknownNameReason(name: string, known: Iterable<string>): string {
  const candidates = [...known, ...CONSTANTS.keys()];
  const hint = didYouMean(name, candidates);
  return `unknown name "${name}"${hint ? `; ${hint}` : ''}`;
}

/**
 * Checks an expression value without evaluating it: a finite number, or a
 * string that compiles and uses only names in `known` (plus `pi`, `e`).
 * Returns the issue, or `undefined` when it is fine.
 */
export function checkExpression(
  value: unknown,
  path: string,
  known: ReadonlySet<string>,
  maxLength: number = MAX_EXPRESSION_LENGTH,
): ValidationIssue | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : { path, value, allowed: 'a finite number' };
  }
  if (typeof value !== 'string') return { path, value, allowed: EXPRESSION_ALLOWED };
  if (value.length > maxLength) {
    return { path, value, allowed: `an expression of at most ${maxLength} characters` };
  }
  const c = compileExpression(value, maxLength);
  if (!c.ok) return { path, value, allowed: EXPRESSION_ALLOWED, hint: c.reason };
  for (const name of c.expr.names) {
    if (!known.has(name)) return { path, value, allowed: EXPRESSION_ALLOWED, hint: unknownNameReason(name, known) };
  }
  return undefined;
}

export { checkLet, evaluateLet, type LetEvaluation } from './let-block.js';
