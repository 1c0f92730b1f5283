import { describe, expect, it } from 'vitest';
import { escapeUnsafeText } from '../../src/text/terminal.js';

describe('escapeUnsafeText', () => {
  it('writes controls (C0, DEL, C1), line breaks and tabs as \\uXXXX escapes', () => {
    expect(escapeUnsafeText('a\u001b[31mb')).toBe('a\\u001b[31mb');
    expect(escapeUnsafeText('a\u0085b\u009bc\u007f')).toBe('a\\u0085b\\u009bc\\u007f');
    expect(escapeUnsafeText('tab\tLF\nCR\r')).toBe('tab\\u0009LF\\u000aCR\\u000d');
  });

  it('escapes what hides or reorders text: bidirectional controls, zero-width characters, joiners, soft hyphen, BOM', () => {
    expect(escapeUnsafeText('n\u202e + 1')).toBe('n\\u202e + 1');
    expect(escapeUnsafeText('sal\u200dine\u00ad\u2066\ufeff')).toBe('sal\\u200dine\\u00ad\\u2066\\ufeff');
  });

  it('escapes lone surrogates and keeps paired ones and ordinary text', () => {
    expect(escapeUnsafeText('\ud800 \udc00')).toBe('\\ud800 \\udc00');
    expect(escapeUnsafeText('fine: ±α ≥ 75 % 😀')).toBe('fine: ±α ≥ 75 % 😀');
  });
});
