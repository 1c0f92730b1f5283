/** The controller's plumbing: change batches and named timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change, PageSnapshot } from '../../web/controller/page-types.js';
import { ChangeNotifier, NamedTimers } from '../../web/controller/store.js';

describe('change notification', () => {
  it('tells listeners once per outermost update, with every part changed, until they unsubscribe', () => {
    const state = {} as PageSnapshot;
    const notifier = new ChangeNotifier(state);
    const heard: Change[][] = [];
    const stop = notifier.subscribe((changes, s) => {
      expect(s).toBe(state);
      heard.push([...changes]);
    });
    notifier.update(['status'], () => {
      notifier.update(['progress'], () => undefined);
      notifier.update(['status', 'results'], () => undefined);
    });
    expect(heard).toEqual([['progress', 'status', 'results']]);
    notifier.update([], () => undefined);
    expect(heard).toHaveLength(1);
    stop();
    stop();
    notifier.update(['share'], () => undefined);
    expect(heard).toHaveLength(1);
  });

  it('still tells of the changes made before an update threw', () => {
    const notifier = new ChangeNotifier({} as PageSnapshot);
    const heard: Change[][] = [];
    notifier.subscribe((changes) => heard.push([...changes]));
    expect(() =>
      notifier.update(['status'], () => {
        notifier.update(['load'], () => undefined);
        throw new Error('bug');
      }),
    ).toThrow('bug');
    notifier.update(['share'], () => undefined);
    expect(heard).toEqual([['load', 'share']]);
  });
});

describe('named timers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('setting a timer again replaces it; clearing stops it', () => {
    const timers = new NamedTimers<'a' | 'b'>({
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as number),
    });
    const fired: string[] = [];
    timers.set('a', 100, () => fired.push('a1'));
    timers.set('a', 100, () => fired.push('a2'));
    timers.set('b', 50, () => fired.push('b'));
    timers.clear('b');
    timers.clear('b');
    vi.advanceTimersByTime(100);
    expect(fired).toEqual(['a2']);
  });
});
