import { Type, type Static, type TSchema } from 'typebox';

/** Schema fragments shared by resource schemas. */
export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/**
 * The value, or null (an absent or cleared field). A plain string, number or enum schema gets `null` added to its
 * type (one validation error per bad field); anything else becomes a union.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const plain = schema as unknown as { type?: unknown; enum?: unknown[] };
  if (typeof plain.type === 'string') {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [plain.type, 'null'], ...(plain.enum ? { enum: [...plain.enum, null] } : {}) });
  }
  return Type.Union([schema, Type.Null()]);
}

/** A short optional text that can be cleared with null. */
export const OptionalText = (maxLength: number, description?: string) =>
  Type.Optional(Nullable(Type.String({ maxLength, ...(description ? { description } : {}) })));

/** `?q=` of a list: free text, matched as each list describes. */
export const SearchText = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

/** Escapes a value for use inside an ILIKE pattern. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
