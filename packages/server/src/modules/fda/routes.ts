import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FDA_DEVICE_CLASS_LABELS, FDA_DEVICE_CLASSES, isFdaDeviceClass } from '@openhtm/domain';
import { sql, type Selectable } from 'kysely';
import type { FdaProductClassTable } from '../../db/schema.ts';
import { likePattern, Nullable, SearchText } from '../../http/common-schemas.ts';
import { tx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { keysetPage, pageOf, PageQuery } from '../../http/pagination.ts';

const tags = ['fda product codes'];

const FdaProductCodeOut = Type.Object(
  {
    productCode: Type.String(),
    deviceName: Type.String(),
    deviceClass: Type.String({ description: '1, 2, 3 (class I–III), U unclassified, N not classified, F HDE' }),
    deviceClassLabel: Type.String(),
    regulationNumber: Nullable(Type.String({ description: '21 CFR section' })),
    medicalSpecialty: Nullable(Type.String()),
    reviewPanel: Nullable(Type.String()),
    implant: Type.Boolean(),
    lifeSustaining: Type.Boolean(),
    definition: Nullable(Type.String()),
  },
  { $id: 'FdaProductCode', description: 'An FDA product code with its regulatory class and flags (shared reference data)' },
);

const ListQuery = Type.Evaluate(
  Type.Intersect([
    PageQuery,
    Type.Object({
      q: SearchText('The start of a product code (FR finds FRN, FRO…), or part of the device name'),
      deviceClass: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...FDA_DEVICE_CLASSES] })),
      implant: Type.Optional(Type.Boolean()),
      lifeSustaining: Type.Optional(Type.Boolean()),
      medicalSpecialty: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    }),
  ]),
);
type ListQuery = Static<typeof ListQuery>;

/** A `q` that can be the start of a product code (three letters or digits): upper-cased, else null. */
function codePrefixOf(q: string): string | null {
  return /^[A-Za-z0-9]{1,3}$/.test(q) ? q.toUpperCase() : null;
}

/**
 * The order of a search that may name a code: the codes starting with it first, by code, then the device names
 * containing it, by name. One text key, so that the keyset cursor stays a (value, product code) pair.
 */
const byCodeMatchThenName = (prefix: string) =>
  sql<string>`case when product_code like ${`${prefix}%`} then '0' || product_code else '1' || device_name end`;

function present(row: Selectable<FdaProductClassTable>) {
  return {
    productCode: row.product_code,
    deviceName: row.device_name,
    deviceClass: row.device_class,
    deviceClassLabel: isFdaDeviceClass(row.device_class) ? FDA_DEVICE_CLASS_LABELS[row.device_class] : row.device_class,
    regulationNumber: row.regulation_number,
    medicalSpecialty: row.medical_specialty,
    reviewPanel: row.review_panel,
    implant: row.implant,
    lifeSustaining: row.life_sustaining,
    definition: row.definition,
  };
}

export const fdaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/fda-product-codes',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'Search the FDA product classification',
        description:
          'Loaded with `htm import fda-classification FILE`. `q` matches the start of a product code (up to three letters or ' +
          'digits: `FR` finds FRN, FRO…) or a device name by substring; the default order of such a search (sort=relevance) ' +
          'lists the matching codes first, by code, then the names, by name.',
        querystring: ListQuery,
        response: { 200: pageOf(FdaProductCodeOut) },
      },
    },
    async (request) => {
      const query: ListQuery = request.query;
      const page = await tx(request, (trx) => {
        let qb = trx.selectFrom('fda_product_classes').selectAll().select('product_code as id');
        const q = query.q?.trim() ?? '';
        const prefix = codePrefixOf(q);
        if (q) {
          qb = qb.where((eb) => eb.or([...(prefix ? [eb('product_code', 'like', `${prefix}%`)] : []), eb('device_name', 'ilike', likePattern(q))]));
        }
        if (query.deviceClass) qb = qb.where('device_class', '=', query.deviceClass);
        if (query.implant !== undefined) qb = qb.where('implant', '=', query.implant);
        if (query.lifeSustaining !== undefined) qb = qb.where('life_sustaining', '=', query.lifeSustaining);
        if (query.medicalSpecialty) qb = qb.where('medical_specialty', '=', query.medicalSpecialty);
        return keysetPage(qb, {
          query,
          sortFields: { productCode: 'product_code', deviceName: 'device_name', ...(prefix ? { relevance: byCodeMatchThenName(prefix) } : {}) },
          defaultSort: prefix ? 'relevance' : q ? 'deviceName' : 'productCode',
          idColumn: 'product_code',
        });
      });
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/fda-product-codes/:code',
    {
      config: { action: 'inventory.read' },
      schema: {
        tags,
        summary: 'One FDA product code',
        params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9]{3}$' }) }),
        response: { 200: FdaProductCodeOut },
      },
    },
    async (request) => {
      const row = await tx(request, (trx) =>
        trx.selectFrom('fda_product_classes').selectAll().where('product_code', '=', request.params.code.toUpperCase()).executeTakeFirst(),
      );
      if (!row) throw notFound(`The FDA product code ${request.params.code.toUpperCase()}`);
      return present(row);
    },
  );
};

