export type * from './types.js';
export {
  evidenceEntries,
  evidenceIds,
  getEvidence,
  isEvidenceLibraryLoaded,
  loadEvidenceLibrary,
  needsEvidenceLibrary,
} from './library.js';
export { checkPaper } from './check-paper.js';
export { sdFromCI } from './sd-from-ci.js';
export { normalFromCI, type NormalParams } from './normal-from-ci.js';
export { betaFromCI, type BetaFit, type BetaFromCIOptions } from './beta-from-ci.js';
export { ordinalFromThresholds } from './ordinal-from-thresholds.js';
export { evidenceCI, type EvidenceInterval } from './evidence-ci.js';
export * from './seed-documents.js';
