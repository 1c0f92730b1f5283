/** What a URL fragment asks the page to open, read without side effects. */
import { describe, expect, it } from 'vitest';
import { readLink } from '../../web/controller/link-input.js';

const INSTEAD = 'The scenario shown has not changed.';

describe('a link', () => {
  it('with a scenario and a target', () => {
    expect(readLink('#s=1.abc&t=0.9', INSTEAD, 0.8)).toEqual({ scenario: '1.abc', target: 0.9, targetNote: '' });
    expect(readLink('#s=1.abc&t=90', INSTEAD, 0.8).target).toBe(0.9);
  });

  it('with nothing in it', () => {
    expect(readLink('', INSTEAD, 0.8)).toEqual({ targetNote: '' });
  });

  it('with a target that is not a power: says so, quoting it escaped and cut', () => {
    const r = readLink(`#t=${encodeURIComponent('\u202e'.repeat(50))}`, INSTEAD, 0.85);
    expect(r.target).toBeUndefined();
    expect(r.targetNote).toMatch(
      /^This link's target power ".*…" is not a power between 0 and 1 \(e\.g\. 0\.9\); the target stays 0\.85\.$/,
    );
    expect(r.targetNote).not.toContain('\u202e');
  });

  it('far too long: refused without reading it', () => {
    const r = readLink(`#s=1.${'A'.repeat(100_000)}`, INSTEAD, 0.8);
    expect(r.refused).toBe(
      `This link could not be opened: its fragment has 100004 characters, far more than a scenario link holds. ${INSTEAD}`,
    );
    expect(r.scenario).toBeUndefined();
  });
});
