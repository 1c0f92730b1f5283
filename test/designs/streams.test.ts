import { describe, expect, it } from 'vitest';
import { TrialStreams } from '../../src/designs/streams.js';
import { Xorwow, seededXorwow } from '../../src/random/xorwow.js';

describe('TrialStreams', () => {
  it('starts each stream exactly as one reseedFrom(chunk) per stream would, in order', () => {
    const chunk = seededXorwow('chunk');
    const twin = seededXorwow('chunk');
    const streams = new TrialStreams(3);
    for (let replicate = 0; replicate < 5; replicate++) {
      streams.beginReplicate(chunk);
      for (const stream of [streams.parameters, streams.outcome, streams.dropout]) {
        streams.start(stream);
        const expected = new Xorwow();
        expected.reseedFrom(twin);
        for (let i = 0; i < 20; i++) expect(stream.int32()).toBe(expected.int32());
      }
    }
    // The chunk stream advanced by exactly 3 × 6 draws per replicate.
    expect(chunk.int32()).toBe(twin.int32());
  });

  it('refuses to start more streams than declared instead of reusing a seed', () => {
    const streams = new TrialStreams(1);
    streams.beginReplicate(seededXorwow('x'));
    streams.start(streams.outcome);
    expect(() => streams.start(streams.dropout)).toThrow(/more random streams than its plan declared/);
  });
});
