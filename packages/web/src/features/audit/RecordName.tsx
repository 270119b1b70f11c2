import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api/client';

/** Where the record a reference field points at is read. */
const PATHS: Record<string, string> = {
  device_id: '/v1/devices',
  facility_id: '/v1/facilities',
  building_id: '/v1/buildings',
  floor_id: '/v1/floors',
  department_id: '/v1/departments',
  room_id: '/v1/rooms',
  manufacturer_id: '/v1/manufacturers',
  device_type_id: '/v1/device-types',
  model_id: '/v1/models',
  vendor_id: '/v1/vendors',
};

/** Whether a changed field holds the id of another record that `RecordName` can name. */
export const isReferenceField = (field: string) => field in PATHS;

interface Named {
  name?: string | null;
  modelNumber?: string;
  assetTag?: string;
}

/** A device is named by its asset tag, a model by its number and, where it differs, its name; every other record by its name. */
function nameOf(record: Named): string {
  if (record.assetTag) return record.assetTag;
  if (record.modelNumber) return record.name && record.name !== record.modelNumber ? `${record.modelNumber} — ${record.name}` : record.modelNumber;
  return record.name ?? '';
}

/**
 * The name of the record that a reference field of an audited change points at ("Baxter", "Cardiac ICU"),
 * read from the API; a record that is gone or out of the user's reach is said to be so, never shown as its id.
 */
export function RecordName({ field, id }: { field: string; id: string }) {
  const path = PATHS[field];
  const query = useQuery({
    queryKey: ['record-name', field, id],
    queryFn: ({ signal }) => api<Named>(`${path}/${id}`, { signal }).then(nameOf),
    enabled: path !== undefined,
    staleTime: 5 * 60_000,
  });
  if (query.data) return <>{query.data}</>;
  if (path && query.isPending) return <Skeleton height={10} width={90} display="inline-block" aria-label="Loading the name" />;
  return (
    <Text span size="sm" c="dimmed" fs="italic" title={id}>
      not available
    </Text>
  );
}
