export * from './roles.ts';
export * from './access/index.ts';
