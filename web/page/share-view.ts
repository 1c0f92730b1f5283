/**
 * Scenarios in and out of the page: the share link (in the address bar and
 * the link field), copying it, downloading the scenario file, opening a file
 * (picked or dropped) or a link pasted into the address bar, and the message
 * about what was (not) opened.
 */
import { isPlainObject } from '../../src/scenario/paths.js';
import type { PageController } from '../controller/page-controller.js';
import { byId, download, h, slug } from '../dom.js';
import { readScenarioFile } from '../share.js';

/** Wires link, files and the load message to the controller. */
export function mountShareView(controller: PageController): void {
  const shareLink = byId('share-link', HTMLInputElement);
  const copyLink = byId('copy-link', HTMLButtonElement);
  const shareStatus = byId('share-status', HTMLParagraphElement);
  const downloadButton = byId('download-scenario', HTMLButtonElement);
  const loadMessage = byId('load-message', HTMLDivElement);
  const fileInput = byId('file-input', HTMLInputElement);

  controller.subscribe((changes, state) => {
    if (changes.has('share')) {
      const { url, message } = state.share;
      // Replacing the entry: no history per keystroke.
      history.replaceState(null, '', url || location.href.replace(/#.*$/, ''));
      shareLink.value = url;
      copyLink.disabled = url === '';
      shareStatus.textContent = message;
    }
    if (changes.has('load')) {
      loadMessage.hidden = state.loadMessage === '';
      if (state.loadMessage === '') loadMessage.replaceChildren();
      else {
        const dismiss = h('button', { type: 'button', className: 'small' }, 'Dismiss');
        dismiss.addEventListener('click', () => controller.dismissLoadMessage());
        loadMessage.replaceChildren(h('p', {}, state.loadMessage), dismiss);
      }
    }
  });

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
    const { data, text } = controller.state.scenario;
    const title = isPlainObject(data) && typeof data.title === 'string' ? data.title : '';
    download(`${slug(title)}.json`, text, 'application/json');
  });

  const open = async (file: File) => controller.openFile(file.name, await readScenarioFile(file));
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) void open(file);
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
    void open(file);
  });

  // In-page links (skip links) move the focus without touching the fragment, which holds the scenario.
  document.addEventListener('click', (event) => {
    const a = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href^="#"]') : null;
    if (!a || event.defaultPrevented) return;
    const el = document.getElementById(decodeURIComponent(a.getAttribute('href')?.slice(1) ?? ''));
    if (!el) return;
    event.preventDefault();
    el.scrollIntoView({ block: 'start' });
    el.focus();
  });

  // A link pasted into the address bar of this tab changes only the fragment: open it.
  window.addEventListener('hashchange', () => {
    if (!controller.isOwnLink(location.href)) void controller.openLink(location.hash);
  });
}
