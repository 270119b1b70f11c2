export * from './statuses.ts';
export * from './check-transition.ts';
