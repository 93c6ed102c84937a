export * from './types.js';
export * from './trellis-error.js';
