import { sql, type SelectQueryBuilder } from 'kysely';
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

/** A sortable field: the API name maps to a non-null column (row comparison needs non-null values). */
export type SortFields = Record<string, string>;

interface KeysetOptions {
  query: PageQuery;
  sortFields: SortFields;
  defaultSort: string;
  /** The unique tiebreaker column, e.g. `users.id`. */
  idColumn: string;
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // falls through to the error below
  }
  throw new AppError('validation', 'The cursor is not one this API handed out', {
    fields: [{ path: '/querystring/cursor', message: 'is not a valid cursor' }],
  });
}

function encodeCursor(value: unknown, id: string): string {
  const plain = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([plain, id])).toString('base64url');
}

/**
 * Applies sort, cursor and limit to a query and runs it, returning one page.
 * The query must select the sort column under its API name and the id as `id`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function keysetPage<O extends { id: string }>(qb: SelectQueryBuilder<any, any, O>, options: KeysetOptions): Promise<Page<O>> {
  const sortParam = options.query.sort ?? options.defaultSort;
  const descending = sortParam.startsWith('-');
  const field = descending ? sortParam.slice(1) : sortParam;
  const column = options.sortFields[field];
  if (!column) {
    throw new AppError('validation', `Cannot sort by "${field}"`, {
      fields: [{ path: '/querystring/sort', message: `must be one of ${Object.keys(options.sortFields).join(', ')} (prefix - for descending)` }],
    });
  }
  const limit = options.query.limit ?? 50;
  let query = qb;
  if (options.query.cursor) {
    const [value, id] = decodeCursor(options.query.cursor);
    const comparison = descending ? sql.raw('<') : sql.raw('>');
    query = query.where(sql<boolean>`(${sql.ref(column)}, ${sql.ref(options.idColumn)}) ${comparison} (${value}, ${id})`);
  }
  const direction = descending ? 'desc' : 'asc';
  const rows = await query
    .orderBy(sql.ref(column), direction)
    .orderBy(sql.ref(options.idColumn), direction)
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor((last as Record<string, unknown>)[field], String(last.id)) : null;
  return { items, nextCursor };
}
