import type { FastifyPluginAsync } from 'fastify';
import { apiTokenRoutes } from './api-tokens/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { deviceImportRoutes } from './device-import/routes.ts';
import { deviceRoutes } from './devices/routes.ts';
import { facilityRoutes } from './facilities/routes.ts';
import { jobRoutes } from './jobs/routes.ts';
import { referenceRoutes } from './reference/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { udiRoutes } from './udi/routes.ts';
import { userRoutes } from './users/routes.ts';

/** The /api/v1 modules, in the order they appear in the OpenAPI document. */
export const apiModules: FastifyPluginAsync[] = [
  authRoutes,
  userRoutes,
  apiTokenRoutes,
  facilityRoutes,
  auditRoutes,
  jobRoutes,
  searchRoutes,
  referenceRoutes,
  deviceRoutes,
  deviceImportRoutes,
  udiRoutes,
] as FastifyPluginAsync[];
