export * from './rng.js';
export * from './xorwow.js';
export * from './normal.js';
export * from './distributions.js';
