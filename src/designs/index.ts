export * from './trial-data.js';
export * from './dropout.js';
export * from './arm-sizes.js';
export * from './streams.js';
export * from './parallel.js';
export * from './within-patient.js';
