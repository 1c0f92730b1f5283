/**
 * The drawing code of the results (Observable Plot, the curve, the table,
 * the justification): a separate chunk, loaded while the first run is under
 * way, so the form is ready sooner.
 */
export { curveFigure, renderRun } from './results-view.js';
export { curveSvgFile, pageCurves } from './curve-view.js';
