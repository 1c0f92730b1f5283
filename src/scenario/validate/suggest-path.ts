/** "Did you mean" for a path that leads nowhere in a scenario. */
import { closest } from '../suggest.js';
import { deepestExisting, formatPath, hasPath, isForbiddenKey, isPlainObject, type PathSegment } from '../paths.js';

/** `did you mean "<corrected path>"?` for a path that leads nowhere in `root`. */
export function suggestPath(root: unknown, segments: readonly PathSegment[]): string | undefined {
  const { depth, value } = deepestExisting(root, segments);
  if (depth >= segments.length || !isPlainObject(value)) return undefined;
  const c = closest(
    String(segments[depth]),
    Object.keys(value).filter((k) => !isForbiddenKey(k)),
  );
  if (c === undefined) return undefined;
  const fixed = [...segments];
  fixed[depth] = c;
  return hasPath(root, fixed) ? `did you mean "${formatPath(fixed)}"?` : undefined;
}
