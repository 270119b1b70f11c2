import { Type, type Static } from 'typebox';
import { DEVICE_IMPORT_FIELDS } from '@openhtm/domain';
import { PageQuery } from '../../http/pagination.ts';
import { IMPORT_PROBLEM_CODES, type ImportProblemCode } from './problems.ts';

const Uuid = Type.String({ format: 'uuid' });
const NullableString = (options: Parameters<typeof Type.String>[0] = {}) => Type.Union([Type.String(options), Type.Null()]);

export const ImportStatus = Type.Union(
  [Type.Literal('uploaded'), Type.Literal('checked'), Type.Literal('committed'), Type.Literal('refused'), Type.Literal('failed')],
  { description: 'uploaded → (mapping) → checked → committed; refused when a commit met rows with errors' },
);

/** Import field → the header of the column it is read from; leave a field out to not import it. */
export const Mapping = Type.Object(
  Object.fromEntries(DEVICE_IMPORT_FIELDS.map((field) => [field, Type.Optional(Type.String({ minLength: 1, maxLength: 500 }))])),
  { additionalProperties: false, description: 'Import field → original column header' },
);

export const ImportProblemOut = Type.Object(
  {
    line: Type.Integer({ description: 'Line of the row in the file (sheet row for XLSX); the header is line 1' }),
    column: NullableString({ description: 'The original header of the column at fault' }),
    field: NullableString(),
    code: Type.String({ description: 'e.g. unknown_manufacturer, duplicate_asset_tag, invalid_date, bad_udi, unknown_department' }),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    message: Type.String(),
    value: Type.Optional(Type.String({ description: 'The cell as written' })),
    suggestions: Type.Optional(Type.Array(Type.Object({ id: Type.String(), name: Type.String(), matchedOn: Type.String() }))),
  },
  { $id: 'DeviceImportProblem' },
);

export const DeviceImportOut = Type.Object(
  {
    id: Uuid,
    fileName: Type.String(),
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    encoding: NullableString({ description: 'utf-8, utf-8-bom or windows-1252 for CSV; null for XLSX' }),
    status: ImportStatus,
    headers: Type.Array(Type.String()),
    mapping: Mapping,
    rowCount: Type.Union([Type.Integer(), Type.Null()]),
    problemCount: Type.Union([Type.Integer(), Type.Null()]),
    summary: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Counts of the last check or commit: rows, rowsWithErrors, create, update, unchanged, written…' }),
    createdBy: Type.Union([Uuid, Type.Null()], { description: 'The user who uploaded the file' }),
    createdByName: NullableString({ description: 'Display name of the user who uploaded the file; null for a token or an unknown user' }),
    createdAt: Type.String({ format: 'date-time' }),
    committedAt: NullableString({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { $id: 'DeviceImport' },
);
export type DeviceImportOut = Static<typeof DeviceImportOut>;

const SampleRow = Type.Object({ line: Type.Integer(), cells: Type.Array(Type.String()) });

export const DeviceImportDetailOut = Type.Evaluate(
  Type.Intersect([
    DeviceImportOut,
    Type.Object({
      fields: Type.Array(Type.Object({ field: Type.String(), label: Type.String() }), { description: 'The fields a column can be mapped to' }),
      unmappedHeaders: Type.Array(Type.String()),
      sampleRows: Type.Array(SampleRow, { description: 'The first rows of the file, cells in header order' }),
      problems: Type.Object({ items: Type.Array(ImportProblemOut), nextCursor: NullableString() }),
    }),
  ]),
);
export type DeviceImportDetailOut = Static<typeof DeviceImportDetailOut>;

export const ImportListQuery = Type.Evaluate(Type.Intersect([PageQuery, Type.Object({ status: Type.Optional(ImportStatus) })]));

export const ImportDetailQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Problems per page' })),
  cursor: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page of problems' })),
  severity: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('warning')])),
  code: Type.Optional(Type.Unsafe<ImportProblemCode>({ type: 'string', enum: [...IMPORT_PROBLEM_CODES], description: 'Only problems of this kind, e.g. unknown_manufacturer' })),
});

export const MappingBody = Type.Object({ mapping: Mapping }, { additionalProperties: false });

export const CommitBody = Type.Object(
  {
    confirm: Type.Literal(true, { description: 'Must be true: the person confirms the write' }),
    skipRowsWithErrors: Type.Optional(Type.Boolean({ default: false, description: 'Write the rows without errors and leave the others out' })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Uuid });
