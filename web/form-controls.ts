/**
 * The building blocks of the scenario form: labelled fields registered by
 * JSON path (so that issues can be shown at their field and focused), inputs
 * for numbers, texts and choices, and groups. `ScenarioForm` builds the
 * sections from them.
 */
import { pathProvenance } from '../src/report/path-provenance.js';
import { getPath } from '../src/scenario/paths.js';
import { append, h, idFor } from './dom.js';
import { fieldText, parseFieldText } from './field-text.js';
import type { Choices } from './form-format.js';
import { provenanceNotes } from './form-provenance.js';
import { fieldForIssue } from './issue-fields.js';
import { str } from './json-values.js';
import { removeAt, setAt } from './scenario-edit.js';

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

/** Fields registered by path, the issues shown at them, and the controls that edit the scenario. */
export class FormControls {
  /** The scenario being edited (any JSON). */
  data: unknown = {};
  protected fields = new Map<string, Field>();
  protected marked: HTMLElement[] = [];

  constructor(
    protected readonly root: HTMLElement,
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

  edit(next: unknown, rebuild: boolean): void {
    this.data = next;
    this.onChange(next, rebuild);
  }

  /** An error holder registered for `path`. */
  errorFor(path: string, focus: HTMLElement, control?: HTMLElement): HTMLElement {
    const error = h('p', { className: 'field-error', id: `${idFor('e', path)}-error`, hidden: true });
    this.fields.set(path, { error, focus, ...(control ? { control } : {}) });
    return error;
  }

  /**
   * A labelled field for the value at `path`. `control` is an input, select
   * or textarea; `hint` and provenance notes describe it.
   */
  field(
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
  numberInput(path: string, attrs: Record<string, string> = {}): HTMLInputElement {
    const input = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', inputmode: 'decimal', ...attrs });
    input.value = fieldText(getPath(this.data, path));
    input.addEventListener('input', () => {
      const v = parseFieldText(input.value);
      this.edit('remove' in v ? removeAt(this.data, path) : setAt(this.data, path, v.value), false);
    });
    return input;
  }

  /** A plain text input for a string at `path` (empty removes it when `optional`). */
  textInput(
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
  select(current: unknown, options: Choices, onPick: (value: string) => void): HTMLSelectElement {
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
  group(path: string, legend: string, className: string, ...children: (Node | undefined | false)[]): HTMLFieldSetElement {
    const fs = h('fieldset', { className, 'data-path': path });
    const legendEl = h('legend', { tabindex: -1, id: idFor('g', path) }, legend);
    const error = this.errorFor(path, legendEl);
    append(fs, legendEl, error, ...children);
    return fs;
  }
}
