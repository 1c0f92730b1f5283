import { reportBlocks } from '../report/report-document.js';
import { shellQuote } from '../text/shell.js';
import { reportHtml } from '../report/report-html.js';
import { reportMarkdown } from '../report/report-markdown.js';
import { reportTargets, runReport } from '../run/report-run.js';
import type { CliArguments } from './args.js';
import type { CliIo } from './io.js';
import { loadScenarioFile } from './load-design-points.js';
import { progressBar } from './progress-bar.js';
import { runSettings } from './simulate-file.js';
import { prepareRun } from '../run/scenario-run.js';
import { CURVE_POINTS } from '../run/size-run.js';
import { enforceRunBudget, searchEvaluations } from './run-budget-check.js';

/** The SVG file written next to a Markdown report: `out.md` → `out.svg`. */
export function svgBeside(mdPath: string): string {
  return /\.md$/i.test(mdPath) ? mdPath.replace(/\.md$/i, '.svg') : `${mdPath}.svg`;
}

/** The file name part of a path (for the relative link from the Markdown file to its SVG). */
function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * `trialsim report FILE --html OUT.html [--md OUT.md]`: simulates the file's
 * design point, its sweep, the sample size for the file's target power (or
 * `--power`; else 0.8 and 0.9) and its `expect` block, then writes a
 * self-contained report. The Markdown report links its curve as an SVG file
 * written next to it. The report holds no date or timing, so the same file and
 * settings give the same report, byte for byte.
 */
export async function reportCommand(args: CliArguments, io: CliIo, argv: readonly string[] = []): Promise<number> {
  const file = args.files[0];
  // The file's own design point: neither its sweep nor --sweep (which only replaces the curve's sweep).
  const designLoad = loadScenarioFile(file, { ...args, sweep: [] }, io, { ignoreFileSweep: true });
  const sweepLoad = loadScenarioFile(file, args, io);
  const settings = runSettings(args);
  const targets = reportTargets(designLoad.file, args.power);
  // The design point is simulated as itself, for the check, in every size search
  // (the check's too, for an expect.sampleSize), and, without a sweep to draw,
  // along the curve around the first answer; the sweep's points once each.
  const searches = targets.length + (designLoad.file.expect?.sampleSize ? 1 : 0);
  const designRuns = 2 + searches * searchEvaluations(undefined) + (sweepLoad.points.length >= 2 ? 0 : CURVE_POINTS);
  const designCost = prepareRun(designLoad.points, settings).simulated.map((p) => ({ ...p, replicates: p.replicates * designRuns }));
  enforceRunBudget(file, [...designCost, ...prepareRun(sweepLoad.points, settings).simulated], args);
  const text = io.readText(file);
  const simulator = io.simulator(args.workers);
  const bar = progressBar(io, file);
  let data: Awaited<ReturnType<typeof runReport>>;
  try {
    data = await runReport(
      {
        file,
        scenario: designLoad.file,
        designPoint: designLoad.points[0],
        sweepPoints: sweepLoad.points,
        settings,
        targets,
      },
      simulator,
      { onProgress: bar.update },
    );
  } finally {
    bar.finish();
    simulator.close();
  }
  const blocks = reportBlocks(data, {
    commandLine: ['trialsim', ...argv].map(shellQuote).join(' '),
    text,
    sha256: io.sha256Hex(text),
    ...(args.precision === undefined ? {} : { precision: args.precision }),
  });
  const svgFile = data.curve ? (await import('./svg-output.js')).renderCurveSvg(data.curve, data.curveTarget) : undefined;
  if (args.html !== undefined) {
    const inline = svgFile?.replace(/^<\?xml[^>]*\?>\s*/, '').trimEnd();
    io.writeText(args.html, reportHtml(blocks, inline));
  }
  if (args.md !== undefined) {
    const svgPath = svgBeside(args.md);
    if (svgFile !== undefined) io.writeText(svgPath, svgFile);
    io.writeText(args.md, reportMarkdown(blocks, svgFile === undefined ? undefined : baseName(svgPath)));
  }
  io.stdout(
    `${file}: report written to ${[args.html, args.md, args.md !== undefined && svgFile !== undefined ? svgBeside(args.md) : undefined].filter(Boolean).join(', ')}\n`,
  );
  return 0;
}
