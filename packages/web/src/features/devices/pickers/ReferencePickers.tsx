import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  allDeviceTypesQuery,
  fetchManufacturer,
  fetchModel,
  fetchVendor,
  modelLabel,
  searchManufacturers,
  searchModels,
  searchVendors,
  type ModelOption,
} from '../reference-api';
import { RemoteSelect, type RemoteOption } from './RemoteSelect';

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
  valueLabel?: string;
};

export const modelOption = (model: ModelOption): RemoteOption => ({
  value: model.id,
  label: modelLabel(model),
  description: [model.manufacturer.name, model.deviceType?.name].filter(Boolean).join(' · '),
});

/** Finds a model by its number or name; each option names its manufacturer and device type. */
export function ModelPicker({ manufacturerId, ...props }: PickerProps & { manufacturerId?: string }) {
  return (
    <RemoteSelect
      queryKey={['reference', 'models', manufacturerId ?? null]}
      search={(text, signal) => searchModels(text, signal, manufacturerId).then((models) => models.map(modelOption))}
      resolve={(id, signal) => fetchModel(id, signal).then(modelOption)}
      emptyHint="No model matches; the catalog is kept under Models"
      {...props}
    />
  );
}

export function ManufacturerPicker(props: PickerProps) {
  return (
    <RemoteSelect
      queryKey={['reference', 'manufacturers']}
      search={(text, signal) => searchManufacturers(text, signal).then((items) => items.map((item) => ({ value: item.id, label: item.name })))}
      resolve={(id, signal) => fetchManufacturer(id, signal).then((item) => ({ value: item.id, label: item.name }))}
      {...props}
    />
  );
}

export function VendorPicker(props: PickerProps) {
  return (
    <RemoteSelect
      queryKey={['reference', 'vendors']}
      search={(text, signal) => searchVendors(text, signal).then((items) => items.map((item) => ({ value: item.id, label: item.name })))}
      resolve={(id, signal) => fetchVendor(id, signal).then((item) => ({ value: item.id, label: item.name }))}
      emptyHint="No vendor matches"
      {...props}
    />
  );
}

/** Device types are few enough to load at once. */
export function DeviceTypePicker({ value, onChange, ...props }: PickerProps) {
  const { data, isPending } = useQuery(allDeviceTypesQuery);
  return (
    <Select
      {...props}
      value={value}
      onChange={onChange}
      data={(data?.items ?? []).map((type) => ({ value: type.id, label: type.name }))}
      searchable
      clearable
      placeholder={isPending ? 'Loading…' : props.placeholder}
      nothingFoundMessage="No device type matches"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
