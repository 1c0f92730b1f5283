/** The answer of a sample-size search, in words. */
import type { SizeResult } from '../src/run/size-run.js';

const three = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3));
const perArm = (p: Record<string, number> | undefined) =>
  p
    ? ` (${Object.entries(p)
        .map(([arm, n]) => `${arm} ${n}`)
        .join(', ')})`
    : '';
const pct = (x: number) => `${Number((100 * x).toPrecision(4))} %`;

/** Sentences stating the smallest n, what it counts, the randomized n with dropout, and the closed form when there is one. */
export function sizeSentences(r: SizeResult): string[] {
  const Q = r.quantity === 'assurance' ? 'assurance' : 'power';
  const unit = r.design === 'within-patient' ? 'patients (each with both sites)' : 'patients';
  if (!r.reached || r.n === null) {
    return [`No n up to ${r.maxN} reaches ${Q} ${pct(r.target)}: the effect is too small for this design, or the target too high.`];
  }
  const out = [
    `Smallest n whose simulated ${Q} reaches ${pct(r.target)}: ${r.n} ${r.dropout > 0 ? 'analysed ' : ''}${unit}${perArm(r.perArm)}, ${Q} ${three(r.power)} (95 % CI ${three(r.ci95?.[0])}–${three(r.ci95?.[1])})` +
      (r.nMinus1 !== null ? `; at n = ${r.nMinus1} it is ${three(r.powerAtNMinus1)}.` : '.'),
  ];
  if (r.dropout > 0 && r.nWithDropout !== null) {
    out.push(
      `With ${pct(r.dropout)} dropout, randomize ${r.nWithDropout}${perArm(r.perArmWithDropout)}` +
        (r.powerAtNWithDropout !== undefined ? `: simulated with dropout, ${Q} there is ${three(r.powerAtNWithDropout)}.` : '.'),
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
