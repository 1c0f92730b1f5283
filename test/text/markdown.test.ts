import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdownText, escapeTableCell } from '../../src/text/markdown.js';
import { escapeMarkupText } from '../../src/text/markup.js';

describe('escapeTableCell', () => {
  it('escapes pipes and turns line breaks (CRLF, LF, CR) into spaces, leaving the rest', () => {
    expect(escapeTableCell('a | b')).toBe('a \\| b');
    expect(escapeTableCell('one\r\ntwo\nthree\rfour')).toBe('one two three four');
    expect(escapeTableCell('<b> & *x*')).toBe('<b> & *x*');
  });

  it('composes with escapeMarkupText for Markdown rendered with HTML passed through', () => {
    expect(escapeTableCell(escapeMarkupText('<b>|</b>'))).toBe('&lt;b&gt;\\|&lt;/b&gt;');
  });
});

describe('escapeMarkdownText', () => {
  it('escapes HTML specials, the characters Markdown acts on, and line breaks', () => {
    expect(escapeMarkdownText('*not* _emphasis_ [link](x) `code` # | \\ <b>&')).toBe(
      '\\*not\\* \\_emphasis\\_ \\[link\\](x) \\`code\\` \\# \\| \\\\ &lt;b&gt;&amp;',
    );
    expect(escapeMarkdownText('line\nbreak')).toBe('line break');
  });
});

describe('codeSpan', () => {
  it('fences with one backtick more than the longest run inside, padding a leading or trailing backtick', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('``x')).toBe('``` ``x ```');
    expect(codeSpan('two\nlines')).toBe('`two lines`');
  });
});
