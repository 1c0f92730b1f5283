/**
 * Reading and checking the scenario text being edited, without the DOM: the
 * parse the form reads (guarded against deep nesting), and the check with the
 * loader and validator the CLI uses, once the parts the document needs (the
 * expression parser) are loaded.
 */
import { type PreparedRun, prepareRun } from '../../src/run/scenario-run.js';
import { type DesignPoint, designPoints } from '../../src/scenario/design-points.js';
import type { ScenarioFile, ValidationIssue } from '../../src/scenario/types.js';

/** Deepest nesting the form reads (the validator refuses documents deeper than 32 levels anyway). */
const FORM_MAX_DEPTH = 64;

/** Whether a JSON text nests deeper than `max` (brackets outside strings); a cheap guard before recursive code. */
export function tooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** The text as the form reads it: parsed JSON, or undefined when it is not JSON or nests too deep. */
export function parseForForm(text: string): unknown {
  if (tooDeep(text, FORM_MAX_DEPTH)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A scenario that can run: its validated file, design points and what is simulated. */
export interface RunnableScenario {
  prepared: PreparedRun;
  file: ScenarioFile;
  points: DesignPoint[];
}

/** A scenario text as checked by the validator: its issues, and what to run when there are none. */
export interface CheckedScenario {
  text: string;
  issues: ValidationIssue[];
  run?: RunnableScenario;
}

/**
 * Loads what a parsed (untrusted) document needs before the synchronous
 * validator can read it; resolves at once when it needs nothing more.
 */
export type PrepareInput = (json: unknown) => Promise<void>;

/** Checks one scenario text with `designPoints` (what `trialsim run` reads); the text must be prepared. */
export function checkText(text: string): CheckedScenario {
  const loaded = designPoints(text);
  if (!loaded.ok) return { text, issues: loaded.issues };
  if (loaded.points.length === 0)
    return { text, issues: [{ path: 'sweep', value: undefined, allowed: 'a sweep with at least one design point' }] };
  return { text, issues: [], run: { prepared: prepareRun(loaded.points), file: loaded.file, points: loaded.points } };
}

/** Checks scenario texts after preparing them, remembering the last answer (a text is checked once). */
export class ScenarioChecker {
  private last: CheckedScenario | undefined;

  /** @param prepare loads what a document needs (e.g. the expression parser) before it is checked */
  constructor(private readonly prepare: PrepareInput) {}

  /** The answer for `text` if it has been checked already. */
  cached(text: string): CheckedScenario | undefined {
    return this.last?.text === text ? this.last : undefined;
  }

  /** Checks `text` (`data`: its parse, or undefined), preparing it first. */
  async check(text: string, data: unknown): Promise<CheckedScenario> {
    const hit = this.cached(text);
    if (hit) return hit;
    await this.prepare(data);
    const again = this.cached(text);
    if (again) return again;
    this.last = checkText(text);
    return this.last;
  }
}
