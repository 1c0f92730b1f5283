/**
 * The power-curve SVG (Observable Plot rendered through linkedom, as the CLI
 * does): a snapshot of one curve, and checks that the file is well-formed XML
 * in the SVG namespace with the curve, its Wilson band, the target line and the
 * chosen n — for one curve and for a family.
 */
import { describe, expect, it } from 'vitest';
import { DOMParser } from 'linkedom';
import { renderCurveSvg } from '../../src/cli/svg-output.js';
import type { CurveData } from '../../src/report/curve-series.js';

/** pwr::pwr.t.test(n, d = 0.5)$power with made-up Wilson bands: fixed input, so the output is fixed. */
const ONE_CURVE: CurveData = {
  title: 'Two-sample t, d = 0.5',
  subtitle: 'student-t, two-sided \u03b1 = 0.05 \u00b7 10000 replicates per point \u00b7 seed "snapshot" \u00b7 95 % Wilson bands',
  xLabel: 'Patients (design.n)',
  yLabel: 'Power',
  series: [
    {
      points: [
        { x: 40, power: 0.3379, ci95: [0.3287, 0.3472] },
        { x: 80, power: 0.5981, ci95: [0.5885, 0.6076] },
        { x: 120, power: 0.7752, ci95: [0.7669, 0.7832] },
        { x: 128, power: 0.8015, ci95: [0.7936, 0.8091] },
        { x: 160, power: 0.8816, ci95: [0.8751, 0.8878] },
        { x: 200, power: 0.9404, ci95: [0.9355, 0.9449] },
      ],
      marked: { x: 128, label: 'n = 128' },
    },
  ],
};

const FAMILY: CurveData = {
  ...ONE_CURVE,
  series: [0, 0.2].map((dropout) => ({
    label: `design.dropout = ${dropout}`,
    points: ONE_CURVE.series[0].points.map((p) => ({
      ...p,
      power: p.power * (1 - dropout),
      ci95: [p.ci95[0] * (1 - dropout), p.ci95[1] * (1 - dropout)] as [number, number],
    })),
    marked: { x: 128, label: 'n = 128' },
  })),
};

/**
 * A strict well-formedness check of XML text: one root, every tag closed in
 * order, attributes quoted and unique, `&` only in entity references, no `<`
 * in text or attribute values. (linkedom's parser is lenient, so this does the
 * strict part.)
 */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  const stack: string[] = [];
  let roots = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body))) {
    const [, closing, name, attributes, selfClosing, text, stray] = m;
    if (stray) throw new Error(`stray "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bare "&" in text at ${m.index}`);
      if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root at ${m.index}`);
      continue;
    }
    if (name === undefined) continue; // comment
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
      continue;
    }
    const names = [...(attributes ?? '').matchAll(/([A-Za-z_][\w:.-]*)\s*=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) throw new Error(`duplicate attribute in <${name}> at ${m.index}`);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attributes ?? ''))
      throw new Error(`bare "&" in an attribute of <${name}>`);
    if (stack.length === 0) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
}

function parse(svgText: string) {
  assertWellFormed(svgText);
  const doc = new DOMParser().parseFromString(svgText.replace(/^<\?xml[^?]*\?>\s*/, ''), 'image/svg+xml');
  return doc;
}

describe('power-curve SVG', () => {
  const svg = renderCurveSvg(ONE_CURVE, 0.8);

  it('matches the snapshot (one curve, target 0.8, n = 128 marked)', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/power-curve.svg');
  });

  it('is well-formed SVG with the curve, the band, the target line and the chosen n', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.tagName.toLowerCase()).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe('0 0 720 420');
    const curve = doc.querySelector('g.power-curve path');
    expect(curve?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){5}$/);
    const band = doc.querySelector('g.wilson-band path');
    expect(band?.getAttribute('d')).toMatch(/^M.*Z$/);
    const target = doc.querySelector('g.target line');
    expect(target).not.toBeNull();
    // The target line is horizontal, at the height of 0.8 on the y scale (domain [0, 1]).
    expect(target!.getAttribute('y1') ?? target!.getAttribute('transform')).toBeTruthy();
    expect(doc.querySelector('g.target-label text')?.textContent).toBe('target 0.8');
    expect(doc.querySelector('g.chosen line')).not.toBeNull();
    expect(doc.querySelector('g.chosen-label text')?.textContent).toBe('n = 128');
    expect(doc.querySelectorAll('g.simulated-points circle')).toHaveLength(6);
    expect(svg).toContain('Two-sample t, d = 0.5');
  });

  it('draws a family of curves with one band each and labels at their ends, still pure SVG', () => {
    const family = renderCurveSvg(FAMILY, 0.9);
    const doc = parse(family);
    expect(doc.querySelectorAll('g.power-curve path')).toHaveLength(2);
    expect(doc.querySelectorAll('g.wilson-band path')).toHaveLength(2);
    expect([...doc.querySelectorAll('g.curve-labels text')].map((t) => t.textContent)).toEqual([
      'design.dropout = 0',
      'design.dropout = 0.2',
    ]);
    // The same n marked on both curves is labelled once.
    expect(doc.querySelectorAll('g.chosen-label text')).toHaveLength(1);
    expect(family).not.toMatch(/<(div|figure|h2|span)\b/);
  });

  it('escapes text from the scenario file', () => {
    const hostile = renderCurveSvg({ ...ONE_CURVE, title: 'A & B <script>alert(1)</script> "q"' });
    expect(() => parse(hostile)).not.toThrow();
    expect(hostile).not.toContain('<script>');
  });
});
