import type { SeedFile } from './types.js';

/** What each source document is, for citations in reports and justifications. */
export const SEED_DOCUMENTS: Readonly<Record<SeedFile, { short: string; title: string }>> = {
  '000_4e7c27745ac618ea.txt': {
    short: 'Ghashghaei et al., Cell J 2023',
    title:
      'Advanced Therapy Medicinal Products in Vitiligo; Current Status, Future Prospect, and Approved Treatments (review, Cell J 2023;25(3))',
  },
  '001_d165d94ba7b47e7b.txt': {
    short: 'TCI meta-analysis',
    title:
      'Treatment response to topical calcineurin inhibitors (tacrolimus, pimecrolimus) in vitiligo: systematic review and meta-analysis',
  },
  '002_7fe80a122519ed26.txt': {
    short: 'Pezzolo et al., systematic review',
    title:
      'The suitability of mesenchymal stem cells for treating immune-mediated inflammatory skin diseases: a systematic review (Pezzolo, Di Leo, Miceli, Sernicola, Naldi)',
  },
  '003_99f903491847d792.txt': {
    short: 'hUCB-MSC trial in RDEB',
    title:
      'Phase I/IIa trial of intravenous allogeneic human umbilical cord blood–derived MSCs in recessive dystrophic epidermolysis bullosa (n = 6)',
  },
  '004_cd6af8962457b2c0.txt': {
    short: 'NCT06764329 registry record',
    title:
      'ClinicalTrials.gov NCT06764329: The Effectiveness of Allogenic Mesenchymal Stem Cells Therapy on Hair Regrowth in Androgenetic Alopecia',
  },
};
