/**
 * The page controller's state and what it depends on. The state is plain
 * data: views read it after every change and render it; nothing in it is a
 * DOM node.
 */
import type { RunResult } from '../../src/run/run-result.js';
import type { PointRunner } from '../../src/run/scenario-run.js';
import type { SizeResult } from '../../src/run/size-run.js';
import type { DesignPoint } from '../../src/scenario/design-points.js';
import type { ScenarioFile, ValidationIssue } from '../../src/scenario/types.js';
import type { EncodeResult } from '../../src/scenario/url-encoding.js';
import type { RunStatus } from '../page-state.js';
import type { Preset } from '../presets.js';
import type { PrepareInput } from './scenario-check.js';

/** Where a new scenario text came from. */
export type Origin = 'preset' | 'blank' | 'file' | 'link' | 'json' | 'form';

/** The part of the state a change touched; a view renders only what concerns it. */
export type Change =
  | 'scenario'
  | 'issues'
  | 'preset'
  | 'status'
  | 'progress'
  | 'results'
  | 'size'
  | 'target'
  | 'share'
  | 'load'
  | 'autoRun';

/** The scenario being edited: one text, shown in the form and in the JSON view. */
export interface ScenarioState {
  text: string;
  /** The text as the form reads it (undefined when it is not JSON). */
  data: unknown;
  /** Whether `data` is an object the form can show. */
  readable: boolean;
  /** Where the text came from (the view that made the edit does not redraw itself). */
  origin: Origin;
  /** For an edit from the form: whether its structure changed, so the form is drawn again. */
  rebuildForm: boolean;
  /** Bumped by every new text. */
  revision: number;
}

/** The validator's issues of one scenario revision. */
export interface IssuesState {
  revision: number;
  list: ValidationIssue[];
}

/** A completed run, as shown: the result and what it was run from. */
export interface ShownRun {
  result: RunResult;
  /** The validated file as run, and its design points, in the order of `result.points`. */
  file: ScenarioFile;
  points: readonly DesignPoint[];
  /** The scenario text it was run from (the results are stale when the text differs). */
  text: string;
}

/** A run under way, with the points simulated so far (the curve grows as they arrive). */
export interface PartialRun {
  result: RunResult;
  title: string;
  done: number;
  total: number;
  target: number;
}

/** The whole state of the page. */
export interface PageSnapshot {
  scenario: ScenarioState;
  /** Issues of the last checked revision (cleared while a new text waits for its check). */
  issues: IssuesState | undefined;
  /** The preset whose radio is checked: a file name, '' for a blank scenario, null for a file or link of one's own. */
  preset: string | null;
  status: RunStatus;
  /** The status line. */
  statusText: string;
  /** A run or search is under way (Run and Find n wait, Cancel works). */
  busy: boolean;
  /** What the last started task was. */
  task: 'run' | 'size' | null;
  /** Runs and searches started so far. */
  runs: number;
  progress: { done: number; expected: number };
  /** The last completed run (a cancelled or failed one leaves it as it was). */
  shown: ShownRun | undefined;
  /** The run under way, once some of its points are in (cleared when it ends). */
  partial: PartialRun | undefined;
  /** The last completed size search. */
  size: SizeResult | null;
  /** Whether `size` is shown (not while a new search runs). */
  sizeShown: boolean;
  target: number;
  /** Why the target power typed last was not taken ('' when it was). */
  targetError: string;
  /** Re-run after every change. */
  autoRun: boolean;
  share: { url: string; text: string; message: string };
  /** A message about a file or link that was (not) opened; '' when none. */
  loadMessage: string;
}

/** Timers (fake ones in tests). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The simulator: the worker pool (or a loop on this thread in tests). */
export interface Simulator extends PointRunner {
  /** Starts fresh workers (after a cancel ended them). */
  warmUp(): Promise<void>;
}

/** What the controller needs from outside. */
export interface PageDeps {
  simulator: Simulator;
  presets: readonly Preset[];
  /** The text of a blank scenario. */
  blankText: () => string;
  prepare: PrepareInput;
  timers: Timers;
  /** The page's address without its fragment, for share links. */
  baseUrl: () => string;
  /** Encodes a scenario for a link (src/scenario/url-encoding.ts). */
  encode: (text: string) => Promise<EncodeResult>;
  /** Resolves when a completed run can be shown (the drawing code is loaded). */
  resultsReady?: () => Promise<unknown>;
  /** Re-run when the scenario changes (the checkbox's initial state). */
  autoRun?: boolean;
}
