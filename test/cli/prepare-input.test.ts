/**
 * The CLI loads the expression parser before its synchronous loaders run, for
 * files with expressions and for `--set` / `--sweep` values that bring one in,
 * and not for files of plain numbers (checked with modules that have not loaded it).
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeIo } from '../helpers/fake-io.js';

/** Fresh CLI modules, with the parser not loaded (test/setup.ts loaded it in the shared ones). */
async function unloaded() {
  vi.resetModules();
  const parser = await import('../../src/scenario/expression-parser.js');
  const { main } = await import('../../src/cli/main.js');
  expect(parser.isExpressionParserLoaded()).toBe(false);
  return { parser, main };
}

const PLAIN = 'scenarios/nct06764329-hair-count.json';
const WITH_LET = 'scenarios/msc-psoriasis-pasi75.json';

describe('prepareCommandInput', () => {
  it('leaves the parser unloaded for a file of plain numbers', async () => {
    const { parser, main } = await unloaded();
    const io = fakeIo();
    expect(await main(['validate', PLAIN], io)).toBe(0);
    expect(parser.isExpressionParserLoaded()).toBe(false);
  });

  it.each([
    [['validate', WITH_LET]],
    [['validate', PLAIN, '--set', 'design.n=2 * 40']],
    [['validate', PLAIN, '--sweep', 'design.n=40,2 * 40']],
  ])('loads it for %j', async (argv) => {
    const { parser, main } = await unloaded();
    const io = fakeIo();
    expect(await main(argv, io), io.err).toBe(0);
    expect(parser.isExpressionParserLoaded()).toBe(true);
  });
});
