/**
 * The page controller in Node: opening, editing (debounced checks and
 * re-runs), runs and their cancellation, superseded and stale results,
 * failures, the size search, the target power and share links, over a fake
 * simulator and fake timers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLANK, DEFAULT_PRESET } from '../../web/controller/page-controller.js';
import { CHECK_DELAY_MS, JSON_DELAY_MS, LINK_DELAY_MS, PRESET_DELAY_MS, RERUN_DELAY_MS } from '../../web/controller/delays.js';
import { advance, DEFAULT_FILE, fakePage, settle, smallScenario } from './fake-page.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A page opened on the default preset whose first run has completed. */
async function openedPage(...args: Parameters<typeof fakePage>) {
  const page = fakePage(...args);
  await page.controller.open('');
  await advance(PRESET_DELAY_MS);
  expect(page.controller.state.status).toBe('done');
  return page;
}

describe('opening the page', () => {
  it('shows the default preset, checks it, runs it once and makes its share link', async () => {
    const { controller, simulator, statuses } = fakePage();
    expect(DEFAULT_PRESET).toBe(DEFAULT_FILE);
    await controller.open('');
    await settle();
    const s = controller.state;
    expect(s.preset).toBe(DEFAULT_FILE);
    expect(s.scenario.text).toBe(smallScenario());
    expect(s.scenario.readable).toBe(true);
    expect(s.issues).toEqual({ revision: s.scenario.revision, list: [] });
    expect(simulator.warmUps).toBe(1);
    await advance(PRESET_DELAY_MS);
    expect(statuses).toEqual(['idle', 'running', 'done']);
    expect(s.runs).toBe(1);
    expect(s.task).toBe('run');
    expect(s.busy).toBe(false);
    expect(s.shown?.result.points).toHaveLength(8);
    expect(s.shown?.text).toBe(s.scenario.text);
    expect(controller.stale).toBe(false);
    expect(s.statusText).toMatch(/^Done: 8 design points in [\d,]+ ms\.$/);
    expect(s.share).toEqual({ url: `https://example.org/trialsim/#s=1.${s.scenario.text.length}`, text: s.scenario.text, message: '' });
  });

  it("opens a link: its scenario (as one of the person's own) and its target", async () => {
    const text = smallScenario(300);
    const { encodeScenario } = await import('../../src/scenario/url-encoding.js');
    const e = await encodeScenario(text);
    if (!e.ok) throw new Error(e.message);
    const { controller } = fakePage();
    await controller.open(`#s=${e.encoded}&t=0.9`);
    // A link carries the text compacted (one line).
    expect(JSON.parse(controller.state.scenario.text)).toEqual(JSON.parse(text));
    expect(controller.state.preset).toBeNull();
    expect(controller.state.target).toBe(0.9);
    expect(controller.state.loadMessage).toBe('');
    await advance(0);
    expect(controller.state.status).toBe('done');
    expect(controller.state.shown?.result.points[0].replicates).toBe(300);
  });

  it('a link that cannot be opened says why and falls back to the default preset; an impossible target is said too', async () => {
    const { controller } = fakePage();
    await controller.open(`#s=1.${'A'.repeat(100_000)}`);
    expect(controller.state.loadMessage).toMatch(/^This link could not be opened: its fragment has 100004 characters.*shown instead\.$/);
    expect(controller.state.preset).toBe(DEFAULT_FILE);
    const other = fakePage().controller;
    await other.open('#t=7x');
    expect(other.state.loadMessage).toBe('This link\'s target power "7x" is not a power between 0 and 1 (e.g. 0.9); the target stays 0.8.');
    expect(other.state.target).toBe(0.8);
  });
});

describe('editing', () => {
  it('applies JSON typed in bursts once, after the pause, then re-runs once after its own pause', async () => {
    const { controller, simulator } = await openedPage();
    const calls = simulator.calls.length;
    const base = controller.state.scenario.text;
    const revision = controller.state.scenario.revision;
    controller.typeJson(base.replace('"seed": "nct06764329"', '"seed": "a"'));
    await advance(JSON_DELAY_MS - 50);
    controller.typeJson(base.replace('"seed": "nct06764329"', '"seed": "ab"'));
    await advance(JSON_DELAY_MS - 1);
    expect(controller.state.scenario.revision).toBe(revision);
    await advance(1);
    expect(controller.state.scenario.revision).toBe(revision + 1);
    expect(controller.state.scenario.origin).toBe('json');
    expect(controller.stale).toBe(true);
    await advance(RERUN_DELAY_MS - 1);
    expect(simulator.calls.length).toBe(calls);
    await advance(1);
    expect(controller.state.shown?.result.seed).toBe('ab');
    expect(controller.stale).toBe(false);
    expect(controller.state.runs).toBe(2);
  });

  it('checks a form edit after a pause (the form keeps its fields); a structural edit at once', async () => {
    const { controller } = await openedPage();
    const data = JSON.parse(controller.state.scenario.text);
    data.design.n = -3;
    controller.editForm(data, JSON.stringify(data), false);
    expect(controller.state.scenario.data).toBe(data);
    expect(controller.state.issues).toBeUndefined();
    await advance(CHECK_DELAY_MS - 1);
    expect(controller.state.issues).toBeUndefined();
    await advance(1);
    expect(controller.state.issues?.list.map((i) => i.path)).toEqual(['design.n']);

    data.design.n = 40;
    controller.editForm(data, JSON.stringify(data), true);
    await settle();
    expect(controller.state.issues?.list).toEqual([]);
    expect(controller.state.scenario.rebuildForm).toBe(true);
  });

  it('text that is not JSON switches the form off and is reported at the root', async () => {
    const { controller } = await openedPage();
    controller.setScenario('{ "format": ', 'json');
    await settle();
    expect(controller.state.scenario.readable).toBe(false);
    expect(controller.state.issues?.list[0].path).toBe('');
  });

  it('picking a preset or a blank scenario selects it, hides a load message and runs it after a short pause', async () => {
    const { controller } = await openedPage();
    controller.dismissLoadMessage();
    controller.pickPreset(BLANK);
    expect(controller.state.preset).toBe(BLANK);
    expect(JSON.parse(controller.state.scenario.text).title).toBe('New trial');
    await advance(0);
    expect(controller.state.shown?.result.title).toBe('New trial');
  });

  it('does not re-run by itself when re-running is off; turning it on runs stale results', async () => {
    const { controller } = await openedPage();
    controller.setAutoRun(false);
    controller.setScenario(smallScenario(150), 'json');
    await advance(RERUN_DELAY_MS * 2);
    expect(controller.state.runs).toBe(1);
    expect(controller.stale).toBe(true);
    controller.setAutoRun(true);
    await advance(0);
    expect(controller.state.runs).toBe(2);
    expect(controller.stale).toBe(false);
  });

  it('publishes the issues of the newest text only, when an older one took longer to prepare', async () => {
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((r) => (releaseSlow = r));
    const prepare = vi.fn(async (json: unknown) => {
      if ((json as { title?: string })?.title === 'slow') await slow;
    });
    const { controller } = await openedPage({ prepare });
    controller.setAutoRun(false);
    controller.setScenario(
      smallScenario(100, (d) => ((d.title = 'slow'), ((d.design as { n: number }).n = -1))),
      'json',
    );
    controller.setScenario(smallScenario(100), 'json');
    await settle();
    const revision = controller.state.scenario.revision;
    expect(controller.state.issues).toEqual({ revision, list: [] });
    releaseSlow();
    await settle();
    expect(controller.state.issues).toEqual({ revision, list: [] });
  });
});

describe('runs', () => {
  it('refuses an invalid scenario without starting anything', async () => {
    const { controller, simulator } = await openedPage();
    controller.setAutoRun(false);
    controller.setScenario(
      smallScenario(100, (d) => ((d.design as { n: number }).n = -3)),
      'json',
    );
    const calls = simulator.calls.length;
    await controller.request('run');
    expect(controller.state.status).toBe('invalid');
    expect(controller.state.statusText).toBe('Fix the problems listed above, then run again.');
    expect(controller.state.runs).toBe(1);
    expect(simulator.calls.length).toBe(calls);
  });

  it('cancels the run under way: says so, keeps the last result, starts fresh workers', async () => {
    const { controller, simulator } = await openedPage();
    const shown = controller.state.shown;
    simulator.hold = true;
    controller.setAutoRun(false);
    controller.setScenario(smallScenario(400), 'json');
    await controller.request('run');
    expect(controller.state).toMatchObject({ status: 'running', busy: true, runs: 2 });
    expect(controller.state.statusText).toBe('Running 8 design points × 400 simulated trials on 2 workers…');
    controller.cancel();
    await settle();
    expect(controller.state).toMatchObject({ status: 'cancelled', busy: false, shown });
    expect(controller.state.statusText).toBe('Cancelled. The results shown are from the last completed run.');
    expect(controller.stale).toBe(true);
    expect(simulator.warmUps).toBe(2);
  });

  it('grows the curve batch by batch while running (a partial result), and drops it when the run ends', async () => {
    const { controller, simulator } = await openedPage();
    simulator.hold = true;
    controller.setAutoRun(false);
    controller.setScenario(smallScenario(250), 'json');
    await controller.request('run');
    simulator.calls.at(-1)?.release();
    await settle();
    const partial = controller.state.partial;
    expect(partial).toMatchObject({ done: 2, total: 8, target: 0.8 });
    expect(partial?.result.points.filter((p) => p.replicates === 250)).toHaveLength(2);
    expect(controller.state.progress).toEqual({ done: 2, expected: 8 });
    simulator.hold = false;
    for (let i = 0; i < 3; i++) {
      simulator.calls.at(-1)?.release();
      await settle();
    }
    expect(controller.state.partial).toBeUndefined();
    expect(controller.state.status).toBe('done');
    expect(controller.state.progress).toEqual({ done: 1, expected: 1 });
  });

  it('a new run supersedes the one under way without saying "cancelled"; only the newest result is shown', async () => {
    const { controller, simulator, statuses } = await openedPage();
    simulator.hold = true;
    controller.setAutoRun(false);
    controller.setScenario(smallScenario(111), 'json');
    await controller.request('run');
    const first = simulator.calls.at(-1)!;
    controller.setScenario(smallScenario(222), 'json');
    simulator.hold = false;
    await controller.request('run', true);
    expect(first.signal?.aborted).toBe(true);
    await settle();
    expect(statuses).not.toContain('cancelled');
    expect(controller.state.status).toBe('done');
    expect(controller.state.shown?.result.points[0].replicates).toBe(222);
    expect(controller.state.runs).toBe(3);
    expect(simulator.warmUps).toBe(1);
  });

  it('a run that ends after the text changed shows its result as stale (it was run from the older text)', async () => {
    const { controller, simulator, changes } = await openedPage();
    controller.setAutoRun(false);
    expect(changes.at(-1)).toEqual(['autoRun']);
    simulator.hold = true;
    const before = smallScenario(140);
    controller.setScenario(before, 'json');
    await controller.request('run');
    controller.setScenario(smallScenario(160), 'json');
    simulator.hold = false;
    for (let i = 0; i < 4; i++) {
      simulator.calls.at(-1)?.release();
      await settle();
    }
    expect(controller.state.status).toBe('done');
    expect(controller.state.shown?.text).toBe(before);
    expect(controller.state.shown?.result.points[0].replicates).toBe(140);
    expect(controller.stale).toBe(true);
  });

  it('ignores Run while a task is under way unless asked to interrupt it', async () => {
    const { controller, simulator } = await openedPage();
    simulator.hold = true;
    await controller.request('run');
    expect(controller.state.runs).toBe(2);
    await controller.request('run');
    await controller.request('size');
    expect(controller.state.runs).toBe(2);
    controller.cancel();
    await settle();
  });

  it('a change while running re-runs after the pause, cancelling the run under way; its result is never shown', async () => {
    const { controller, simulator } = await openedPage();
    simulator.hold = true;
    controller.setScenario(smallScenario(123), 'json');
    await advance(RERUN_DELAY_MS);
    const old = simulator.calls.at(-1)!;
    controller.setScenario(smallScenario(321), 'json');
    simulator.hold = false;
    await advance(RERUN_DELAY_MS);
    expect(old.signal?.aborted).toBe(true);
    old.release(); // too late: the promise has already failed as cancelled
    await settle();
    expect(controller.state.shown?.result.points[0].replicates).toBe(321);
    expect(controller.state.status).toBe('done');
  });

  it('a failing simulator ends the run with its message, and the page runs again afterwards', async () => {
    const { controller, simulator } = await openedPage();
    simulator.hold = true;
    await controller.request('run');
    simulator.calls.at(-1)?.fail(new Error('worker crashed'));
    await settle();
    expect(controller.state).toMatchObject({ status: 'error', statusText: 'The run failed: worker crashed', busy: false });
    simulator.hold = false;
    await controller.request('run');
    await settle();
    expect(controller.state.status).toBe('done');
  });

  it('a part that cannot be loaded for a scenario is an error, not a crash', async () => {
    const prepare = vi.fn(async () => {
      throw new Error('chunk failed to load');
    });
    const { controller } = fakePage({ prepare });
    await controller.open('');
    await settle();
    expect(controller.state.status).toBe('error');
    expect(controller.state.statusText).toBe('The page could not load what this scenario needs: chunk failed to load');
  });

  it('does not start a run too large to finish soon by itself, but does on request', async () => {
    const { controller, simulator } = await openedPage();
    simulator.hold = true;
    const huge = smallScenario(10_000_000, (d) => (d.sweep = { 'design.n': Array.from({ length: 200 }, (_, i) => 20 + 2 * i) }));
    controller.setScenario(huge, 'file');
    await advance(0);
    expect(controller.state.status).toBe('idle');
    expect(controller.state.statusText).toMatch(/^Not started automatically: this run would simulate about .*press Run to start it anyway/);
    expect(controller.state.runs).toBe(1);
    await controller.request('run');
    expect(controller.state.status).toBe('running');
    controller.cancel();
    await settle();
    expect(controller.state.status).toBe('cancelled');
  });

  it('waits for the results view before showing a completed run', async () => {
    let ready: () => void = () => undefined;
    const drawing = new Promise<void>((r) => (ready = r));
    const { controller } = fakePage({ resultsReady: () => drawing });
    await controller.open('');
    await advance(PRESET_DELAY_MS);
    expect(controller.state.status).toBe('running');
    expect(controller.state.shown).toBeUndefined();
    ready();
    await settle();
    expect(controller.state.status).toBe('done');
  });
});

describe('size search, target and share link', () => {
  it('finds the smallest n for the target, hiding the previous answer while it searches', async () => {
    const { controller, simulator } = await openedPage();
    controller.setTarget('90 %');
    expect(controller.state.target).toBe(0.9);
    simulator.hold = true;
    await controller.request('size');
    expect(controller.state).toMatchObject({ status: 'running', task: 'size', sizeShown: false, size: null });
    expect(controller.state.statusText).toBe('Searching for the smallest n reaching 0.9 (every step simulates a few sizes)…');
    simulator.hold = false;
    for (const c of simulator.calls) c.release();
    await vi.waitFor(async () => {
      for (const c of simulator.calls) c.release();
      await settle();
      expect(controller.state.status).toBe('done');
    });
    const size = controller.state.size;
    expect(size?.target).toBe(0.9);
    expect(size?.reached).toBe(true);
    expect(controller.state.sizeShown).toBe(true);
    expect(controller.state.statusText).toMatch(/^Done: the search simulated \d+ sizes in [\d,]+ ms\.$/);
  });

  it('refuses a target that is not a power, keeping the last one', async () => {
    const { controller } = await openedPage();
    controller.setTarget('1.5');
    expect(controller.state.target).toBe(0.8);
    expect(controller.state.targetError).toBe('Target power: got "1.5"; allowed: a number between 0 and 1, e.g. 0.8 or 0.9.');
    expect(controller.state.statusText).toBe(controller.state.targetError);
    expect(controller.state.status).toBe('done');
    controller.setTarget('0.9');
    expect(controller.state.targetError).toBe('');
  });

  it('the share link follows the text after a pause (the last text wins), with the target when it is not 0.8', async () => {
    const { controller, encode } = await openedPage();
    controller.setTarget('0.9');
    controller.setScenario(smallScenario(101), 'json');
    controller.setScenario(smallScenario(102), 'json');
    await advance(LINK_DELAY_MS);
    const text = smallScenario(102);
    expect(controller.state.share).toEqual({ url: `https://example.org/trialsim/#s=1.${text.length}&t=0.9`, text, message: '' });
    expect(controller.isOwnLink(controller.state.share.url)).toBe(true);
    expect(encode).toHaveBeenLastCalledWith(text);
    encode.mockResolvedValueOnce({ ok: false, message: 'the scenario is too large for a link' });
    controller.setScenario(smallScenario(103), 'json');
    await advance(LINK_DELAY_MS);
    expect(controller.state.share).toEqual({
      url: '',
      text: smallScenario(103),
      message: 'No link: the scenario is too large for a link.',
    });
  });

  it('opens a file: refused ones and invalid ones say why', async () => {
    const { controller } = await openedPage();
    await controller.openFile('x.json', { ok: false, message: 'x.json is not a UTF-8 text file' });
    expect(controller.state.loadMessage).toBe('x.json is not a UTF-8 text file');
    await controller.openFile('broken.json', { ok: true, text: smallScenario(100, (d) => ((d.design as { n: number }).n = -3)) });
    expect(controller.state.preset).toBeNull();
    expect(controller.state.loadMessage).toMatch(/^Opened broken\.json, but it cannot run yet: 1 problem, .* First: design\.n: got -3/);
    await controller.openFile('good.json', { ok: true, text: smallScenario(100) });
    expect(controller.state.loadMessage).toBe('');
  });
});
