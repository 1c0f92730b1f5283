import { ENGINE_VERSION } from '../engine/version.js';
import { escapeHtml } from '../text/markup.js';
import type { Inline, ReportBlock } from './report-document.js';

function inlineHtml(content: readonly Inline[]): string {
  return content
    .map((c) =>
      typeof c === 'string'
        ? escapeHtml(c)
        : 'code' in c
          ? `<code>${escapeHtml(c.code)}</code>`
          : `<strong>${escapeHtml(c.strong)}</strong>`,
    )
    .join('');
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 1.4rem 0 0.3rem; }
.byline { color: #555; margin-top: 0; }
code { font: 0.85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f3f5; padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f6f6f8; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: 0.4rem 0 0.6rem; padding: 0.3rem 0.8rem; border-left: 3px solid #4269d0; background: #f7f9fe; }
blockquote footer { color: #555; font-size: 0.85em; }
.warning { color: #9b2c1a; }
.caveat, .note { color: #555; font-size: 0.9rem; }
.justification { background: #fbfbf4; border: 1px solid #e4e4c8; padding: 0.7rem 0.9rem; }
figure { margin: 0.6rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9rem; }
pre { background: #f6f6f8; border: 1px solid #ddd; padding: 0.7rem; overflow-x: auto; font-size: 0.8rem; white-space: pre-wrap; word-break: break-word; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } pre, table, figure { break-inside: avoid; } }
`;

/**
 * The report as one self-contained HTML file: inline CSS and the power curve
 * as inline SVG; no script, no stylesheet, font or image is fetched. `svg` is
 * the curve's `<svg>` markup (drawn by Observable Plot; in the CLI through
 * linkedom). Every text from the scenario is escaped.
 */
export function reportHtml(blocks: readonly ReportBlock[], svg: string | undefined): string {
  const title = blocks.find((b): b is ReportBlock & { kind: 'heading' } => b.kind === 'heading')?.text ?? 'trialsim report';
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `<h${b.level}${b.id ? ` id="${escapeHtml(b.id)}"` : ''}>${escapeHtml(b.text)}</h${b.level}>`;
      case 'paragraph':
        return `<p${b.className ? ` class="${b.className}"` : ''}>${inlineHtml(b.content)}</p>`;
      case 'quote':
        return `<blockquote><p>${escapeHtml(b.text)}</p>${b.cite ? `<footer>${escapeHtml(b.cite)}</footer>` : ''}</blockquote>`;
      case 'list':
        return `<ul>\n${b.items.map((i) => `  <li>${inlineHtml(i)}</li>`).join('\n')}\n</ul>`;
      case 'table': {
        const head = b.header.some((h) => h !== '')
          ? `<thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
          : '';
        const rows = b.rows.map(
          (r) =>
            `<tr>${r.map((c, i) => (b.header[0] === '' && i === 0 ? `<th scope="row">${inlineHtml(c)}</th>` : `<td${b.numeric?.[i] ? ' class="num"' : ''}>${inlineHtml(c)}</td>`)).join('')}</tr>`,
        );
        return `<table${b.className ? ` class="${b.className}"` : ''}>${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
      }
      case 'figure':
        return svg === undefined ? '' : `<figure>\n${svg}\n<figcaption>${escapeHtml(b.caption)}</figcaption>\n</figure>`;
      case 'pre':
        return `${b.caption ? `<p class="note">${escapeHtml(b.caption)}:</p>\n` : ''}<pre><code${b.language ? ` class="language-${b.language}"` : ''}>${escapeHtml(b.text)}</code></pre>`;
    }
  });
  return `${[
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="trialsim ${ENGINE_VERSION}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
  ].join('\n')}\n`;
}
