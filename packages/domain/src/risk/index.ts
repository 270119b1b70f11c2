export * from './policy.ts';
export * from './score.ts';
export * from './validate-policy.ts';
