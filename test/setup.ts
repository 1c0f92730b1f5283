// Loads every part that `prepareScenarioInput` would load on demand, so that
// tests may call the synchronous validator, resolver and reports directly.
import { loadEvidenceLibrary } from '../src/evidence/library.js';
import { loadExpressionParser } from '../src/scenario/expression-parser.js';

await Promise.all([loadExpressionParser(), loadEvidenceLibrary()]);
