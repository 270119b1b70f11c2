import type { ManufacturerWithAliases } from './queries.ts';
import type { ManufacturerOut } from './schema.ts';

export function presentManufacturer({ manufacturer: m, aliases }: ManufacturerWithAliases): ManufacturerOut {
  return {
    id: m.id,
    name: m.name,
    normalizedName: m.normalized_name,
    website: m.website,
    aliases: aliases.map((a) => ({ id: a.id, alias: a.alias, normalizedAlias: a.normalized_alias })),
    modelCount: m.model_count,
    version: m.version,
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
  };
}
