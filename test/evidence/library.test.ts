import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evidenceEntries, evidenceIds, getEvidence } from '../../src/evidence/library.js';
import type { EvidenceEntry, EvidenceValue, SeedFile } from '../../src/evidence/types.js';

/** The source papers, beside the repository (../shared/seeds/); a clone elsewhere may not have them. */
const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const haveSeeds = existsSync(SEEDS);
const SEED_FILES: readonly SeedFile[] = [
  '000_4e7c27745ac618ea.txt',
  '001_d165d94ba7b47e7b.txt',
  '002_7fe80a122519ed26.txt',
  '003_99f903491847d792.txt',
  '004_cd6af8962457b2c0.txt',
];

/** Runs of whitespace (line breaks, tabs, double spaces of the PDF extraction) become one space. */
const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

const seedText = new Map<SeedFile, string>();
function seed(file: SeedFile): string {
  let t = seedText.get(file);
  if (t === undefined) {
    t = normalise(readFileSync(new URL(file, SEEDS), 'utf8'));
    seedText.set(file, t);
  }
  return t;
}

/** Numbers the papers print as words. */
const WORDS: Record<string, number> = {
  none: 0,
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};

/**
 * The numbers printed in a passage: every digit run (with decimals) and number
 * words. Signs are dropped (the papers print "–7.39", "−3" or "decreased by 5.6").
 */
function printedNumbers(text: string): number[] {
  const out = [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  for (const m of text.toLowerCase().matchAll(/[a-z]+/g)) if (m[0] in WORDS) out.push(WORDS[m[0]]);
  return out;
}

/**
 * The numbers of a value as the paper prints them: proportions as %, changes
 * without their sign, the confidence level as 95.
 */
function valueNumbers(v: EvidenceValue): { what: string; x: number }[] {
  const pct = (x: number): number => x * 100;
  const out: { what: string; x: number }[] = [];
  const add = (what: string, x: number | undefined): void => {
    if (x !== undefined) out.push({ what, x: Math.abs(x) });
  };
  switch (v.form) {
    case 'mean-sd':
      v.arms.forEach((a) => (add(`${a.label} mean`, a.mean), add(`${a.label} sd`, a.sd), add(`${a.label} n`, a.n)));
      break;
    case 'mean-change-ci':
      add('estimate', v.estimate), add('lower', v.lower), add('upper', v.upper), add('n', v.n), add('level %', pct(v.level));
      break;
    case 'mean-change':
      v.groups.forEach((g) => (add(`${g.label} estimate`, g.estimate), add(`${g.label} n`, g.n)));
      break;
    case 'proportion-ci':
      add('estimate %', pct(v.estimate)), add('lower %', pct(v.lower)), add('upper %', pct(v.upper)), add('level %', pct(v.level));
      add('n', v.n), add('studies', v.studies);
      break;
    case 'proportion':
      v.arms.forEach((a) => (add(`${a.label} %`, pct(a.estimate)), add(`${a.label} n`, a.n)));
      break;
    case 'x-of-n':
      v.arms.forEach((a) => (add(`${a.label} x`, a.x), add(`${a.label} n`, a.n)));
      break;
    case 'design':
      add('n', v.n), add('follow-up weeks', v.followUpWeeks);
      v.allocation?.forEach((w, i) => add(`allocation[${i}]`, w));
      break;
  }
  return out;
}

const quotesOf = (e: EvidenceEntry): string[] => [e.provenance.quote, ...(e.provenance.supporting ?? []).map((q) => q.quote)];

describe('evidence library', () => {
  it('has unique kebab-case ids, listed in evidenceIds() in library order', () => {
    const ids = evidenceEntries().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(evidenceIds()).toEqual(ids);
  });

  it('getEvidence returns each entry by id and undefined for an unknown id', () => {
    for (const e of evidenceEntries()) expect(getEvidence(e.id)).toBe(e);
    expect(getEvidence('no-such-entry')).toBeUndefined();
    expect(getEvidence('')).toBeUndefined();
  });

  it('has every entry the brief and EVIDENCE.md ask for', () => {
    const required = [
      'aga-hair-count',
      'aga-hair-diameter',
      'nct06764329-design',
      'rdeb-bebss',
      'rdeb-tbsa',
      'rdeb-blister-count',
      'rdeb-pain-vas',
      'rdeb-itch-vas',
      'rdeb-qoleb',
      'rdeb-bm-msc',
      'ssc-mrss',
      'nbuvb-alone-25',
      'tci-maintenance',
      'tci-adverse',
      'ncecs-vs-ha',
      'ncecs-site-prep',
      'ncecs-stability',
      'ncecs-lesions',
      'msc-psoriasis-pasi75',
      'msc-psoriasis-pasi90',
      'msc-psoriasis-pasi50',
      'msc-ad-easi50',
      'msc-ad-easi75',
      'msc-ad-easi50-bm',
      'msc-urticaria',
      'msc-aa-controlled',
      'msc-aa-regrowth',
      'msc-sle-remission',
      'msc-sle-complete-remission',
      'msc-ae-mild',
      'msc-ae-moderate-severe',
    ];
    for (const group of [
      'alone-all',
      'alone-children',
      'alone-face-neck',
      'alone-trunk-extremities',
      'alone-hands-feet',
      'photo-all',
      'photo-face-neck',
      'photo-trunk-extremities',
    ]) {
      for (const t of [25, 50, 75]) required.push(`tci-${group}-${t}`);
    }
    const missing = required.filter((id) => getEvidence(id) === undefined);
    expect(missing).toEqual([]);
  });

  it('gives every entry a measure, notes and a provenance naming a seed, a section and a quote', () => {
    for (const e of evidenceEntries()) {
      expect(e.measure.trim(), e.id).not.toBe('');
      expect(e.notes.trim(), e.id).not.toBe('');
      expect(SEED_FILES, e.id).toContain(e.provenance.seed);
      expect(e.provenance.section.trim(), e.id).not.toBe('');
      for (const q of [e.provenance, ...(e.provenance.supporting ?? [])]) {
        expect(q.section.trim(), e.id).not.toBe('');
        expect(q.quote.trim(), e.id).not.toBe('');
      }
    }
  });

  it('keeps values in range: proportions in [0, 1], counts whole with x ≤ n, SDs positive, estimates inside their CI', () => {
    const isProportion = (p: number): boolean => p >= 0 && p <= 1;
    const isCount = (k: number): boolean => Number.isInteger(k) && k >= 0;
    for (const { id, value: v } of evidenceEntries()) {
      switch (v.form) {
        case 'mean-sd':
          for (const a of v.arms) expect(a.sd > 0 && (a.n === undefined || isCount(a.n)), id).toBe(true);
          break;
        case 'mean-change-ci':
          expect(v.lower < v.upper && v.estimate >= v.lower && v.estimate <= v.upper && v.n >= 2, id).toBe(true);
          break;
        case 'mean-change':
          for (const g of v.groups) expect(Number.isFinite(g.estimate) && (g.n === undefined || isCount(g.n)), id).toBe(true);
          break;
        case 'proportion-ci':
          expect([v.estimate, v.lower, v.upper].every(isProportion), id).toBe(true);
          expect(v.lower < v.upper && v.estimate >= v.lower && v.estimate <= v.upper, id).toBe(true);
          break;
        case 'proportion':
          for (const a of v.arms) expect(isProportion(a.estimate) && (a.n === undefined || isCount(a.n)), id).toBe(true);
          break;
        case 'x-of-n':
          for (const a of v.arms) expect(isCount(a.x) && isCount(a.n) && a.n > 0 && a.x <= a.n, `${id}: ${a.label}`).toBe(true);
          break;
        case 'design':
          expect(isCount(v.n) && v.n > 0 && v.arms.length > 0, id).toBe(true);
          break;
      }
    }
  });

  it('is deeply frozen', () => {
    const e = getEvidence('rdeb-bebss')!;
    expect(Object.isFrozen(evidenceEntries()) && Object.isFrozen(e) && Object.isFrozen(e.value) && Object.isFrozen(e.provenance)).toBe(
      true,
    );
  });

  describe('checked against the papers in ../shared/seeds/', () => {
    if (!haveSeeds) {
      it.skip(`skipped: the source papers are not at ${decodeURIComponent(SEEDS.pathname)} (a clone without ../shared)`, () => {});
    }

    it.skipIf(!haveSeeds)('every quote is in its seed paper (whitespace normalised)', () => {
      const missing: string[] = [];
      for (const e of evidenceEntries()) {
        const text = seed(e.provenance.seed);
        for (const q of quotesOf(e)) if (!text.includes(normalise(q))) missing.push(`${e.id}: "${q}"`);
      }
      expect(missing).toEqual([]);
    });

    it.skipIf(!haveSeeds)('every number of every value is printed in its quotes', () => {
      const missing: string[] = [];
      for (const e of evidenceEntries()) {
        const printed = quotesOf(e).flatMap(printedNumbers);
        for (const { what, x } of valueNumbers(e.value)) {
          if (!printed.some((p) => Math.abs(p - x) <= 1e-9 * Math.max(1, x))) missing.push(`${e.id}: ${what} = ${x}`);
        }
      }
      expect(missing).toEqual([]);
    });
  });
});
