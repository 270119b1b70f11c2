import { AppError, type FieldProblem } from '../http/errors.ts';

/** What to tell the caller when a named constraint refuses a write. */
export interface ConstraintExplanation {
  message: string;
  field?: FieldProblem;
}

interface PgError {
  code?: string;
  constraint?: string;
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Runs a write and answers 409 when PostgreSQL refuses it for a unique or foreign-key constraint: the explanation
 * of the constraint by name, otherwise `fallback`. Checks made before a write give friendlier answers; this catches
 * what a concurrent request slipped in between the check and the write. Anything else is rethrown.
 */
export async function explainConstraints<T>(
  work: () => Promise<T>,
  explanations: Record<string, ConstraintExplanation>,
  fallback = 'The change conflicts with other records',
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = error as PgError;
    if (code !== UNIQUE_VIOLATION && code !== FOREIGN_KEY_VIOLATION) throw error;
    const explanation = constraint ? explanations[constraint] : undefined;
    throw new AppError('conflict', explanation?.message ?? fallback, explanation?.field ? { fields: [explanation.field] } : {});
  }
}

/** True when a PostgreSQL error is a foreign-key violation (a row is still referred to). */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as PgError).code === FOREIGN_KEY_VIOLATION;
}
