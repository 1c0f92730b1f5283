/**
 * The schema of the evidence data files (src/evidence/papers/*.json), as a
 * typed checker: it reads parsed JSON into the types of types.ts and reports
 * every problem with its path, the value found and what is allowed.
 *
 * types.ts stays the one description of an entry. Each object below is read
 * by a spec with one reader per key of its type (`Spec<T>`), so the compiler
 * rejects a spec that misses a key, has a key the type lacks, or reads a value
 * of the wrong type; a key in the data that the type does not have is an issue.
 * The checker only checks types (and that counts are whole); what a value must
 * be to fit its paper is checked by test/evidence/library.test.ts.
 */
import { IssueCollector, ok, type Result } from '../scenario/issues.js';
import { isPlainObject } from '../scenario/paths.js';
import { SEED_DOCUMENTS } from './seed-documents.js';
import type {
  DesignValue,
  EvidenceForm,
  EvidencePaper,
  EvidenceValue,
  MeanChangeCIValue,
  MeanChangeGroup,
  MeanChangeValue,
  MeanSdArm,
  MeanSdValue,
  PaperEntry,
  ProportionArm,
  ProportionCIValue,
  ProportionValue,
  Quote,
  SourceDesign,
  XOfNArm,
  XOfNValue,
} from './types.js';

/** Reads one value of type T; records issues in `out` and returns `undefined` when it cannot. */
interface Reader<T> {
  /** What is allowed, for issues. */
  allowed: string;
  read(x: unknown, path: string, out: IssueCollector): T | undefined;
}

/** A key that may be left out. */
interface Optional<T> {
  optional: Reader<T>;
}

/** One reader per key of T, `Optional` exactly for the optional keys. */
type Spec<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? Optional<Exclude<T[K], undefined>> : Reader<T[K]> };

function reader<T>(allowed: string, accept: (x: unknown) => x is T): Reader<T> {
  return {
    allowed,
    read(x, path, out) {
      if (accept(x)) return x;
      out.add(path, x, allowed);
      return undefined;
    },
  };
}

const text = reader('a non-empty string', (x): x is string => typeof x === 'string' && x.trim() !== '');
const finite = reader('a finite number', (x): x is number => typeof x === 'number' && Number.isFinite(x));
const count = reader('a whole number ≥ 0', (x): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0);
const flag = reader('true or false', (x): x is boolean => typeof x === 'boolean');

function literal<const T extends string | number>(value: T): Reader<T> {
  return reader(JSON.stringify(value), (x): x is T => x === value);
}

/** One of the keys of `all` (a record, so that the compiler checks it names every member of T). */
function choice<T extends string>(all: Record<T, unknown>): Reader<T> {
  const keys = Object.keys(all);
  return reader(`one of ${keys.map((k) => JSON.stringify(k)).join(', ')}`, (x): x is T => typeof x === 'string' && keys.includes(x));
}

function list<T>(item: Reader<T>, min = 0): Reader<T[]> {
  const allowed = min > 0 ? `a list of at least ${min}, each ${item.allowed}` : `a list, each ${item.allowed}`;
  return {
    allowed,
    read(x, path, out) {
      if (!Array.isArray(x) || x.length < min) {
        out.add(path, x, allowed);
        return undefined;
      }
      const items = x.map((v, i) => item.read(v, `${path}[${i}]`, out));
      return items.every((v): v is T => v !== undefined) ? items : undefined;
    },
  };
}

/** An object with exactly the keys of `spec` (optional ones may be left out), built in the spec's key order. */
function object<T>(what: string, spec: Spec<T>): Reader<T> {
  const fields = Object.entries(spec) as [string, Reader<unknown> | Optional<unknown>][];
  const keys = fields.map(([k]) => k).join(', ');
  return {
    allowed: what,
    read(x, path, out) {
      if (!isPlainObject(x)) {
        out.add(path, x, what);
        return undefined;
      }
      let complete = true;
      for (const key of Object.keys(x)) {
        if (Object.hasOwn(spec, key)) continue;
        out.add(at(path, key), x[key], `no such key in ${what}; its keys are ${keys}`);
        complete = false;
      }
      const built: Record<string, unknown> = {};
      for (const [key, field] of fields) {
        const read = 'optional' in field ? field.optional : field;
        if (!Object.hasOwn(x, key)) {
          if ('optional' in field) continue;
          out.add(at(path, key), undefined, read.allowed, `${what} needs ${key}`);
          complete = false;
          continue;
        }
        const v = read.read(x[key], at(path, key), out);
        if (v === undefined) complete = false;
        else built[key] = v;
      }
      // Every key of T was read by its reader of T[K] (Spec<T>), so `built` is a T.
      return complete ? (built as T) : undefined;
    },
  };
}

/** The path of `key` inside the value at `path` (the file itself is ''). */
const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

const optional = <T>(r: Reader<T>): Optional<T> => ({ optional: r });

/** The value forms, by their `form` tag. */
type ValueReaders = { [F in EvidenceForm]: Reader<Extract<EvidenceValue, { form: F }>> };

function tagged(readers: ValueReaders): Reader<EvidenceValue> {
  const forms = choice(readers);
  const allowed = `a value object whose form is ${forms.allowed}`;
  return {
    allowed,
    read(x, path, out) {
      if (!isPlainObject(x)) {
        out.add(path, x, allowed);
        return undefined;
      }
      const form = forms.read(x.form, at(path, 'form'), out);
      return form === undefined ? undefined : readers[form].read(x, path, out);
    },
  };
}

const quote = object<Quote>('a quote object', { section: text, quote: text });

const meanSd = object<MeanSdValue>('a mean-sd value', {
  form: literal('mean-sd'),
  arms: list(object<MeanSdArm>('a mean-sd arm', { label: text, mean: finite, sd: finite, n: optional(count) }), 1),
});
const meanChangeCI = object<MeanChangeCIValue>('a mean-change-ci value', {
  form: literal('mean-change-ci'),
  estimate: finite,
  lower: finite,
  upper: finite,
  n: count,
  level: literal(0.95),
});
const meanChange = object<MeanChangeValue>('a mean-change value', {
  form: literal('mean-change'),
  groups: list(object<MeanChangeGroup>('a mean-change group', { label: text, estimate: finite, n: optional(count) }), 1),
});
const proportionCI = object<ProportionCIValue>('a proportion-ci value', {
  form: literal('proportion-ci'),
  estimate: finite,
  lower: finite,
  upper: finite,
  level: literal(0.95),
  n: optional(count),
  studies: optional(count),
});
const proportion = object<ProportionValue>('a proportion value', {
  form: literal('proportion'),
  arms: list(object<ProportionArm>('a proportion arm', { label: text, estimate: finite, n: optional(count) }), 1),
});
const xOfN = object<XOfNValue>('an x-of-n value', {
  form: literal('x-of-n'),
  arms: list(object<XOfNArm>('an x-of-n row', { label: text, x: count, n: count }), 1),
});
const BLINDINGS: Record<NonNullable<DesignValue['blinding']>, true> = { open: true, single: true, double: true };

const design = object<DesignValue>('a design value', {
  form: literal('design'),
  n: count,
  arms: list(text, 1),
  randomized: flag,
  blinding: optional(choice(BLINDINGS)),
  allocation: optional(list(finite, 1)),
  followUpWeeks: optional(finite),
});

const SOURCE_DESIGNS: Record<SourceDesign, true> = { parallel: true, 'within-patient': true, 'single-arm': true };

const entry = object<PaperEntry>('an evidence entry', {
  id: reader('a kebab-case id', (x): x is string => typeof x === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(x)),
  measure: text,
  value: tagged({
    'mean-sd': meanSd,
    'mean-change-ci': meanChangeCI,
    'mean-change': meanChange,
    'proportion-ci': proportionCI,
    proportion,
    'x-of-n': xOfN,
    design,
  }),
  design: choice(SOURCE_DESIGNS),
  provenance: object<PaperEntry['provenance']>('a provenance object', { section: text, quote: text, supporting: optional(list(quote, 1)) }),
  notes: text,
});

const paper = object<EvidencePaper>('an evidence paper file', { seed: choice(SEED_DOCUMENTS), entries: list(entry, 1) });

/**
 * Reads one parsed data file of src/evidence/papers/ into an `EvidencePaper`,
 * or lists every problem (paths relative to the file, e.g. `entries[3].value.arms[0].sd`).
 *
 * @example
 * checkPaper({ seed: '003_99f903491847d792.txt', entries: [] });
 * // → { ok: false, issues: [{ path: 'entries', value: [], allowed: 'a list of at least 1, each an evidence entry' }] }
 */
export function checkPaper(json: unknown): Result<EvidencePaper> {
  const out = new IssueCollector();
  const read = paper.read(json, '', out);
  return read === undefined || !out.clean ? { ok: false, issues: out.issues } : ok(read);
}
