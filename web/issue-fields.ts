/**
 * Which form field a validation issue belongs to. Issues carry JSON paths
 * (`design.n`, `endpoint.arms.msc.mean.normal.sd`, `sweep["design.n"][2]`);
 * form fields carry the path they edit. An issue goes to the field at its
 * path, else to the deepest field that contains it, else to the first field
 * inside it (an issue about `design.arms` goes to the arms group).
 */

/** Whether `inner` is `outer` or lies inside it. */
export function pathWithin(inner: string, outer: string): boolean {
  if (outer === '') return true;
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

/** The field path an issue at `issuePath` is shown at, or undefined (shown with the JSON view). */
export function fieldForIssue(issuePath: string, fieldPaths: readonly string[]): string | undefined {
  if (issuePath === '') return undefined;
  let best: string | undefined;
  for (const f of fieldPaths) {
    if (f !== '' && pathWithin(issuePath, f) && (best === undefined || f.length > best.length)) best = f;
  }
  if (best !== undefined) return best;
  return fieldPaths.find((f) => f !== '' && pathWithin(f, issuePath));
}
