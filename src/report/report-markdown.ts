import { codeSpan, escapeMarkdownText } from '../text/markdown.js';
import type { Inline, ReportBlock } from './report-document.js';

function inlineMarkdown(content: readonly Inline[]): string {
  return content
    .map((c) =>
      typeof c === 'string'
        ? escapeMarkdownText(c)
        : 'code' in c
          ? codeSpan(c.code)
          : `**${escapeMarkdownText(c.strong).trim()}**${c.strong.endsWith(' ') ? ' ' : ''}`,
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
        return `${'#'.repeat(b.level)} ${escapeMarkdownText(b.text)}`;
      case 'paragraph':
        return inlineMarkdown(b.content);
      case 'quote':
        return `> ${escapeMarkdownText(b.text)}${b.cite ? `\n>\n> \u2014 ${escapeMarkdownText(b.cite)}` : ''}`;
      case 'list':
        return b.items.map((i) => `- ${inlineMarkdown(i)}`).join('\n');
      case 'table': {
        const header = b.header.map((h) => escapeMarkdownText(h) || ' ');
        const rule = b.header.map((_, i) => (b.numeric?.[i] ? '---:' : '---'));
        const rows = b.rows.map((r) => `| ${r.map((c) => inlineMarkdown(c)).join(' | ')} |`);
        return [`| ${header.join(' | ')} |`, `| ${rule.join(' | ')} |`, ...rows].join('\n');
      }
      case 'figure':
        return svgHref === undefined
          ? ''
          : `![${escapeMarkdownText(b.caption)}](${encodeURI(svgHref)})\n\n${escapeMarkdownText(b.caption)}`;
      case 'pre': {
        const longest = Math.max(2, ...(b.text.match(/`+/g) ?? []).map((r) => r.length));
        const fence = '`'.repeat(longest + 1);
        return `${b.caption ? `${escapeMarkdownText(b.caption)}:\n\n` : ''}${fence}${b.language ?? ''}\n${b.text.replace(/\n$/, '')}\n${fence}`;
      }
    }
  });
  return `${out.filter((s) => s !== '').join('\n\n')}\n`;
}
