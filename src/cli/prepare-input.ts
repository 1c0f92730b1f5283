import { parseSetArgument } from '../scenario/paths.js';
import { prepareScenarioText } from '../scenario/prepare.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';

/**
 * Loads what the command's scenario files need before the synchronous loaders
 * run (`prepareScenarioText`): each file as read, with every `--set` and
 * `--sweep` value that will be put into it. A file that cannot be read needs
 * nothing here; the command reports it.
 */
export async function prepareCommandInput(args: CliArguments, io: CliIo): Promise<void> {
  if (args.command === 'help' || args.command === 'merge') return;
  const values: unknown[] = args.sweep.flatMap((s) => s.values);
  for (const arg of args.set) {
    const parsed = parseSetArgument(arg);
    if (parsed.ok) values.push(parsed.value);
  }
  for (const file of args.files) {
    let text: string;
    try {
      text = io.readText(file, args.limits.maxFileBytes);
    } catch {
      continue;
    }
    await prepareScenarioText(text, values);
  }
}
