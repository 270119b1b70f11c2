import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label/value pair of a DataList. */
export function Field({ label, value }: { label: ReactNode; value: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}
