export * from './binary.js';
export * from './ordinal.js';
export * from './latent.js';
