/** Rules of `design` that involve several fields: the arms (count by kind, unique ids, one control) and the allocation. */
import { ARM_ID_ALLOWED, ARM_ID_PATTERN, DESIGN } from '../format/design.js';
import { listAllowed } from '../format/node.js';
import { MAX_NAME_LENGTH } from '../limits.js';
import { isForbiddenKey, isPlainObject, ownValue } from '../paths.js';
import { codePoint } from '../text.js';
import { type Context, designKindOf, type Rule } from './context.js';
import { checkExpressionValue, checkKeys, walkField } from './walk.js';

/**
 * Why a string is not a valid arm id, for the hint: a forbidden name, its
 * length, or the first character that is not allowed (by code point, so that
 * look-alikes such as a Cyrillic "ѕ" in "mѕc" are named).
 */
function idProblem(id: string): string | undefined {
  if (isForbiddenKey(id)) return `"${id}" is not allowed as an id`;
  if (id.length === 0) return 'the id is empty';
  if (id.length > MAX_NAME_LENGTH) return `${id.length} characters`;
  const chars = [...id];
  const bad = chars.findIndex((ch, i) => !(i === 0 ? /[A-Za-z_]/ : /[A-Za-z0-9_-]/).test(ch));
  if (bad < 0) return undefined;
  return `character ${codePoint(chars[bad])} at position ${bad + 1} is not ${bad === 0 ? 'an ASCII letter or "_"' : 'an ASCII letter, digit, "_" or "-"'}`;
}

/** `design.arms`: the count the kind allows, each arm, and the control arms. */
function checkArmList(ctx: Context, arms: unknown): void {
  const { out } = ctx;
  const kind = designKindOf(ctx);
  const node = DESIGN.variants[kind ?? 'parallel'].fields.arms.node;
  const allowed = listAllowed(node, ctx.limits);
  if (!Array.isArray(arms)) {
    out.add('design.arms', arms, allowed);
    return;
  }
  const count = arms.length;
  const max = typeof node.maxItems === 'string' ? ctx.limits[node.maxItems] : (node.maxItems ?? Infinity);
  if (count < (node.minItems ?? 0) || count > max) out.add('design.arms', arms, allowed, `${count} arm${count === 1 ? '' : 's'} given`);
  ctx.armIds = count <= ctx.limits.maxArms ? checkArms(ctx, arms) : undefined;
  if (
    kind === 'within-patient' &&
    count === 2 &&
    arms.every(isPlainObject) &&
    ownValue(arms[0], 'control') === true &&
    ownValue(arms[1], 'control') !== true
  ) {
    out.add(
      'design.arms',
      arms,
      'the treated site first and the control site ("control": true) second',
      'design.arms[0] is the control; swap the two arms',
    );
  }
}

/** Checks each arm; returns the ids when all are valid and unique. */
function checkArms(ctx: Context, arms: unknown[]): string[] | undefined {
  const { out } = ctx;
  const kind = designKindOf(ctx);
  const ARM = DESIGN.variants.parallel.fields.arms.node.item;
  const ids: string[] = [];
  const firstIndex = new Map<string, number>();
  let allValid = true;
  const controls: number[] = [];
  arms.forEach((arm, i) => {
    const path = `design.arms[${i}]`;
    if (!isPlainObject(arm)) {
      out.add(path, arm, ARM.allowed);
      allValid = false;
      return;
    }
    checkKeys(ctx, path, arm, Object.keys(ARM.fields), ARM.what);
    const id = ownValue(arm, 'id');
    if (typeof id !== 'string' || !ARM_ID_PATTERN.test(id) || id.length > MAX_NAME_LENGTH || isForbiddenKey(id)) {
      out.add(`${path}.id`, id, ARM_ID_ALLOWED, typeof id === 'string' ? idProblem(id) : undefined);
      allValid = false;
    } else if (firstIndex.has(id)) {
      out.add(`${path}.id`, id, 'an id used by no other arm', `design.arms[${firstIndex.get(id)}] has the same id`);
      allValid = false;
    } else {
      firstIndex.set(id, i);
      ids.push(id);
    }
    walkField(ctx, ARM.fields.label, arm, 'label', path, 'design.arms[]');
    walkField(ctx, ARM.fields.control, arm, 'control', path, 'design.arms[]');
    if (ownValue(arm, 'control') === true) controls.push(i);
  });
  if (kind === 'single-arm') {
    for (const i of controls) {
      out.add(
        `design.arms[${i}].control`,
        true,
        'false or absent',
        'a single-arm design has no control arm; its arm is compared with analysis.null',
      );
    }
  } else if (kind === 'parallel' || kind === 'within-patient') {
    if (controls.length === 0 && arms.length > 0 && arms.every(isPlainObject)) {
      out.add('design.arms', arms, 'exactly one arm with "control": true', 'no arm is marked as the control');
    }
    for (const i of controls.slice(1)) {
      out.add(
        `design.arms[${i}].control`,
        true,
        'exactly one arm with "control": true',
        `design.arms[${controls[0]}] is already the control`,
      );
    }
  }
  return allValid ? ids : undefined;
}

/** `design.allocation`: one weight per arm. */
function checkAllocation(ctx: Context, allocation: unknown, _path: string, design: Record<string, unknown>): void {
  if (allocation === undefined) return;
  const arms = ownValue(design, 'arms');
  const k = Array.isArray(arms) ? arms.length : undefined;
  const allowed = `a list of ${k ?? 'one'} positive weight${k === 1 ? '' : 's'}, one per arm`;
  if (!Array.isArray(allocation)) {
    ctx.out.add('design.allocation', allocation, allowed);
    return;
  }
  if (k !== undefined && allocation.length !== k)
    ctx.out.add('design.allocation', allocation, allowed, `${allocation.length} given for ${k} arms`);
  allocation.slice(0, ctx.limits.maxArms).forEach((w, i) => checkExpressionValue(ctx, `design.allocation[${i}]`, w));
}

/** The rules of `design`, by field pattern. */
export const DESIGN_RULES: Readonly<Record<string, Rule>> = {
  'design.arms': { replace: (ctx, v) => checkArmList(ctx, v) },
  'design.allocation': { replace: checkAllocation },
};
