/**
 * The shipped scenarios (scenarios/*.json) against the evidence library
 * (src/evidence/papers/*.json, loaded by src/evidence/library.ts): no copy slips, nothing uncited.
 *
 * - Every value a scenario says it took from a paper (`sources[i].paths`)
 *   equals the evidence entry's number: the mean or SD of the right arm, a
 *   proportion, an x/n ratio, an n, or a value derived with the library's own
 *   helpers (SD from a CI with sdFromCI, a beta matched to a CI with
 *   betaFromCI, ordinal categories with ordinalFromThresholds), to 1e-9. The
 *   table `EXPECTED` below says, per file and path, which number of which entry
 *   that is; a file or path missing from it fails the test, so a new scenario
 *   must state its numbers here.
 * - Every evidence id (in `sources` and in `fromCI: { evidence }`) resolves.
 * - Every number of `design`, `endpoint` and `analysis.null` is cited by a
 *   source path or listed in `assumptions` (an expression counts as cited when
 *   every `let` name it uses is), and every assumption gives a reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betaFromCI } from '../../src/evidence/beta-from-ci.js';
import { evidenceCI } from '../../src/evidence/evidence-ci.js';
import { getEvidence } from '../../src/evidence/library.js';
import { ordinalFromThresholds } from '../../src/evidence/ordinal-from-thresholds.js';
import { sdFromCI } from '../../src/evidence/sd-from-ci.js';
import type { EvidenceValue } from '../../src/evidence/types.js';
import { compileExpression, evaluateExpression, evaluateLet } from '../../src/scenario/expressions.js';
import { formatPath, getPath, isPlainObject, normalizeSegments, parsePath } from '../../src/scenario/paths.js';
import type { ScenarioFile } from '../../src/scenario/types.js';
import { validateScenario } from '../../src/scenario/validate.js';

const DIR = new URL('../../scenarios/', import.meta.url);
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();
const load = (f: string): ScenarioFile => JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as ScenarioFile;

// ------------------------------------------------------------------ the numbers of the evidence entries

/** The value of an entry, of the form asked for (throws otherwise, so a changed entry fails loudly). */
function valueOf<F extends EvidenceValue['form']>(id: string, form: F): Extract<EvidenceValue, { form: F }> {
  const entry = getEvidence(id);
  if (!entry) throw new Error(`no evidence entry ${id}`);
  if (entry.value.form !== form) throw new Error(`evidence ${id} has form ${entry.value.form}, not ${form}`);
  return entry.value as Extract<EvidenceValue, { form: F }>;
}

/** The one row of a list whose label matches `label` (throws when none or several match). */
function row<T extends { label: string }>(rows: readonly T[], label: RegExp, id: string): T {
  const found = rows.filter((r) => label.test(r.label));
  if (found.length !== 1) throw new Error(`evidence ${id}: ${found.length} rows match ${label}`);
  return found[0];
}

const meanSd = (id: string, arm: RegExp) => row(valueOf(id, 'mean-sd').arms, arm, id);
const proportion = (id: string, arm: RegExp) => row(valueOf(id, 'proportion').arms, arm, id);
const counts = (id: string, arm: RegExp) => row(valueOf(id, 'x-of-n').arms, arm, id);
const meanChange = (id: string, group: RegExp) => row(valueOf(id, 'mean-change').groups, group, id);
const changeCI = (id: string) => valueOf(id, 'mean-change-ci');
const proportionCI = (id: string) => valueOf(id, 'proportion-ci');
/** SD of a change from its paired-t CI (sdFromCI). */
const sdOfChange = (id: string) => {
  const v = changeCI(id);
  return sdFromCI(v.lower, v.upper, v.n, v.level);
};
/** A beta matched to a proportion's CI (betaFromCI). */
const betaOf = (id: string) => {
  const v = proportionCI(id);
  return betaFromCI(v.estimate, v.lower, v.upper, v.level);
};
/** Quartile-scale category probabilities of TCI monotherapy, all patients. */
const tciAloneCategories = () => ordinalFromThresholds([25, 50, 75].map((t) => proportionCI(`tci-alone-all-${t}`).estimate));

/** One cited value: the evidence entry it comes from and the number it must equal. */
interface Expected {
  evidence: string;
  value: number;
}
const from = (evidence: string, value: number): Expected => ({ evidence, value });

/** Per shipped file, per source path: the entry and its number. */
const EXPECTED: Record<string, Record<string, Expected>> = {
  'nct06764329-hair-count.json': {
    'endpoint.arms.msc.mean': from('aga-hair-count', meanSd('aga-hair-count', /ADSC-CE/).mean),
    'endpoint.arms.msc.sd': from('aga-hair-count', meanSd('aga-hair-count', /ADSC-CE/).sd),
    'endpoint.arms.saline.mean': from('aga-hair-count', meanSd('aga-hair-count', /Placebo/).mean),
    'endpoint.arms.saline.sd': from('aga-hair-count', meanSd('aga-hair-count', /Placebo/).sd),
    'design.n': from('nct06764329-design', valueOf('nct06764329-design', 'design').n),
  },
  'nct06764329-hair-diameter.json': {
    'endpoint.arms.msc.mean': from('aga-hair-diameter', meanSd('aga-hair-diameter', /ADSC-CE/).mean),
    'endpoint.arms.msc.sd': from('aga-hair-diameter', meanSd('aga-hair-diameter', /ADSC-CE/).sd),
    'endpoint.arms.saline.mean': from('aga-hair-diameter', meanSd('aga-hair-diameter', /Placebo/).mean),
    'endpoint.arms.saline.sd': from('aga-hair-diameter', meanSd('aga-hair-diameter', /Placebo/).sd),
    'design.n': from('nct06764329-design', valueOf('nct06764329-design', 'design').n),
  },
  'split-scalp-hair-count.json': {
    'endpoint.arms.msc.mean': from('aga-hair-count', meanSd('aga-hair-count', /ADSC-CE/).mean),
    'endpoint.arms.msc.sd': from('aga-hair-count', meanSd('aga-hair-count', /ADSC-CE/).sd),
    'endpoint.arms.saline.mean': from('aga-hair-count', meanSd('aga-hair-count', /Placebo/).mean),
    'endpoint.arms.saline.sd': from('aga-hair-count', meanSd('aga-hair-count', /Placebo/).sd),
  },
  'vitiligo-tci-photo-paired-lesions.json': {
    'endpoint.arms.tci.p.beta.alpha': from('tci-photo-all-25', betaOf('tci-photo-all-25').alpha),
    'endpoint.arms.tci.p.beta.beta': from('tci-photo-all-25', betaOf('tci-photo-all-25').beta),
    'let.photoRate': from('nbuvb-alone-25', proportion('nbuvb-alone-25', /NB-UVB/).estimate),
  },
  'vitiligo-tci-vs-vehicle-ordinal.json': {
    'let.tci25': from('tci-alone-all-25', proportionCI('tci-alone-all-25').estimate),
    'let.tci50': from('tci-alone-all-50', proportionCI('tci-alone-all-50').estimate),
    'let.tci75': from('tci-alone-all-75', proportionCI('tci-alone-all-75').estimate),
    'endpoint.arms.tci.probs[0]': from('tci-alone-all-25', tciAloneCategories()[0]),
    'endpoint.arms.tci.probs[1]': from('tci-alone-all-50', tciAloneCategories()[1]),
    'endpoint.arms.tci.probs[2]': from('tci-alone-all-75', tciAloneCategories()[2]),
    'endpoint.arms.tci.probs[3]': from('tci-alone-all-75', tciAloneCategories()[3]),
  },
  'ncecs-vs-ha-paired-lesions.json': {
    'endpoint.arms.ncecs.p': from('ncecs-vs-ha', counts('ncecs-vs-ha', /^NCECS, group B/).x / counts('ncecs-vs-ha', /^NCECS, group B/).n),
    'endpoint.arms.ha.p': from(
      'ncecs-vs-ha',
      counts('ncecs-vs-ha', /^hyaluronic acid, group B/).x / counts('ncecs-vs-ha', /^hyaluronic acid, group B/).n,
    ),
    'design.n': from('ncecs-vs-ha', counts('ncecs-vs-ha', /^NCECS, group B/).n),
  },
  'tacrolimus-maintenance.json': {
    'endpoint.arms.tacrolimus.p': from('tci-maintenance', proportion('tci-maintenance', /tacrolimus/).estimate),
    'endpoint.arms.placebo.p': from('tci-maintenance', proportion('tci-maintenance', /placebo/).estimate),
    'design.allocation[0]': from('tci-maintenance', proportion('tci-maintenance', /tacrolimus/).n!),
    'design.allocation[1]': from('tci-maintenance', proportion('tci-maintenance', /placebo/).n!),
    'design.n': from('tci-maintenance', proportion('tci-maintenance', /tacrolimus/).n! + proportion('tci-maintenance', /placebo/).n!),
  },
  'rdeb-single-arm-bebss.json': {
    'endpoint.arms.ucbmsc.mean': from('rdeb-bebss', changeCI('rdeb-bebss').estimate),
    'design.n': from('rdeb-bebss', changeCI('rdeb-bebss').n),
    'let.sdChange': from('rdeb-bebss', sdOfChange('rdeb-bebss')),
    'endpoint.arms.ucbmsc.sd': from('rdeb-bebss', sdOfChange('rdeb-bebss')),
  },
  'rdeb-placebo-controlled-bebss.json': {
    'let.ucbChange': from('rdeb-bebss', changeCI('rdeb-bebss').estimate),
    'let.sdChange': from('rdeb-bebss', sdOfChange('rdeb-bebss')),
    'endpoint.arms.msc.sd': from('rdeb-bebss', sdOfChange('rdeb-bebss')),
    'let.bmChange': from('rdeb-bm-msc', meanChange('rdeb-bm-msc', /^adults/).estimate),
  },
  'msc-psoriasis-pasi75.json': {
    'let.pasi75': from('msc-psoriasis-pasi75', proportion('msc-psoriasis-pasi75', /UC-MSC/).estimate),
    'let.pasiN': from('msc-psoriasis-pasi75', proportion('msc-psoriasis-pasi75', /UC-MSC/).n!),
  },
};

// ------------------------------------------------------------------ reading a scenario's values

/** A path in canonical form (`probs.2` → `probs[2]`). */
function canonical(file: ScenarioFile, path: string): string {
  const p = parsePath(path);
  if (!p.ok) throw new Error(`bad path ${path}: ${p.error}`);
  return formatPath(normalizeSegments(file, p.segments));
}

/** The number at `path`: a literal, or an expression evaluated over the file's `let`. */
function numberAt(file: ScenarioFile, path: string): number {
  const v = getPath(file, path);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const r = evaluateExpression(v, evaluateLet(file.let).scope);
    if (!r.ok) throw new Error(`${path}: ${r.reason}`);
    return r.value;
  }
  throw new Error(`${path} holds ${JSON.stringify(v)}, not a number or an expression`);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Every `{ "fromCI": { "evidence": id } }` below `node`, with its path. */
function fromCIEvidence(node: unknown, path = ''): Array<{ path: string; id: unknown }> {
  if (Array.isArray(node)) return node.flatMap((v, i) => fromCIEvidence(v, `${path}[${i}]`));
  if (!isPlainObject(node)) return [];
  const out: Array<{ path: string; id: unknown }> = [];
  for (const [k, v] of Object.entries(node)) {
    const p = path === '' ? k : `${path}.${k}`;
    if (k === 'fromCI' && isPlainObject(v) && 'evidence' in v) out.push({ path: p, id: v.evidence });
    else out.push(...fromCIEvidence(v, p));
  }
  return out;
}

/** A number of the scenario that must be accounted for: its path and what the file holds there. */
interface Slot {
  path: string;
  value: unknown;
}

/**
 * The numbers of `design`, `endpoint` and `analysis.null`, down to the
 * parameters of distributions (a `fromCI: { evidence }` is one slot).
 */
function numberSlots(file: ScenarioFile): Slot[] {
  const slots: Slot[] = [];
  const add = (path: string, value: unknown): void => {
    if (value === undefined) return;
    if (isPlainObject(value)) {
      const [kind, params] = Object.entries(value)[0] ?? [];
      if (kind === 'fromCI' && isPlainObject(params) && 'evidence' in params) {
        slots.push({ path, value });
        return;
      }
      if (isPlainObject(params)) {
        for (const [k, v] of Object.entries(params)) if (k !== 'unit') add(`${path}.${kind}.${k}`, v);
        return;
      }
    }
    slots.push({ path, value });
  };
  const d = file.design as unknown as Record<string, unknown>;
  add('design.n', d.n);
  if (Array.isArray(d.allocation)) d.allocation.forEach((w, i) => add(`design.allocation[${i}]`, w));
  for (const k of ['dropout', 'correlation', 'spillover']) add(`design.${k}`, d[k]);
  for (const [id, arm] of Object.entries(file.endpoint.arms as Record<string, Record<string, unknown>>)) {
    for (const [k, v] of Object.entries(arm)) {
      if (Array.isArray(v)) v.forEach((p, i) => add(`endpoint.arms.${id}.${k}[${i}]`, p));
      else add(`endpoint.arms.${id}.${k}`, v);
    }
  }
  add('analysis.null', file.analysis.null);
  return slots;
}

/** The paths a file cites or assumes, canonical. */
function accountedPaths(file: ScenarioFile): string[] {
  return [
    ...(file.sources ?? []).flatMap((s) => (s.paths ?? []).map((p) => canonical(file, p))),
    ...(file.assumptions ?? []).map((a) => canonical(file, a.path)),
  ];
}

/** Whether `path` is one of `listed` or lies inside one of them. */
const isListed = (path: string, listed: readonly string[]) =>
  listed.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));

/** Why the number at `slot` is not accounted for, or undefined when it is cited or assumed. */
function unaccounted(file: ScenarioFile, slot: Slot, listed: readonly string[], seen = new Set<string>()): string | undefined {
  if (isListed(slot.path, listed)) return undefined;
  const v = slot.value;
  if (isPlainObject(v) && isPlainObject(v.fromCI) && typeof v.fromCI.evidence === 'string') {
    return evidenceCI(v.fromCI.evidence) ? undefined : `${slot.path}: fromCI evidence ${v.fromCI.evidence} has no interval`;
  }
  if (typeof v === 'string') {
    const c = compileExpression(v);
    if (!c.ok) return `${slot.path}: ${c.reason}`;
    if (c.expr.names.length === 0) return `${slot.path} = ${JSON.stringify(v)} is neither cited nor assumed`;
    for (const name of c.expr.names) {
      if (seen.has(name)) continue;
      seen.add(name);
      const why = unaccounted(file, { path: `let.${name}`, value: file.let?.[name] }, listed, seen);
      if (why) return `${slot.path} uses ${why}`;
    }
    return undefined;
  }
  return `${slot.path} = ${JSON.stringify(v)} is neither cited nor assumed`;
}

// ------------------------------------------------------------------ tests

describe('shipped scenarios against the evidence library', () => {
  it('finds the shipped scenarios, every one valid and listed in EXPECTED', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(10);
    for (const f of FILES) expect({ f, ok: validateScenario(load(f)).ok }).toEqual({ f, ok: true });
    expect(Object.keys(EXPECTED).sort()).toEqual(FILES);
  });

  describe.each(FILES)('%s', (f) => {
    const file = load(f);

    it('cites exactly the paths EXPECTED knows, each from the entry EXPECTED names', () => {
      const cited = (file.sources ?? []).flatMap((s) => (s.paths ?? []).map((p) => `${canonical(file, p)} ← ${s.evidence}`)).sort();
      const known = Object.entries(EXPECTED[f] ?? {})
        .map(([p, e]) => `${canonical(file, p)} ← ${e.evidence}`)
        .sort();
      expect(cited).toEqual(known);
    });

    it('holds the evidence numbers at the cited paths', () => {
      for (const [path, e] of Object.entries(EXPECTED[f] ?? {})) {
        const got = numberAt(file, path);
        expect({ path, got, expected: e.value, close: close(got, e.value) }).toEqual({ path, got, expected: e.value, close: true });
        expect(e.value, `${path}: the expected value must be a number`).toEqual(expect.any(Number));
        expect(Number.isFinite(e.value)).toBe(true);
      }
    });

    it('names only evidence ids that resolve', () => {
      for (const s of file.sources ?? [])
        expect({ id: s.evidence, known: getEvidence(s.evidence) !== undefined }).toEqual({ id: s.evidence, known: true });
      for (const { path, id } of fromCIEvidence(file)) {
        expect({ path, id, hasInterval: typeof id === 'string' && evidenceCI(id) !== undefined }).toEqual({ path, id, hasInterval: true });
      }
    });

    it('cites or assumes every number of design, endpoint and analysis.null', () => {
      const listed = accountedPaths(file);
      const problems = numberSlots(file)
        .map((s) => unaccounted(file, s, listed))
        .filter((p) => p !== undefined);
      expect(problems).toEqual([]);
      const lets = Object.keys(file.let ?? {}).map((name) => unaccounted(file, { path: `let.${name}`, value: file.let?.[name] }, listed));
      expect(lets.filter((p) => p !== undefined)).toEqual([]);
    });

    it('gives a reason for every assumption and a note for every source', () => {
      for (const a of file.assumptions ?? [])
        expect({ path: a.path, reasoned: a.note.trim().length >= 20 }).toEqual({ path: a.path, reasoned: true });
      for (const s of file.sources ?? [])
        expect({ id: s.evidence, noted: (s.note ?? '').trim().length >= 20 }).toEqual({ id: s.evidence, noted: true });
    });

    it('has a title, a readable description, a seed, a sweep and an expect block', () => {
      expect(file.title.trim().length).toBeGreaterThan(10);
      expect((file.description ?? '').length).toBeGreaterThan(300);
      expect(file.simulation?.seed).toBeDefined();
      expect(Object.keys(file.sweep ?? {}).length).toBeGreaterThanOrEqual(1);
      expect(file.expect?.power ?? file.expect?.assurance ?? file.expect?.sampleSize).toBeDefined();
    });
  });

  it('catches a copy slip, an uncited number and an unknown fromCI id (self-check of the rules)', () => {
    const hair = load('nct06764329-hair-count.json');
    const slipped = {
      ...hair,
      endpoint: { ...hair.endpoint, arms: { ...hair.endpoint.arms, msc: { mean: 3.98, sd: 3.01 } } },
    } as ScenarioFile;
    expect(
      close(numberAt(slipped, 'endpoint.arms.msc.mean'), EXPECTED['nct06764329-hair-count.json']['endpoint.arms.msc.mean'].value),
    ).toBe(false);

    const uncited = { ...hair, assumptions: (hair.assumptions ?? []).filter((a) => a.path !== 'design.dropout') };
    const problems = numberSlots(uncited)
      .map((s) => unaccounted(uncited, s, accountedPaths(uncited)))
      .filter(Boolean);
    expect(problems).toEqual(['design.dropout = 0.1 is neither cited nor assumed']);

    const viaLet = { ...uncited, let: { d: 0.1 }, design: { ...hair.design, dropout: 'd' } } as ScenarioFile;
    expect(numberSlots(viaLet).map((s) => unaccounted(viaLet, s, accountedPaths(viaLet)))).toContain(
      'design.dropout uses let.d = 0.1 is neither cited nor assumed',
    );

    const bogus = {
      ...hair,
      endpoint: { ...hair.endpoint, arms: { ...hair.endpoint.arms, msc: { mean: { fromCI: { evidence: 'aga-hair-count' } }, sd: 3.01 } } },
    } as ScenarioFile;
    expect(fromCIEvidence(bogus)).toEqual([{ path: 'endpoint.arms.msc.mean.fromCI', id: 'aga-hair-count' }]);
    expect(evidenceCI('aga-hair-count')).toBeUndefined(); // means with SDs: no interval to draw from
  });
});
