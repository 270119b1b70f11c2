import { Button, EmptyState } from '@mantine/core';
import { IconDeviceHeartMonitor, IconPlus, IconScan } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useCan } from '../../../app/auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { ServerTable } from '../../../components/data-table/ServerTable';
import { useListParams } from '../../../components/data-table/useListParams';
import { DEVICES_KEY, fetchDevicesPage } from '../api';
import { DEVICE_FILTERS, filtersOfSavedQuery, savedQueryOf, SECONDARY_FILTERS } from '../filters';
import { DEVICE_COLUMNS, DeviceCardTitle } from './device-columns';
import { DeviceFilterBar } from './DeviceFilterBar';
import { ExportMenu } from './ExportMenu';
import { SavedViewsMenu } from './SavedViewsMenu';

/** The inventory: every device the user may see, filtered, searched and sorted on the server. */
export function DevicesPage() {
  const can = useCan();
  const list = useListParams(DEVICE_FILTERS);
  const write = can('device.write');

  const newButton = write && (
    <Button component={Link} to="/devices/new" leftSection={<IconPlus size={18} />}>
      New device
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Devices"
        description="The inventory of medical equipment: every device, where it is, its status and risk."
        actions={
          <>
            <SavedViewsMenu
              current={savedQueryOf(list.filters, list.sort)}
              onApply={(view) => list.setFilters(filtersOfSavedQuery(view.query))}
              canSave={can('view.manage')}
            />
            <ExportMenu filters={list.filters} />
            <Button component={Link} to="/scan" variant="light" leftSection={<IconScan size={18} />} hiddenFrom="sm">
              Scan
            </Button>
            {newButton}
          </>
        }
      />
      <ServerTable
        label="Devices"
        queryKey={DEVICES_KEY}
        fetchPage={fetchDevicesPage}
        filters={list.filters}
        sort={list.sort ?? (list.filters.q ? undefined : 'assetTag')}
        onSort={list.setSort}
        pageSize={50}
        columns={DEVICE_COLUMNS}
        rowKey={(device) => device.id}
        rowHref={(device) => `/devices/${device.id}`}
        cardTitle={(device) => <DeviceCardTitle device={device} />}
        filtered={list.active}
        onClearFilters={list.clear}
        toolbar={
          <DeviceFilterBar
            filters={list.filters}
            setFilters={list.setFilters}
            activeCount={list.countSet(SECONDARY_FILTERS)}
            onClear={list.clear}
            sort={list.sort}
          />
        }
        empty={
          <EmptyState
            icon={<IconDeviceHeartMonitor size={26} stroke={1.6} />}
            withIndicatorBackground
            title="No devices yet"
            description="Add devices one by one, scan their labels, or import the inventory from a spreadsheet."
            py="xl"
          >
            {newButton && <EmptyState.Actions>{newButton}</EmptyState.Actions>}
          </EmptyState>
        }
      />
    </>
  );
}
