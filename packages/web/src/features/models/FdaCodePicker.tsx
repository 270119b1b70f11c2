import { Group, Stack, Text } from '@mantine/core';
import { RemoteSelect } from '../../components/RemoteSelect';
import { FDA_KEY, searchFdaProductCodes, type FdaClassification } from './api';
import { FdaFlags } from './ModelBits';

interface FdaCodePickerProps {
  value: string | null;
  /** The classification of the saved code, so that it reads well before any search. */
  current: FdaClassification | null;
  onChange: (code: string | null, classification: FdaClassification | null) => void;
  error?: string;
  readOnly?: boolean;
}

const optionOf = (item: FdaClassification) => ({ value: item.productCode, label: `${item.productCode} — ${item.deviceName}` });

function FdaOption({ item }: { item: FdaClassification }) {
  return (
    <Stack gap={2} py={2}>
      <Group gap={8} wrap="nowrap">
        <Text size="sm" fw={700} className="mono">
          {item.productCode}
        </Text>
        <Text size="sm" lineClamp={1}>
          {item.deviceName}
        </Text>
      </Group>
      <FdaFlags classification={item} />
    </Stack>
  );
}

/**
 * The FDA product code of a model, searched by code or device name in the FDA classification the server
 * imported; the code gives the device class and the implant and life-sustaining flags.
 */
export function FdaCodePicker({ value, current, onChange, error, readOnly }: FdaCodePickerProps) {
  return (
    <Stack gap={6}>
      <RemoteSelect<FdaClassification>
        label="FDA product code"
        description="Gives the device class and whether devices are implants or life-sustaining"
        placeholder="Search code or name, e.g. FRN or infusion pump"
        value={value}
        valueLabel={current?.productCode === value ? optionOf(current).label : (value ?? undefined)}
        onChange={onChange}
        queryKey={FDA_KEY}
        search={searchFdaProductCodes}
        toOption={optionOf}
        renderItem={(item) => <FdaOption item={item} />}
        nothingFound="No product code matches. The FDA classification file is imported with: npx htm import fda-classification FILE"
        error={error}
        readOnly={readOnly}
        clearable={!readOnly}
        maxDropdownHeight={320}
      />
      {current && value === current.productCode && <FdaFlags classification={current} withName />}
    </Stack>
  );
}
