import { describe, expect, it } from 'vitest';
import { parseArgv } from '../../src/cli/argv-options.js';
import { UsageError } from '../../src/cli/usage-error.js';

const OPTIONS = { replicates: 'text', seed: 'text', set: 'list', 'no-fast-path': 'flag', help: 'flag' } as const;
const parse = (line: string[]) => parseArgv(line, OPTIONS, { h: 'help' });
const reason = (line: string[]) => {
  try {
    parse(line);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${line.join(' ')} was accepted`);
};

describe('parseArgv', () => {
  it('takes `--name value` and `--name=value`, lists per occurrence, flags, and positionals in order', () => {
    expect(parse(['run', 'a.json', '--replicates', '200', '--set', 'x=1', 'b.json', '--set=y=2', '--no-fast-path', '--seed=7'])).toEqual({
      values: { replicates: '200', set: ['x=1', 'y=2'], 'no-fast-path': true, seed: '7' },
      positionals: ['run', 'a.json', 'b.json'],
    });
  });

  it('keeps the last of a repeated single-valued option', () => {
    expect(parse(['--seed', '1', '--seed', '2']).values.seed).toBe('2');
  });

  it('reads negative numbers, a lone "-" and everything after "--" as values or positionals', () => {
    expect(parse(['--seed', '-5', '-', '--', '--help', '-h'])).toEqual({ values: { seed: '-5' }, positionals: ['-', '--help', '-h'] });
    expect(parse(['--seed=--x']).values.seed).toBe('--x');
  });

  it('maps one-letter aliases', () => {
    expect(parse(['-h']).values.help).toBe(true);
  });

  it('names the option a misspelling was probably meant to be', () => {
    expect(reason(['--replicate', '5'])).toBe('unknown option --replicate; did you mean --replicates?');
    expect(reason(['--colour'])).toBe('unknown option --colour');
    expect(reason(['-x'])).toBe('unknown option -x');
  });

  it('refuses a missing value, an option where a value belongs, and a value given to a flag', () => {
    expect(reason(['--seed'])).toBe('--seed needs a value');
    expect(reason(['--seed', '--replicates', '5'])).toBe(
      '--seed needs a value (got the option --replicates; for a value that starts with "-", write --seed=VALUE)',
    );
    expect(reason(['--help=yes'])).toBe('--help takes no value (got "--help=yes")');
  });

  it('does not take inherited object keys for options', () => {
    expect(reason(['--constructor'])).toMatch(/^unknown option --constructor/);
    expect(reason(['--__proto__', 'x'])).toMatch(/^unknown option --__proto__/);
    expect(reason(['-constructor'])).toMatch(/^unknown option -constructor/);
  });
});
