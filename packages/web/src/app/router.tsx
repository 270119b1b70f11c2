import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import type { Action } from '@openhtm/domain';
import { LoginPage } from '../features/auth/LoginPage';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { RouteErrorPage } from '../features/errors/RouteErrorPage';
import { RequirePermission } from './auth/RequirePermission';
import { RequireSession } from './auth/RequireSession';
import { AppLayout } from './shell/AppLayout';
import { PageLoader } from './shell/PageLoading';

/**
 * A page whose code is downloaded the first time it is opened, shown only to users who may perform `action`.
 * A download that fails is a route error, which `RouteErrorPage` explains with a way to reload.
 */
function page(load: () => Promise<ComponentType>, action?: Action): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return { element: action ? <RequirePermission action={action}><Page /></RequirePermission> : <Page /> };
    },
  };
}

/**
 * Every page of the app. Paths match the `href`s the search API hands out (`/facilities/:id`, `/admin/users/:id`).
 * The login page and the shell are in the first download; each page inside the shell comes in a chunk of its own.
 */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireSession />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppLayout />,
        errorElement: <RouteErrorPage />,
        children: [
          {
            // A page that fails renders its error inside the shell, so that navigation stays at hand; the first
            // page opened shows a loader there while its code downloads (later ones: the shell's progress bar).
            errorElement: <RouteErrorPage />,
            hydrateFallbackElement: <PageLoader />,
            children: [
              { index: true, ...page(() => import('../features/home/HomePage').then((m) => m.HomePage)) },
              { path: 'facilities', ...page(() => import('../features/facilities/FacilitiesPage').then((m) => m.FacilitiesPage), 'facility.read') },
              { path: 'facilities/:id', ...page(() => import('../features/facilities/FacilityDetailPage').then((m) => m.FacilityDetailPage), 'facility.read') },
              { path: 'devices', ...page(() => import('../features/devices/list/DevicesPage').then((m) => m.DevicesPage), 'inventory.read') },
              { path: 'devices/new', ...page(() => import('../features/devices/NewDevicePage').then((m) => m.NewDevicePage), 'device.write') },
              { path: 'devices/:id', ...page(() => import('../features/devices/page/DevicePage').then((m) => m.DevicePage), 'inventory.read') },
              { path: 'scan', ...page(() => import('../features/scan/ScanPage').then((m) => m.ScanPage), 'inventory.read') },
              { path: 'imports', ...page(() => import('../features/import/ImportsPage').then((m) => m.ImportsPage), 'device.import') },
              { path: 'imports/:id', ...page(() => import('../features/import/ImportWizardPage').then((m) => m.ImportWizardPage), 'device.import') },
              { path: 'manufacturers', ...page(() => import('../features/manufacturers/ManufacturersPage').then((m) => m.ManufacturersPage), 'inventory.read') },
              { path: 'manufacturers/:id', ...page(() => import('../features/manufacturers/ManufacturerDetailPage').then((m) => m.ManufacturerDetailPage), 'inventory.read') },
              { path: 'device-types', ...page(() => import('../features/device-types/DeviceTypesPage').then((m) => m.DeviceTypesPage), 'inventory.read') },
              { path: 'device-types/:id', ...page(() => import('../features/device-types/DeviceTypeDetailPage').then((m) => m.DeviceTypeDetailPage), 'inventory.read') },
              { path: 'models', ...page(() => import('../features/models/ModelsPage').then((m) => m.ModelsPage), 'inventory.read') },
              { path: 'models/new', ...page(() => import('../features/models/NewModelPage').then((m) => m.NewModelPage), 'reference.manage') },
              { path: 'models/:id', ...page(() => import('../features/models/ModelDetailPage').then((m) => m.ModelDetailPage), 'inventory.read') },
              { path: 'vendors', ...page(() => import('../features/vendors/VendorsPage').then((m) => m.VendorsPage), 'inventory.read') },
              { path: 'vendors/:id', ...page(() => import('../features/vendors/VendorDetailPage').then((m) => m.VendorDetailPage), 'inventory.read') },
              { path: 'admin/risk-policy', ...page(() => import('../features/settings/RiskPolicyPage').then((m) => m.RiskPolicyPage), 'inventory.read') },
              { path: 'admin/users', ...page(() => import('../features/users/UsersPage').then((m) => m.UsersPage), 'user.read') },
              { path: 'admin/users/:id', ...page(() => import('../features/users/UserDetailPage').then((m) => m.UserDetailPage), 'user.read') },
              { path: 'admin/api-tokens', ...page(() => import('../features/tokens/ApiTokensPage').then((m) => m.ApiTokensPage), 'token.read') },
              { path: 'admin/audit', ...page(() => import('../features/audit/AuditPage').then((m) => m.AuditPage), 'audit.read') },
              { path: 'admin/jobs', ...page(() => import('../features/jobs/JobsPage').then((m) => m.JobsPage), 'job.read') },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
