export * from './aem-eligibility.ts';
export * from './decide-strategy.ts';
