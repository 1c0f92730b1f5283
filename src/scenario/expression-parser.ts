/**
 * The mathjs parser behind scenario expressions, loaded only when a document
 * has a string where an expression may stand.
 *
 * mathjs is the largest dependency the CLI and the page would otherwise load
 * at start, and most scenario files hold only literal numbers. So it is
 * imported dynamically: `prepareScenarioInput` (./prepare.ts) awaits
 * `loadExpressionParser()` when `needsExpressionParser(document)` says so, and
 * the synchronous validator and resolver then reach the parser through
 * `expressionParser()`.
 */
import type { MathParse } from './math-parse.js';

let parser: MathParse | undefined;
let loading: Promise<void> | undefined;

/**
 * Imports mathjs (once; later calls return the same promise) and makes the
 * parser available to `expressionParser()`. A failed import may be retried.
 */
export function loadExpressionParser(): Promise<void> {
  if (parser) return Promise.resolve();
  loading ??= import('./math-parse.js').then(
    ({ createMathParse }) => {
      parser ??= createMathParse();
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether `loadExpressionParser` has finished. */
export function isExpressionParserLoaded(): boolean {
  return parser !== undefined;
}

/**
 * The loaded parser. Throws when it has not been loaded: that is a bug of the
 * caller (an edge that let a document through without preparing it), not bad input.
 */
export function expressionParser(): MathParse {
  if (!parser) {
    throw new Error(
      'the expression parser (mathjs) is not loaded: call prepareScenarioInput(document) first, before validating or resolving a scenario with expressions',
    );
  }
  return parser;
}

/** Any array index, in a `TEXT_ONLY` path. */
const INDEX = Symbol('index');

type Segment = string | typeof INDEX;

/**
 * Where a scenario holds text that is never read as an expression. A string
 * anywhere else may be one (a number slot, `let`, `sweep`, a distribution's
 * parameter, a key the format does not know), so it makes the parser needed.
 * A slot missing from this list costs only the parser's loading time; a slot
 * wrongly on it would throw in validation, so only plain text fields are here.
 */
const TEXT_ONLY: readonly (readonly Segment[])[] = [
  ['$schema'],
  ['format'],
  ['title'],
  ['description'],
  ['sources', INDEX, 'evidence'],
  ['sources', INDEX, 'paths', INDEX],
  ['sources', INDEX, 'note'],
  ['assumptions', INDEX, 'path'],
  ['assumptions', INDEX, 'note'],
  ['design', 'kind'],
  ['design', 'arms', INDEX, 'id'],
  ['design', 'arms', INDEX, 'label'],
  ['endpoint', 'kind'],
  ['endpoint', 'label'],
  ['endpoint', 'unit'],
  ['endpoint', 'better'],
  ['endpoint', 'categories', INDEX],
  ['analysis', 'test'],
  ['analysis', 'multiplicity'],
  ['analysis', 'success'],
  ['simulation', 'seed'],
];

/** How deep the deepest `TEXT_ONLY` slot lies. */
const DEEPEST_TEXT_SLOT = Math.max(...TEXT_ONLY.map((slot) => slot.length));

/** The text keys of a `fromCI` distribution, wherever it stands outside `let` and `sweep`. */
const FROM_CI_TEXT_KEYS: ReadonlySet<string> = new Set(['evidence', 'unit']);

/** Where a value stands: its key or `INDEX`, its parent's place, its depth and the top-level key. */
interface Place {
  readonly segment: Segment;
  readonly parent: Place | undefined;
  readonly depth: number;
  readonly top: Segment;
}

/** The last `count` segments of `place`, outermost first. */
function lastSegments(place: Place, count: number): Segment[] {
  const out: Segment[] = [];
  for (let p: Place | undefined = place; p !== undefined && out.length < count; p = p.parent) out.unshift(p.segment);
  return out;
}

/** Whether the string at `place` lies in a text-only slot. */
function isTextOnly(place: Place | undefined): boolean {
  if (place === undefined || place.top === 'let' || place.top === 'sweep') return false;
  const [parentKey, key] = lastSegments(place, 2);
  if (place.depth >= 2 && parentKey === 'fromCI' && FROM_CI_TEXT_KEYS.has(key as string)) return true;
  if (place.depth > DEEPEST_TEXT_SLOT) return false;
  const path = lastSegments(place, place.depth);
  return TEXT_ONLY.some((slot) => slot.length === path.length && slot.every((s, i) => s === path[i]));
}

/**
 * Whether validating or resolving `json` (a parsed, untrusted document, after
 * any overrides) may parse an expression: true when it holds a string
 * anywhere but in a plain text field (title, ids, labels, kinds, test names,
 * seed…). Conservative: a "false" guarantees that validation and resolution
 * run without the parser, whatever the document; a "true" may be a string
 * that turns out to be misplaced. Walks without recursion, so any depth is fine.
 */
export function needsExpressionParser(json: unknown): boolean {
  const stack: { value: unknown; place: Place | undefined }[] = [{ value: json, place: undefined }];
  const seen = new Set<object>();
  const child = (parent: Place | undefined, segment: Segment): Place => ({
    segment,
    parent,
    depth: (parent?.depth ?? 0) + 1,
    top: parent?.top ?? segment,
  });
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, place } = next;
    if (typeof value === 'string') {
      if (!isTextOnly(place)) return true;
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) for (const item of value) stack.push({ value: item, place: child(place, INDEX) });
      else for (const [key, item] of Object.entries(value)) stack.push({ value: item, place: child(place, key) });
    }
  }
  return false;
}
