/**
 * The `trialsim/1` scenario format: every field of a scenario file, in one
 * definition. The file's types (`ScenarioFile`), `scenarios/scenario.schema.json`,
 * the validator, the range checks of `resolveScenario` and of the worker
 * input, and the form's hints and choices are all read from here.
 */
import { NAME_PATTERN, RESERVED_NAMES } from '../expressions.js';
import { MAX_LET_NAMES, MAX_NAME_LENGTH, MAX_SWEEP_PATHS, MAX_SWEEP_POINTS, MAX_SWEEP_VALUES } from '../limits.js';
import { FORBIDDEN_KEYS } from '../paths.js';
import { ANALYSIS } from './analysis.js';
import { DESIGN } from './design.js';
import { ENDPOINT } from './endpoint.js';
import { EXPECT } from './expect.js';
import { type Infer, constant, expression, list, object, optional, record, required, text } from './node.js';
import { ASSUMPTIONS, SOURCES } from './provenance.js';
import { SIMULATION } from './simulation.js';

/** The only format version this engine reads. */
export const SCENARIO_FORMAT = 'trialsim/1';

/** A whole scenario file. */
export const SCENARIO = object(
  {
    $schema: optional(text(), { doc: 'Path or URL of this JSON Schema, for editors, e.g. "./scenario.schema.json".' }),
    format: required(constant(SCENARIO_FORMAT), { doc: `Format version of the file. This engine reads "${SCENARIO_FORMAT}" only.` }),
    title: required(text({ nonBlank: true, allowed: 'a non-empty string' }), {
      doc: 'Short title of the scenario, shown in results and reports.',
    }),
    description: optional(text({ multiLine: true }), {
      doc: 'Longer description: the trial, where the numbers come from, what is assumed.',
      hint: 'The question, where the numbers come from, what is assumed.',
    }),
    let: optional(
      record(expression(), {
        keys: { pattern: NAME_PATTERN, maxLength: MAX_NAME_LENGTH, not: [...RESERVED_NAMES, ...FORBIDDEN_KEYS] },
        maxProperties: MAX_LET_NAMES,
        allowed: 'an object of named values',
        valueDoc: 'A named value: a number, or an expression over the names defined before it.',
      }),
      {
        doc: 'Named values usable in expressions anywhere in the file. Evaluated in file order: a value may use the names defined before it.',
        hint: 'Values used by expressions elsewhere (the let block). Each may use the names above it.',
      },
    ),
    sources: optional(SOURCES, { doc: 'Citations of the evidence entries the numbers come from.' }),
    assumptions: optional(ASSUMPTIONS, { doc: 'Values that no paper supplies, stated as such.' }),
    design: required(DESIGN, {
      doc: 'The design of the trial: parallel, within-patient or single-arm, with its arms and sample size.',
    }),
    endpoint: required(ENDPOINT, {
      doc: 'The primary endpoint (continuous, binary or ordinal) and its expected values per arm.',
    }),
    analysis: required(ANALYSIS, { doc: 'How each simulated trial is analysed: the test, alpha, sides and multiplicity.' }),
    simulation: optional(SIMULATION, { doc: 'Monte-Carlo settings: replicates, seed, precision.' }),
    sweep: optional(
      record(
        list(expression(), {
          minItems: 1,
          maxItems: 'maxSweepValues',
          allowed: 'a list of numbers or expressions',
          itemDoc: 'A value for the swept path: a number or an expression.',
        }),
        {
          minProperties: 1,
          maxProperties: MAX_SWEEP_PATHS,
          allowed: `an object mapping 1 to ${MAX_SWEEP_PATHS} paths to lists of values`,
          valueDoc: `The values of this path, 1 to ${MAX_SWEEP_VALUES}.`,
        },
      ),
      {
        doc: `Values to try: maps a path in this scenario (e.g. "design.n", "endpoint.arms.msc.mean", "let.delta") to a list of values. Two paths make a grid (the first path is the outer loop); at most ${MAX_SWEEP_POINTS} points in all.`,
        hint: 'What varies along the power curve. A second path draws a family of curves, one per value.',
      },
    ),
    expect: optional(EXPECT, { doc: 'Bounds the result must meet, checked by `trialsim check`.' }),
  },
  {
    allowed: `a JSON object: a ${SCENARIO_FORMAT} scenario`,
    what: 'the scenario',
    order: [
      'format',
      'title',
      'description',
      '$schema',
      'let',
      'design',
      'endpoint',
      'analysis',
      'simulation',
      'sweep',
      'expect',
      'sources',
      'assumptions',
    ],
    doc: 'A clinical-trial scenario for trialsim, the Monte-Carlo power calculator: the design, the endpoint with its expected effect, the analysis and the simulation settings. Numbers may be literals, mathjs expressions over the names in let, or (for endpoint parameters, dropout, correlation and spill-over) distributions, which turn power into assurance.',
  },
);

/** A scenario file as written by a person: the `trialsim/1` format, as the definition describes it. */
export type ScenarioFile = Infer<typeof SCENARIO>;
