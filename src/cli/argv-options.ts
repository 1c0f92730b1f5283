import { closest } from '../scenario/suggest.js';
import { UsageError } from './usage-error.js';

/**
 * How a command-line option takes its value: `text`, one value (given twice,
 * the last one counts); `list`, one value per occurrence; `flag`, none.
 */
export type OptionKind = 'text' | 'list' | 'flag';

/** The options of a command line, by long name (without the dashes). */
export type OptionTable = Readonly<Record<string, OptionKind>>;

/** What each option of `O` parses to. */
export type OptionValues<O extends OptionTable> = {
  [K in keyof O]?: O[K] extends 'list' ? string[] : O[K] extends 'flag' ? true : string;
};

/** A command line split into option values and positional words. */
export interface ParsedArgv<O extends OptionTable> {
  values: OptionValues<O>;
  positionals: string[];
}

/** Whether a word is an option name rather than a value (`-5` and `-` are values). */
const looksLikeOption = (word: string) => word.startsWith('--') || /^-[A-Za-z]/.test(word);

/**
 * Splits `argv` into options and positional words, POSIX/GNU style:
 * `--name value` or `--name=value`, `--` ends the options, one-letter aliases
 * from `shortNames` (`-h`). An unknown option, a missing value or a value
 * given to a flag throws `UsageError` with a one-line reason (and the closest
 * option name, when there is a plausible one).
 *
 * Written here rather than taken from `node:util` so that `src/` stays free
 * of Node built-ins (DESIGN.md); unlike Node's `parseArgs` it names the option
 * a misspelling was probably meant to be.
 */
export function parseArgv<O extends OptionTable>(
  argv: readonly string[],
  options: O,
  shortNames: Readonly<Record<string, keyof O & string>> = {},
): ParsedArgv<O> {
  const values: Record<string, string | string[] | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!looksLikeOption(word)) {
      positionals.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    const spelled = equals === -1 ? word : word.slice(0, equals);
    const short = spelled.slice(1);
    const name = spelled.startsWith('--') ? spelled.slice(2) : Object.hasOwn(shortNames, short) ? shortNames[short] : undefined;
    if (name === undefined || !Object.hasOwn(options, name)) {
      const guess = spelled.startsWith('--') ? closest(spelled.slice(2), Object.keys(options)) : undefined;
      throw new UsageError(`unknown option ${spelled}${guess === undefined ? '' : `; did you mean --${guess}?`}`);
    }
    const kind = options[name];
    if (kind === 'flag') {
      if (equals !== -1) throw new UsageError(`${spelled} takes no value (got "${word}")`);
      values[name] = true;
      continue;
    }
    let value: string;
    if (equals !== -1) {
      value = word.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || looksLikeOption(next)) {
        throw new UsageError(
          `${spelled} needs a value${next === undefined ? '' : ` (got the option ${next}; for a value that starts with "-", write ${spelled}=VALUE)`}`,
        );
      }
      value = next;
      i++;
    }
    if (kind === 'list') {
      const list = (values[name] as string[] | undefined) ?? [];
      list.push(value);
      values[name] = list;
    } else {
      values[name] = value;
    }
  }
  return { values: values as OptionValues<O>, positionals };
}
