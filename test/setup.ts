// Loads every part that `prepareScenarioInput` would load on demand, so that
// tests may call the synchronous validator and resolver directly.
import { loadExpressionParser } from '../src/scenario/expression-parser.js';

await loadExpressionParser();
