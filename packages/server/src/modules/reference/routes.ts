import type { FastifyPluginAsync } from 'fastify';
import { deviceTypeRoutes } from '../device-types/routes.ts';
import { fdaRoutes } from '../fda/routes.ts';
import { manufacturerRoutes } from '../manufacturers/routes.ts';
import { modelRoutes } from '../models/routes.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { siteRoutes } from '../sites/routes.ts';
import { vendorRoutes } from '../vendors/routes.ts';

/** Inventory reference data: manufacturers, device types, models, FDA product codes, sites, vendors, the risk policy. */
export const referenceRoutes: FastifyPluginAsync = async (app) => {
  for (const plugin of [manufacturerRoutes, deviceTypeRoutes, modelRoutes, fdaRoutes, siteRoutes, vendorRoutes, settingsRoutes] as FastifyPluginAsync[]) {
    await app.register(plugin);
  }
};
