/**
 * The validator's generic part: walks a value along the format's definition
 * and reports, for every field, a missing required value, a value of the
 * wrong kind, an unknown key (with "did you mean"), a text with characters
 * that are not allowed, a literal number out of range, and an expression that
 * does not parse. Checks that involve other fields are rules (`Context.rules`).
 *
 * Only own properties are read (`ownValue`); nothing of the input becomes a
 * key of an object with a prototype.
 */
import { checkExpression, EXPRESSION_ALLOWED } from '../expressions.js';
import { DISTRIBUTIONS, DISTRIBUTION_KINDS, NUMBER_SPEC_ALLOWED } from '../format/distribution.js';
import { type Field, type Node, type ObjectNode, type VariantsNode, listAllowed } from '../format/node.js';
import { inRange, rangeFor } from '../format/range.js';
import { isPlainObject, joinPath, ownValue } from '../paths.js';
import { didYouMean } from '../suggest.js';
import { MULTI_LINE_TEXT_ALLOWED, SINGLE_LINE_TEXT_ALLOWED, textProblem } from '../text.js';
import type { Context } from './context.js';

/** `"a", "b"`: a list of keys or values as messages quote them. */
export const quoteList = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** `one of "a", "b"`: what an enum allows. */
export const oneOfAllowed = (xs: readonly (string | number)[]) => `one of ${quoteList(xs.map(String))}`;

/** Reports keys of `obj` that are not in `allowed`, with a did-you-mean hint (or `note`'s). */
export function checkKeys(
  ctx: Context,
  path: string,
  obj: Record<string, unknown>,
  allowed: readonly string[],
  what: string,
  note?: (key: string) => string | undefined,
): void {
  for (const k of Object.keys(obj)) {
    if (allowed.includes(k)) continue;
    ctx.out.add(joinPath(path, k), ownValue(obj, k), `a key of ${what}: ${allowed.join(', ')}`, note?.(k) ?? didYouMean(k, allowed));
  }
}

/** Reports a text that contains characters that are not allowed (see `textProblem`); whether it is fine. */
export function checkText(ctx: Context, path: string, text: string, multiLine: boolean): boolean {
  const problem = textProblem(text, multiLine);
  if (problem === undefined) return true;
  ctx.out.add(path, text, multiLine ? MULTI_LINE_TEXT_ALLOWED : SINGLE_LINE_TEXT_ALLOWED, problem);
  return false;
}

/** A number or an expression (no distribution) at `path`. */
export function checkExpressionValue(ctx: Context, path: string, v: unknown, names: ReadonlySet<string> = ctx.names): void {
  if (v === undefined) {
    ctx.out.add(path, v, EXPRESSION_ALLOWED);
    return;
  }
  if (isPlainObject(v) && Object.keys(v).some((k) => (DISTRIBUTION_KINDS as readonly string[]).includes(k))) {
    ctx.out.add(
      path,
      v,
      'a number or an expression (not a distribution)',
      'distributions are allowed only for endpoint parameters, dropout, correlation and spillover',
    );
    return;
  }
  ctx.out.push(checkExpression(v, path, names, ctx.limits.maxExpressionLength));
}

/** A number, an expression or a distribution at `path`. */
export function checkNumberSpec(ctx: Context, path: string, v: unknown): void {
  if (typeof v === 'number' || typeof v === 'string') {
    ctx.out.push(checkExpression(v, path, ctx.names, ctx.limits.maxExpressionLength));
    return;
  }
  if (!isPlainObject(v)) {
    ctx.out.add(path, v, NUMBER_SPEC_ALLOWED);
    return;
  }
  const keys = Object.keys(v);
  const known = (k: string) => Object.hasOwn(DISTRIBUTIONS, k);
  if (keys.length !== 1 || !known(keys[0])) {
    const unknown = keys.find((k) => !known(k));
    const hint =
      keys.length === 0
        ? 'the object is empty'
        : unknown === undefined
          ? 'a distribution has exactly one of these keys'
          : (didYouMean(unknown, DISTRIBUTION_KINDS) ?? `"${unknown}" is not a distribution`);
    ctx.out.add(path, v, NUMBER_SPEC_ALLOWED, hint);
    return;
  }
  const kind = DISTRIBUTION_KINDS.find((k) => k === keys[0]) ?? 'normal';
  const node = DISTRIBUTIONS[kind].node;
  const distPath = joinPath(path, kind);
  const params = ownValue(v, kind);
  if (!isPlainObject(params)) {
    ctx.out.add(distPath, params, node.allowed);
    return;
  }
  if (node.type === 'object') {
    walkObject(ctx, node, params, distPath, `(distribution).${kind}`);
    return;
  }
  // fromCI: an explicit interval, or the id of an evidence entry (not both).
  const [explicit, byEvidence] = node.options;
  checkKeys(ctx, distPath, params, [...Object.keys(explicit.fields), ...Object.keys(byEvidence.fields)], kind);
  if (ownValue(params, 'evidence') !== undefined) {
    walkFields(ctx, byEvidence, params, distPath, `(distribution).${kind}`);
    if (Object.keys(explicit.fields).some((k) => ownValue(params, k) !== undefined)) {
      ctx.out.add(
        distPath,
        params,
        `either ${byEvidence.allowed.replace(/^an object /, '')} or ${explicit.allowed.replace(/^an object /, '')}, not both`,
      );
    }
    return;
  }
  walkFields(ctx, explicit, params, distPath, `(distribution).${kind}`);
}

/** Checks `obj[key]` against `field` (and the field's rules). */
export function walkField(ctx: Context, field: Field, obj: Record<string, unknown>, key: string, path: string, pattern: string): void {
  const at = joinPath(path, key);
  const patternAt = pattern === '' ? key : `${pattern}.${key}`;
  const value = ownValue(obj, key);
  const rule = ctx.rules[patternAt];
  if (rule?.replace) {
    rule.replace(ctx, value, at, obj);
    return;
  }
  if (value === undefined) {
    if (field.required) ctx.out.add(at, value, field.missing ?? missingText(ctx, field.node));
    return;
  }
  walkNode(ctx, field.node, value, at, patternAt);
  if (rule?.after) rule.after(ctx, value, at, obj);
}

/** What is allowed, said for a missing value of `node`. */
function missingText(ctx: Context, node: Node): string {
  switch (node.type) {
    case 'expression':
      return EXPRESSION_ALLOWED;
    case 'param':
      return NUMBER_SPEC_ALLOWED;
    case 'text':
      return node.allowed ?? 'a string';
    case 'enum':
      return node.allowed ?? oneOfAllowed(node.values);
    case 'const':
      return `"${node.value}"`;
    case 'boolean':
      return 'true or false';
    case 'number':
      return rangeFor(node.range, ctx.limits).allowed;
    case 'list':
      return listAllowed(node, ctx.limits);
    default:
      return node.allowed;
  }
}

/** Checks a present value against `node`. */
export function walkNode(ctx: Context, node: Node, v: unknown, path: string, pattern: string): void {
  const { out } = ctx;
  switch (node.type) {
    case 'text': {
      const allowed = node.allowed ?? 'a string';
      if (node.orNumber && typeof v === 'number') {
        if (!Number.isFinite(v)) out.add(path, v, allowed);
        return;
      }
      if (typeof v !== 'string') out.add(path, v, allowed);
      else if (
        (node.nonBlank && v.trim() === '') ||
        (node.nonEmpty && v === '') ||
        (node.maxLength !== undefined && v.length > node.maxLength)
      ) {
        out.add(path, v, allowed);
      } else checkText(ctx, path, v, node.multiLine === true);
      return;
    }
    case 'enum':
      if (!(node.values as readonly unknown[]).includes(v)) {
        const values = node.values.map(String);
        const words = node.values.every((x) => typeof x === 'string');
        out.add(path, v, node.allowed ?? oneOfAllowed(values), words && typeof v === 'string' ? didYouMean(v, values) : undefined);
      }
      return;
    case 'const':
      if (v !== node.value) out.add(path, v, `"${node.value}"`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') out.add(path, v, 'true or false');
      return;
    case 'number': {
      const r = rangeFor(node.range, ctx.limits);
      if (!(typeof v === 'number' && inRange(r, v))) out.add(path, v, r.allowed);
      return;
    }
    case 'expression':
      checkExpressionValue(ctx, path, v);
      return;
    case 'param':
      checkNumberSpec(ctx, path, v);
      return;
    case 'list':
      if (!Array.isArray(v)) out.add(path, v, listAllowed(node, ctx.limits));
      else v.forEach((item, i) => walkItem(ctx, node.item, item, `${path}[${i}]`, `${pattern}[]`));
      return;
    case 'record':
      if (!isPlainObject(v)) out.add(path, v, node.allowed);
      else for (const k of Object.keys(v)) walkItem(ctx, node.value, ownValue(v, k), joinPath(path, k), `${pattern}.*`);
      return;
    case 'object':
      if (!isPlainObject(v)) out.add(path, v, node.allowed);
      else walkObject(ctx, node, v, path, pattern);
      return;
    case 'variants':
      if (!isPlainObject(v)) out.add(path, v, node.allowed);
      else walkVariants(ctx, node, v, path, pattern);
      return;
    case 'alternatives':
      // Only distributions have alternatives; they are checked by checkNumberSpec.
      out.add(path, v, node.allowed);
  }
}

/** An item of a list or a value of a record, with the rules of its pattern. */
function walkItem(ctx: Context, node: Node, v: unknown, path: string, pattern: string): void {
  const rule = ctx.rules[pattern];
  if (rule?.replace) {
    rule.replace(ctx, v, path, {});
    return;
  }
  walkNode(ctx, node, v, path, pattern);
  rule?.after?.(ctx, v, path, {});
}

/** The fields of an object, in check order (no key check). */
export function walkFields(
  ctx: Context,
  node: ObjectNode,
  obj: Record<string, unknown>,
  path: string,
  pattern: string,
  skip: readonly string[] = [],
): void {
  for (const key of node.order ?? Object.keys(node.fields)) {
    if (!skip.includes(key) && Object.hasOwn(node.fields, key)) walkField(ctx, node.fields[key], obj, key, path, pattern);
  }
}

/** An object: unknown keys, then emptiness, then each field. */
export function walkObject(
  ctx: Context,
  node: ObjectNode,
  obj: Record<string, unknown>,
  path: string,
  pattern: string,
  skip: readonly string[] = [],
): void {
  checkKeys(ctx, path, obj, Object.keys(node.fields), node.what);
  if (node.nonEmpty && Object.keys(obj).length === 0) ctx.out.add(path, obj, node.nonEmpty);
  walkFields(ctx, node, obj, path, pattern, skip);
}

/**
 * Objects discriminated by `kind`: the kind first; then the keys and fields
 * of that kind, or (when the kind is not valid) the fields every kind has.
 */
function walkVariants(ctx: Context, node: VariantsNode, obj: Record<string, unknown>, path: string, pattern: string): void {
  const kinds = Object.keys(node.variants);
  const raw = ownValue(obj, 'kind');
  const kind = typeof raw === 'string' && kinds.includes(raw) ? raw : undefined;
  if (kind === undefined) {
    ctx.out.add(joinPath(path, 'kind'), raw, oneOfAllowed(kinds), typeof raw === 'string' ? didYouMean(raw, kinds) : undefined);
  }
  ctx.kinds[node.noun] = kind;
  const variant = kind === undefined ? undefined : node.variants[kind];
  const all = kinds.map((k) => node.variants[k]);
  const keys = variant ? Object.keys(variant.fields) : [...new Set(all.flatMap((v) => Object.keys(v.fields)))];
  checkKeys(ctx, path, obj, keys, variant ? variant.what : node.noun, (k) => {
    const owners = kinds.filter((kk) => Object.hasOwn(node.variants[kk].fields, k));
    return variant && owners.length > 0 && owners.length < kinds.length && !owners.includes(kind ?? '')
      ? `"${k}" is used only by ${owners.join(', ')} ${node.noun}s`
      : undefined;
  });
  const fields =
    variant?.fields ?? Object.fromEntries(Object.entries(all[0].fields).filter(([k]) => all.every((v) => Object.hasOwn(v.fields, k))));
  for (const key of node.order ?? Object.keys(fields)) {
    if (key !== 'kind' && Object.hasOwn(fields, key)) walkField(ctx, fields[key], obj, key, path, pattern);
  }
}
