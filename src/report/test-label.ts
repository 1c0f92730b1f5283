/**
 * How a result names its test in provenance lines and plot subtitles:
 * `welch-t, two-sided α = 0.05`, or `welch-t, two-sided, α as swept` when the
 * points of a sweep differ in α (each point's `set` then gives its own).
 */
export function testLabel(result: { test: string; sides: number; alpha: number | null }): string {
  const sided = result.sides === 2 ? 'two-sided' : 'one-sided';
  return result.alpha === null ? `${result.test}, ${sided}, α as swept` : `${result.test}, ${sided} α = ${result.alpha}`;
}
