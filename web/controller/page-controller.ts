/**
 * The page as a state machine, without the DOM: the scenario being edited,
 * its check, runs and size searches (started, cancelled, superseded), the
 * target power, the share link and the messages about opened files and links.
 * Views subscribe and render `state`; the entry (web/main.ts) forwards DOM
 * events to the methods here. Simulator, timers, encoder and the loading of
 * optional parts are injected, so all of it runs in Node under test.
 */
import { checkRunBudget } from '../../src/engine/run-budget.js';
import { simulateRun } from '../../src/run/scenario-run.js';
import { runSampleSizeSearch } from '../../src/run/size-run.js';
import { formatIssue } from '../../src/scenario/format-issues.js';
import { loadScenario } from '../../src/scenario/load.js';
import { isPlainObject } from '../../src/scenario/paths.js';
import { decodeScenario } from '../../src/scenario/url-encoding.js';
import { RunCancelledError } from '../../workers/pool.js';
import type { RunStatus } from '../page-state.js';
import { progressiveRunner } from '../progressive-runner.js';
import { DEFAULT_TARGET, hashFor, parseTarget } from '../share.js';
import { CHECK_DELAY_MS, JSON_DELAY_MS, LINK_DELAY_MS, PRESET_DELAY_MS, RERUN_DELAY_MS } from './delays.js';
import { readLink } from './link-input.js';
import type { Change, Origin, PageDeps, PageSnapshot } from './page-types.js';
import { ChangeNotifier, type Listener, NamedTimers } from './store.js';
import { cannotRunText, messageOf, partialResult, runDoneText, runningText, sizeDoneText, sizeRunningText } from './run-text.js';
import { type CheckedScenario, parseForForm, ScenarioChecker } from './scenario-check.js';

/** The preset shown when the page opens without a link. */
export const DEFAULT_PRESET = 'nct06764329-hair-count.json';
/** The value of the preset radio for a blank scenario. */
export const BLANK = '';

type TimerName = 'json' | 'check' | 'run' | 'link';

/** The page controller: explicit state, transitions as methods. See the file comment. */
export class PageController {
  /** The current state; replaced part by part, read by views. */
  readonly state: PageSnapshot;
  private readonly notifier: ChangeNotifier;
  private readonly checker: ScenarioChecker;
  private readonly timers: NamedTimers<TimerName>;
  /** JSON typed but not applied yet (it is applied after a pause, or at once by Run). */
  private pendingJson: string | undefined;
  /** The task under way: a run or a sample-size search. */
  private task: { abort: AbortController; settled: Promise<void> } | undefined;
  /** Bumped by every request to start a task; a request that waited for a cancel gives way to a newer one. */
  private generation = 0;
  private linkVersion = 0;

  /** @param deps simulator, presets, timers, encoder and loaders (see `PageDeps`) */
  constructor(private readonly deps: PageDeps) {
    this.checker = new ScenarioChecker(deps.prepare);
    this.timers = new NamedTimers(deps.timers);
    this.state = {
      scenario: { text: '', data: undefined, readable: false, origin: 'blank', rebuildForm: true, revision: 0 },
      issues: undefined,
      preset: null,
      status: 'idle',
      statusText: '',
      busy: false,
      task: null,
      runs: 0,
      progress: { done: 0, expected: 1 },
      shown: undefined,
      partial: undefined,
      size: null,
      sizeShown: true,
      target: DEFAULT_TARGET,
      targetError: '',
      autoRun: deps.autoRun ?? true,
      share: { url: '', text: '', message: '' },
      loadMessage: '',
    };
    this.notifier = new ChangeNotifier(this.state);
  }

  /** Calls `listener` after every change. Returns a function that stops it. */
  subscribe(listener: Listener): () => void {
    return this.notifier.subscribe(listener);
  }

  /** Applies a change and tells the listeners (once, after the outermost update). */
  private update(changes: readonly Change[], apply: () => void): void {
    this.notifier.update(changes, apply);
  }

  /** Whether the results shown were computed from another text than the one in the editor. */
  get stale(): boolean {
    return this.state.shown !== undefined && this.state.shown.text !== this.state.scenario.text;
  }

  // ---- start-up -------------------------------------------------------------

  /** Warms the simulator up and opens the link in `hash`, or else the default preset. */
  async open(hash: string): Promise<void> {
    this.deps.simulator.warmUp().catch((error: unknown) => {
      if (this.state.status !== 'running') this.setStatus('error', `The simulation workers could not start: ${messageOf(error)}`);
    });
    if (await this.openLink(hash, true)) return;
    const preset = this.deps.presets.find((p) => p.file === DEFAULT_PRESET) ?? this.deps.presets[0];
    this.update(['preset'], () => (this.state.preset = DEFAULT_PRESET));
    if (preset) this.setScenario(preset.text, 'preset');
    if (this.state.autoRun) this.scheduleRun(0);
  }

  // ---- the scenario ---------------------------------------------------------

  /**
   * Makes `text` the scenario. Views follow; the messages follow at once, or
   * after a pause for typing in a form field; a run is scheduled when
   * re-running is on.
   */
  setScenario(text: string, origin: Origin, options: { data?: unknown; rebuildForm?: boolean } = {}): void {
    const rebuildForm = options.rebuildForm ?? true;
    const data = origin === 'form' ? options.data : parseForForm(text);
    const sc = this.state.scenario;
    const opened = origin === 'blank' || origin === 'file' || origin === 'link';
    this.update(opened ? ['scenario', 'issues', 'preset'] : ['scenario', 'issues'], () => {
      this.state.scenario = { text, data, readable: isPlainObject(data), origin, rebuildForm, revision: sc.revision + 1 };
      this.state.issues = undefined;
      if (origin === 'blank') this.state.preset = BLANK;
      else if (origin === 'file' || origin === 'link') this.state.preset = null;
      if (origin !== 'json') this.pendingJson = undefined;
    });
    this.timers.clear('check');
    if (origin === 'form' && !rebuildForm) this.timers.set('check', CHECK_DELAY_MS, () => void this.checkNow());
    else void this.checkNow();
    this.scheduleLink();
    if (this.state.autoRun)
      this.scheduleRun(origin === 'form' || origin === 'json' ? RERUN_DELAY_MS : origin === 'preset' ? PRESET_DELAY_MS : 0);
  }

  /** An edit in the form: the new document, and whether its structure changed (the form is drawn again). */
  editForm(data: unknown, text: string, rebuildForm: boolean): void {
    this.setScenario(text, 'form', { data, rebuildForm });
  }

  /** A keystroke in the JSON view: applied after a pause. */
  typeJson(text: string): void {
    this.pendingJson = text;
    this.timers.set('json', JSON_DELAY_MS, () => this.flushJson());
  }

  /** Applies JSON typed but not applied yet (a Run applies it at once). */
  flushJson(): void {
    this.timers.clear('json');
    const text = this.pendingJson;
    this.pendingJson = undefined;
    if (text !== undefined && text !== this.state.scenario.text) this.setScenario(text, 'json');
  }

  /** Picks a preset by file name ('' for a blank scenario). */
  pickPreset(value: string): void {
    this.update(['preset', 'load'], () => {
      this.state.preset = value;
      this.state.loadMessage = '';
    });
    if (value === BLANK) this.setScenario(this.deps.blankText(), 'blank');
    else {
      const preset = this.deps.presets.find((p) => p.file === value);
      if (preset) this.setScenario(preset.text, 'preset');
    }
  }

  /** Checks the current text now and publishes its issues. */
  async checkNow(): Promise<CheckedScenario | undefined> {
    const { text, data, revision } = this.state.scenario;
    let checked: CheckedScenario;
    try {
      checked = this.checker.cached(text) ?? (await this.checker.check(text, data));
    } catch (error) {
      this.setStatus('error', `The page could not load what this scenario needs: ${messageOf(error)}`);
      return undefined;
    }
    if (this.state.scenario.revision === revision && this.state.issues?.revision !== revision)
      this.update(['issues'], () => (this.state.issues = { revision, list: checked.issues }));
    return checked;
  }

  // ---- opening files and links ----------------------------------------------

  /** Opens a file that was read (or refused) by the page. */
  async openFile(name: string, read: { ok: true; text: string } | { ok: false; message: string }): Promise<void> {
    if (!read.ok) {
      this.setLoadMessage(read.message);
      return;
    }
    this.setScenario(read.text, 'file');
    const first = await this.firstIssue(read.text);
    this.setLoadMessage(first ? cannotRunText(`Opened ${name}, but it`, first.count, first.text) : '');
  }

  /**
   * Opens the scenario of a URL fragment (`#s=…&t=…`), if any; `initial` on
   * page load (a failure then falls back to the default scenario). Returns
   * whether a scenario was opened.
   */
  async openLink(hash: string, initial = false): Promise<boolean> {
    const instead = initial ? 'The default scenario is shown instead.' : 'The scenario shown has not changed.';
    const link = readLink(hash, instead, this.state.target);
    if (link.refused) {
      this.setLoadMessage(link.refused);
      return false;
    }
    const target = link.target;
    if (target !== undefined) this.update(['target'], () => (this.state.target = target));
    if (link.scenario === undefined) {
      if (link.targetNote) this.setLoadMessage(link.targetNote);
      return false;
    }
    const d = await decodeScenario(link.scenario);
    if (!d.ok) {
      this.setLoadMessage(`This link could not be opened: ${d.message}. ${instead}`);
      return false;
    }
    this.setScenario(d.text, 'link');
    const first = await this.firstIssue(d.text);
    if (first) this.setLoadMessage(cannotRunText('The scenario in this link', first.count, first.text));
    else if (link.targetNote) this.setLoadMessage(link.targetNote);
    return true;
  }

  /** Whether a fragment the address bar now shows is the page's own share link (not to be opened again). */
  isOwnLink(href: string): boolean {
    return this.state.share.url === href;
  }

  /** Hides the message about an opened file or link. */
  dismissLoadMessage(): void {
    this.setLoadMessage('');
  }

  // ---- runs and searches ------------------------------------------------------

  /** Turns re-running on every change on or off; turning it on runs stale results again. */
  setAutoRun(on: boolean): void {
    this.update(['autoRun'], () => (this.state.autoRun = on));
    if (on && this.state.shown?.text !== this.state.scenario.text) this.scheduleRun(0);
  }

  /**
   * Runs (or searches) at a person's request: the JSON typed so far is
   * applied first. Ignored while a task is under way, unless `interrupt`
   * (Ctrl+Enter): then the task under way is cancelled.
   */
  request(kind: 'run' | 'size', interrupt = false): Promise<void> {
    if (this.state.busy && !interrupt) return Promise.resolve();
    this.flushJson();
    return this.start(kind);
  }

  /**
   * Starts a run or a sample-size search of the current scenario, after
   * cancelling the task under way. `automatic` runs are refused when too
   * large to finish soon. Returns once it has started (or was refused).
   */
  async start(kind: 'run' | 'size', automatic = false): Promise<void> {
    this.timers.clear('run');
    const mine = ++this.generation;
    if (this.task) {
      this.task.abort.abort();
      await this.task.settled;
      if (mine !== this.generation) return;
    }
    this.timers.clear('check');
    const checked = await this.checkNow();
    if (mine !== this.generation || !checked) return;
    if (!checked.run) {
      this.setStatus('invalid', 'Fix the problems listed above, then run again.');
      return;
    }
    if (automatic) {
      // A shared link or file is untrusted: a run too large to finish soon does not start by itself.
      const budget = checkRunBudget(checked.run.prepared.simulated, {}, { raise: 'press Run to start it anyway (Cancel stops it)' });
      if (!budget.ok) {
        this.setStatus('idle', `Not started automatically: ${budget.message}.`);
        return;
      }
    }
    const abort = new AbortController();
    this.update(['status', 'progress'], () => {
      this.state.runs++;
      this.state.task = kind;
      this.state.busy = true;
      this.state.progress = { done: 0, expected: 1 };
    });
    const work = kind === 'run' ? this.simulate(checked, abort.signal) : this.search(checked, abort.signal);
    const settled = work.then(
      () => undefined,
      (error: unknown) => {
        this.update(['results'], () => {
          this.state.partial = undefined;
          if (!(error instanceof RunCancelledError)) this.setStatus('error', `The run failed: ${messageOf(error)}`);
          else if (mine === this.generation)
            this.setStatus('cancelled', this.state.shown ? 'Cancelled. The results shown are from the last completed run.' : 'Cancelled.');
        });
      },
    );
    this.task = { abort, settled };
    void settled.then(() => {
      if (this.task?.abort !== abort) return;
      this.task = undefined;
      this.update(['status'], () => (this.state.busy = false));
      // Start fresh workers now (not while another task runs: warmUp resets them).
      if (abort.signal.aborted && this.generation === mine) this.deps.simulator.warmUp().catch(() => undefined);
    });
  }

  /** Stops the task under way (and a run waiting to start). */
  cancel(): void {
    this.timers.clear('run');
    this.task?.abort.abort();
  }

  private async simulate(checked: CheckedScenario, signal: AbortSignal): Promise<void> {
    const { prepared, file, points } = checked.run!;
    const { simulator } = this.deps;
    const text = checked.text;
    const target = this.state.target;
    const n = prepared.points.length;
    this.setStatus('running', runningText(prepared, simulator.size));
    const runner = progressiveRunner(simulator, Math.max(2, simulator.size), (results) => {
      if (signal.aborted) return;
      const done = results.slice(0, n).filter(Boolean).length;
      if (done === 0 || done === n) return;
      const result = partialResult(prepared, results, file.title, simulator.size);
      this.update(['results'], () => (this.state.partial = { result, title: file.title, done, total: n, target }));
    });
    const result = await simulateRun(prepared, runner, { signal, onProgress: (d, e) => this.setProgress(d, e) });
    await this.deps.resultsReady?.();
    this.update(['results', 'progress', 'status'], () => {
      this.state.progress = { done: 1, expected: 1 };
      this.state.partial = undefined;
      this.state.shown = { result, file, points, text };
      this.setStatus('done', runDoneText(result));
    });
  }

  private async search(checked: CheckedScenario, signal: AbortSignal): Promise<void> {
    const base = loadScenario(checked.text);
    if (!base.ok) throw new Error('unreachable: the scenario was valid');
    const target = this.state.target;
    this.update(['size'], () => {
      this.state.sizeShown = false;
      this.setStatus('running', sizeRunningText(target));
    });
    const size = await runSampleSizeSearch(
      { set: {}, scenario: base.resolved },
      this.deps.simulator,
      { target },
      { signal, onProgress: (d, e) => this.setProgress(d, e) },
    );
    this.update(['size', 'progress', 'status'], () => {
      this.state.progress = { done: 1, expected: 1 };
      this.state.size = size;
      this.state.sizeShown = true;
      this.setStatus('done', sizeDoneText(size));
    });
  }

  private scheduleRun(delay: number): void {
    this.timers.set('run', delay, () => void this.start('run', true));
  }

  private setProgress(done: number, expected: number): void {
    this.update(['progress'], () => (this.state.progress = { done, expected }));
  }

  // ---- target power and the share link ---------------------------------------

  /** A target power typed by a person ("0.9", "90", "90 %"); refused with a message when it is not a power. */
  setTarget(typed: string): void {
    const t = parseTarget(typed);
    if (t === undefined) {
      this.update(['target', 'status'], () => {
        this.state.targetError = `Target power: got "${typed.slice(0, 20)}"; allowed: a number between 0 and 1, e.g. 0.8 or 0.9.`;
        this.state.statusText = this.state.targetError;
      });
      return;
    }
    this.update(['target', 'results'], () => {
      this.state.target = t;
      this.state.targetError = '';
    });
    this.scheduleLink();
  }

  /** Encodes the scenario into the share link after a pause (the last request wins). */
  private scheduleLink(): void {
    const version = ++this.linkVersion;
    const text = this.state.scenario.text;
    this.timers.set('link', LINK_DELAY_MS, async () => {
      const e = await this.deps.encode(text);
      if (version !== this.linkVersion) return;
      const base = this.deps.baseUrl();
      this.update(['share'], () => {
        this.state.share = e.ok
          ? { url: base + hashFor(e.encoded, this.state.target), text, message: '' }
          : { url: '', text, message: `No link: ${e.message}.` };
      });
    });
  }

  // ---- plumbing ---------------------------------------------------------------

  /** The first issue of a text (after preparing it) as the loader reports it, and how many there are. */
  private async firstIssue(text: string): Promise<{ count: number; text: string } | undefined> {
    try {
      await this.deps.prepare(parseForForm(text));
    } catch {
      return undefined; // checkNow says what could not be loaded.
    }
    const loaded = loadScenario(text);
    return loaded.ok ? undefined : { count: loaded.issues.length, text: formatIssue(loaded.issues[0]) };
  }

  /** Shows an error that happened outside the controller (e.g. the drawing code could not load). */
  showError(text: string): void {
    this.setStatus('error', text);
  }

  private setStatus(status: RunStatus, text: string): void {
    this.update(['status'], () => {
      this.state.status = status;
      this.state.statusText = text;
    });
  }

  private setLoadMessage(text: string): void {
    this.update(['load'], () => (this.state.loadMessage = text));
  }
}
