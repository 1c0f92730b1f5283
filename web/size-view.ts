/** The answer of a sample-size search, in words. */
import type { SizeResult } from '../src/run/size-run.js';
import { fixed, percentShort } from '../src/text/number.js';

const perArm = (p: Record<string, number> | undefined) =>
  p
    ? ` (${Object.entries(p)
        .map(([arm, n]) => `${arm} ${n}`)
        .join(', ')})`
    : '';

/** Sentences stating the smallest n, what it counts, the randomized n with dropout, and the closed form when there is one. */
export function sizeSentences(r: SizeResult): string[] {
  const Q = r.quantity === 'assurance' ? 'assurance' : 'power';
  const unit = r.design === 'within-patient' ? 'patients (each with both sites)' : 'patients';
  if (!r.reached || r.n === null) {
    return [
      `No n up to ${r.maxN} reaches ${Q} ${percentShort(r.target)}: the effect is too small for this design, or the target too high.`,
    ];
  }
  const out = [
    `Smallest n whose simulated ${Q} reaches ${percentShort(r.target)}: ${r.n} ${r.dropout > 0 ? 'analysed ' : ''}${unit}${perArm(r.perArm)}, ${Q} ${fixed(r.power, 3)} (95 % CI ${fixed(r.ci95?.[0], 3)}–${fixed(r.ci95?.[1], 3)})` +
      (r.nMinus1 !== null ? `; at n = ${r.nMinus1} it is ${fixed(r.powerAtNMinus1, 3)}.` : '.'),
  ];
  if (r.dropout > 0 && r.nWithDropout !== null) {
    out.push(
      `With ${percentShort(r.dropout)} dropout, randomize ${r.nWithDropout}${perArm(r.perArmWithDropout)}` +
        (r.powerAtNWithDropout !== undefined ? `: simulated with dropout, ${Q} there is ${fixed(r.powerAtNWithDropout, 3)}.` : '.'),
    );
  }
  if (r.closedForm) out.push(`Closed form (${r.closedForm.method}): n = ${r.closedForm.n ?? 'not found'}.`);
  const set = Object.entries(r.set)
    .map(([p, v]) => `${p} = ${v}`)
    .join(', ');
  out.push(
    `${r.evaluations} sizes simulated, ${r.precision === undefined ? `${r.replicates.toLocaleString('en')} trials each` : `trials added to ±${r.precision}`}, seed "${r.seed}"${set ? `, at ${set}` : ''}; the same search as trialsim size --power ${r.target}.`,
  );
  return out;
}
