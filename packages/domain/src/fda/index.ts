export * from './classification.ts';
export * from './cp1252.ts';
export * from './parse-classification.ts';
