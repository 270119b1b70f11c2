import { Button, Group, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { FormError } from '../../components/FormError';
import { RemoteSelect } from '../../components/RemoteSelect';
import { applyServerErrors } from '../../components/server-errors';
import { DEVICE_TYPES_KEY, searchDeviceTypeChoices } from '../device-types/api';
import { MANUFACTURERS_KEY, searchManufacturerChoices } from '../manufacturers/api';
import { validateUrl } from '../manufacturers/validation';
import { ActivitiesEditor, activityErrors } from './ActivitiesEditor';
import type { FdaClassification, Model, ModelInput } from './api';
import { FdaCodePicker } from './FdaCodePicker';

export interface ModelFormValues extends Omit<ModelInput, 'manufacturerId' | 'expectedLifeYears' | 'name' | 'ifuUrl'> {
  manufacturerId: string | null;
  name: string;
  ifuUrl: string;
  expectedLifeYears: number | '';
}

/** What the form starts from: an existing model, or an empty one. */
export function formValuesOf(model: Model | null): ModelFormValues {
  return {
    manufacturerId: model?.manufacturer.id ?? null,
    modelNumber: model?.modelNumber ?? '',
    name: model?.name ?? '',
    deviceTypeId: model?.deviceType?.id ?? null,
    fdaProductCode: model?.fdaProductCode ?? null,
    expectedLifeYears: model?.expectedLifeYears ?? '',
    endOfSupport: model?.endOfSupport ?? null,
    ifuUrl: model?.ifuUrl ?? '',
    defaultActivities: model?.defaultActivities ?? [],
  };
}

export function inputOf(values: ModelFormValues): ModelInput {
  return {
    manufacturerId: values.manufacturerId ?? '',
    modelNumber: values.modelNumber.trim(),
    name: values.name.trim() || null,
    deviceTypeId: values.deviceTypeId,
    fdaProductCode: values.fdaProductCode,
    expectedLifeYears: values.expectedLifeYears === '' ? null : values.expectedLifeYears,
    endOfSupport: values.endOfSupport,
    ifuUrl: values.ifuUrl.trim() || null,
    defaultActivities: values.defaultActivities.map((a) => ({ ...a, activity: a.activity.trim(), procedure: a.procedure?.trim() || undefined })),
  };
}

interface ModelFormProps {
  model: Model | null;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ModelInput) => void;
  onCancel?: () => void;
  onReload?: () => void;
  readOnly?: boolean;
}

/** Manufacturer, model number, type, FDA product code, service life, support end, IFU and default activities of a model. */
export function ModelForm({ model, submitLabel, pending, error, onSubmit, onCancel, onReload, readOnly }: ModelFormProps) {
  const [classification, setClassification] = useState<FdaClassification | null>(model?.fdaClassification ?? null);
  const form = useForm<ModelFormValues>({
    mode: 'controlled',
    initialValues: formValuesOf(model),
    validateInputOnChange: true,
    validate: {
      manufacturerId: (value) => (value ? null : 'Choose the manufacturer'),
      modelNumber: (value) => (!value.trim() ? 'Enter the model number as on the label' : value.length > 200 ? 'Use at most 200 characters' : null),
      name: (value) => (value.length > 300 ? 'Use at most 300 characters' : null),
      expectedLifeYears: (value) => (value !== '' && (value <= 0 || value > 100) ? 'Between 0 and 100 years' : null),
      ifuUrl: (value) => validateUrl(value),
      defaultActivities: (value) => (value.some((a) => Object.keys(activityErrors(a)).length > 0) ? 'Complete or remove the highlighted activities' : null),
    },
  });

  useEffect(() => {
    form.setInitialValues(formValuesOf(model));
    form.setValues(formValuesOf(model));
    form.resetDirty(formValuesOf(model));
    setClassification(model?.fdaClassification ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model?.version, model?.id]);

  useEffect(() => applyServerErrors(form, error), [error]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <form onSubmit={form.onSubmit((values) => onSubmit(inputOf(values)))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <RemoteSelect
            label="Manufacturer"
            placeholder="Search manufacturers"
            withAsterisk
            clearable={false}
            readOnly={readOnly}
            value={form.values.manufacturerId}
            valueLabel={model?.manufacturer.id === form.values.manufacturerId ? model.manufacturer.name : undefined}
            onChange={(id) => form.setFieldValue('manufacturerId', id)}
            queryKey={[...MANUFACTURERS_KEY, 'picker']}
            search={searchManufacturerChoices}
            toOption={(m) => ({ value: m.id, label: m.name })}
            nothingFound="No manufacturer matches; add it under Manufacturers first"
            error={form.errors.manufacturerId}
          />
          <TextInput label="Model number" placeholder="8015" withAsterisk readOnly={readOnly} {...form.getInputProps('modelNumber')} />
          <TextInput label="Name" placeholder="Alaris PC unit" description="The marketing name, if it differs" readOnly={readOnly} {...form.getInputProps('name')} />
          <RemoteSelect
            label="Device type"
            placeholder="Search device types"
            description="Gives devices of this model their default risk"
            readOnly={readOnly}
            clearable={!readOnly}
            value={form.values.deviceTypeId}
            valueLabel={model?.deviceType?.id === form.values.deviceTypeId ? model.deviceType.name : undefined}
            onChange={(id) => form.setFieldValue('deviceTypeId', id)}
            queryKey={[...DEVICE_TYPES_KEY, 'picker']}
            search={searchDeviceTypeChoices}
            toOption={(t) => ({ value: t.id, label: t.name })}
            error={form.errors.deviceTypeId}
          />
        </SimpleGrid>
        <FdaCodePicker
          value={form.values.fdaProductCode}
          current={classification}
          readOnly={readOnly}
          error={form.errors.fdaProductCode as string | undefined}
          onChange={(code, item) => {
            form.setFieldValue('fdaProductCode', code);
            setClassification(item);
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
          <NumberInput label="Expected life" suffix=" years" min={0.5} max={100} decimalScale={1} placeholder="10 years" readOnly={readOnly} {...form.getInputProps('expectedLifeYears')} />
          <DateInput
            label="End of support"
            description="Manufacturer stops parts and service"
            placeholder="Not announced"
            valueFormat="D MMM YYYY"
            clearable
            readOnly={readOnly}
            value={form.values.endOfSupport}
            onChange={(value) => form.setFieldValue('endOfSupport', value)}
            error={form.errors.endOfSupport}
          />
          <TextInput label="Instructions for use" placeholder="https://…" description="Link to the IFU document" readOnly={readOnly} {...form.getInputProps('ifuUrl')} />
        </SimpleGrid>
        <Title order={3} size="h5" mt="xs">
          Default maintenance activities
        </Title>
        <ActivitiesEditor
          value={form.values.defaultActivities}
          onChange={(value) => form.setFieldValue('defaultActivities', value)}
          disabled={readOnly}
          showErrors={form.isTouched('defaultActivities') || form.submitting || Boolean(form.errors.defaultActivities)}
        />
        {!readOnly && (
          <>
            <FormError error={error} onReload={onReload} />
            <Group justify="flex-end" gap="sm">
              {onCancel ? (
                <Button variant="default" onClick={onCancel} disabled={pending}>
                  Cancel
                </Button>
              ) : (
                <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || pending}>
                  Discard changes
                </Button>
              )}
              <Button type="submit" loading={pending} disabled={!onCancel && !form.isDirty()}>
                {submitLabel}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </form>
  );
}
