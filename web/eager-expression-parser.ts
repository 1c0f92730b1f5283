/**
 * Until the page awaits `prepareScenarioInput` (src/scenario/prepare.ts) before
 * each synchronous `loadScenario`, it installs the expression parser at start,
 * as it always did: a side-effect import, so it runs before web/main.ts does.
 * The lazy page drops this file and its import.
 */
import * as mathjs from 'mathjs/number';
import { installExpressionParser } from '../src/scenario/expression-parser.js';

installExpressionParser(mathjs);
