/**
 * A page controller over fakes: a simulator that runs on this thread (each
 * call can be held, released or failed by the test), vitest's fake timers,
 * a fake encoder and a `prepare` the test may slow down.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import type { PointResult } from '../../src/engine/point-result.js';
import { runPoint } from '../../src/engine/run-point.js';
import type { SimulationPoint } from '../../src/engine/simulation-point.js';
import type { EncodeResult } from '../../src/scenario/url-encoding.js';
import { RunCancelledError } from '../../workers/pool.js';
import { PageController } from '../../web/controller/page-controller.js';
import type { Change, PageDeps, Simulator } from '../../web/controller/page-types.js';
import { type Preset, presetsFrom } from '../../web/presets.js';

/** The default preset's file name and text (as shipped). */
export const DEFAULT_FILE = 'nct06764329-hair-count.json';
export const DEFAULT_TEXT = readFileSync(new URL(`../../scenarios/${DEFAULT_FILE}`, import.meta.url), 'utf8');

/** The default preset with `replicates` trials per point (fast on this thread). */
export function smallScenario(replicates = 200, edit: (data: Record<string, unknown>) => void = () => undefined): string {
  const data = JSON.parse(DEFAULT_TEXT);
  data.simulation.replicates = replicates;
  edit(data);
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** One call of `runPoints`, held until the test releases it (unless the simulator runs freely). */
export interface HeldCall {
  points: readonly SimulationPoint[];
  signal?: AbortSignal;
  release(): void;
  fail(error: unknown): void;
}

/** A simulator on this thread: results as the engine computes them; calls may be held. */
export class FakeSimulator implements Simulator {
  readonly size = 2;
  warmUps = 0;
  /** Hold every call until released (otherwise calls complete at once). */
  hold = false;
  readonly calls: HeldCall[] = [];

  warmUp(): Promise<void> {
    this.warmUps++;
    return Promise.resolve();
  }

  runPoints(points: readonly SimulationPoint[], options: { signal?: AbortSignal } = {}): Promise<PointResult[]> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new RunCancelledError());
      options.signal?.addEventListener('abort', () => reject(new RunCancelledError()));
      const call: HeldCall = {
        points,
        ...(options.signal ? { signal: options.signal } : {}),
        release: () => resolve(points.map((p) => runPoint(p.scenario, { replicates: p.replicates }))),
        fail: reject,
      };
      this.calls.push(call);
      if (!this.hold) call.release();
    });
  }
}

/** A controller over fakes, and what it did: every change and every status it went through. */
export function fakePage(overrides: Partial<PageDeps> = {}, presets: readonly Preset[] = presetsFrom({ [DEFAULT_FILE]: smallScenario() })) {
  const simulator = new FakeSimulator();
  const encode = vi.fn(async (text: string): Promise<EncodeResult> => ({ ok: true, encoded: `1.${text.length}` }));
  const controller = new PageController({
    simulator,
    presets,
    blankText: () => smallScenario(100, (d) => (d.title = 'New trial')),
    prepare: async () => undefined,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    baseUrl: () => 'https://example.org/trialsim/',
    encode,
    ...overrides,
  });
  const changes: Change[][] = [];
  const statuses: string[] = [];
  controller.subscribe((changed, state) => {
    changes.push([...changed]);
    if (statuses.at(-1) !== state.status) statuses.push(state.status);
  });
  return { controller, simulator, encode, changes, statuses };
}

/** Lets timers up to `ms` fire and the promises they start settle. */
export async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** Lets pending promises settle without moving the clock. */
export async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}
