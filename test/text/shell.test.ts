import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/text/shell.js';

describe('shellQuote', () => {
  it('leaves words a POSIX shell reads as they are', () => {
    expect(shellQuote('scenarios/nct06764329-hair-count.json')).toBe('scenarios/nct06764329-hair-count.json');
    expect(shellQuote('--set=design.n=80')).toBe('--set=design.n=80');
  });

  it('single-quotes anything else, writing an embedded single quote as quote, escaped quote, quote', () => {
    expect(shellQuote('my file.json')).toBe("'my file.json'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
    expect(shellQuote('')).toBe("''");
  });
});
