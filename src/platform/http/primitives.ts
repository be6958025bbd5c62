// Moved to the shared contract module (src/shared/contract), which the web app imports too.
export * from '../../shared/contract/primitives.js';
