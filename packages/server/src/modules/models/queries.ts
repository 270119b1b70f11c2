import { sql } from 'kysely';
import type { Model, ModelIdentifierTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import type { Trx } from '../../db/tenant-context.ts';
import { notFound } from '../../http/errors.ts';
import { keysetPage, type Page } from '../../http/pagination.ts';
import { checkIdentifier } from './identifiers.ts';
import type { ModelListQuery } from './schema.ts';

export type ModelIdentifier = Selectable<ModelIdentifierTable>;

/** A model with the names and FDA classification its presenter shows. */
export type ModelRow = Model & {
  manufacturer_name: string;
  device_type_name: string | null;
  fda_device_name: string | null;
  fda_device_class: string | null;
  fda_regulation_number: string | null;
  fda_medical_specialty: string | null;
  fda_implant: boolean | null;
  fda_life_sustaining: boolean | null;
};

export interface ModelWithIdentifiers {
  model: ModelRow;
  identifiers: ModelIdentifier[];
}

function modelsWithNames(trx: Trx) {
  return trx
    .selectFrom('models')
    .innerJoin('manufacturers', (j) => j.onRef('manufacturers.tenant_id', '=', 'models.tenant_id').onRef('manufacturers.id', '=', 'models.manufacturer_id'))
    .leftJoin('device_types', (j) => j.onRef('device_types.tenant_id', '=', 'models.tenant_id').onRef('device_types.id', '=', 'models.device_type_id'))
    .leftJoin('fda_product_classes as fda', 'fda.product_code', 'models.fda_product_code')
    .selectAll('models')
    .select([
      'manufacturers.name as manufacturer_name',
      'device_types.name as device_type_name',
      'fda.device_name as fda_device_name',
      'fda.device_class as fda_device_class',
      'fda.regulation_number as fda_regulation_number',
      'fda.medical_specialty as fda_medical_specialty',
      'fda.implant as fda_implant',
      'fda.life_sustaining as fda_life_sustaining',
    ]);
}

export async function identifiersByModel(trx: Trx, modelIds: string[]): Promise<Map<string, ModelIdentifier[]>> {
  const map = new Map<string, ModelIdentifier[]>();
  if (modelIds.length === 0) return map;
  const rows = await trx.selectFrom('model_identifiers').selectAll().where('model_id', 'in', modelIds).orderBy('kind').orderBy('device_identifier').execute();
  for (const row of rows) map.set(row.model_id, [...(map.get(row.model_id) ?? []), row]);
  return map;
}


export async function listModels(trx: Trx, query: ModelListQuery): Promise<Page<ModelWithIdentifiers>> {
  let qb = modelsWithNames(trx);
  // Word similarity (pg_trgm %>, threshold 0.6): "evitta" finds "Evita V500", "8015" finds "8015-B".
  if (query.q) qb = qb.where(sql<boolean>`models.search_text %> ${query.q.toLowerCase()}`);
  if (query.manufacturerId) qb = qb.where('models.manufacturer_id', '=', query.manufacturerId);
  if (query.deviceTypeId) qb = qb.where('models.device_type_id', '=', query.deviceTypeId);
  if (query.fdaProductCode) qb = qb.where('models.fda_product_code', '=', query.fdaProductCode);
  if (query.source) qb = qb.where('models.source', '=', query.source);
  if (query.deviceIdentifier) {
    const wanted = [...new Set((['GS1', 'HIBCC', 'ICCBBA'] as const).map((agency) => checkIdentifier({ issuingAgency: agency, deviceIdentifier: query.deviceIdentifier! }).identifier.device_identifier))];
    qb = qb.where((eb) =>
      eb.exists(eb.selectFrom('model_identifiers as mi').select('mi.id').whereRef('mi.model_id', '=', 'models.id').where('mi.device_identifier', 'in', wanted)),
    );
  }
  const page = await keysetPage(qb, {
    query,
    sortFields: { modelNumber: 'models.model_number', manufacturer: 'manufacturers.name', createdAt: 'models.created_at', updatedAt: 'models.updated_at' },
    defaultSort: 'modelNumber',
    idColumn: 'models.id',
  });
  const identifiers = await identifiersByModel(trx, page.items.map((m) => m.id));
  return { items: page.items.map((model) => ({ model, identifiers: identifiers.get(model.id) ?? [] })), nextCursor: page.nextCursor };
}

export async function getModel(trx: Trx, id: string): Promise<ModelWithIdentifiers> {
  const model = await modelsWithNames(trx).where('models.id', '=', id).executeTakeFirst();
  if (!model) throw notFound('The model');
  return { model, identifiers: (await identifiersByModel(trx, [id])).get(id) ?? [] };
}
