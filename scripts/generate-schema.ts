/**
 * Writes scenarios/scenario.schema.json from the format's definition
 * (src/scenario/format/). Run with `npm run schema` after changing the format;
 * test/scenario/schema.test.ts fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema, schemaText } from '../src/scenario/format/json-schema.js';

const out = new URL('../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(out, schemaText(scenarioJsonSchema()));
console.log(`wrote ${out.pathname}`);
