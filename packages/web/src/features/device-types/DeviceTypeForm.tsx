import { Box, Button, Grid, Group, Select, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import type { RiskComponent, RiskPolicy } from '@openhtm/domain';
import { FormError } from '../../components/FormError';
import { applyServerErrors } from '../../components/server-errors';
import { AEM_EXCLUSION_LABELS, AEM_EXCLUSIONS, NOMENCLATURE_LABELS, NOMENCLATURE_SYSTEMS, type AemExclusion, type DeviceTypeInput } from './api';
import { RiskInputsFields } from './RiskInputsFields';
import { RiskPreview } from './RiskPreview';

interface Values extends Omit<DeviceTypeInput, 'aemExclusion' | 'nomenclatureCode'> {
  nomenclatureCode: string;
  aemExclusion: AemExclusion | '';
}

export const NEW_DEVICE_TYPE: DeviceTypeInput = {
  name: '',
  nomenclatureSystem: 'local',
  nomenclatureCode: null,
  riskInputs: { function: 'patient_related_other', physicalRisk: 'none', maintenanceRequirement: 'average', incidentHistory: 'average' },
  lifeSupport: false,
  aemExclusion: null,
};

const valuesOf = (input: DeviceTypeInput): Values => ({ ...input, nomenclatureCode: input.nomenclatureCode ?? '', aemExclusion: input.aemExclusion ?? '' });
const inputOf = (values: Values): DeviceTypeInput => ({
  ...values,
  name: values.name.trim(),
  nomenclatureCode: values.nomenclatureCode.trim() || null,
  aemExclusion: values.aemExclusion || null,
});

interface DeviceTypeFormProps {
  initial: DeviceTypeInput;
  /** Changes when the record does (its version), to start again from what was saved. */
  revision?: number;
  policy: RiskPolicy;
  savedScore?: number;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: DeviceTypeInput) => void;
  onCancel?: () => void;
  onReload?: () => void;
  readOnly?: boolean;
}

/** Name, nomenclature, default risk inputs with a live EM number, life support and AEM exclusion of a device type. */
export function DeviceTypeForm({ initial, revision, policy, savedScore, submitLabel, pending, error, onSubmit, onCancel, onReload, readOnly }: DeviceTypeFormProps) {
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(initial),
    validateInputOnChange: true,
    validate: {
      name: (value) => (!value.trim() ? 'Enter the device type’s name' : value.length > 200 ? 'Use at most 200 characters' : null),
      nomenclatureCode: (value, values) =>
        value.length > 50 ? 'Use at most 50 characters' : values.nomenclatureSystem !== 'local' && !value.trim() ? `Enter the ${values.nomenclatureSystem} code, or choose Local code` : null,
    },
  });

  useEffect(() => {
    form.setInitialValues(valuesOf(initial));
    form.setValues(valuesOf(initial));
    form.resetDirty(valuesOf(initial));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  useEffect(() => applyServerErrors(form, error), [error]); // eslint-disable-line react-hooks/exhaustive-deps

  const values = form.values;
  const setRisk = (component: RiskComponent, value: string) => form.setFieldValue('riskInputs', { ...values.riskInputs, [component]: value });

  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(inputOf(v)))} noValidate>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <TextInput label="Name" placeholder="Infusion pump, large-volume" withAsterisk readOnly={readOnly} data-autofocus {...form.getInputProps('name')} />
            <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
              <Select
                label="Nomenclature"
                data={NOMENCLATURE_SYSTEMS.map((system) => ({ value: system, label: NOMENCLATURE_LABELS[system] }))}
                allowDeselect={false}
                readOnly={readOnly}
                miw={180}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('nomenclatureSystem')}
              />
              <TextInput
                label="Code"
                placeholder={values.nomenclatureSystem === 'UMDNS' ? '13215' : values.nomenclatureSystem === 'GMDN' ? '35136' : 'Optional'}
                description="UMDNS and GMDN are licensed: enter your own code"
                readOnly={readOnly}
                miw={180}
                {...form.getInputProps('nomenclatureCode')}
              />
            </Group>
            <Title order={3} size="h5" mt="xs">
              Default risk inputs
            </Title>
            <RiskInputsFields value={values.riskInputs} onChange={setRisk} policy={policy} readOnly={readOnly} />
            <Switch
              label="Life-support equipment"
              description="High-risk whatever its score (TJC EC.02.04.01)"
              disabled={readOnly}
              {...form.getInputProps('lifeSupport', { type: 'checkbox' })}
            />
            <Select
              label="AEM exclusion"
              description="Devices of this type must be maintained as the manufacturer says, never under an alternate (AEM) program"
              placeholder="None: AEM may be used"
              data={AEM_EXCLUSIONS.map((value) => ({ value, label: AEM_EXCLUSION_LABELS[value] }))}
              clearable={!readOnly}
              readOnly={readOnly}
              comboboxProps={{ withinPortal: true }}
              value={values.aemExclusion || null}
              onChange={(next) => form.setFieldValue('aemExclusion', (next ?? '') as AemExclusion | '')}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Box pos="sticky" top={80}>
            <RiskPreview inputs={values.riskInputs} lifeSupport={values.lifeSupport} policy={policy} savedScore={savedScore} />
          </Box>
        </Grid.Col>
        {!readOnly && (
          <Grid.Col span={12}>
            <Stack>
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
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </form>
  );
}
