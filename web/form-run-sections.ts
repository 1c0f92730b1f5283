/** The sections of the form about running: Simulation and Curve (sweep). */
import { DEFAULT_REPLICATES, MAX_SEED_LENGTH } from '../src/scenario/limits.js';
import { DEFAULT_SEED } from '../src/scenario/resolve.js';
import { isForbiddenKey, joinPath, ownValue } from '../src/scenario/paths.js';
import { arr, obj } from './json-values.js';
import { h, idFor } from './dom.js';
import { parseSweepValues, sweepValuesText } from './field-text.js';
import type { FormControls } from './form-controls.js';
import { hintAt } from './form-format.js';
import { removeAt, setAt } from './scenario-edit.js';
import { setSweep, suggestSweepValues, sweepCandidates, type SweepRow } from './sweep-edit.js';

/** Friendly names of common sweep paths (others show the path itself). */
function pathName(path: string): string {
  const names: Record<string, string> = {
    'design.n': 'Patients (design.n)',
    'design.dropout': 'Dropout (design.dropout)',
    'design.correlation': 'Correlation (design.correlation)',
    'design.spillover': 'Spill-over (design.spillover)',
    'analysis.alpha': 'α (analysis.alpha)',
  };
  return names[path] ?? path;
}

/** The Simulation section: fixed replicates or a precision target, and the seed. */
export function simulationSection(form: FormControls, sim: Record<string, unknown>): HTMLElement {
  const adaptive = ownValue(sim, 'precision') !== undefined;
  const mode = (value: 'fixed' | 'precision', text: string) => {
    const radio = h('input', { type: 'radio', name: 'sim-mode', value, id: `sim-mode-${value}` });
    radio.checked = (value === 'precision') === adaptive;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      form.edit(
        value === 'precision' ? setAt(form.data, 'simulation.precision', 0.005) : removeAt(form.data, 'simulation.precision'),
        true,
      );
    });
    return h('div', { className: 'check' }, radio, h('label', { for: radio.id }, text));
  };
  const seed = form.textInput('simulation.seed', { optional: true, maxlength: MAX_SEED_LENGTH });
  seed.spellcheck = false;
  seed.placeholder = DEFAULT_SEED;
  const replicates = form.numberInput('simulation.replicates', { inputmode: 'numeric', placeholder: String(DEFAULT_REPLICATES) });
  return h(
    'fieldset',
    { className: 'section', 'data-path': 'simulation' },
    h('legend', {}, 'Simulation'),
    h(
      'div',
      { className: 'row radios', role: 'radiogroup', 'aria-label': 'How many trials to simulate' },
      mode('fixed', 'Fixed number of simulated trials'),
      mode('precision', 'Until a target precision'),
    ),
    h(
      'div',
      { className: 'row' },
      adaptive
        ? form.field('simulation.precision', 'Precision (95 % half-width)', form.numberInput('simulation.precision'), {
            provenance: false,
            hint: hintAt('simulation.precision'),
          })
        : form.field('simulation.replicates', 'Simulated trials per point', replicates, {
            provenance: false,
            hint: hintAt('simulation.replicates'),
          }),
      form.field('simulation.seed', 'Seed', seed, {
        provenance: false,
        hint: hintAt('simulation.seed'),
      }),
    ),
  );
}

/** The Curve section: what varies along the curve, and a second path for a family of curves. */
export function sweepSection(form: FormControls, d: Record<string, unknown>): HTMLElement {
  const sweep = obj(ownValue(d, 'sweep'));
  const entries = Object.keys(sweep)
    .filter((k) => !isForbiddenKey(k))
    .map((k) => ({ path: k, values: sweep[k] }));
  const candidates = sweepCandidates(form.data);
  const rows: SweepRow[] = entries.map((e) => ({ path: e.path, values: arr(e.values) }));
  const commit = (next: SweepRow[], rebuild: boolean) => form.edit(setSweep(form.data, next), rebuild);
  const row = (k: 0 | 1) => {
    const current = entries[k];
    const enabled = k === 0 || entries.length > 0;
    const options: Array<readonly [string, string]> = [
      ['', k === 0 ? '— nothing (one design point) —' : '— nothing (one curve) —'],
      ...candidates.filter((c) => c === current?.path || !entries.some((e) => e.path === c)).map((c) => [c, pathName(c)] as const),
    ];
    const select = form.select(current?.path ?? '', options, (path) => {
      const next = rows.slice();
      if (path === '') next.splice(k, 1);
      else next[k] = { path, values: next[k]?.path === path ? next[k].values : suggestSweepValues(form.data, path) };
      commit(next, true);
    });
    select.disabled = !enabled;
    const selectId = idFor('f', `sweep-path-${k}`);
    select.id = selectId;
    const parts: HTMLElement[] = [
      h('div', { className: 'field' }, h('label', { for: selectId }, k === 0 ? 'Vary (x axis)' : 'One curve per value of'), select),
    ];
    if (current) {
      const values = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
      values.value = sweepValuesText(current.values);
      values.addEventListener('input', () => {
        const next = rows.slice();
        next[k] = { path: current.path, values: parseSweepValues(values.value) };
        rows[k] = next[k];
        commit(next, false);
      });
      parts.push(form.field(joinPath('sweep', current.path), 'Values (comma-separated)', values, { provenance: false, className: 'wide' }));
    }
    return h('div', { className: 'row sweep-row' }, ...parts);
  };
  return form.group('sweep', 'Curve', 'section', h('p', { className: 'hint' }, hintAt('sweep')), row(0), row(1));
}
