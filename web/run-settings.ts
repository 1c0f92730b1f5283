/**
 * The page's run settings: the replicates and seed fields, which override the
 * scenario's `simulation` block like the CLI's `--replicates` and `--seed`.
 */
import { MAX_REPLICATES } from '../src/scenario/limits.js';

/** Longest seed, as for `simulation.seed` in a scenario file. */
export const MAX_SEED_LENGTH = 200;

/** Overrides of every design point's `simulation` settings; absent = as in the scenario. */
export interface RunSettings {
  replicates?: number;
  seed?: string;
}

/**
 * Reads the replicates and seed fields. An empty field means "as in the
 * scenario". Replicates must be a whole number from 1 to MAX_REPLICATES (as
 * `--replicates`), written with digits; a seed is kept exactly as typed, spaces included (as `--seed`).
 */
export function parseRunSettings(
  replicatesText: string,
  seedText: string,
): { ok: true; settings: RunSettings } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const settings: RunSettings = {};
  // Digit groups may be separated by spaces or underscores: "2 000 000", "2_000_000".
  const r = replicatesText.replace(/[\s_]/g, '');
  if (r !== '') {
    const value = /^\d{1,9}$/.test(r) ? Number(r) : NaN;
    if (!(value >= 1 && value <= MAX_REPLICATES)) {
      messages.push(`Replicates: got ${JSON.stringify(replicatesText.slice(0, 40))}; allowed: a whole number from 1 to ${MAX_REPLICATES}`);
    } else settings.replicates = value;
  }
  if (seedText.trim() !== '') {
    if (seedText.length > MAX_SEED_LENGTH) {
      messages.push(`Seed: got ${seedText.length} characters; allowed: at most ${MAX_SEED_LENGTH}`);
    } else settings.seed = seedText;
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, settings };
}
