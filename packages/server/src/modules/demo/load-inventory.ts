import { sql } from 'kysely';
import type { Databases } from '../../db/connection.ts';
import { withTenant } from '../../db/tenant-context.ts';
import { writeFdaProductClasses } from '../fda/import-classification.ts';
import { seedKnownManufacturers } from '../manufacturers/seed-known.ts';
import { DEMO_FDA_CLASSES } from './fda-classes.ts';
import { loadDemoDevices } from './load-devices.ts';
import { insertCatalog, insertExtraManufacturers, insertSites, insertVendors, type DemoReference } from './load-reference.ts';
import { SCALE_THRESHOLD, type DemoFacility } from './sites.ts';

/** The seed of the demo's generator and its "today": the same health system on every machine, every time. */
export const DEMO_SEED = 20_261_121;
export const DEMO_AS_OF = '2026-11-01';

export interface InventoryOptions {
  devices: number;
  log: (message: string) => void;
}

/**
 * The demo health system's inventory: the FDA classification of its product codes (shared table, one transaction),
 * the domain's known manufacturers and the demo's extras, device types and models, vendors, sites of every facility
 * (one transaction), then the devices in batches (one transaction each).
 */
export async function loadDemoInventory(db: Databases, tenantId: string, facilities: (DemoFacility & { id: string })[], options: InventoryOptions): Promise<void> {
  const started = Date.now();
  const context = { tenantId, actor: 'demo-loader' };
  // Platform data, written by the owner; codes a fuller import loaded already are left as they are.
  const fda = await db.owner.transaction().execute((trx) => writeFdaProductClasses(trx, DEMO_FDA_CLASSES, 'keep'));
  options.log(`demo FDA classification: ${fda.inserted} of ${DEMO_FDA_CLASSES.length} product codes added`);
  const reference: DemoReference = await withTenant(db.app, context, async (trx) => {
    await seedKnownManufacturers(trx, tenantId);
    const manufacturerIds = await insertExtraManufacturers(trx, tenantId);
    const models = await insertCatalog(trx, tenantId, manufacturerIds);
    const vendors = await insertVendors(trx, tenantId, manufacturerIds);
    const departments = await insertSites(trx, tenantId, facilities);
    return { models, departments, ...vendors };
  });
  const types = new Set(reference.models.map((m) => m.type.key)).size;
  options.log(`demo catalog: ${reference.models.length} models of ${types} device types, ${reference.departments.length} departments`);
  if (options.devices === 0) return;

  const large = options.devices > SCALE_THRESHOLD;
  let reported = 0;
  const loaded = await loadDemoDevices(db, context, reference, {
    count: options.devices,
    seed: DEMO_SEED,
    asOf: DEMO_AS_OF,
    batchSize: large ? 10_000 : 2_500,
    concurrency: 2,
    onProgress: (n) => {
      if (large && n - reported >= 100_000) {
        reported = n;
        options.log(`  ${n.toLocaleString('en-US')} devices (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    },
  });
  // Fresh statistics (and, at scale, a visibility map for index-only scans) before anyone queries the new rows.
  await sql`analyze devices, device_events`.execute(db.owner);
  if (large) await sql`vacuum (analyze) devices, device_events, audit_events`.execute(db.owner);
  options.log(`demo devices: ${loaded.toLocaleString('en-US')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
