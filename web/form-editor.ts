/**
 * The scenario form: design, arms, endpoint values per arm (with the
 * evidence they come from), named values, analysis (only the tests that fit),
 * simulation and the curve (sweep). It edits the parsed scenario through
 * scenario-edit.ts and hands every new version to its owner, which keeps the
 * JSON view in step. Every control carries the JSON path it edits
 * (`data-field`), so validation issues can be shown at the field they concern.
 */
import { TESTS, testsFitting, type DesignKind, type EndpointKind } from '../src/analysis/catalog.js';
import { pathProvenance, type PathProvenance } from '../src/report/path-provenance.js';
import { MAX_ARMS, MAX_REPLICATES } from '../src/scenario/limits.js';
import { getPath, isForbiddenKey, isPlainObject, joinPath, ownValue } from '../src/scenario/paths.js';
import { append, h, idFor } from './dom.js';
import { fieldText, parseFieldText, parseSweepValues, sweepValuesText } from './field-text.js';
import { fieldForIssue } from './issue-fields.js';
import {
  addArm,
  removeArm,
  removeAt,
  renameArm,
  setAt,
  setCategories,
  setControl,
  setDesignKind,
  setEndpointKind,
  setSweep,
  suggestSweepValues,
  sweepCandidates,
  type SweepRow,
} from './scenario-edit.js';

/** An issue to show at a field: its path, the full line and the text shown at the field. */
export interface FieldIssue {
  path: string;
  message: string;
  /** The message without the path (the field already says where). */
  short: string;
}

/** Receives every edit: the new scenario data, and whether the form must be drawn again. */
export type FormChange = (data: unknown, rebuild: boolean) => void;

interface Field {
  /** Where the error text goes. */
  error: HTMLElement;
  /** The control to mark invalid and focus (absent for groups). */
  control?: HTMLElement;
  /** The element to focus for a group. */
  focus: HTMLElement;
}

const DESIGN_NAMES: Record<DesignKind, string> = {
  parallel: 'Parallel groups',
  'within-patient': 'Within-patient (one site per arm on each patient)',
  'single-arm': 'Single arm',
};
const ENDPOINT_NAMES: Record<EndpointKind, string> = { continuous: 'Continuous', binary: 'Binary (yes/no)', ordinal: 'Ordinal' };
const N_HINT: Record<DesignKind, string> = {
  parallel: 'Patients randomized, all arms together.',
  'within-patient': 'Patients; each carries one site per arm.',
  'single-arm': 'Patients in the single arm.',
};
const NUMBER_HINT = 'A number, an expression over the named values, or a distribution as JSON, e.g. {"normal": {"mean": 3.9, "sd": 0.8}}.';

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

const obj = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The scenario form. `render` draws it for a scenario; edits come back through `onChange`. */
export class ScenarioForm {
  private data: unknown = {};
  private fields = new Map<string, Field>();
  private marked: HTMLElement[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly onChange: FormChange,
  ) {}

  /** The JSON paths that have a place in the form. */
  fieldPaths(): string[] {
    return [...this.fields.keys()];
  }

  /** Enables or disables every control (while the JSON view cannot be read). */
  setEnabled(enabled: boolean): void {
    for (const fs of this.root.querySelectorAll<HTMLFieldSetElement>(':scope > fieldset')) fs.disabled = !enabled;
  }

  /** Draws the form for `data` (any JSON; what cannot be read shows as empty), keeping the focus where it was. */
  render(data: unknown): void {
    const active = document.activeElement;
    const focusId = active instanceof HTMLElement && this.root.contains(active) ? active.id : '';
    this.data = data;
    this.fields.clear();
    this.marked = [];
    const d = obj(data);
    const design = obj(ownValue(d, 'design'));
    const designKind = (['parallel', 'within-patient', 'single-arm'] as const).find((k) => k === ownValue(design, 'kind'));
    const endpoint = obj(ownValue(d, 'endpoint'));
    const endpointKind = (['continuous', 'binary', 'ordinal'] as const).find((k) => k === ownValue(endpoint, 'kind'));
    this.root.replaceChildren(
      this.aboutSection(d),
      this.designSection(design, designKind),
      this.endpointSection(design, endpoint, endpointKind),
      ...(isPlainObject(ownValue(d, 'let')) ? [this.letSection(obj(ownValue(d, 'let')))] : []),
      this.analysisSection(d, designKind, endpointKind),
      this.simulationSection(obj(ownValue(d, 'simulation'))),
      this.sweepSection(d),
    );
    if (focusId) document.getElementById(focusId)?.focus();
  }

  /**
   * Shows each issue at its field (error text, `aria-invalid`, described by
   * the error). Returns the issues that belong to no field.
   */
  showIssues(issues: readonly FieldIssue[]): FieldIssue[] {
    for (const el of this.marked) {
      if (el.classList.contains('field-error')) {
        el.replaceChildren();
        el.hidden = true;
      } else {
        el.removeAttribute('aria-invalid');
        const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
        if (ids.length > 0) el.setAttribute('aria-describedby', ids.join(' '));
        else el.removeAttribute('aria-describedby');
      }
    }
    this.marked = [];
    const paths = this.fieldPaths();
    const unplaced: FieldIssue[] = [];
    const byField = new Map<string, FieldIssue[]>();
    for (const issue of issues) {
      const f = fieldForIssue(issue.path, paths);
      if (f === undefined) unplaced.push(issue);
      else byField.set(f, [...(byField.get(f) ?? []), issue]);
    }
    for (const [path, list] of byField) {
      const field = this.fields.get(path)!;
      field.error.hidden = false;
      for (const issue of list)
        field.error.append(h('span', { className: 'error-line' }, issue.path === path ? issue.short : issue.message));
      this.marked.push(field.error);
      if (field.control) {
        field.control.setAttribute('aria-invalid', 'true');
        const ids = (field.control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
        field.control.setAttribute('aria-describedby', [...ids, field.error.id].join(' '));
        this.marked.push(field.control);
      }
    }
    return unplaced;
  }

  /** Moves the focus to the field of `path` (or the one that contains it); false when none. */
  focusField(path: string): boolean {
    const f = fieldForIssue(path, this.fieldPaths());
    const field = f === undefined ? undefined : this.fields.get(f);
    if (!field) return false;
    const details = field.focus.closest('details');
    if (details) details.open = true;
    field.focus.focus();
    field.focus.scrollIntoView({ block: 'center' });
    return true;
  }

  // ---- building blocks ------------------------------------------------------

  private edit(next: unknown, rebuild: boolean): void {
    this.data = next;
    this.onChange(next, rebuild);
  }

  /** An error holder registered for `path`. */
  private errorFor(path: string, focus: HTMLElement, control?: HTMLElement): HTMLElement {
    const error = h('p', { className: 'field-error', id: `${idFor('e', path)}-error`, hidden: true });
    this.fields.set(path, { error, focus, ...(control ? { control } : {}) });
    return error;
  }

  /**
   * A labelled field for the value at `path`. `control` is an input, select
   * or textarea; `hint` and provenance notes describe it.
   */
  private field(
    path: string,
    label: string,
    control: HTMLElement,
    options: { hint?: string; provenance?: boolean; className?: string } = {},
  ): HTMLElement {
    const id = idFor('f', path);
    control.id = id;
    control.dataset.field = path;
    const describedBy: string[] = [];
    const hint = options.hint ? h('p', { className: 'hint', id: `${id}-hint` }, options.hint) : undefined;
    if (hint) describedBy.push(hint.id);
    if (describedBy.length > 0) control.setAttribute('aria-describedby', describedBy.join(' '));
    const error = this.errorFor(path, control, control);
    const notes = options.provenance === false ? undefined : provenanceNotes(pathProvenance(this.data, path));
    return h(
      'div',
      { className: `field ${options.className ?? ''}`.trim(), 'data-path': path },
      h('label', { for: id }, label),
      control,
      hint,
      notes,
      error,
    );
  }

  /** A text input editing a number spec (number, expression or distribution) at `path`. */
  private numberInput(path: string, attrs: Record<string, string> = {}): HTMLInputElement {
    const input = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', inputmode: 'decimal', ...attrs });
    input.value = fieldText(getPath(this.data, path));
    input.addEventListener('input', () => {
      const v = parseFieldText(input.value);
      this.edit('remove' in v ? removeAt(this.data, path) : setAt(this.data, path, v.value), false);
    });
    return input;
  }

  /** A plain text input for a string at `path` (empty removes it when `optional`). */
  private textInput(
    path: string,
    options: { optional?: boolean; on?: 'input' | 'change'; rebuild?: boolean; maxlength?: number } = {},
  ): HTMLInputElement {
    const input = h('input', { type: 'text', autocomplete: 'off', ...(options.maxlength ? { maxlength: options.maxlength } : {}) });
    input.value = str(getPath(this.data, path));
    input.addEventListener(options.on ?? 'input', () => {
      const next = input.value === '' && options.optional ? removeAt(this.data, path) : setAt(this.data, path, input.value);
      this.edit(next, options.rebuild ?? false);
    });
    return input;
  }

  /** A select over `options` ([value, text]); the current value is added when it is not one of them. */
  private select(current: unknown, options: ReadonlyArray<readonly [string, string]>, onPick: (value: string) => void): HTMLSelectElement {
    const select = h('select');
    const values = options.map(([v]) => v);
    const all =
      values.includes(String(current)) || current === undefined
        ? options
        : [...options, [String(current), `${fieldText(current)} (not allowed here)`] as const];
    for (const [value, text] of all) select.append(h('option', { value }, text));
    select.value = current === undefined ? '' : String(current);
    select.addEventListener('change', () => onPick(select.value));
    return select;
  }

  /** A fieldset with a legend, registered as a field for group-level issues at `path`. */
  private group(path: string, legend: string, className: string, ...children: (Node | undefined | false)[]): HTMLFieldSetElement {
    const fs = h('fieldset', { className, 'data-path': path });
    const legendEl = h('legend', { tabindex: -1, id: idFor('g', path) }, legend);
    const error = this.errorFor(path, legendEl);
    append(fs, legendEl, error, ...children);
    return fs;
  }

  // ---- sections ----------------------------------------------------------------

  private aboutSection(d: Record<string, unknown>): HTMLElement {
    const description = h('textarea', { rows: 3 });
    description.value = str(ownValue(d, 'description'));
    description.addEventListener('input', () =>
      this.edit(description.value === '' ? removeAt(this.data, 'description') : setAt(this.data, 'description', description.value), false),
    );
    return h(
      'fieldset',
      { className: 'section', 'data-path': '' },
      h('legend', {}, 'About'),
      this.field('title', 'Title', this.textInput('title', { maxlength: 300 }), { provenance: false }),
      this.field('description', 'Description', description, {
        provenance: false,
        hint: 'The question, where the numbers come from, what is assumed.',
      }),
    );
  }

  private designSection(design: Record<string, unknown>, kind: DesignKind | undefined): HTMLElement {
    const kindSelect = this.select(ownValue(design, 'kind'), Object.entries(DESIGN_NAMES), (v) =>
      this.edit(setDesignKind(this.data, v as DesignKind), true),
    );
    const arms = arr(ownValue(design, 'arms'));
    const allocation = ownValue(design, 'allocation');
    const armRows = arms.map((arm, i) => this.armRow(arm, i, kind, arms.length, Array.isArray(allocation)));
    const addButton =
      kind === 'parallel' && arms.length < MAX_ARMS ? h('button', { type: 'button', className: 'small' }, 'Add arm') : undefined;
    addButton?.addEventListener('click', () => this.edit(addArm(this.data), true));
    const allocationError =
      kind === 'parallel' ? this.errorFor('design.allocation', armRows[0]?.querySelector('input') ?? kindSelect) : undefined;
    const armsGroup = this.group(
      'design.arms',
      kind === 'within-patient' ? 'Sites (arms)' : kind === 'single-arm' ? 'Arm' : 'Arms',
      'arms',
      kind === 'parallel'
        ? h('p', { className: 'hint' }, 'Each arm is compared with the control arm. Allocation: relative weights, e.g. 2 and 1 for 2:1.')
        : undefined,
      kind === 'parallel' ? provenanceNotes(pathProvenance(this.data, 'design.allocation')) : undefined,
      allocationError,
      ...armRows,
      addButton,
    );
    return h(
      'fieldset',
      { className: 'section', 'data-path': 'design' },
      h('legend', {}, 'Design'),
      h(
        'div',
        { className: 'row' },
        this.field('design.kind', 'Design', kindSelect, { provenance: false }),
        this.field('design.n', 'Patients (n)', this.numberInput('design.n', { inputmode: 'numeric' }), {
          hint: kind ? N_HINT[kind] : undefined,
        }),
        this.field('design.dropout', 'Dropout', this.numberInput('design.dropout'), {
          hint: 'Probability that a patient is lost before the endpoint (0 to 1).',
        }),
      ),
      kind === 'within-patient'
        ? h(
            'div',
            { className: 'row' },
            this.field('design.correlation', 'Correlation between sites', this.numberInput('design.correlation'), {
              hint: 'Between the two sites of a patient, in (−1, 1).',
            }),
            this.field('design.spillover', 'Spill-over', this.numberInput('design.spillover'), {
              hint: 'Fraction of the active effect that also reaches the control site (0 to 1).',
            }),
          )
        : undefined,
      armsGroup,
    );
  }

  private armRow(arm: unknown, i: number, kind: DesignKind | undefined, count: number, hasAllocation: boolean): HTMLElement {
    const a = obj(arm);
    const base = `design.arms[${i}]`;
    const label = str(ownValue(a, 'label')) || str(ownValue(a, 'id')) || `arm ${i + 1}`;
    const id = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: 40 });
    id.value = str(ownValue(a, 'id'));
    id.addEventListener('change', () => this.edit(renameArm(this.data, i, id.value.trim()), true));
    const labelInput = this.textInput(`${base}.label`, { optional: true, on: 'change', rebuild: true, maxlength: 200 });
    const parts: (HTMLElement | undefined)[] = [
      this.field(`${base}.id`, 'Id', id, { provenance: false, className: 'narrow' }),
      this.field(`${base}.label`, 'Label', labelInput, { provenance: false }),
    ];
    if (kind === 'parallel' && hasAllocation)
      parts.push(
        this.field(`design.allocation[${i}]`, 'Allocation', this.numberInput(`design.allocation[${i}]`), {
          className: 'narrow',
          provenance: false,
        }),
      );
    if (kind === 'parallel' || kind === 'within-patient') {
      const radio = h('input', { type: 'radio', name: 'control-arm', value: String(i) });
      radio.checked = ownValue(a, 'control') === true;
      radio.addEventListener('change', () => radio.checked && this.edit(setControl(this.data, i), true));
      const radioId = idFor('f', `${base}.control`);
      radio.id = radioId;
      radio.dataset.field = `${base}.control`;
      const error = this.errorFor(`${base}.control`, radio, radio);
      parts.push(h('div', { className: 'field check' }, radio, h('label', { for: radioId }, 'Control'), error));
    }
    let remove: HTMLButtonElement | undefined;
    if (kind === 'parallel' && count > 2) {
      remove = h('button', { type: 'button', className: 'small remove', 'aria-label': `Remove arm ${label}` }, 'Remove');
      remove.addEventListener('click', () => this.edit(removeArm(this.data, i), true));
    }
    const fs = this.group(
      base,
      `${kind === 'within-patient' ? 'Site' : 'Arm'} ${i + 1}: ${label}`,
      'arm-row',
      h('div', { className: 'row' }, ...parts, remove),
    );
    return fs;
  }

  private endpointSection(design: Record<string, unknown>, endpoint: Record<string, unknown>, kind: EndpointKind | undefined): HTMLElement {
    const kindSelect = this.select(ownValue(endpoint, 'kind'), Object.entries(ENDPOINT_NAMES), (v) =>
      this.edit(setEndpointKind(this.data, v as EndpointKind), true),
    );
    const better = this.select(
      ownValue(endpoint, 'better'),
      [
        ['higher', 'Higher is better'],
        ['lower', 'Lower is better'],
      ],
      (v) => this.edit(setAt(this.data, 'endpoint.better', v), false),
    );
    const categories = arr(ownValue(endpoint, 'categories'));
    let categoriesField: HTMLElement | undefined;
    if (kind === 'ordinal') {
      const area = h('textarea', { rows: Math.max(3, Math.min(8, categories.length)), spellcheck: 'false' });
      area.value = categories.map(fieldText).join('\n');
      area.addEventListener('change', () => {
        const names = area.value
          .split('\n')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        this.edit(setCategories(this.data, names), true);
      });
      categoriesField = this.field('endpoint.categories', 'Categories, worst to best (one per line)', area, { provenance: false });
    }
    const arms = arr(ownValue(design, 'arms')).filter(isPlainObject);
    const valueGroups = arms
      .filter((a) => typeof a.id === 'string' && !isForbiddenKey(a.id))
      .map((a) => this.armValues(a, kind, categories));
    return h(
      'fieldset',
      { className: 'section', 'data-path': 'endpoint' },
      h('legend', {}, 'Endpoint'),
      h(
        'div',
        { className: 'row' },
        this.field('endpoint.kind', 'Endpoint', kindSelect, { provenance: false }),
        this.field('endpoint.label', 'Name', this.textInput('endpoint.label', { optional: true, maxlength: 300 }), { provenance: false }),
        this.field('endpoint.better', 'Direction', better, { provenance: false }),
      ),
      categoriesField,
      this.group(
        'endpoint.arms',
        'Outcome in each arm',
        'arm-values',
        h('p', { className: 'hint' }, `${NUMBER_HINT} Where a value comes from is shown under it.`),
        ...valueGroups,
      ),
    );
  }

  private armValues(arm: Record<string, unknown>, kind: EndpointKind | undefined, categories: unknown[]): HTMLElement {
    const id = arm.id as string;
    const base = joinPath('endpoint.arms', id);
    const label = str(ownValue(arm, 'label')) || id;
    const inputs: HTMLElement[] = [];
    const add = (key: string, text: string) =>
      inputs.push(
        this.field(`${base}.${key}`, `${label} ${text}`, this.numberInput(`${base}.${key}`), { provenance: false, className: 'narrow' }),
      );
    if (kind === 'continuous') {
      add('mean', 'mean');
      add('sd', 'SD');
    } else if (kind === 'binary') {
      add('p', 'response rate');
    } else if (kind === 'ordinal') {
      categories.forEach((c, i) =>
        inputs.push(
          this.field(`${base}.probs[${i}]`, `${label}: P(${fieldText(c)})`, this.numberInput(`${base}.probs[${i}]`), {
            provenance: false,
            className: 'narrow',
          }),
        ),
      );
    }
    const legend = `${label}${arm.control === true ? ' (control)' : ''}`;
    return this.group(
      base,
      legend,
      'arm-values-row',
      h('div', { className: 'row' }, ...inputs),
      provenanceNotes(pathProvenance(this.data, base), base),
    );
  }

  private letSection(lets: Record<string, unknown>): HTMLElement {
    const rows = Object.keys(lets)
      .filter((k) => !isForbiddenKey(k))
      .map((name) => this.field(joinPath('let', name), name, this.numberInput(joinPath('let', name)), { className: 'narrow' }));
    return h(
      'fieldset',
      { className: 'section', 'data-path': 'let' },
      h('legend', {}, 'Named values'),
      h('p', { className: 'hint' }, 'Values used by expressions elsewhere (the let block). Each may use the names above it.'),
      h('div', { className: 'row' }, ...rows),
    );
  }

  private analysisSection(
    d: Record<string, unknown>,
    designKind: DesignKind | undefined,
    endpointKind: EndpointKind | undefined,
  ): HTMLElement {
    const analysis = obj(ownValue(d, 'analysis'));
    const fitting = designKind && endpointKind ? testsFitting(designKind, endpointKind) : TESTS.map((t) => t.id);
    const testOptions = fitting.map((id) => [id, TESTS.find((t) => t.id === id)?.name ?? id] as const);
    const test = ownValue(analysis, 'test');
    const testSelect = this.select(test, testOptions, (v) => this.edit(setAt(this.data, 'analysis.test', v), true));
    const sides = this.select(
      ownValue(analysis, 'sides') ?? 2,
      [
        ['2', 'Two-sided'],
        ['1', 'One-sided'],
      ],
      (v) => this.edit(setAt(this.data, 'analysis.sides', Number(v)), false),
    );
    const parts: HTMLElement[] = [
      this.field('analysis.test', 'Test', testSelect, {
        provenance: false,
        hint: designKind && endpointKind ? `Tests that fit a ${designKind} design with a ${endpointKind} endpoint.` : undefined,
      }),
      this.field('analysis.alpha', 'α (significance level)', this.numberInput('analysis.alpha'), { className: 'narrow' }),
      this.field('analysis.sides', 'Sides', sides, { provenance: false, className: 'narrow' }),
    ];
    if (designKind === 'single-arm') {
      parts.push(
        this.field('analysis.null', 'Null value', this.numberInput('analysis.null'), {
          hint:
            endpointKind === 'binary'
              ? 'The benchmark response rate the arm is tested against.'
              : 'The mean change the arm is tested against (default 0).',
        }),
      );
    }
    if (test === 'chi-square' || test === 'mcnemar') {
      const box = h('input', { type: 'checkbox' });
      box.checked = ownValue(analysis, 'continuityCorrection') === true;
      box.addEventListener('change', () =>
        this.edit(
          box.checked ? setAt(this.data, 'analysis.continuityCorrection', true) : removeAt(this.data, 'analysis.continuityCorrection'),
          false,
        ),
      );
      const id = idFor('f', 'analysis.continuityCorrection');
      box.id = id;
      box.dataset.field = 'analysis.continuityCorrection';
      parts.push(
        h(
          'div',
          { className: 'field check' },
          box,
          h('label', { for: id }, 'Continuity correction'),
          this.errorFor('analysis.continuityCorrection', box, box),
        ),
      );
    }
    const arms = arr(getPath(d, 'design.arms')).length;
    const multi: HTMLElement[] = [];
    if (designKind === 'parallel' && arms > 2) {
      const m = this.select(
        ownValue(analysis, 'multiplicity') ?? '',
        [
          ['', 'Holm (default)'],
          ['bonferroni', 'Bonferroni'],
          ['none', 'None'],
        ],
        (v) => this.edit(v ? setAt(this.data, 'analysis.multiplicity', v) : removeAt(this.data, 'analysis.multiplicity'), false),
      );
      const s = this.select(
        ownValue(analysis, 'success') ?? '',
        [
          ['', 'Any comparison significant (default)'],
          ['all', 'All comparisons significant'],
        ],
        (v) => this.edit(v ? setAt(this.data, 'analysis.success', v) : removeAt(this.data, 'analysis.success'), false),
      );
      multi.push(
        this.field('analysis.multiplicity', 'Multiplicity adjustment', m, { provenance: false }),
        this.field('analysis.success', 'The trial succeeds when', s, { provenance: false }),
      );
    }
    return h(
      'fieldset',
      { className: 'section', 'data-path': 'analysis' },
      h('legend', {}, 'Analysis'),
      h('div', { className: 'row' }, ...parts),
      multi.length > 0 ? h('div', { className: 'row' }, ...multi) : undefined,
    );
  }

  private simulationSection(sim: Record<string, unknown>): HTMLElement {
    const adaptive = ownValue(sim, 'precision') !== undefined;
    const mode = (value: 'fixed' | 'precision', text: string) => {
      const radio = h('input', { type: 'radio', name: 'sim-mode', value, id: `sim-mode-${value}` });
      radio.checked = (value === 'precision') === adaptive;
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        this.edit(
          value === 'precision' ? setAt(this.data, 'simulation.precision', 0.005) : removeAt(this.data, 'simulation.precision'),
          true,
        );
      });
      return h('div', { className: 'check' }, radio, h('label', { for: radio.id }, text));
    };
    const seed = this.textInput('simulation.seed', { optional: true, maxlength: 200 });
    seed.spellcheck = false;
    seed.placeholder = 'trialsim';
    const replicates = this.numberInput('simulation.replicates', { inputmode: 'numeric', placeholder: '10000' });
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
          ? this.field('simulation.precision', 'Precision (95 % half-width)', this.numberInput('simulation.precision'), {
              provenance: false,
              hint: `Trials are added until the 95 % interval of every point is at most ± this wide (up to ${MAX_REPLICATES.toLocaleString('en')}).`,
            })
          : this.field('simulation.replicates', 'Simulated trials per point', replicates, {
              provenance: false,
              hint: 'More trials, narrower intervals: ±0.01 needs about 10 000 at 80 % power.',
            }),
        this.field('simulation.seed', 'Seed', seed, {
          provenance: false,
          hint: 'The same seed gives the same numbers, here and in the command line.',
        }),
      ),
    );
  }

  private sweepSection(d: Record<string, unknown>): HTMLElement {
    const sweep = obj(ownValue(d, 'sweep'));
    const entries = Object.keys(sweep)
      .filter((k) => !isForbiddenKey(k))
      .map((k) => ({ path: k, values: sweep[k] }));
    const candidates = sweepCandidates(this.data);
    const rows: SweepRow[] = entries.map((e) => ({ path: e.path, values: arr(e.values) }));
    const commit = (next: SweepRow[], rebuild: boolean) => this.edit(setSweep(this.data, next), rebuild);
    const row = (k: 0 | 1) => {
      const current = entries[k];
      const enabled = k === 0 || entries.length > 0;
      const options: Array<readonly [string, string]> = [
        ['', k === 0 ? '— nothing (one design point) —' : '— nothing (one curve) —'],
        ...candidates.filter((c) => c === current?.path || !entries.some((e) => e.path === c)).map((c) => [c, pathName(c)] as const),
      ];
      const select = this.select(current?.path ?? '', options, (path) => {
        const next = rows.slice();
        if (path === '') next.splice(k, 1);
        else next[k] = { path, values: next[k]?.path === path ? next[k].values : suggestSweepValues(this.data, path) };
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
        parts.push(
          this.field(joinPath('sweep', current.path), 'Values (comma-separated)', values, { provenance: false, className: 'wide' }),
        );
      }
      return h('div', { className: 'row sweep-row' }, ...parts);
    };
    return this.group(
      'sweep',
      'Curve',
      'section',
      h('p', { className: 'hint' }, 'What varies along the power curve. A second path draws a family of curves, one per value.'),
      row(0),
      row(1),
    );
  }
}

/** Short text of a long note: its first sentence, at most about 110 characters. */
function shortNote(note: string): string {
  const first = /^(.{20,110}?[.;])\s/.exec(note)?.[1] ?? note;
  return first.length > 110 ? `${first.slice(0, first.lastIndexOf(' ', 108))}…` : first;
}

/**
 * The sources and assumptions of a path, as a compact list: the citation with
 * the paper's words on demand, and each assumption's reason. `base` shortens
 * the paths shown (`mean`, `sd` under `endpoint.arms.msc`).
 */
export function provenanceNotes(p: PathProvenance, base?: string): HTMLElement | undefined {
  if (p.sources.length === 0 && p.assumptions.length === 0) return undefined;
  const local = (path: string) =>
    base && path.startsWith(`${base}.`) ? path.slice(base.length + 1) : base && path === base ? 'all' : path;
  const list = h('ul', { className: 'provenance' });
  for (const s of p.sources) {
    const which = base ? ` (${s.paths.map(local).join(', ')})` : '';
    const details = h('details', {}, h('summary', {}, h('span', { className: 'tag source' }, 'Source'), ` ${s.citation}${which}`));
    if (s.quote) details.append(h('blockquote', {}, `“${s.quote}”`));
    details.append(h('p', {}, `Evidence ${s.evidence}${s.note ? `: ${s.note}` : ''}`));
    list.append(h('li', {}, details));
  }
  for (const a of p.assumptions) {
    const which = base ? ` (${local(a.path)})` : '';
    const short = shortNote(a.note);
    const item =
      short === a.note
        ? h('p', {}, h('span', { className: 'tag assumption' }, 'Assumed'), `${which} ${a.note}`)
        : h(
            'details',
            {},
            h('summary', {}, h('span', { className: 'tag assumption' }, 'Assumed'), `${which} ${short}`),
            h('p', {}, a.note),
          );
    list.append(h('li', {}, item));
  }
  return list;
}
