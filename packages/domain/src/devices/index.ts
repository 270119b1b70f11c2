export * from './auto-map.ts';
export * from './fields.ts';
export * from './network.ts';
export * from './parse-row.ts';
export * from './values.ts';
