import { getEvidence } from '../evidence/library.js';
import { SEED_DOCUMENTS } from '../evidence/seed-documents.js';
import { TESTS } from '../analysis/catalog.js';
import { armSizes } from '../designs/arm-sizes.js';
import type { Param, ResolvedScenario, ScenarioFile } from '../scenario/types.js';
import { centreOf } from '../scenario/param-centre.js';
import { canonicalPath, isWithinPath } from '../scenario/paths.js';
import type { ReportedPoint, RunResult } from '../run/run-result.js';
import { percentFixed, significant } from '../text/number.js';

const described = (p: Param) => (typeof p === 'number' ? significant(p, 4) : `${significant(centreOf(p), 4)} (uncertain: ${p.dist})`);

/** "n patients (a per arm, b per arm), randomized r:s" and the like. */
function sampleText(scenario: ResolvedScenario): string {
  const { design } = scenario;
  const arms = design.arms;
  if (design.kind === 'within-patient') {
    const rho = described(design.correlation);
    const spill =
      typeof design.spillover === 'number' && design.spillover === 0
        ? ''
        : `, with ${typeof design.spillover === 'number' ? percentFixed(design.spillover, 0) : described(design.spillover)} of the active effect assumed to reach the control site`;
    return `${design.n} patients, each treated with ${arms[0].label} on one site and ${arms[1].label} on the other (correlation between a patient's sites ${rho}${spill})`;
  }
  if (design.kind === 'single-arm') return `${design.n} patients in a single arm`;
  const sizes = armSizes(design.n, design.allocation);
  const perArm = arms.map((a, i) => `${sizes[i]} ${a.label}`).join(', ');
  return `${design.n} patients (${perArm}) randomized ${design.allocation.map((x) => significant(x, 4)).join(':')}`;
}

/** The assumed outcome in each arm, in words. */
function effectText(scenario: ResolvedScenario): string {
  const { endpoint, design } = scenario;
  const parts = design.arms.map((arm) => {
    if (endpoint.kind === 'continuous') {
      const a = endpoint.arms[arm.id];
      return `${arm.label} mean ${described(a.mean)} (SD ${described(a.sd)})`;
    }
    if (endpoint.kind === 'binary') return `${arm.label} ${described(endpoint.arms[arm.id].p)}`;
    return `${arm.label} ${endpoint.arms[arm.id].probs.map(described).join(' / ')}`;
  });
  const what = endpoint.kind === 'ordinal' ? `${endpoint.label} (${endpoint.categories.join(' / ')})` : endpoint.label;
  const against = design.kind === 'single-arm' ? ` against ${significant(scenario.analysis.null, 4)}` : '';
  return `${what}: ${parts.join(' vs ')}${against}`;
}

/** "[id] short title, section" for each cited evidence entry. */
function citations(file: ScenarioFile): string[] {
  return (file.sources ?? []).map((s) => {
    const entry = getEvidence(s.evidence);
    if (!entry) return s.evidence;
    const doc = SEED_DOCUMENTS[entry.provenance.seed];
    return `${doc.short}, ${entry.provenance.section} [${s.evidence}]`;
  });
}

/**
 * A sample-size justification paragraph for a protocol, built from the
 * scenario as written (its sources and assumptions), the resolved design point
 * and its simulated result. Every number in it comes from those three.
 */
export function justification(file: ScenarioFile, scenario: ResolvedScenario, result: RunResult, point: ReportedPoint): string {
  const test = TESTS.find((t) => t.id === scenario.analysis.test)?.name ?? scenario.analysis.test;
  const sided = scenario.analysis.sides === 2 ? 'two-sided' : 'one-sided';
  const dropout =
    typeof scenario.design.dropout === 'number' && scenario.design.dropout === 0
      ? ''
      : `, allowing for ${typeof scenario.design.dropout === 'number' ? percentFixed(scenario.design.dropout, 0) : described(scenario.design.dropout)} dropout`;
  const estimate = point.assurance ?? point.power;
  const quantity =
    point.assurance !== undefined
      ? `an assurance (probability of success averaged over the uncertainty in the effect) of ${percentFixed(estimate)} (power at the point estimates ${percentFixed(point.powerAtEstimate)})`
      : `${percentFixed(estimate)} power`;
  const sentences = [
    `A sample size of ${sampleText(scenario)} gives ${quantity} (95 % CI ${percentFixed(point.ci95[0])} to ${percentFixed(point.ci95[1])}) to detect a difference in ${effectText(scenario)}, with ${test} at ${sided} α = ${scenario.analysis.alpha}${dropout}.`,
    `This was estimated from ${point.replicates.toLocaleString('en-US')} simulated trials (trialsim ${result.engine}, ${result.rng} random streams, seed "${result.seed}"${result.fastPath ? ', simulated through sufficient statistics' : ''}).`,
  ];
  const cited = citations(file);
  if (cited.length > 0) sentences.push(`The assumed outcomes are taken from ${cited.join('; ')}.`);
  // An assumption on a sourced value (say, that another product acts like the
  // cited one) qualifies the source; only the others are unsourced.
  const sourced = (file.sources ?? []).flatMap((s) => (s.paths ?? []).map(canonicalPath)).filter((p): p is string => p !== undefined);
  const isSourced = (path: string) => {
    const canonical = canonicalPath(path);
    return canonical !== undefined && sourced.some((s) => isWithinPath(s, canonical));
  };
  const assumed = (file.assumptions ?? []).map((a) => a.path);
  const unsourced = assumed.filter((path) => !isSourced(path));
  const qualified = assumed.filter(isSourced);
  if (unsourced.length > 0) sentences.push(`Not taken from a source and therefore assumptions: ${unsourced.join(', ')}.`);
  if (qualified.length > 0) sentences.push(`Assumed in applying the sources: ${qualified.join(', ')}.`);
  return sentences.join(' ');
}
