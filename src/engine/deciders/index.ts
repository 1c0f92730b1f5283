export * from './decider.js';
export * from './create-decider.js';
export * from './t-tests.js';
export * from './count-tests.js';
export * from './rank-tests.js';
export * from './p-value-memo.js';
