/**
 * The evidence data files (src/evidence/papers/), in library order, checked
 * and joined into entries. This is the one module that imports them.
 */
import { checkPaper } from './check-paper.js';
import nct06764329 from './papers/004-nct06764329-record.json';
import rdeb from './papers/003-rdeb-hucb-msc-trial.json';
import mscReview from './papers/002-msc-skin-diseases-review.json';
import tciMetaAnalysis from './papers/001-tci-vitiligo-meta-analysis.json';
import atmpReview from './papers/000-atmp-vitiligo-review.json';
import type { EvidenceEntry } from './types.js';

/** Every data file by name, in library order (the order of `evidenceIds()`, which "did you mean" suggestions follow). */
export const PAPER_FILES: readonly (readonly [file: string, json: unknown])[] = [
  ['004-nct06764329-record.json', nct06764329],
  ['003-rdeb-hucb-msc-trial.json', rdeb],
  ['002-msc-skin-diseases-review.json', mscReview],
  ['001-tci-vitiligo-meta-analysis.json', tciMetaAnalysis],
  ['000-atmp-vitiligo-review.json', atmpReview],
];

/**
 * The entries of every data file, each with its paper's seed in its
 * provenance. The files ship with the code, so a file that fails its check is
 * a bug (test/evidence/papers.test.ts checks them all).
 *
 * @throws Error naming the file and its first problem when a file fails `checkPaper`
 */
export function readPapers(): EvidenceEntry[] {
  return PAPER_FILES.flatMap(([file, json]) => {
    const r = checkPaper(json);
    if (!r.ok) {
      const first = r.issues[0];
      throw new Error(`bug: src/evidence/papers/${file}: ${first.path}: ${JSON.stringify(first.value)} is not ${first.allowed}`);
    }
    const { seed, entries } = r.value;
    return entries.map((e) => ({ ...e, provenance: { seed, ...e.provenance } }));
  });
}
