/**
 * What an untrusted scenario document needs loaded before the synchronous
 * validator and resolver run on it. Every edge where a document enters (CLI
 * files after `--set` / `--sweep`, a shared link, the page's editor) awaits
 * this first; the parts stay out of the start-up of everything else.
 */
import { loadEvidenceLibrary, needsEvidenceLibrary } from '../evidence/library.js';
import { loadExpressionParser, needsExpressionParser } from './expression-parser.js';

/**
 * Loads everything `json` (a parsed document, after any overrides) needs
 * for `validateScenario` / `resolveScenario` / `loadScenario`: the expression
 * parser when it holds a string that may be an expression, the evidence
 * library when it cites evidence. Rejects only when a needed part cannot be
 * loaded (a network or installation problem).
 */
export async function prepareScenarioInput(json: unknown): Promise<void> {
  await Promise.all([
    needsExpressionParser(json) ? loadExpressionParser() : undefined,
    needsEvidenceLibrary(json) ? loadEvidenceLibrary() : undefined,
  ]);
}

/**
 * `prepareScenarioInput` for a document still in text form, with the values
 * that will be put into it (`--set` overrides, sweep values). A text that is
 * not JSON needs nothing: the loader stops at its syntax error.
 */
export async function prepareScenarioText(text: string, values: readonly unknown[] = []): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // An override may put its value at any path: each is judged as if it stood in `let`, where any string counts.
  const parser = needsExpressionParser(json) || values.some((value) => needsExpressionParser({ let: { value } }));
  const evidence = needsEvidenceLibrary(json) || values.some(needsEvidenceLibrary);
  await Promise.all([parser ? loadExpressionParser() : undefined, evidence ? loadEvidenceLibrary() : undefined]);
}
