/**
 * The run controls and what they report: Run, Cancel, re-run on change, the
 * target power, Find n, the progress bar (painted once per frame), the status
 * line and the size search's answer.
 */
import type { PageController } from '../controller/page-controller.js';
import type { PageSnapshot } from '../controller/page-types.js';
import { byId, h } from '../dom.js';
import { sizeSentences } from '../size-view.js';

/** Wires the run controls to the controller and renders its run state. */
export function mountRunView(controller: PageController): void {
  const runButton = byId('run', HTMLButtonElement);
  const cancelButton = byId('cancel', HTMLButtonElement);
  const autoRun = byId('auto-run', HTMLInputElement);
  const targetInput = byId('target', HTMLInputElement);
  const findN = byId('find-n', HTMLButtonElement);
  const progressBar = byId('progress', HTMLProgressElement);
  const progressText = byId('progress-text', HTMLSpanElement);
  const statusLine = byId('status', HTMLParagraphElement);
  const resultsRegion = byId('results', HTMLDivElement);
  const sizeRegion = byId('size-result', HTMLDivElement);

  runButton.addEventListener('click', () => void controller.request('run'));
  findN.addEventListener('click', () => void controller.request('size'));
  cancelButton.addEventListener('click', () => controller.cancel());
  autoRun.addEventListener('change', () => controller.setAutoRun(autoRun.checked));
  targetInput.addEventListener('change', () => controller.setTarget(targetInput.value));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void controller.request('run', true);
    } else if (event.key === 'Escape' && controller.state.busy) {
      event.preventDefault();
      controller.cancel();
    }
  });

  let frame = 0;
  function paintProgress(): void {
    frame = 0;
    const { done, expected } = controller.state.progress;
    progressBar.max = Math.max(expected, 1e-9);
    progressBar.value = Math.min(done, expected);
    progressText.textContent = `${Math.min(100, Math.floor((100 * done) / Math.max(expected, 1e-9)))} %`;
  }

  function showBusy(busy: boolean): void {
    // Run stays focusable while a task is under way (aria-disabled), so focus is not lost.
    runButton.setAttribute('aria-disabled', String(busy));
    findN.setAttribute('aria-disabled', String(busy));
    cancelButton.disabled = !busy;
    resultsRegion.setAttribute('aria-busy', String(busy));
    if (!busy && document.activeElement === cancelButton) runButton.focus();
  }

  function showTarget(state: PageSnapshot): void {
    targetInput.setAttribute('aria-invalid', String(state.targetError !== ''));
    if (state.targetError) return;
    targetInput.value = String(state.target);
    findN.textContent = `Find the smallest n for ${state.target}`;
  }

  controller.subscribe((changes, state) => {
    if (changes.has('status')) {
      statusLine.dataset.status = state.status;
      statusLine.textContent = state.statusText;
      showBusy(state.busy);
    }
    if (changes.has('progress') || changes.has('status')) {
      // While running, the bar is painted once per frame; at the start and the end, at once.
      if (state.status === 'running' && state.progress.done > 0) {
        if (frame === 0) frame = requestAnimationFrame(paintProgress);
      } else {
        cancelAnimationFrame(frame);
        paintProgress();
      }
    }
    if (changes.has('target')) showTarget(state);
    if (changes.has('size'))
      sizeRegion.replaceChildren(...(state.sizeShown && state.size ? sizeSentences(state.size).map((s) => h('p', {}, s)) : []));
  });
  showBusy(false);
  showTarget(controller.state);
}
