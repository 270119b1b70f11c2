import type { Db } from '../../db/connection.ts';
import type { Tenant } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';

/** Creates a tenant (an organisation: a hospital or health system). Platform-level: runs as the schema owner. */
export async function createTenant(owner: Db, input: { slug: string; name: string }): Promise<Tenant> {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug)) {
    throw new AppError('validation', 'The slug must be 2–63 lower-case letters, digits or dashes', { fields: [{ path: '/slug', message: 'is not a valid slug' }] });
  }
  const existing = await owner.selectFrom('tenants').select('id').where('slug', '=', input.slug).executeTakeFirst();
  if (existing) throw new AppError('conflict', `A tenant with slug "${input.slug}" exists already`);
  return owner.insertInto('tenants').values({ slug: input.slug, name: input.name }).returningAll().executeTakeFirstOrThrow();
}

export async function tenantBySlug(db: Db, slug: string): Promise<Tenant> {
  const tenant = await db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!tenant) throw new AppError('not_found', `No tenant with slug "${slug}"`);
  return tenant;
}
