/**
 * The scenario editor's views: the form and the JSON view in step, and the
 * validator's issues at their fields, in a summary above the results and,
 * for issues without a field, under the JSON view.
 */
import { formatIssue } from '../../src/scenario/format-issues.js';
import type { ValidationIssue } from '../../src/scenario/types.js';
import type { PageController } from '../controller/page-controller.js';
import { byId, h, idFor } from '../dom.js';
import { type FieldIssue, ScenarioForm } from '../form-editor.js';
import { formatJson } from '../json-format.js';

/** Most problems listed at once (a broken sweep can produce many). */
const MAX_MESSAGES = 30;

/** Mounts the form, the JSON view and the issue lists on the page's elements. */
export function mountScenarioView(controller: PageController): void {
  const formRoot = byId('scenario-form', HTMLFormElement);
  const jsonArea = byId('scenario', HTMLTextAreaElement);
  const jsonStatus = byId('json-status', HTMLParagraphElement);
  const jsonMessages = byId('json-messages', HTMLDivElement);
  const messagesRegion = byId('messages', HTMLDivElement);

  const form = new ScenarioForm(formRoot, (next, rebuild) => controller.editForm(next, formatJson(next), rebuild));
  formRoot.addEventListener('submit', (event) => event.preventDefault());
  jsonArea.addEventListener('input', () => controller.typeJson(jsonArea.value));

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
          byId('json-view', HTMLDetailsElement).open = true;
          jsonArea.focus();
        }
      });
      list.append(h('li', {}, a));
    }
    if (issues.length > MAX_MESSAGES) list.append(h('li', {}, `… and ${issues.length - MAX_MESSAGES} more`));
    return h('div', {}, h('p', {}, heading), list);
  }

  let shownKey: string | undefined;
  function showIssues(issues: ValidationIssue[], readable: boolean, revision: number): void {
    const fieldIssues: FieldIssue[] = issues.map((i) => {
      const message = formatIssue(i);
      const shown = i.path === '' ? '(root)' : i.path;
      return { path: i.path, message, short: message.slice(shown.length + 2) };
    });
    // Unchanged for this text: do not announce it again.
    const key = `${revision}\n${fieldIssues.map((i) => i.message).join('\n')}`;
    if (key === shownKey) return;
    shownKey = key;
    const unplaced = readable ? form.showIssues(fieldIssues) : fieldIssues;
    jsonMessages.replaceChildren(...(unplaced.length > 0 ? [issueList(unplaced, 'Not shown in the form:', false)] : []));
    jsonArea.setAttribute('aria-invalid', String(issues.length > 0));
    const heading = fieldIssues.length === 1 ? 'This cannot run yet:' : `This cannot run yet (${fieldIssues.length} problems):`;
    messagesRegion.replaceChildren(...(fieldIssues.length > 0 ? [issueList(fieldIssues, heading, readable)] : []));
  }

  controller.subscribe((changes, state) => {
    const { scenario } = state;
    if (changes.has('scenario')) {
      const { origin, readable, data, text } = scenario;
      if (origin !== 'json') jsonArea.value = text;
      // While the JSON view cannot be read, the form keeps showing its last readable version, switched off.
      if (readable ? origin !== 'form' || scenario.rebuildForm : origin !== 'json') form.render(readable ? data : {});
      form.setEnabled(readable);
      jsonStatus.hidden = readable;
      jsonStatus.textContent = readable
        ? ''
        : 'The JSON view cannot be read as a scenario object, so the form is switched off until it can (see the message below).';
    }
    if (changes.has('issues') && state.issues?.revision === scenario.revision)
      showIssues(state.issues.list, scenario.readable, scenario.revision);
  });
}
