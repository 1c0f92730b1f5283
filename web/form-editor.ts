/**
 * The scenario form: design, arms, endpoint values per arm (with the
 * evidence they come from), named values, analysis (only the tests that fit),
 * simulation and the curve (sweep). It edits the parsed scenario through
 * scenario-edit.ts and hands every new version to its owner, which keeps the
 * JSON view in step. Every control carries the JSON path it edits
 * (`data-field`), so validation issues can be shown at the field they concern.
 * Choices and hints come from the format's definition (form-format.ts).
 */
import { TEST_IDS, testsFitting, type DesignKind, type EndpointKind } from '../src/analysis/catalog.js';
import { pathProvenance } from '../src/report/path-provenance.js';
import { MAX_ARMS, MAX_NAME_LENGTH } from '../src/scenario/limits.js';
import { getPath, isForbiddenKey, isPlainObject, joinPath, ownValue } from '../src/scenario/paths.js';
import { arr, obj, str } from './json-values.js';
import { h, idFor } from './dom.js';
import { fieldText } from './field-text.js';
import { FormControls } from './form-controls.js';
import {
  asDesignKind,
  asEndpointKind,
  BETTER_CHOICES,
  DESIGN_CHOICES,
  ENDPOINT_CHOICES,
  hintAt,
  isCorrectable,
  MULTIPLICITY_CHOICES,
  NUMBER_SPEC_HINT,
  SIDES_CHOICES,
  SUCCESS_CHOICES,
  testName,
} from './form-format.js';
import { provenanceNotes } from './form-provenance.js';
import { simulationSection, sweepSection } from './form-run-sections.js';
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
} from './scenario-edit.js';

export type { FieldIssue, FormChange } from './form-controls.js';

/** The scenario form. `render` draws it for a scenario; edits come back through `onChange`. */
export class ScenarioForm extends FormControls {
  /** Draws the form for `data` (any JSON; what cannot be read shows as empty), keeping the focus where it was. */
  render(data: unknown): void {
    const active = document.activeElement;
    const focusId = active instanceof HTMLElement && this.root.contains(active) ? active.id : '';
    this.data = data;
    this.fields.clear();
    this.marked = [];
    const d = obj(data);
    const design = obj(ownValue(d, 'design'));
    const designKind = asDesignKind(ownValue(design, 'kind'));
    const endpoint = obj(ownValue(d, 'endpoint'));
    const endpointKind = asEndpointKind(ownValue(endpoint, 'kind'));
    this.root.replaceChildren(
      this.aboutSection(d),
      this.designSection(design, designKind),
      this.endpointSection(design, endpoint, endpointKind),
      ...(isPlainObject(ownValue(d, 'let')) ? [this.letSection(obj(ownValue(d, 'let')))] : []),
      this.analysisSection(d, designKind, endpointKind),
      simulationSection(this, obj(ownValue(d, 'simulation'))),
      sweepSection(this, d),
    );
    if (focusId) document.getElementById(focusId)?.focus();
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
        hint: hintAt('description'),
      }),
    );
  }

  private designSection(design: Record<string, unknown>, kind: DesignKind | undefined): HTMLElement {
    const kindSelect = this.select(ownValue(design, 'kind'), DESIGN_CHOICES, (v) =>
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
      kind === 'parallel' ? h('p', { className: 'hint' }, hintAt('design.arms')) : undefined,
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
          hint: kind ? hintAt('design.n', kind) : undefined,
        }),
        this.field('design.dropout', 'Dropout', this.numberInput('design.dropout'), {
          hint: hintAt('design.dropout'),
        }),
      ),
      kind === 'within-patient'
        ? h(
            'div',
            { className: 'row' },
            this.field('design.correlation', 'Correlation between sites', this.numberInput('design.correlation'), {
              hint: hintAt('design.correlation'),
            }),
            this.field('design.spillover', 'Spill-over', this.numberInput('design.spillover'), {
              hint: hintAt('design.spillover'),
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
    const id = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: MAX_NAME_LENGTH });
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
    const kindSelect = this.select(ownValue(endpoint, 'kind'), ENDPOINT_CHOICES, (v) =>
      this.edit(setEndpointKind(this.data, v as EndpointKind), true),
    );
    const better = this.select(ownValue(endpoint, 'better'), BETTER_CHOICES, (v) =>
      this.edit(setAt(this.data, 'endpoint.better', v), false),
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
        h('p', { className: 'hint' }, `${NUMBER_SPEC_HINT} Where a value comes from is shown under it.`),
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
      h('p', { className: 'hint' }, hintAt('let')),
      h('div', { className: 'row' }, ...rows),
    );
  }

  private analysisSection(
    d: Record<string, unknown>,
    designKind: DesignKind | undefined,
    endpointKind: EndpointKind | undefined,
  ): HTMLElement {
    const analysis = obj(ownValue(d, 'analysis'));
    const fitting = designKind && endpointKind ? testsFitting(designKind, endpointKind) : TEST_IDS;
    const testOptions = fitting.map((id) => [id, testName(id)] as const);
    const test = ownValue(analysis, 'test');
    const testSelect = this.select(test, testOptions, (v) => this.edit(setAt(this.data, 'analysis.test', v), true));
    const sides = this.select(ownValue(analysis, 'sides') ?? 2, SIDES_CHOICES, (v) =>
      this.edit(setAt(this.data, 'analysis.sides', Number(v)), false),
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
    if (isCorrectable(test)) {
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
      const m = this.select(ownValue(analysis, 'multiplicity') ?? '', MULTIPLICITY_CHOICES, (v) =>
        this.edit(v ? setAt(this.data, 'analysis.multiplicity', v) : removeAt(this.data, 'analysis.multiplicity'), false),
      );
      const s = this.select(ownValue(analysis, 'success') ?? '', SUCCESS_CHOICES, (v) =>
        this.edit(v ? setAt(this.data, 'analysis.success', v) : removeAt(this.data, 'analysis.success'), false),
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
}
