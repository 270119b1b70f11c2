import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { Type, type Static } from 'typebox';
import { AppError } from './errors.ts';

/**
 * One style for every list endpoint: `?limit=&cursor=&sort=` plus the resource's own filters, answered with
 * `{ items, nextCursor }`. `sort` names a field, `-field` for descending. The cursor is opaque: the sort value
 * and id of the last row, so pages stay stable while rows are added (keyset pagination, no OFFSET).
 */
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Rows per page' })),
  cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'nextCursor of the previous page' })),
  sort: Type.Optional(Type.String({ maxLength: 64, description: 'Field to sort by; prefix with - for descending' })),
});
export type PageQuery = Static<typeof PageQuery>;

export const pageOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null on the last page' }),
  });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A sortable field: the API name maps to a non-null column, or to an expression of the row (a ranking); row
 * comparison needs non-null values.
 */
export type SortFields = Record<string, string | RawBuilder<unknown>>;

interface KeysetOptions {
  query: PageQuery;
  sortFields: SortFields;
  defaultSort: string;
  /** The unique tiebreaker column, e.g. `users.id`. */
  idColumn: string;
}

/** Where the exact sort value of each row is selected, for the cursor; removed from the rows returned. */
const CURSOR_VALUE = '__cursor_value';

const badCursor = (message = 'is not a valid cursor') =>
  new AppError('validation', 'The cursor is not one this API handed out', { fields: [{ path: '/querystring/cursor', message }] });

/** A cursor is `[sort, value, id]`: it continues only the sort order it was handed out for. */
function decodeCursor(cursor: string, sort: string): [unknown, string] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || !['string', 'number'].includes(typeof decoded[1]) || typeof decoded[2] !== 'string') {
    throw badCursor();
  }
  if (decoded[0] !== sort) throw badCursor(`continues the sort ${String(decoded[0])}, not ${sort}`);
  return [decoded[1], decoded[2]];
}

function encodeCursor(sort: string, value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

/**
 * Applies sort, cursor and limit to a query and runs it, returning one page. The query must select the id as `id`.
 * The cursor holds the sort value as PostgreSQL renders it in JSON (timestamps to the microsecond), so that the
 * next page starts exactly after the last row even when rows differ by less than a millisecond.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function keysetPage<O extends { id: string }>(qb: SelectQueryBuilder<any, any, O>, options: KeysetOptions): Promise<Page<O>> {
  const sortParam = options.query.sort ?? options.defaultSort;
  const descending = sortParam.startsWith('-');
  const field = descending ? sortParam.slice(1) : sortParam;
  const sortColumn = options.sortFields[field];
  if (!sortColumn) {
    throw new AppError('validation', `Cannot sort by "${field}"`, {
      fields: [{ path: '/querystring/sort', message: `must be one of ${Object.keys(options.sortFields).join(', ')} (prefix - for descending)` }],
    });
  }
  const column = typeof sortColumn === 'string' ? sql.ref(sortColumn) : sortColumn;
  const limit = options.query.limit ?? 50;
  let query = qb.select(sql`to_jsonb(${column})`.as(CURSOR_VALUE)) as unknown as typeof qb;
  if (options.query.cursor) {
    const [value, id] = decodeCursor(options.query.cursor, sortParam);
    const comparison = descending ? sql.raw('<') : sql.raw('>');
    query = query.where(sql<boolean>`(${column}, ${sql.ref(options.idColumn)}) ${comparison} (${value}, ${id})`);
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query
    .orderBy(column, direction)
    .orderBy(sql.ref(options.idColumn), direction)
    .limit(limit + 1)
    .execute()
    .catch((error: unknown) => {
      // A hand-made cursor whose value or id does not fit the columns fails in PostgreSQL as a data exception (class 22).
      if (options.query.cursor && /^22/.test(String((error as { code?: unknown }).code))) throw badCursor();
      throw error;
    });
  const items = rows.slice(0, limit);
  const last = items.at(-1) as (O & Record<string, unknown>) | undefined;
  const nextCursor = rows.length > limit && last ? encodeCursor(sortParam, last[CURSOR_VALUE], String(last.id)) : null;
  for (const item of items) delete (item as Record<string, unknown>)[CURSOR_VALUE];
  return { items, nextCursor };
}
