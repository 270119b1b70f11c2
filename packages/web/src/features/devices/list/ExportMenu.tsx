import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { deviceQueryString, type DeviceListFilters } from '../filters';

/**
 * Downloads the devices of the current filter. Plain links: the browser streams the file from the server,
 * whatever its size, with the session cookie.
 */
export function ExportMenu({ filters }: { filters: DeviceListFilters }) {
  const href = (format: 'csv' | 'xlsx') => `/api/v1/devices/export${deviceQueryString(filters, { format })}`;
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>The devices of this filter</Menu.Label>
        <Menu.Item component="a" href={href('csv')} download leftSection={<IconFileTypeCsv size={16} />}>
          CSV <Text span size="xs" c="dimmed">(any size)</Text>
        </Menu.Item>
        <Menu.Item component="a" href={href('xlsx')} download leftSection={<IconFileSpreadsheet size={16} />}>
          Excel workbook (.xlsx)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
