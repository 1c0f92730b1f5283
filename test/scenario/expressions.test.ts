import { describe, expect, it } from 'vitest';
import {
  checkExpression,
  checkLet,
  compileExpression,
  evaluateExpression,
  evaluateLet,
  EXPRESSION_ALLOWED,
  FUNCTIONS,
  letNameProblem,
} from '../../src/scenario/expressions.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { MAX_EXPRESSION_LENGTH } from '../../src/scenario/limits.js';

const scope = (o: Record<string, number>) => new Map(Object.entries(o));
const value = (expr: string | number, s: Record<string, number> = {}) => {
  const r = evaluateExpression(expr, scope(s));
  if (!r.ok) throw new Error(`${expr}: ${r.reason}`);
  return r.value;
};
const reason = (expr: string, s: Record<string, number> = {}) => {
  const r = evaluateExpression(expr, scope(s));
  return r.ok ? `ok ${r.value}` : r.reason;
};

describe('evaluateExpression: arithmetic', () => {
  it('evaluates literals, operators and precedence', () => {
    expect(value(3.5)).toBe(3.5);
    expect(value('1 + 2 * 3')).toBe(7);
    expect(value('(1 + 2) * 3')).toBe(9);
    expect(value('2 ^ 3 ^ 2')).toBe(512); // right-associative, as in mathjs
    expect(value('-2 ^ 2')).toBe(-4);
    expect(value('+3 - -2')).toBe(5);
    expect(value('7 / 2')).toBe(3.5);
    expect(value('1e3 + .5 + 0x10')).toBe(1016.5);
  });

  it('uses let names, pi, e and implicit multiplication', () => {
    expect(value('delta / sd', { delta: 2.45, sd: 3.5 })).toBeCloseTo(0.7, 15);
    expect(value('2 pi')).toBe(2 * Math.PI);
    expect(value('e')).toBe(Math.E);
    expect(value('2n0', { n0: 35 })).toBe(70);
  });

  it('evaluates the whitelisted functions', () => {
    expect(value('sqrt(16)')).toBe(4);
    expect(value('exp(0)')).toBe(1);
    expect(value('log(e)')).toBe(1);
    expect(value('log(8, 2)')).toBeCloseTo(3, 15);
    expect(value('log10(1000)')).toBe(3);
    expect(value('abs(-3)')).toBe(3);
    expect(value('min(3, 1, 2)')).toBe(1);
    expect(value('max(3, 1, 2)')).toBe(3);
    expect(value('floor(2.7)')).toBe(2);
    expect(value('ceil(2.1)')).toBe(3);
    expect(value('pow(2, 10)')).toBe(1024);
    expect(FUNCTIONS).toEqual(['sqrt', 'exp', 'log', 'log10', 'abs', 'min', 'max', 'round', 'floor', 'ceil', 'pow']);
  });

  it('rounds half away from zero, like mathjs round', () => {
    expect(value('round(2.5)')).toBe(3);
    expect(value('round(-2.5)')).toBe(-3);
    expect(value('round(1.2345, 2)')).toBe(1.23);
    expect(value('round(-1.235, 1)')).toBe(-1.2);
    expect(reason('round(1.5, 0.5)')).toBe('the result is not a finite number');
  });

  it('reports results that are not finite numbers', () => {
    expect(reason('1 / 0')).toBe('the result is not a finite number');
    expect(reason('sqrt(-1)')).toBe('the result is not a finite number');
    expect(reason('log(0)')).toBe('the result is not a finite number');
    expect(reason('10 ^ 400')).toBe('the result is not a finite number');
    expect(reason('1e400')).toBe('the number Infinity is not finite');
    expect(evaluateExpression(Number.NaN)).toEqual({ ok: false, reason: 'the number is not finite', value: Number.NaN });
    expect(value('0 * -1')).toBe(0);
    expect(Object.is(value('0 * -1'), -0)).toBe(false);
  });

  it('reports unknown names, with a suggestion', () => {
    expect(reason('delta / sd', { delta: 1 })).toBe('unknown name "sd"');
    expect(reason('detla * 2', { delta: 1 })).toBe('unknown name "detla"; did you mean "delta"?');
    expect(reason('PI')).toBe('unknown name "PI"; did you mean "pi"?');
  });

  it('does not mix up scopes between evaluations of the same (cached) text', () => {
    expect(value('a + 1', { a: 1 })).toBe(2);
    expect(value('a + 1', { a: 10 })).toBe(11);
  });
});

describe('compileExpression: the sandbox', () => {
  const cases: Array<[string, string]> = [
    ['import({}, {})', 'the function "import" is not allowed (allowed: sqrt, exp, log, log10, abs, min, max, round, floor, ceil, pow)'],
    ['import(1, 2)', 'the function "import" is not allowed (allowed: sqrt, exp, log, log10, abs, min, max, round, floor, ceil, pow)'],
    ["evaluate('1')", 'the function "evaluate" is not allowed (allowed: sqrt, exp, log, log10, abs, min, max, round, floor, ceil, pow)'],
    ["sqrt('1')", 'strings are not allowed'],
    ['max({}, 1)', 'objects are not allowed'],
    ['evaluate(1)', 'the function "evaluate" is not allowed (allowed: sqrt, exp, log, log10, abs, min, max, round, floor, ceil, pow)'],
    ['parse(1)', 'the function "parse" is not allowed (allowed: sqrt, exp, log, log10, abs, min, max, round, floor, ceil, pow)'],
    ['createUnit(1)', 'the function "createUnit" is not allowed (allowed: sqrt, exp, log, log10, abs, min, max, round, floor, ceil, pow)'],
    ['a.constructor', 'property and index access (a.b, a[1]) are not allowed'],
    ['sqrt.constructor', 'property and index access (a.b, a[1]) are not allowed'],
    ['sqrt.constructor("return 1")()', 'syntax error: Value expected (char 30)'],
    ['(sqrt.constructor)("return 1")', 'property and index access (a.b, a[1]) are not allowed'],
    ['a["constructor"]', 'property and index access (a.b, a[1]) are not allowed'],
    ['a[1]', 'property and index access (a.b, a[1]) are not allowed'],
    ['a?.b', 'property and index access (a.b, a[1]) are not allowed'],
    ['f(x) = 1', 'function definitions are not allowed'],
    ['x = 1', 'assignments are not allowed'],
    ['[1, 2, 3]', 'matrices and lists are not allowed'],
    ['{a: 1}', 'objects are not allowed'],
    ['1 to cm', 'unit conversions are not allowed'],
    ['"abc"', 'strings are not allowed'],
    ['true', 'true and false are not allowed'],
    ['1; 2', 'only one expression is allowed (no ";" or line breaks)'],
    ['1\n2', 'only one expression is allowed (no ";" or line breaks)'],
    ['a ? 1 : 2', 'conditional expressions (a ? b : c) are not allowed'],
    ['1:3', 'ranges (a:b) are not allowed'],
    ['1 < 2', 'the operator "<" is not allowed (only + - * / ^)'],
    ['1 == 1', 'the operator "==" is not allowed (only + - * / ^)'],
    ['3!', 'the operator "!" is not allowed (only + - * / ^)'],
    ["a'", 'the operator "\'" is not allowed (only + - * / ^)'],
    ['a .* b', 'the operator ".*" is not allowed (only + - * / ^)'],
    ['a and b', 'the operator "and" is not allowed (only + - * / ^)'],
    ['a ?? b', 'the operator "??" is not allowed (only + - * / ^)'],
    ['5 % 3', 'the % sign is not allowed (write 0.5 or 50/100 for 50 %)'],
    ['50%', 'the % sign is not allowed (write 0.5 or 50/100 for 50 %)'],
    ['7 mod 3', 'the operator "mod" is not allowed (only + - * / ^)'],
    ['sqrt', '"sqrt" is a function; call it, e.g. sqrt(x)'],
    ['sqrt(1, 2)', 'sqrt takes 1 argument'],
    ['pow(2)', 'pow takes 2 arguments'],
    ['log(1, 2, 3)', 'log takes 1 or 2 arguments'],
    ['min()', 'min takes at least 1 argument'],
    ['NaN', 'the number NaN is not finite'],
    ['', 'the expression is empty'],
    ['   ', 'the expression is empty'],
    ['1 +', 'syntax error: Unexpected end of expression (char 4)'],
  ];
  it.each(cases)('rejects %j', (src, why) => {
    const c = compileExpression(src);
    expect(c.ok ? 'accepted' : c.reason).toBe(why);
  });

  it('treats units as unknown names', () => {
    expect(reason('5 cm')).toBe('unknown name "cm"');
    expect(reason('5 inch', { inc: 1 })).toBe('unknown name "inch"; did you mean "inc"?');
  });

  it('treats __proto__, constructor and prototype as unknown names', () => {
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      expect(reason(name)).toBe(`unknown name "${name}"`);
      expect(reason(`${name} + 1`, { a: 1 })).toMatch(/^unknown name/);
    }
  });

  it('bounds the length and the nesting', () => {
    expect(compileExpression(`${'1+'.repeat(MAX_EXPRESSION_LENGTH / 2)}1`)).toEqual({
      ok: false,
      reason: `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
    });
    const deep = `${'('.repeat(200)}1${')'.repeat(200)}`;
    expect(compileExpression(deep)).toEqual({ ok: false, reason: 'the expression is nested too deeply' });
    const deepMinus = `${'-'.repeat(300)}1`;
    expect(compileExpression(deepMinus)).toEqual({ ok: false, reason: 'the expression is nested too deeply' });
    expect(value(`${'('.repeat(50)}1${')'.repeat(50)}`)).toBe(1);
  });

  it('lists the names an expression uses, without constants', () => {
    const c = compileExpression('a * pi + b / a + e');
    expect(c.ok && c.expr.names).toEqual(['a', 'b']);
  });
});

describe('checkExpression', () => {
  const known = new Set(['delta', 'sd']);
  it('accepts finite numbers and valid expressions over known names', () => {
    expect(checkExpression(3, 'design.n', known)).toBeUndefined();
    expect(checkExpression('delta / sd', 'x', known)).toBeUndefined();
  });
  it('reports problems as issues with the path', () => {
    expect(formatIssue(checkExpression('delt / sd', 'endpoint.arms.msc.mean', known)!)).toBe(
      `endpoint.arms.msc.mean: got "delt / sd"; allowed: ${EXPRESSION_ALLOWED} (unknown name "delt"; did you mean "delta"?)`,
    );
    expect(formatIssue(checkExpression(true, 'design.n', known)!)).toBe(`design.n: got true; allowed: ${EXPRESSION_ALLOWED}`);
    expect(formatIssue(checkExpression(Infinity, 'design.n', known)!)).toBe('design.n: got Infinity; allowed: a finite number');
    expect(formatIssue(checkExpression('x'.repeat(501), 'a', known)!)).toMatch(
      /^a: got "x{78}…; allowed: an expression of at most 500 characters$/,
    );
  });
});

describe('let names', () => {
  it('allows identifiers that are not reserved', () => {
    expect(letNameProblem('delta')).toBeUndefined();
    expect(letNameProblem('_n0')).toBeUndefined();
    expect(letNameProblem('pi')).toBe('"pi" is reserved (a constant, function or keyword)');
    expect(letNameProblem('sqrt')).toBe('"sqrt" is reserved (a constant, function or keyword)');
    expect(letNameProblem('to')).toBe('"to" is reserved (a constant, function or keyword)');
    expect(letNameProblem('__proto__')).toBe('"__proto__" is not allowed as a name');
    expect(letNameProblem('constructor')).toBe('"constructor" is not allowed as a name');
    expect(letNameProblem('2x')).toBe('a name has letters, digits and "_" only, and does not start with a digit');
    expect(letNameProblem('a-b')).toBe('a name has letters, digits and "_" only, and does not start with a digit');
    expect(letNameProblem('a'.repeat(41))).toBe('a name has at most 40 characters');
  });
});

describe('evaluateLet', () => {
  const msgs = (lets: unknown) => evaluateLet(lets).issues.map(formatIssue);

  it('evaluates in file order; a value may use earlier names', () => {
    const r = evaluateLet({ sd: 3, delta: '0.7 * sd', n0: 'ceil(2 * (1.96 + 0.84)^2 / (delta / sd)^2)' });
    expect(r.issues).toEqual([]);
    expect(r.scope.get('delta')).toBeCloseTo(2.1, 12);
    expect(r.scope.get('n0')).toBe(33);
  });

  it('reports forward references, cycles and unknown names', () => {
    expect(msgs({ a: 'b + 1', b: 2 })).toEqual([
      `let.a: got "b + 1"; allowed: ${EXPRESSION_ALLOWED} ("b" is defined later in let; a value may use only names defined before it)`,
    ]);
    expect(msgs({ a: 'b + 1', b: 'a * 2' })).toEqual([`let.a: got "b + 1"; allowed: ${EXPRESSION_ALLOWED} (cycle: a → b → a)`]);
    expect(msgs({ a: 'a + 1' })).toEqual([`let.a: got "a + 1"; allowed: ${EXPRESSION_ALLOWED} (cycle: a → a)`]);
    expect(msgs({ a: 'c + 1', b: 'a + b', c: 'b' })).toEqual([
      `let.a: got "c + 1"; allowed: ${EXPRESSION_ALLOWED} (cycle: a → c → b → a)`,
      `let.b: got "a + b"; allowed: ${EXPRESSION_ALLOWED} (cycle: b → b)`,
    ]);
    expect(msgs({ delta: 1, x: 'detla' })).toEqual([
      `let.x: got "detla"; allowed: ${EXPRESSION_ALLOWED} (unknown name "detla"; did you mean "delta"?)`,
    ]);
  });

  it('reports values that are not finite, once, and marks names that depend on them as failed', () => {
    const r = evaluateLet({ a: '1 / 0', b: 'a * 2', c: 3 });
    expect(r.issues.map(formatIssue)).toEqual([
      'let.a: got "1 / 0" (= Infinity); allowed: an expression with a finite value (the result is not a finite number)',
    ]);
    expect([...r.failed]).toEqual(['a', 'b']);
    expect(r.scope.get('c')).toBe(3);
  });

  it('reports bad names and bad values', () => {
    const lets = JSON.parse('{"__proto__": 1, "pi": 2, "ok": {"normal": {"mean": 1, "sd": 1}}, "s": "\'x\'"}');
    expect(msgs(lets)).toEqual([
      'let.__proto__: got 1; allowed: a name of letters, digits and "_" (not starting with a digit, at most 40 characters), other than pi, e, the function names and keywords ("__proto__" is not allowed as a name)',
      'let.pi: got 2; allowed: a name of letters, digits and "_" (not starting with a digit, at most 40 characters), other than pi, e, the function names and keywords ("pi" is reserved (a constant, function or keyword))',
      `let.ok: got {"normal":{"mean":1,"sd":1}}; allowed: ${EXPRESSION_ALLOWED} (a let value is a number or an expression, not a distribution)`,
      `let.s: got "'x'"; allowed: ${EXPRESSION_ALLOWED} (strings are not allowed)`,
    ]);
    expect(msgs([1, 2])).toEqual(['let: got [1,2]; allowed: an object of named values, e.g. {"delta": 2.45, "sd": 3}']);
    expect(msgs(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, i])))).toEqual([
      'let: got "101 names"; allowed: at most 100 names',
    ]);
  });

  it('keeps names in a Map, so no key reaches a prototype', () => {
    const r = evaluateLet(JSON.parse('{"a": 1, "__proto__": 2}'));
    expect(r.scope).toBeInstanceOf(Map);
    expect(r.scope.get('a')).toBe(1);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('checkLet checks without evaluating and returns the well-formed names', () => {
    const r = checkLet({ a: 1, b: '1 / 0', c: 'b + 1', 'bad-name': 1 });
    expect([...r.names]).toEqual(['a', 'b', 'c']);
    expect(r.issues).toHaveLength(1); // only the bad name: 1 / 0 is not evaluated here
  });
});
