/** The preset picker: a radio card per shipped scenario (and "Start blank"), and the name of the one shown. */
import { BLANK, type PageController } from '../controller/page-controller.js';
import { byId, h, idFor } from '../dom.js';
import type { Preset } from '../presets.js';

/** Lists the presets and keeps the checked radio and the summary line in step with the controller. */
export function mountPresetsView(controller: PageController, presets: readonly Preset[]): void {
  const presetList = byId('preset-list', HTMLFieldSetElement);
  const presetCurrent = byId('preset-current', HTMLSpanElement);

  function presetCard(value: string, title: string, summary: string, sources: string[]): HTMLElement {
    const id = idFor('preset', value || 'blank');
    const radio = h('input', {
      type: 'radio',
      name: 'preset',
      value,
      id,
      'aria-describedby': `${id}-about`,
      'data-testid': 'preset-option',
    });
    radio.addEventListener('change', () => radio.checked && controller.pickPreset(value));
    const about = h('span', { className: 'about', id: `${id}-about` }, summary);
    if (sources.length > 0) about.append(h('span', { className: 'sources' }, ` Sources: ${sources.join('; ')}.`));
    return h('div', { className: 'preset-card' }, radio, h('label', { for: id }, title), about);
  }

  presetList.append(
    presetCard(BLANK, 'Start blank', 'Two parallel arms, a continuous endpoint and a curve over n: fill in your own trial.', []),
  );
  for (const p of presets) presetList.append(presetCard(p.file, p.title, p.summary, p.sources));

  /** Checks the radio of a preset (null: none, for a file or a link) and names it in the summary. */
  function select(value: string | null): void {
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
    const preset = presets.find((p) => p.file === value);
    presetCurrent.textContent =
      value === BLANK ? '— now: a blank scenario' : preset ? `— now: ${preset.title}` : '— now: your own scenario';
  }

  controller.subscribe((changes, state) => {
    if (changes.has('preset')) select(state.preset);
  });
}
