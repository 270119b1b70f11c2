import {
  IconActivity,
  IconBuildingFactory2,
  IconCategory,
  IconDevicesPc,
  IconFileImport,
  IconGauge,
  IconTruckDelivery,
  IconBuildingHospital,
  IconDeviceHeartMonitor,
  IconHome2,
  IconKey,
  IconListDetails,
  IconScan,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { Action } from '@openhtm/domain';

export interface NavItem {
  label: string;
  to: string;
  icon: Icon;
  /** Shown only to users who may perform this action. */
  action: Action;
  /** Navbar group; items without one are listed first. */
  section?: 'Inventory' | 'Administration';
  /** One-line purpose, used on the home page's quick links. */
  description: string;
}

/** The navbar, in order. A module adds its page with one line here and one route in router.tsx. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'Home', to: '/', icon: IconHome2, action: 'session.read', description: 'Your overview' },
  { label: 'Scan', to: '/scan', icon: IconScan, action: 'inventory.read', description: 'Find a device by its barcode, or add one from its label' },
  { label: 'Devices', to: '/devices', icon: IconDeviceHeartMonitor, action: 'inventory.read', description: 'The inventory of medical equipment' },
  { label: 'Facilities', to: '/facilities', icon: IconBuildingHospital, action: 'facility.read', description: 'Hospitals, clinics and sites of the organisation' },
  { label: 'Import devices', to: '/imports', icon: IconFileImport, action: 'device.import', section: 'Inventory', description: 'Bring a CSV or Excel inventory in, checked row by row' },
  { label: 'Manufacturers', to: '/manufacturers', icon: IconBuildingFactory2, action: 'inventory.read', section: 'Inventory', description: 'Companies and the other names they go by' },
  { label: 'Device types', to: '/device-types', icon: IconCategory, action: 'inventory.read', section: 'Inventory', description: 'Kinds of equipment and their default risk' },
  { label: 'Models', to: '/models', icon: IconDevicesPc, action: 'inventory.read', section: 'Inventory', description: 'The model catalog: FDA codes, service life, UDI identifiers' },
  { label: 'Vendors', to: '/vendors', icon: IconTruckDelivery, action: 'inventory.read', section: 'Inventory', description: 'Suppliers and service companies with their contacts' },
  { label: 'Users', to: '/admin/users', icon: IconUsers, action: 'user.read', section: 'Administration', description: 'Accounts, roles and facility access' },
  { label: 'API tokens', to: '/admin/api-tokens', icon: IconKey, action: 'token.read', section: 'Administration', description: 'Credentials for integrations and scripts' },
  { label: 'Audit trail', to: '/admin/audit', icon: IconListDetails, action: 'audit.read', section: 'Administration', description: 'Who changed what, and when' },
  { label: 'Jobs', to: '/admin/jobs', icon: IconActivity, action: 'job.read', section: 'Administration', description: 'Background and scheduled jobs' },
  { label: 'Risk policy', to: '/admin/risk-policy', icon: IconGauge, action: 'risk.manage', section: 'Administration', description: 'How the EM number and high-risk status are computed' },
];
