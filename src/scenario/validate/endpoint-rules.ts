/** Rules of `endpoint` that involve several fields: categories, one entry per arm, and the direction of an ordinal endpoint. */
import { armParameters, ENDPOINT } from '../format/endpoint.js';
import { listAllowed } from '../format/node.js';
import { isPlainObject, joinPath, ownValue } from '../paths.js';
import { didYouMean } from '../suggest.js';
import { type Context, endpointKindOf, type Rule } from './context.js';
import { checkKeys, checkNumberSpec, checkText, quoteList, walkField } from './walk.js';

/** `endpoint.categories`: 2 to maxCategories distinct names. */
function checkCategories(ctx: Context, cats: unknown): void {
  const { out } = ctx;
  const allowed = listAllowed(ENDPOINT.variants.ordinal.fields.categories.node, ctx.limits);
  if (!Array.isArray(cats)) {
    out.add('endpoint.categories', cats, allowed);
    return;
  }
  if (cats.length < 2 || cats.length > ctx.limits.maxCategories) {
    out.add('endpoint.categories', cats, allowed, `${cats.length} given`);
    return;
  }
  let ok = true;
  const seen = new Map<string, number>();
  cats.forEach((c, i) => {
    const path = `endpoint.categories[${i}]`;
    if (typeof c !== 'string' || c.trim() === '') {
      out.add(path, c, 'a non-empty string');
      ok = false;
    } else if (!checkText(ctx, path, c, false)) {
      ok = false;
    } else if (seen.has(c)) {
      out.add(path, c, 'a name used by no other category', `endpoint.categories[${seen.get(c)}] is the same`);
      ok = false;
    } else seen.set(c, i);
  });
  if (ok) ctx.categoryCount = cats.length;
}

/** `endpoint.arms`: one entry per arm id of `design.arms`, each with the parameters of the endpoint's kind. */
function checkEndpointArms(ctx: Context, arms: unknown): void {
  const { out } = ctx;
  if (!isPlainObject(arms)) {
    out.add('endpoint.arms', arms, ENDPOINT.variants.continuous.fields.arms.node.allowed);
    return;
  }
  const kind = endpointKindOf(ctx);
  const params = kind ? armParameters(kind) : undefined;
  const paramKeys = params ? Object.keys(params.fields) : undefined;
  const shape = paramKeys ? `{${quoteList(paramKeys)}}` : 'the parameters of the arm';
  const ids = ctx.armIds;
  if (ids) {
    for (const id of ids) {
      if (ownValue(arms, id) === undefined) out.add(joinPath('endpoint.arms', id), undefined, `the parameters of arm "${id}": ${shape}`);
    }
  }
  for (const key of Object.keys(arms)) {
    const path = joinPath('endpoint.arms', key);
    const value = ownValue(arms, key);
    if (ids && !ids.includes(key)) {
      out.add(
        path,
        value,
        `one entry per arm of design.arms: ${ids.join(', ')}`,
        didYouMean(
          key,
          ids.filter((id) => ownValue(arms, id) === undefined),
        ) ?? didYouMean(key, ids),
      );
      continue;
    }
    if (!params || !paramKeys) continue;
    if (!isPlainObject(value)) {
      out.add(path, value, `an object ${shape}`);
      continue;
    }
    checkKeys(ctx, path, value, paramKeys, params.what);
    if (kind === 'ordinal') checkProbs(ctx, `${path}.probs`, ownValue(value, 'probs'));
    else for (const k of paramKeys) walkField(ctx, params.fields[k], value, k, path, 'endpoint.arms.*');
  }
}

/** An ordinal arm's probabilities: one per category. */
function checkProbs(ctx: Context, path: string, probs: unknown): void {
  const n = ctx.categoryCount;
  const allowed = n ? `a list of ${n} probabilities, one per category of endpoint.categories` : 'a list of probabilities, one per category';
  if (!Array.isArray(probs)) {
    ctx.out.add(path, probs, allowed);
    return;
  }
  if (n !== undefined && probs.length !== n) ctx.out.add(path, probs, allowed, `${probs.length} given`);
  probs.slice(0, ctx.limits.maxCategories).forEach((p, i) => checkNumberSpec(ctx, `${path}[${i}]`, p));
}

/**
 * Ordinal categories are listed worst to best, so the better direction is
 * fixed: "lower" would turn every one-sided test the wrong way round.
 */
function checkOrdinalDirection(ctx: Context, better: unknown): void {
  if (endpointKindOf(ctx) === 'ordinal' && better === 'lower') {
    ctx.out.add(
      'endpoint.better',
      better,
      '"higher" for an ordinal endpoint, whose categories are listed worst to best (list them the other way round if yours run best to worst)',
    );
  }
}

/** The rules of `endpoint`, by field pattern. */
export const ENDPOINT_RULES: Readonly<Record<string, Rule>> = {
  'endpoint.better': { after: (ctx, v) => checkOrdinalDirection(ctx, v) },
  'endpoint.categories': { replace: (ctx, v) => checkCategories(ctx, v) },
  'endpoint.arms': {
    replace: (ctx, v) => {
      if (v === undefined) ctx.out.add('endpoint.arms', v, ENDPOINT.variants.continuous.fields.arms.node.allowed);
      else checkEndpointArms(ctx, v);
    },
  },
};
