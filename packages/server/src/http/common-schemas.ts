import { Type, type TSchema } from 'typebox';

/** Schema fragments shared by resource schemas. */
export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** The value, or null (an absent or cleared field). */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A short optional text that can be cleared with null. */
export const OptionalText = (maxLength: number, description?: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, ...(description ? { description } : {}) })));

/** `?q=` of a list: free text, matched as each list describes. */
export const SearchText = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

/** Escapes a value for use inside an ILIKE pattern. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
