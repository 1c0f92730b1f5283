/**
 * The page: pick or edit a scenario, run it in Web Workers, read the table.
 * One worker pool is created when the page loads and kept warm across runs.
 */
import { createBrowserPool } from '../workers/browser-pool.js';
import { RunCancelledError } from '../workers/pool.js';
import type { PageState, RunStatus } from './page-state.js';
import { PRESETS } from './presets.js';
import { renderResults } from './results-table.js';
import { parseRunSettings } from './run-settings.js';
import { prepareRun, simulateRun, type PreparedRun } from './simulate.js';

/** Most problems listed at once (a broken sweep can produce many). */
const MAX_MESSAGES = 30;
/** Pause after the last keystroke before the scenario is checked again. */
const CHECK_DELAY_MS = 300;

function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no ${type.name} #${id}`);
  return el;
}

const presetSelect = byId('preset', HTMLSelectElement);
const presetDescription = byId('preset-description', HTMLParagraphElement);
const scenarioText = byId('scenario', HTMLTextAreaElement);
const replicatesInput = byId('replicates', HTMLInputElement);
const seedInput = byId('seed', HTMLInputElement);
const messagesRegion = byId('messages', HTMLDivElement);
const runButton = byId('run', HTMLButtonElement);
const cancelButton = byId('cancel', HTMLButtonElement);
const progressBar = byId('progress', HTMLProgressElement);
const progressText = byId('progress-text', HTMLSpanElement);
const statusLine = byId('status', HTMLParagraphElement);
const resultsRegion = byId('results', HTMLDivElement);

const state: PageState = { lastResult: null, status: 'idle', runs: 0 };
window.__trialsim = state;

const pool = createBrowserPool();
const count = new Intl.NumberFormat('en');

function setStatus(status: RunStatus, text: string): void {
  state.status = status;
  statusLine.dataset.status = status;
  statusLine.textContent = text;
}

/** Starts the workers in the background so that the next run does not wait for them. */
function warmUp(): void {
  pool.warmUp().catch((error: unknown) => {
    if (state.status !== 'running') setStatus('error', `The simulation workers could not start: ${messageOf(error)}`);
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- presets -------------------------------------------------------------

for (const preset of PRESETS) {
  const option = document.createElement('option');
  option.value = preset.file;
  option.textContent = preset.title;
  option.title = preset.description;
  presetSelect.append(option);
}

function showPreset(file: string): void {
  const preset = PRESETS.find((p) => p.file === file);
  if (!preset) return;
  presetSelect.value = preset.file;
  presetDescription.textContent = preset.description;
  scenarioText.value = preset.text;
  check();
}

presetSelect.addEventListener('change', () => showPreset(presetSelect.value));

// ---- validation ----------------------------------------------------------

let shownMessages = '';
let checkTimer: ReturnType<typeof setTimeout> | undefined;

function showMessages(messages: readonly string[]): void {
  const key = messages.join('\n');
  if (key === shownMessages) return; // Unchanged: do not announce it again.
  shownMessages = key;
  if (messages.length === 0) {
    messagesRegion.replaceChildren();
    return;
  }
  const heading = document.createElement('p');
  heading.textContent = messages.length === 1 ? 'This cannot run yet:' : `This cannot run yet (${messages.length} problems):`;
  const list = document.createElement('ul');
  for (const message of messages.slice(0, MAX_MESSAGES)) {
    const item = document.createElement('li');
    item.textContent = message;
    list.append(item);
  }
  if (messages.length > MAX_MESSAGES) {
    const more = document.createElement('li');
    more.textContent = `… and ${messages.length - MAX_MESSAGES} more`;
    list.append(more);
  }
  messagesRegion.replaceChildren(heading, list);
}

/** Checks the scenario and run settings, shows every problem, and returns the run if there is none. */
function check(): PreparedRun | undefined {
  clearTimeout(checkTimer);
  const settings = parseRunSettings(replicatesInput.value, seedInput.value);
  const prepared = prepareRun(scenarioText.value, settings.ok ? settings.settings : {});
  showMessages([...(prepared.ok ? [] : prepared.messages), ...(settings.ok ? [] : settings.messages)]);
  scenarioText.setAttribute('aria-invalid', String(!prepared.ok));
  const settingsInvalid = settings.ok ? [] : settings.messages;
  replicatesInput.setAttribute('aria-invalid', String(settingsInvalid.some((m) => m.startsWith('Replicates'))));
  seedInput.setAttribute('aria-invalid', String(settingsInvalid.some((m) => m.startsWith('Seed'))));
  if (prepared.ok) {
    replicatesInput.placeholder = count.format(prepared.scenarioSettings.replicates);
    seedInput.placeholder = prepared.scenarioSettings.seed;
  }
  return prepared.ok && settings.ok ? prepared.run : undefined;
}

for (const input of [scenarioText, replicatesInput, seedInput]) {
  input.addEventListener('input', () => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, CHECK_DELAY_MS);
  });
}

// ---- progress ------------------------------------------------------------

let progressFrame = 0;
let progressPending: [done: number, expected: number] = [0, 1];

function paintProgress(): void {
  progressFrame = 0;
  const [done, expected] = progressPending;
  progressBar.max = Math.max(expected, 1);
  progressBar.value = done;
  progressText.textContent = `${Math.min(100, Math.floor((100 * done) / Math.max(expected, 1)))} %`;
}

function setProgress(done: number, expected: number, now = false): void {
  progressPending = [done, expected];
  if (now) {
    cancelAnimationFrame(progressFrame);
    paintProgress();
  } else if (progressFrame === 0) progressFrame = requestAnimationFrame(paintProgress);
}

// ---- running -------------------------------------------------------------

let controller: AbortController | undefined;

function setRunning(running: boolean): void {
  // Run stays focusable while a run is under way (aria-disabled), so focus is not lost.
  runButton.setAttribute('aria-disabled', String(running));
  cancelButton.disabled = !running;
  resultsRegion.setAttribute('aria-busy', String(running));
  if (!running && document.activeElement === cancelButton) runButton.focus();
}

function run(): void {
  if (controller) return;
  const prepared = check();
  if (!prepared) {
    setStatus('invalid', 'Fix the problems listed above, then run again.');
    return;
  }
  const runController = new AbortController();
  controller = runController;
  state.runs++;
  setRunning(true);
  setProgress(0, 1, true);
  const points = prepared.points.length;
  const replicates = prepared.simulated[0].precision === undefined
    ? `${count.format(prepared.points[0].scenario.simulation.replicates)} replicates`
    : `replicates until ±${prepared.simulated[0].precision}`;
  setStatus('running', `Running ${points} design point${points === 1 ? '' : 's'} × ${replicates} on ${pool.size} worker${pool.size === 1 ? '' : 's'}…`);

  simulateRun(prepared, pool, { signal: runController.signal, onProgress: (done, expected) => setProgress(done, expected) })
    .then(
      (result) => {
        setProgress(1, 1, true);
        state.lastResult = result;
        renderResults(resultsRegion, result);
        setStatus('done', `Done: ${result.points.length} design point${result.points.length === 1 ? '' : 's'} in ${count.format(result.elapsedMs)} ms.`);
      },
      (error: unknown) => {
        cancelAnimationFrame(progressFrame);
        progressFrame = 0;
        if (error instanceof RunCancelledError) {
          setStatus('cancelled', state.lastResult ? 'Cancelled. The results shown are from the last completed run.' : 'Cancelled.');
        } else setStatus('error', `The run failed: ${messageOf(error)}`);
        // A stopped run terminates the workers: start fresh ones for the next run.
        warmUp();
      },
    )
    .finally(() => {
      controller = undefined;
      setRunning(false);
    });
}

function cancel(): void {
  controller?.abort();
}

runButton.addEventListener('click', () => {
  if (runButton.getAttribute('aria-disabled') !== 'true') run();
});
cancelButton.addEventListener('click', cancel);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  } else if (event.key === 'Escape' && controller) {
    event.preventDefault();
    cancel();
  }
});

// ---- start ---------------------------------------------------------------

if (PRESETS.length > 0) showPreset(PRESETS[0].file);
else check();
setRunning(false);
warmUp();
