export * from './known-manufacturers.ts';
export * from './match.ts';
export * from './normalize.ts';
export * from './similarity.ts';
