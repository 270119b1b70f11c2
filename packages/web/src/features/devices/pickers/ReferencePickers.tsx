import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { RemoteSelect, type RemoteOption } from '../../../components/RemoteSelect';
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
  type NamedOption,
} from '../reference-api';

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

const namedOption = (item: NamedOption): RemoteOption => ({ value: item.id, label: item.name });

/** Finds a model by its number or name; each option names its manufacturer and device type. */
export function ModelPicker({ manufacturerId, ...props }: PickerProps & { manufacturerId?: string }) {
  return (
    <RemoteSelect
      queryKey={['reference', 'models', manufacturerId ?? null]}
      search={(text, signal) => searchModels(text, signal, manufacturerId)}
      toOption={modelOption}
      resolve={fetchModel}
      nothingFound="No model matches; the catalog is kept under Models"
      {...props}
    />
  );
}

export function ManufacturerPicker(props: PickerProps) {
  return (
    <RemoteSelect
      queryKey={['reference', 'manufacturers']}
      search={searchManufacturers}
      toOption={namedOption}
      resolve={fetchManufacturer}
      {...props}
    />
  );
}

export function VendorPicker(props: PickerProps) {
  return (
    <RemoteSelect
      queryKey={['reference', 'vendors']}
      search={searchVendors}
      toOption={namedOption}
      resolve={fetchVendor}
      nothingFound="No vendor matches"
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
