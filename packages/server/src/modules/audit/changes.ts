/** What an audit event's `changes` column holds, as the API gives it: {field: [before, after]}. */
export type ChangePairs = Record<string, [unknown, unknown]>;

/** Every audited table has an id; a stored record image has it as a value, a set of pairs as a pair. */
const isRecordImage = (stored: Record<string, unknown>) => 'id' in stored && !Array.isArray(stored.id);

/**
 * The audit trigger stores a created or deleted record as the record itself (its non-null fields), which is cheaper
 * to write at import scale than pairs; updates and explicitly recorded events store {field: [before, after]}.
 * Both come out of the API as pairs: a created field is [null, value], a deleted one [value, null].
 */
export function changePairs(action: string, stored: Record<string, unknown>): ChangePairs {
  if ((action === 'create' || action === 'delete') && isRecordImage(stored)) {
    const pairs: ChangePairs = {};
    for (const [field, value] of Object.entries(stored)) pairs[field] = action === 'create' ? [null, value] : [value, null];
    return pairs;
  }
  return stored as ChangePairs;
}
