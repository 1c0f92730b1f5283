/** The plumbing of the page controller: batched change notification and named, restartable timers. */
import type { Change, PageSnapshot, Timers } from './page-types.js';

/** A listener of state changes: the parts that changed, and the state after them. */
export type Listener = (changes: ReadonlySet<Change>, state: Readonly<PageSnapshot>) => void;

/** Holds listeners and tells them of changes once per outermost `update`. */
export class ChangeNotifier {
  private readonly listeners: Listener[] = [];
  private pending = new Set<Change>();
  private depth = 0;

  /** @param state the state passed to listeners */
  constructor(private readonly state: PageSnapshot) {}

  /** Calls `listener` after every change. Returns a function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Applies a change; listeners hear of it once the outermost update ends (nested updates are one change). */
  update(changes: readonly Change[], apply: () => void): void {
    this.depth++;
    try {
      apply();
      for (const c of changes) this.pending.add(c);
    } finally {
      this.depth--;
    }
    if (this.depth > 0 || this.pending.size === 0) return;
    const changed = this.pending;
    this.pending = new Set();
    for (const listener of [...this.listeners]) listener(changed, this.state);
  }
}

/** Timers by name: setting one replaces the one of that name still pending. */
export class NamedTimers<Name extends string> {
  private readonly handles = new Map<Name, unknown>();

  /** @param timers the clock (fake in tests) */
  constructor(private readonly timers: Timers) {}

  /** Calls `fn` after `ms`, replacing the timer `name` if it is pending. */
  set(name: Name, ms: number, fn: () => void): void {
    this.clear(name);
    this.handles.set(
      name,
      this.timers.setTimeout(() => {
        this.handles.delete(name);
        fn();
      }, ms),
    );
  }

  /** Stops the timer `name` if it is pending. */
  clear(name: Name): void {
    if (this.handles.has(name)) this.timers.clearTimeout(this.handles.get(name));
    this.handles.delete(name);
  }
}
