/**
 * The page: pick a preset (or start blank, open a file, open a link), edit the
 * scenario in the form or as JSON, and watch its power curve grow as Web
 * Workers simulate it. One worker pool is created when the page loads and
 * kept warm across runs. A change re-runs after a short pause, cancelling the
 * run under way.
 */
import { createBrowserPool } from '../workers/browser-pool.js';
import { RunCancelledError } from '../workers/pool.js';
import type { PointResult } from '../src/engine/point-result.js';
import { checkRunBudget } from '../src/engine/run-budget.js';
import { formatCsv } from '../src/report/format-result.js';
import { reportPoint, type RunResult } from '../src/report/run-result.js';
import { prepareRun, runHeader, simulateRun, type PreparedRun } from '../src/report/scenario-run.js';
import { runSampleSizeSearch } from '../src/report/size-run.js';
import { designPoints, type DesignPoint } from '../src/scenario/design-points.js';
import { formatIssue } from '../src/scenario/format-issues.js';
import { loadScenario } from '../src/scenario/load.js';
import { isPlainObject } from '../src/scenario/paths.js';
import type { ScenarioFile, ValidationIssue } from '../src/scenario/types.js';
import { decodeScenario, encodeScenario } from '../src/scenario/url-encoding.js';
import type { RunContext } from './results-view.js';
import type { PageCurves } from './curve-view.js';
import { byId, download, h, idFor, slug } from './dom.js';
import { ScenarioForm, type FieldIssue } from './form-editor.js';
import { formatJson } from './json-format.js';
import type { PageState, RunStatus } from './page-state.js';
import { PRESETS } from './presets.js';
import { progressiveRunner } from './progressive-runner.js';
import { blankScenario } from './scenario-edit.js';
import { DEFAULT_TARGET, hashFor, parseTarget, readHash, readScenarioFile } from './share.js';
import { escapeUnsafeText } from '../src/scenario/text.js';
import { sizeSentences } from './size-view.js';

/** Most problems listed at once (a broken sweep can produce many). */
const MAX_MESSAGES = 30;
/** Pause after the last keystroke in the JSON view before the form and messages follow. */
const JSON_DELAY_MS = 250;
/** Pause after the last keystroke in a form field before the messages follow. */
const CHECK_DELAY_MS = 150;
/** Pause after the last change before the scenario is run again. */
const RERUN_DELAY_MS = 600;
/** Pause after a preset is picked (arrow keys move through the list) before it runs. */
const PRESET_DELAY_MS = 200;
/** The preset shown when the page opens without a link. */
const DEFAULT_PRESET = 'nct06764329-hair-count.json';
/** The value of the preset radio for a blank scenario. */
const BLANK = '';

const presetList = byId('preset-list', HTMLFieldSetElement);
const presetCurrent = byId('preset-current', HTMLSpanElement);
const loadMessage = byId('load-message', HTMLDivElement);
const fileInput = byId('file-input', HTMLInputElement);
const downloadButton = byId('download-scenario', HTMLButtonElement);
const formRoot = byId('scenario-form', HTMLFormElement);
const jsonArea = byId('scenario', HTMLTextAreaElement);
const jsonStatus = byId('json-status', HTMLParagraphElement);
const jsonMessages = byId('json-messages', HTMLDivElement);
const runButton = byId('run', HTMLButtonElement);
const cancelButton = byId('cancel', HTMLButtonElement);
const autoRun = byId('auto-run', HTMLInputElement);
const targetInput = byId('target', HTMLInputElement);
const messagesRegion = byId('messages', HTMLDivElement);
const progressBar = byId('progress', HTMLProgressElement);
const progressText = byId('progress-text', HTMLSpanElement);
const statusLine = byId('status', HTMLParagraphElement);
const resultsRegion = byId('results', HTMLDivElement);
const findN = byId('find-n', HTMLButtonElement);
const sizeRegion = byId('size-result', HTMLDivElement);
const shareLink = byId('share-link', HTMLInputElement);
const copyLink = byId('copy-link', HTMLButtonElement);
const exportCsv = byId('export-csv', HTMLButtonElement);
const exportSvg = byId('export-svg', HTMLButtonElement);
const shareStatus = byId('share-status', HTMLParagraphElement);

const state: PageState = {
  lastResult: null,
  status: 'idle',
  runs: 0,
  task: null,
  sizeResult: null,
  firstCurveMs: null,
  scenarioText: '',
  shareUrl: '',
  shareText: '',
};
window.__trialsim = state;

const pool = createBrowserPool();
/** The drawing code, loaded in parallel with the first run (see views.ts). */
const views = import('./views.js');
let drawing: Awaited<typeof views> | undefined;
views.then(
  (v) => (drawing = v),
  (error: unknown) => setStatus('error', `The page could not load its drawing code: ${messageOf(error)}`),
);
const count = new Intl.NumberFormat('en');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function setStatus(status: RunStatus, text: string): void {
  state.status = status;
  statusLine.dataset.status = status;
  statusLine.textContent = text;
}

// ---- the scenario: one text, shown in the form and the JSON view --------------

/** Where a new scenario text came from. */
type Origin = 'preset' | 'blank' | 'file' | 'link' | 'json' | 'form';

/** The scenario as checked by the validator (cached per text). */
interface Checked {
  text: string;
  issues: ValidationIssue[];
  run?: { prepared: PreparedRun; file: ScenarioFile; points: DesignPoint[] };
}

let text = '';
let data: unknown;
let checked: Checked | undefined;
let target = DEFAULT_TARGET;

const form = new ScenarioForm(formRoot, (next, rebuild) => {
  data = next;
  setScenario(formatJson(next), 'form', rebuild);
});
formRoot.addEventListener('submit', (event) => event.preventDefault());

/** Deepest nesting the form reads (the validator refuses documents deeper than 32 levels anyway). */
const FORM_MAX_DEPTH = 64;

/** Whether a JSON text nests deeper than `max` (brackets outside strings); a cheap guard before recursive code. */
function tooDeep(t: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
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

function parse(t: string): unknown {
  if (tooDeep(t, FORM_MAX_DEPTH)) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** Validates the current text (once per text) with the loader and validator the CLI uses. */
function check(): Checked {
  if (checked?.text === text) return checked;
  const loaded = designPoints(text);
  if (!loaded.ok) checked = { text, issues: loaded.issues };
  else if (loaded.points.length === 0)
    checked = { text, issues: [{ path: 'sweep', value: undefined, allowed: 'a sweep with at least one design point' }] };
  else checked = { text, issues: [], run: { prepared: prepareRun(loaded.points), file: loaded.file, points: loaded.points } };
  return checked;
}

let shownIssues = '\u0000';

/** Shows every problem: at its field in the form, in a summary above the results, and the rest under the JSON view. */
function showIssues(issues: ValidationIssue[]): void {
  const key = issues.map(formatIssue).join('\n');
  if (key === shownIssues) return; // Unchanged: do not announce it again.
  shownIssues = key;
  const fieldIssues: FieldIssue[] = issues.map((i) => {
    const message = formatIssue(i);
    const shown = i.path === '' ? '(root)' : i.path;
    return { path: i.path, message, short: message.slice(shown.length + 2) };
  });
  const formOk = isPlainObject(data);
  const unplaced = formOk ? form.showIssues(fieldIssues) : fieldIssues;
  jsonMessages.replaceChildren(...(unplaced.length > 0 ? [issueList(unplaced, 'Not shown in the form:', false)] : []));
  jsonArea.setAttribute('aria-invalid', String(issues.length > 0));
  messagesRegion.replaceChildren(
    ...(fieldIssues.length > 0
      ? [
          issueList(
            fieldIssues,
            fieldIssues.length === 1 ? 'This cannot run yet:' : `This cannot run yet (${fieldIssues.length} problems):`,
            formOk,
          ),
        ]
      : []),
  );
}

/** A list of issues; with `links`, each one moves the focus to its field. */
function issueList(issues: FieldIssue[], heading: string, links: boolean): HTMLElement {
  const list = h('ul');
  for (const issue of issues.slice(0, MAX_MESSAGES)) {
    if (!links) {
      list.append(h('li', {}, issue.message));
      continue;
    }
    const a = h('a', { href: `#${idFor('f', issue.path)}` }, issue.message);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      if (!form.focusField(issue.path)) {
        const details = byId('json-view', HTMLDetailsElement);
        details.open = true;
        jsonArea.focus();
      }
    });
    list.append(h('li', {}, a));
  }
  if (issues.length > MAX_MESSAGES) list.append(h('li', {}, `… and ${issues.length - MAX_MESSAGES} more`));
  return h('div', {}, h('p', {}, heading), list);
}

let jsonTimer: ReturnType<typeof setTimeout> | undefined;
let checkTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Makes `next` the scenario. The JSON view, the form (unless the edit came
 * from it and kept its structure), the messages and the link follow; a run
 * is scheduled when re-running is on.
 */
function setScenario(next: string, origin: Origin, rebuildForm = true): void {
  text = next;
  state.scenarioText = next;
  if (origin !== 'json') jsonArea.value = next;
  if (origin !== 'form') data = parse(next);
  const readable = isPlainObject(data);
  // While the JSON view cannot be read, the form keeps showing its last readable version, switched off.
  if (readable ? origin !== 'form' || rebuildForm : origin !== 'json') form.render(readable ? data : {});
  form.setEnabled(readable);
  jsonStatus.hidden = readable;
  jsonStatus.textContent = readable
    ? ''
    : 'The JSON view cannot be read as a scenario object, so the form is switched off until it can (see the message below).';
  shownIssues = '\u0000';
  // Typing in a form field is checked after a short pause (a large sweep takes a while to check).
  clearTimeout(checkTimer);
  if (origin === 'form' && !rebuildForm) checkTimer = setTimeout(() => showIssues(check().issues), CHECK_DELAY_MS);
  else showIssues(check().issues);
  markStale();
  scheduleLink();
  if (origin === 'preset' || origin === 'blank' || origin === 'file' || origin === 'link') {
    if (origin !== 'preset') selectPresetRadio(origin === 'blank' ? BLANK : undefined);
  }
  if (autoRun.checked) scheduleRun(origin === 'form' || origin === 'json' ? RERUN_DELAY_MS : origin === 'preset' ? PRESET_DELAY_MS : 0);
}

jsonArea.addEventListener('input', () => {
  clearTimeout(jsonTimer);
  jsonTimer = setTimeout(() => setScenario(jsonArea.value, 'json'), JSON_DELAY_MS);
});

// ---- presets -------------------------------------------------------------

function presetCard(value: string, title: string, summary: string, sources: string[]): HTMLElement {
  const id = idFor('preset', value || 'blank');
  const radio = h('input', { type: 'radio', name: 'preset', value, id, 'aria-describedby': `${id}-about`, 'data-testid': 'preset-option' });
  radio.addEventListener('change', () => radio.checked && pickPreset(value));
  const about = h('span', { className: 'about', id: `${id}-about` }, summary);
  if (sources.length > 0) about.append(h('span', { className: 'sources' }, ` Sources: ${sources.join('; ')}.`));
  return h('div', { className: 'preset-card' }, radio, h('label', { for: id }, title), about);
}

presetList.append(
  presetCard(BLANK, 'Start blank', 'Two parallel arms, a continuous endpoint and a curve over n: fill in your own trial.', []),
);
for (const p of PRESETS) presetList.append(presetCard(p.file, p.title, p.summary, p.sources));

/** Checks the radio of a preset (`undefined`: none, e.g. for a file or a link) and names it in the summary. */
function selectPresetRadio(value: string | undefined): void {
  for (const r of presetList.querySelectorAll<HTMLInputElement>('input[name=preset]')) {
    r.checked = r.value === value;
    // Keep the chosen card in view inside the scrolling list (without scrolling the page).
    const card = r.closest<HTMLElement>('.preset-card');
    if (
      r.checked &&
      card &&
      (card.offsetTop < presetList.scrollTop || card.offsetTop + card.offsetHeight > presetList.scrollTop + presetList.clientHeight)
    ) {
      presetList.scrollTop = card.offsetTop - 4;
    }
  }
  const preset = PRESETS.find((p) => p.file === value);
  presetCurrent.textContent = value === BLANK ? '— now: a blank scenario' : preset ? `— now: ${preset.title}` : '— now: your own scenario';
}

function pickPreset(value: string): void {
  hideLoadMessage();
  selectPresetRadio(value);
  if (value === BLANK) {
    setScenario(formatJson(blankScenario()), 'blank');
    return;
  }
  const preset = PRESETS.find((p) => p.file === value);
  if (preset) setScenario(preset.text, 'preset');
}

// ---- progress ------------------------------------------------------------

let progressFrame = 0;
let progressPending: [done: number, expected: number] = [0, 1];

function paintProgress(): void {
  progressFrame = 0;
  const [done, expected] = progressPending;
  progressBar.max = Math.max(expected, 1e-9);
  progressBar.value = Math.min(done, expected);
  progressText.textContent = `${Math.min(100, Math.floor((100 * done) / Math.max(expected, 1e-9)))} %`;
}

function setProgress(done: number, expected: number, now = false): void {
  progressPending = [done, expected];
  if (now) {
    cancelAnimationFrame(progressFrame);
    paintProgress();
  } else if (progressFrame === 0) progressFrame = requestAnimationFrame(paintProgress);
}

// ---- running -------------------------------------------------------------

/** The task under way: a run or a sample-size search. */
let task: { controller: AbortController; settled: Promise<void> } | undefined;
/** Bumped by every request to start a task; a request that waited for a cancel gives way to a newer one. */
let generation = 0;
let runTimer: ReturnType<typeof setTimeout> | undefined;
/** The last completed run and the text it was run from. */
let shown: { ctx: RunContext; text: string; curves: PageCurves | string } | undefined;

function scheduleRun(delay: number): void {
  clearTimeout(runTimer);
  runTimer = setTimeout(() => void start('run', true), delay);
}

function setRunning(running: boolean): void {
  // Run stays focusable while a task is under way (aria-disabled), so focus is not lost.
  runButton.setAttribute('aria-disabled', String(running));
  findN.setAttribute('aria-disabled', String(running));
  cancelButton.disabled = !running;
  resultsRegion.setAttribute('aria-busy', String(running));
  if (!running && document.activeElement === cancelButton) runButton.focus();
}

/** Width for the plot: the results column's width. */
function plotWidth(): number {
  return Math.max(300, Math.min(820, Math.floor(resultsRegion.clientWidth || 640)));
}

/** A result of the points simulated so far (the main quantity only), for drawing the curve as it grows. */
function partialResult(prepared: PreparedRun, results: ReadonlyArray<PointResult | undefined>, file: ScenarioFile): RunResult {
  // Points not simulated yet stay in, without an estimate, so the axes span the whole curve from the start.
  const points = prepared.points.map((p, i) => {
    const r = results[i];
    if (!r) return { set: p.set, replicates: 0, successes: 0, degenerate: 0, power: NaN, ci95: [NaN, NaN] as [number, number], mcse: NaN };
    const reported = reportPoint(p.set, r);
    return prepared.uncertain ? { ...reported, power: undefined, assurance: r.power } : reported;
  });
  return { ...runHeader(prepared), title: file.title, workers: pool.size, elapsedMs: 0, points };
}

/**
 * Starts a run or a sample-size search of the current scenario, after
 * cancelling the task under way. Returns once it has started (or was refused).
 */
async function start(kind: 'run' | 'size', automatic = false): Promise<void> {
  clearTimeout(runTimer);
  const mine = ++generation;
  if (task) {
    task.controller.abort();
    await task.settled;
    if (mine !== generation) return;
  }
  const c = check();
  clearTimeout(checkTimer);
  showIssues(c.issues);
  if (!c.run) {
    setStatus('invalid', 'Fix the problems listed above, then run again.');
    return;
  }
  const { prepared, file } = c.run;
  if (automatic) {
    // A shared link or file is untrusted: a run too large to finish soon does not start by itself.
    const budget = checkRunBudget(prepared.simulated, {}, { raise: 'press Run to start it anyway (Cancel stops it)' });
    if (!budget.ok) {
      setStatus('idle', `Not started automatically: ${budget.message}.`);
      return;
    }
  }
  const controller = new AbortController();
  const runText = text;
  const runTarget = target;
  state.runs++;
  state.task = kind;
  setRunning(true);
  setProgress(0, 1, true);

  let work: Promise<void>;
  if (kind === 'run') {
    const n = prepared.points.length;
    const replicates =
      prepared.simulated[0].precision === undefined
        ? `${count.format(prepared.points[0].scenario.simulation.replicates)} simulated trials`
        : `trials added until ±${prepared.simulated[0].precision}`;
    setStatus(
      'running',
      `Running ${n} design point${n === 1 ? '' : 's'} × ${replicates}${prepared.uncertain ? ' (twice: assurance and power at the estimate)' : ''} on ${pool.size} worker${pool.size === 1 ? '' : 's'}…`,
    );
    const runner = progressiveRunner(pool, Math.max(2, pool.size), (results) => {
      if (controller.signal.aborted) return;
      const done = results.slice(0, n).filter(Boolean).length;
      if (done === 0 || done === n || !drawing) return;
      const partial = partialResult(prepared, results, file);
      const curves = drawing.pageCurves(partial, runTarget, { partial: true });
      resultsRegion.replaceChildren(
        h('h3', { className: 'result-title' }, file.title),
        drawing.curveFigure(curves, runTarget, plotWidth(), `Simulating: ${done} of ${n} points so far…`),
      );
    });
    work = simulateRun(prepared, runner, { signal: controller.signal, onProgress: (d, e) => setProgress(d, e) }).then(async (result) => {
      await views;
      setProgress(1, 1, true);
      state.lastResult = result;
      shown = { ctx: { result, file, points: prepared.points, target: runTarget }, text: runText, curves: '' };
      drawShown();
      if (state.firstCurveMs === null && typeof shown.curves !== 'string') state.firstCurveMs = Math.round(performance.now());
      exportCsv.disabled = false;
      exportSvg.disabled = typeof shown.curves === 'string';
      setStatus(
        'done',
        `Done: ${result.points.length} design point${result.points.length === 1 ? '' : 's'} in ${count.format(result.elapsedMs)} ms.`,
      );
    });
  } else {
    const base = loadScenario(runText);
    if (!base.ok) throw new Error('unreachable: the scenario was valid');
    setStatus('running', `Searching for the smallest n reaching ${runTarget} (every step simulates a few sizes)…`);
    sizeRegion.replaceChildren();
    work = runSampleSizeSearch(
      { set: {}, scenario: base.resolved },
      pool,
      { target: runTarget },
      { signal: controller.signal, onProgress: (d, e) => setProgress(d, e) },
    ).then((r) => {
      setProgress(1, 1, true);
      state.sizeResult = r;
      sizeRegion.replaceChildren(...sizeSentences(r).map((s) => h('p', {}, s)));
      setStatus('done', `Done: the search simulated ${r.evaluations} sizes in ${count.format(r.elapsedMs)} ms.`);
    });
  }

  const settled = work.then(
    () => undefined,
    (error: unknown) => {
      cancelAnimationFrame(progressFrame);
      progressFrame = 0;
      const superseded = mine !== generation;
      if (error instanceof RunCancelledError) {
        if (!superseded)
          setStatus('cancelled', state.lastResult ? 'Cancelled. The results shown are from the last completed run.' : 'Cancelled.');
      } else setStatus('error', `The run failed: ${messageOf(error)}`);
      // A stopped run ends the workers; the last complete result goes back on the page.
      if (kind === 'run') drawShown();
    },
  );
  task = { controller, settled };
  void settled.then(() => {
    if (task?.controller !== controller) return;
    task = undefined;
    setRunning(false);
    // Start fresh workers now (not while another task runs: warmUp resets them).
    if (controller.signal.aborted && generation === mine) pool.warmUp().catch(() => undefined);
  });
}

/** Draws the last completed run again (after a cancel, a resize or a new target). */
function drawShown(): void {
  if (!drawing) {
    void views.then(drawShown, () => undefined);
    return;
  }
  if (!shown) {
    resultsRegion.replaceChildren(h('p', { className: 'hint' }, 'Press Run to simulate the scenario.'));
    return;
  }
  const ctx = { ...shown.ctx, target };
  shown.curves = drawing.renderRun(resultsRegion, ctx, plotWidth());
  markStale();
}

/** Says so above the results when the scenario has changed since they were computed. */
function markStale(): void {
  resultsRegion.querySelector('.stale')?.remove();
  if (!shown || shown.text === text || !resultsRegion.querySelector('.result-title')) return;
  const note = h(
    'p',
    { className: 'stale', 'data-testid': 'stale' },
    autoRun.checked
      ? 'The scenario has changed since these results were computed; they will be re-run.'
      : 'The scenario has changed since these results were computed: press Run.',
  );
  resultsRegion.prepend(note);
}

function cancel(): void {
  clearTimeout(runTimer);
  task?.controller.abort();
}

/** The JSON view applies its text after a pause: a Run (or a search) applies it at once. */
function flushJson(): void {
  if (jsonArea.value === text) return;
  clearTimeout(jsonTimer);
  setScenario(jsonArea.value, 'json');
}

runButton.addEventListener('click', () => {
  if (runButton.getAttribute('aria-disabled') === 'true') return;
  flushJson();
  void start('run');
});
findN.addEventListener('click', () => {
  if (findN.getAttribute('aria-disabled') === 'true') return;
  flushJson();
  void start('size');
});
cancelButton.addEventListener('click', cancel);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    flushJson();
    void start('run');
  } else if (event.key === 'Escape' && task) {
    event.preventDefault();
    cancel();
  }
});
autoRun.addEventListener('change', () => {
  markStale();
  if (autoRun.checked && shown?.text !== text) scheduleRun(0);
});

targetInput.addEventListener('change', () => {
  const t = parseTarget(targetInput.value);
  targetInput.setAttribute('aria-invalid', String(t === undefined));
  if (t === undefined) {
    setStatus(state.status, `Target power: got "${targetInput.value.slice(0, 20)}"; allowed: a number between 0 and 1, e.g. 0.8 or 0.9.`);
    return;
  }
  target = t;
  targetInput.value = String(t);
  findN.textContent = `Find the smallest n for ${t}`;
  if (shown) drawShown();
  scheduleLink();
});

let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = 0;
new ResizeObserver(() => {
  const w = plotWidth();
  if (Math.abs(w - lastWidth) < 24) return;
  lastWidth = w;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (shown && state.status !== 'running') drawShown();
  }, 150);
}).observe(resultsRegion);

// ---- share, files --------------------------------------------------------

let linkTimer: ReturnType<typeof setTimeout> | undefined;
let linkVersion = 0;

/** Puts the scenario in the address bar (replacing the entry: no history per keystroke) and the link field. */
function scheduleLink(): void {
  clearTimeout(linkTimer);
  const version = ++linkVersion;
  const encoding = text;
  linkTimer = setTimeout(async () => {
    const e = await encodeScenario(encoding);
    if (version !== linkVersion) return;
    const base = location.href.replace(/#.*$/, '');
    if (e.ok) {
      const url = base + hashFor(e.encoded, target);
      history.replaceState(null, '', url);
      shareLink.value = url;
      state.shareUrl = url;
      state.shareText = encoding;
      copyLink.disabled = false;
      shareStatus.textContent = '';
    } else {
      history.replaceState(null, '', base);
      shareLink.value = '';
      state.shareUrl = '';
      state.shareText = encoding;
      copyLink.disabled = true;
      shareStatus.textContent = `No link: ${e.message}.`;
    }
  }, 150);
}

copyLink.addEventListener('click', async () => {
  shareLink.select();
  try {
    await navigator.clipboard.writeText(shareLink.value);
    shareStatus.textContent = 'Link copied.';
  } catch {
    shareStatus.textContent = 'The link is selected: copy it with Ctrl+C (⌘+C).';
  }
});

downloadButton.addEventListener('click', () => {
  const title = isPlainObject(data) && typeof data.title === 'string' ? data.title : '';
  download(`${slug(title)}.json`, text, 'application/json');
});
exportCsv.addEventListener('click', () => {
  if (state.lastResult) download(`${slug(state.lastResult.title)}.csv`, formatCsv(state.lastResult), 'text/csv');
});
exportSvg.addEventListener('click', () => {
  if (shown && drawing && typeof shown.curves !== 'string')
    download(`${slug(shown.ctx.result.title)}.svg`, drawing.curveSvgFile(shown.curves.curves, target), 'image/svg+xml');
});

function showLoadMessage(message: string): void {
  loadMessage.replaceChildren(h('p', {}, message), closeButton());
  loadMessage.hidden = false;
}

function closeButton(): HTMLButtonElement {
  const b = h('button', { type: 'button', className: 'small' }, 'Dismiss');
  b.addEventListener('click', hideLoadMessage);
  return b;
}

function hideLoadMessage(): void {
  loadMessage.hidden = true;
  loadMessage.replaceChildren();
}

async function openFile(file: File): Promise<void> {
  const r = await readScenarioFile(file);
  if (!r.ok) {
    showLoadMessage(r.message);
    return;
  }
  const loaded = loadScenario(r.text);
  setScenario(r.text, 'file');
  if (loaded.ok) hideLoadMessage();
  else
    showLoadMessage(
      `Opened ${file.name}, but it cannot run yet: ${loaded.issues.length} problem${loaded.issues.length === 1 ? '' : 's'}, listed above the results and shown at the fields they concern. First: ${formatIssue(loaded.issues[0])}`,
    );
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (file) void openFile(file);
});

// A file dropped anywhere on the page is opened.
let dragDepth = 0;
document.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  dragDepth++;
  document.body.classList.add('dragging');
});
document.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  dragDepth = 0;
  document.body.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void openFile(file);
});

/** Opens the scenario of the URL fragment, if any. Returns whether one was opened. */
async function openLink(initial = false): Promise<boolean> {
  const instead = initial ? 'The default scenario is shown instead.' : 'The scenario shown has not changed.';
  const hash = readHash(location.hash);
  if ('tooLong' in hash) {
    showLoadMessage(
      `This link could not be opened: its fragment has ${hash.tooLong} characters, far more than a scenario link holds. ${instead}`,
    );
    return false;
  }
  let targetNote: string | undefined;
  if (hash.target !== undefined) {
    const t = parseTarget(hash.target);
    if (t !== undefined) {
      target = t;
      targetInput.value = String(t);
      findN.textContent = `Find the smallest n for ${t}`;
    } else {
      const shown = escapeUnsafeText(hash.target.length > 40 ? `${hash.target.slice(0, 40)}…` : hash.target);
      targetNote = `This link's target power "${shown}" is not a power between 0 and 1 (e.g. 0.9); the target stays ${target}.`;
    }
  }
  if (hash.scenario === undefined) {
    if (targetNote) showLoadMessage(targetNote);
    return false;
  }
  const d = await decodeScenario(hash.scenario);
  if (!d.ok) {
    showLoadMessage(`This link could not be opened: ${d.message}. ${instead}`);
    return false;
  }
  setScenario(d.text, 'link');
  if (d.loaded.ok && targetNote) showLoadMessage(targetNote);
  if (!d.loaded.ok)
    showLoadMessage(
      `The scenario in this link cannot run yet: ${d.loaded.issues.length} problem${d.loaded.issues.length === 1 ? '' : 's'}, listed above the results and shown at the fields they concern. First: ${formatIssue(d.loaded.issues[0])}`,
    );
  return true;
}

// In-page links (skip links) move the focus without touching the fragment, which holds the scenario.
document.addEventListener('click', (event) => {
  const a = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
  if (!a || event.defaultPrevented) return;
  const el = document.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1)));
  if (!el) return;
  event.preventDefault();
  el.scrollIntoView({ block: 'start' });
  el.focus();
});

// A link pasted into the address bar of this tab changes only the fragment: open it.
window.addEventListener('hashchange', () => {
  if (state.shareUrl !== location.href) void openLink();
});

// ---- start ---------------------------------------------------------------

setRunning(false);
findN.textContent = `Find the smallest n for ${target}`;
pool.warmUp().catch((error: unknown) => {
  if (state.status !== 'running') setStatus('error', `The simulation workers could not start: ${messageOf(error)}`);
});
void openLink(true).then((opened) => {
  if (!opened) {
    selectPresetRadio(DEFAULT_PRESET);
    const preset = PRESETS.find((p) => p.file === DEFAULT_PRESET) ?? PRESETS[0];
    if (preset) setScenario(preset.text, 'preset');
    if (autoRun.checked) scheduleRun(0);
  }
});
