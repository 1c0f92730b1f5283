/** Where the numbers come from: `sources` (evidence entries) and `assumptions` (values no paper supplies). */
import { list, object, optional, required, text } from './node.js';

/** What a path to an existing value may be (`sources[].paths[]`, `assumptions[].path`). */
export const EXISTING_PATH_ALLOWED = 'the path of a value in this scenario, e.g. endpoint.arms.msc.mean';

/** A citation of an evidence entry, optionally naming the scenario values it supplies. */
export const SOURCE = object(
  {
    evidence: required(text({ nonBlank: true, allowed: 'the id of an evidence entry (a non-empty string)' }), {
      doc: 'Id of the evidence entry (paper, table) the values come from.',
    }),
    paths: optional(
      list(text({ allowed: EXISTING_PATH_ALLOWED }), {
        allowed: 'a list of paths of values in this scenario',
        itemDoc: 'Path of a value in this scenario, e.g. "endpoint.arms.msc.mean".',
      }),
      { doc: 'Paths of the values taken from this entry, e.g. ["endpoint.arms.msc.mean"].' },
    ),
    note: optional(text({ multiLine: true }), { doc: 'Where exactly the numbers are found, e.g. the table and row.' }),
  },
  {
    allowed: 'an object {"evidence", "paths"?, "note"?}',
    what: 'a source',
    order: ['evidence', 'note', 'paths'],
    ref: 'source',
    doc: 'A citation of an evidence entry, optionally naming the scenario values it supplies.',
  },
);

/** A value that no paper supplies, stated as such. */
export const ASSUMPTION = object(
  {
    path: required(text({ allowed: EXISTING_PATH_ALLOWED }), { doc: 'Path of the assumed value, e.g. "design.dropout".' }),
    note: required(text({ multiLine: true, allowed: 'a string: why the value was chosen' }), { doc: 'Why the value was chosen.' }),
  },
  {
    allowed: 'an object {"path", "note"}',
    what: 'an assumption',
    ref: 'assumption',
    doc: 'A value that no paper supplies, stated as such.',
  },
);

/** `sources`: the evidence entries the numbers come from. */
export const SOURCES = list(SOURCE, { allowed: 'a list of {"evidence", "paths"?, "note"?}' });

/** `assumptions`: the values no paper supplies. */
export const ASSUMPTIONS = list(ASSUMPTION, { allowed: 'a list of {"path", "note"}' });
