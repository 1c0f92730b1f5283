import type { Inline, ReportBlock } from './report-document.js';

/** Escapes text for Markdown prose: HTML specials (a scenario is untrusted) and the characters Markdown would act on. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(/\r?\n|\r/g, ' ');
}

/** A code span that holds any text (a fence longer than its longest run of backticks). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n|\r/g, ' ')}${pad}${fence}`;
}

function inlineMarkdown(content: readonly Inline[]): string {
  return content
    .map((c) =>
      typeof c === 'string'
        ? escapeMarkdown(c)
        : 'code' in c
          ? codeSpan(c.code)
          : `**${escapeMarkdown(c.strong).trim()}**${c.strong.endsWith(' ') ? ' ' : ''}`,
    )
    .join('');
}

/**
 * The report as GitHub-flavoured Markdown. Markdown cannot carry inline SVG
 * (GitHub strips it), so the curve is an image link to `svgHref`, the SVG
 * file the CLI writes next to the Markdown file.
 */
export function reportMarkdown(blocks: readonly ReportBlock[], svgHref: string | undefined): string {
  const out = blocks.map((b) => {
    switch (b.kind) {
      case 'heading':
        return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
      case 'paragraph':
        return inlineMarkdown(b.content);
      case 'quote':
        return `> ${escapeMarkdown(b.text)}${b.cite ? `\n>\n> \u2014 ${escapeMarkdown(b.cite)}` : ''}`;
      case 'list':
        return b.items.map((i) => `- ${inlineMarkdown(i)}`).join('\n');
      case 'table': {
        const header = b.header.map((h) => escapeMarkdown(h) || ' ');
        const rule = b.header.map((_, i) => (b.numeric?.[i] ? '---:' : '---'));
        const rows = b.rows.map((r) => `| ${r.map((c) => inlineMarkdown(c)).join(' | ')} |`);
        return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows].join('\n');
      }
      case 'figure':
        return svgHref === undefined ? '' : `![${escapeMarkdown(b.caption)}](${encodeURI(svgHref)})\n\n${escapeMarkdown(b.caption)}`;
      case 'pre': {
        const longest = Math.max(2, ...(b.text.match(/`+/g) ?? []).map((r) => r.length));
        const fence = '`'.repeat(longest + 1);
        return `${b.caption ? `${escapeMarkdown(b.caption)}:\n\n` : ''}${fence}${b.language ?? ''}\n${b.text.replace(/\n$/, '')}\n${fence}`;
      }
    }
  });
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}
