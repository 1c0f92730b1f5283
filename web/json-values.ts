/** Reading parts of untrusted JSON in the form: the value when it has the expected kind, else an empty one. */
import { isPlainObject } from '../src/scenario/paths.js';

/** The plain object at `value`, or an empty one. */
export const obj = (value: unknown): Record<string, unknown> => (isPlainObject(value) ? value : {});

/** The list at `value`, or an empty one. */
export const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The string at `value`, or an empty one. */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
