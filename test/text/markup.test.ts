import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkupText, xmlAttribute, xmlText } from '../../src/text/markup.js';

describe('escapeMarkupText', () => {
  it('escapes &, < and > (ampersand first, so nothing is escaped twice)', () => {
    expect(escapeMarkupText('a < b && c > d &amp;')).toBe('a &lt; b &amp;&amp; c &gt; d &amp;amp;');
    expect(escapeMarkupText('"quotes" \'stay\'')).toBe('"quotes" \'stay\'');
  });
});

describe('escapeHtml', () => {
  it('also escapes both quotes, for attribute values', () => {
    expect(escapeHtml(`Welch's "t" <b>&`)).toBe('Welch&#39;s &quot;t&quot; &lt;b&gt;&amp;');
  });
});

describe('xmlText and xmlAttribute', () => {
  it('replace what XML 1.0 cannot carry (controls, U+FFFE/FFFF, lone surrogates) by U+FFFD, keeping tab and line breaks', () => {
    expect(xmlText('a\u0000b\u0007c\u001b\uFFFE\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFD');
    expect(xmlText('lone \ud800 and \udc00, pair \ud83d\ude00')).toBe('lone \uFFFD and \uFFFD, pair \ud83d\ude00');
    expect(xmlText('tab\tLF\nCR\r')).toBe('tab\tLF\nCR\r');
    expect(xmlText('<a & b>')).toBe('&lt;a &amp; b&gt;');
  });

  it('xmlAttribute also escapes quotes and keeps tab and line breaks as character references', () => {
    expect(xmlAttribute(`say "hi" it's\t\n\r<`)).toBe('say &quot;hi&quot; it&apos;s&#9;&#10;&#13;&lt;');
  });
});
