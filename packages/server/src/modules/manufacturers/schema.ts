import { Type, type Static } from 'typebox';
import { DateTime, Nullable, SearchText, Uuid } from '../../http/common-schemas.ts';
import { PageQuery } from '../../http/pagination.ts';

export const ManufacturerAliasOut = Type.Object(
  {
    id: Uuid,
    alias: Type.String({ description: 'Another name the manufacturer appears under, as written' }),
    normalizedAlias: Type.String({ description: 'The comparison key of the alias' }),
  },
  { $id: 'ManufacturerAlias' },
);

export const ManufacturerOut = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    normalizedName: Type.String({ description: 'Comparison key: lower-case words without legal forms (Inc, GmbH…) or descriptors (Healthcare…)' }),
    website: Nullable(Type.String()),
    aliases: Type.Array(ManufacturerAliasOut),
    modelCount: Type.Integer(),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Manufacturer' },
);
export type ManufacturerOut = Static<typeof ManufacturerOut>;

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Website = Type.String({ format: 'uri', maxLength: 500 });

export const ManufacturerCreate = Type.Object(
  {
    name: Name,
    website: Type.Optional(Nullable(Website)),
    aliases: Type.Optional(Type.Array(Name, { maxItems: 100, description: 'Other names the manufacturer appears under' })),
    force: Type.Optional(
      Type.Boolean({ description: 'Create even when the name resembles an existing manufacturer (the 409 answer lists the suggestions)' }),
    ),
  },
  { additionalProperties: false },
);
export type ManufacturerCreate = Static<typeof ManufacturerCreate>;

export const ManufacturerUpdate = Type.Object(
  { name: Type.Optional(Name), website: Type.Optional(Nullable(Website)) },
  { additionalProperties: false, minProperties: 1 },
);
export type ManufacturerUpdate = Static<typeof ManufacturerUpdate>;

export const AliasCreate = Type.Object({ alias: Name }, { additionalProperties: false });

export const MergeBody = Type.Object(
  { sourceId: Type.String({ format: 'uuid', description: 'The manufacturer merged into this one and then removed' }) },
  { additionalProperties: false },
);

export const ManufacturerListQuery = Type.Evaluate(
  Type.Intersect([
    Type.Omit(PageQuery, ['sort']),
    Type.Object({
      q: SearchText('Name or alias; tolerates typos (trigram similarity on the normalized names)'),
      sort: Type.Optional(
        Type.String({ maxLength: 64, description: 'name (case-insensitive, the default), createdAt or updatedAt; prefix with - for descending' }),
      ),
    }),
  ]),
);
export type ManufacturerListQuery = Static<typeof ManufacturerListQuery>;

export const ManufacturerSuggestionOut = Type.Object({
  id: Uuid,
  name: Type.String(),
  matchedOn: Type.String({ description: 'The name or alias that scored best' }),
  score: Type.Number({ description: '0..1; 1 for the same normalized name' }),
});

export const ManufacturerMatchOut = Type.Object(
  {
    normalized: Type.String({ description: 'The comparison key of the name asked about' }),
    match: Nullable(
      Type.Object({ id: Uuid, name: Type.String(), matchedOn: Type.String() }, { description: 'The one manufacturer with this name or alias' }),
    ),
    suggestions: Type.Array(ManufacturerSuggestionOut, { description: 'Similar manufacturers, best first; empty when there is a match' }),
  },
  { $id: 'ManufacturerMatch' },
);
export type ManufacturerMatchOut = Static<typeof ManufacturerMatchOut>;

export const SeedKnownOut = Type.Object({
  created: Type.Integer({ description: 'Manufacturers added' }),
  aliasesAdded: Type.Integer({ description: 'Aliases added, to new and existing manufacturers' }),
  existing: Type.Integer({ description: 'Known manufacturers the tenant had already' }),
});

export const AliasParams = Type.Object({ id: Uuid, aliasId: Uuid });
