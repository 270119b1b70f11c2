import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import type { Action } from '@openhtm/domain';
import { AuditPage } from '../features/audit/AuditPage';
import { DevicesPage } from '../features/devices/list/DevicesPage';
import { NewDevicePage } from '../features/devices/NewDevicePage';
import { DevicePage } from '../features/devices/page/DevicePage';
import { LoginPage } from '../features/auth/LoginPage';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { RouteErrorPage } from '../features/errors/RouteErrorPage';
import { FacilitiesPage } from '../features/facilities/FacilitiesPage';
import { FacilityDetailPage } from '../features/facilities/FacilityDetailPage';
import { HomePage } from '../features/home/HomePage';
import { JobsPage } from '../features/jobs/JobsPage';
import { ScanPage } from '../features/scan/ScanPage';
import { ApiTokensPage } from '../features/tokens/ApiTokensPage';
import { UserDetailPage } from '../features/users/UserDetailPage';
import { UsersPage } from '../features/users/UsersPage';
import { DeviceTypeDetailPage } from '../features/device-types/DeviceTypeDetailPage';
import { DeviceTypesPage } from '../features/device-types/DeviceTypesPage';
import { ImportsPage } from '../features/import/ImportsPage';
import { ImportWizardPage } from '../features/import/ImportWizardPage';
import { ManufacturerDetailPage } from '../features/manufacturers/ManufacturerDetailPage';
import { ManufacturersPage } from '../features/manufacturers/ManufacturersPage';
import { ModelDetailPage } from '../features/models/ModelDetailPage';
import { ModelsPage } from '../features/models/ModelsPage';
import { NewModelPage } from '../features/models/NewModelPage';
import { RiskPolicyPage } from '../features/settings/RiskPolicyPage';
import { VendorDetailPage } from '../features/vendors/VendorDetailPage';
import { VendorsPage } from '../features/vendors/VendorsPage';
import { RequirePermission } from './auth/RequirePermission';
import { RequireSession } from './auth/RequireSession';
import { AppLayout } from './shell/AppLayout';

const guarded = (action: Action, page: ReactNode) => <RequirePermission action={action}>{page}</RequirePermission>;

/** Every page of the app. Paths match the `href`s the search API hands out (`/facilities/:id`, `/admin/users/:id`). */
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
            // A page that fails renders its error inside the shell, so that navigation stays at hand.
            errorElement: <RouteErrorPage />,
            children: [
          { index: true, element: <HomePage /> },
          { path: 'facilities', element: guarded('facility.read', <FacilitiesPage />) },
          { path: 'facilities/:id', element: guarded('facility.read', <FacilityDetailPage />) },
          { path: 'devices', element: guarded('inventory.read', <DevicesPage />) },
          { path: 'devices/new', element: guarded('device.write', <NewDevicePage />) },
          { path: 'devices/:id', element: guarded('inventory.read', <DevicePage />) },
          { path: 'scan', element: guarded('inventory.read', <ScanPage />) },
          { path: 'imports', element: guarded('device.import', <ImportsPage />) },
          { path: 'imports/:id', element: guarded('device.import', <ImportWizardPage />) },
          { path: 'manufacturers', element: guarded('inventory.read', <ManufacturersPage />) },
          { path: 'manufacturers/:id', element: guarded('inventory.read', <ManufacturerDetailPage />) },
          { path: 'device-types', element: guarded('inventory.read', <DeviceTypesPage />) },
          { path: 'device-types/:id', element: guarded('inventory.read', <DeviceTypeDetailPage />) },
          { path: 'models', element: guarded('inventory.read', <ModelsPage />) },
          { path: 'models/new', element: guarded('reference.manage', <NewModelPage />) },
          { path: 'models/:id', element: guarded('inventory.read', <ModelDetailPage />) },
          { path: 'vendors', element: guarded('inventory.read', <VendorsPage />) },
          { path: 'vendors/:id', element: guarded('inventory.read', <VendorDetailPage />) },
          { path: 'admin/risk-policy', element: guarded('inventory.read', <RiskPolicyPage />) },
          { path: 'admin/users', element: guarded('user.read', <UsersPage />) },
          { path: 'admin/users/:id', element: guarded('user.read', <UserDetailPage />) },
          { path: 'admin/api-tokens', element: guarded('token.read', <ApiTokensPage />) },
          { path: 'admin/audit', element: guarded('audit.read', <AuditPage />) },
          { path: 'admin/jobs', element: guarded('job.read', <JobsPage />) },
          { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
