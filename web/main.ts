/**
 * The page's entry: creates the worker pool (kept warm across runs) and the
 * page controller (web/controller/), mounts the views on the DOM, mirrors the
 * state to `window.__trialsim` for end-to-end tests, and opens the link in
 * the address bar or the default preset. Everything else lives in the
 * controller (state and transitions) and the views (rendering).
 */
import { prepareScenarioInput } from '../src/scenario/prepare.js';
import { encodeScenario } from '../src/scenario/url-encoding.js';
import { createBrowserPool } from '../workers/browser-pool.js';
import { PageController } from './controller/page-controller.js';
import type { PageSnapshot } from './controller/page-types.js';
import { messageOf } from './controller/run-text.js';
import { formatJson } from './json-format.js';
import { mountPresetsView } from './page/presets-view.js';
import { mountResultsPanel } from './page/results-panel.js';
import { mountRunView } from './page/run-view.js';
import { mountScenarioView } from './page/scenario-view.js';
import { mountShareView } from './page/share-view.js';
import type { PageState } from './page-state.js';
import { loadPresets } from './presets.js';
import { blankScenario } from './scenario-edit.js';

const pool = createBrowserPool();
/** The drawing code, loaded in parallel with the first run (see views.ts). */
const drawing = import('./views.js');
/** The shipped scenarios; they name the papers they cite, so the evidence library (a chunk of its own) loads first. */
const PRESETS = await loadPresets();
const controller = new PageController({
  simulator: pool,
  presets: PRESETS,
  blankText: () => formatJson(blankScenario()),
  // mathjs is loaded only for a scenario with an expression (it stays out of the first-load bundle).
  prepare: prepareScenarioInput,
  timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
  baseUrl: () => location.href.replace(/#.*$/, ''),
  encode: encodeScenario,
  resultsReady: () => drawing,
  autoRun: (document.getElementById('auto-run') as HTMLInputElement | null)?.checked ?? true,
});

const mirror: PageState = {
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
window.__trialsim = mirror;
function updateMirror(state: PageSnapshot): void {
  mirror.lastResult = state.shown?.result ?? null;
  mirror.status = state.status;
  mirror.runs = state.runs;
  mirror.task = state.task;
  mirror.sizeResult = state.size;
  mirror.scenarioText = state.scenario.text;
  mirror.shareUrl = state.share.url;
  mirror.shareText = state.share.text;
}

mountPresetsView(controller, PRESETS);
mountScenarioView(controller);
mountRunView(controller);
mountResultsPanel(controller, drawing, () => {
  mirror.firstCurveMs = Math.round(performance.now());
});
mountShareView(controller);
// Last: the mirror shows a state only once every view has rendered it.
controller.subscribe((_changes, state) => updateMirror(state));
drawing.catch((error: unknown) => controller.showError(`The page could not load its drawing code: ${messageOf(error)}`));
void controller.open(location.hash);
