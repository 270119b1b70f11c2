import { Alert, Button, Card, DataList, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustments, IconInfoCircle, IconShieldCheck, IconTool } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_RISK_POLICY, MAINTENANCE_STRATEGY_LABELS, scoreRisk } from '@openhtm/domain';
import { useCan } from '../../../app/auth/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { notifySuccess } from '../../../components/notify';
import { DEVICES_KEY, type DeviceDetail } from '../api';
import { RiskBreakdown } from './RiskBreakdown';
import { clearRiskOverride, riskPolicyQuery } from './risk-api';
import { RiskInputsModal } from './RiskInputsModal';
import { RiskOverrideModal } from './RiskOverrideModal';
import { StrategyModal } from './StrategyModal';

function RiskCard({ device, manage }: { device: DeviceDetail; manage: boolean }) {
  const queryClient = useQueryClient();
  const policy = useQuery(riskPolicyQuery).data?.policy ?? DEFAULT_RISK_POLICY;
  const [editing, inputsModal] = useDisclosure(false);
  const [overriding, overrideModal] = useDisclosure(false);
  const { risk } = device;
  const calculated = risk.inputs ? scoreRisk(risk.inputs, policy) : null;
  const clear = useMutation({
    mutationFn: () => clearRiskOverride(device),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DEVICES_KEY });
      notifySuccess('Override removed', 'The calculated high-risk flag applies again.');
    },
  });

  return (
    <Card>
      <Title order={2} size="h4" mb="md">
        Risk
      </Title>
      {risk.inputs && calculated ? (
        <RiskBreakdown inputs={risk.inputs} assessment={{ ...calculated, score: risk.score ?? calculated.score, highRisk: risk.highRisk, includedInMaintenanceProgram: risk.includedInMaintenanceProgram }} reasons={risk.reasons} title={risk.policyName} />
      ) : (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
          Not assessed: the model has no device type to take risk inputs from. Set the inputs to score the device.
        </Alert>
      )}
      {risk.override && (
        <Alert mt="md" variant="light" color="orange" title={`Overridden to ${risk.override.highRisk ? 'high risk' : 'not high risk'}`}>
          <Text size="sm">“{risk.override.reason}”</Text>
          <Text size="xs" c="dimmed" mt={4}>
            {risk.override.by} · <DateTime value={risk.override.at} size="xs" c="dimmed" /> · the score says {risk.override.calculatedHighRisk ? 'high risk' : 'not high risk'}
          </Text>
        </Alert>
      )}
      {manage && (
        <Group gap="xs" mt="md">
          <Button variant="default" size="xs" leftSection={<IconAdjustments size={15} />} onClick={inputsModal.open}>
            Set risk inputs
          </Button>
          {risk.inputs && (
            <Button variant="default" size="xs" leftSection={<IconShieldCheck size={15} />} onClick={overrideModal.open}>
              Override high risk
            </Button>
          )}
          {risk.override && (
            <Button variant="subtle" size="xs" color="orange" loading={clear.isPending} onClick={() => clear.mutate()}>
              Remove override
            </Button>
          )}
        </Group>
      )}
      {manage && <RiskInputsModal key={device.version} device={device} policy={policy} opened={editing} onClose={inputsModal.close} />}
      {manage && risk.inputs && <RiskOverrideModal key={device.version} device={device} calculatedHighRisk={risk.override?.calculatedHighRisk ?? risk.highRisk} opened={overriding} onClose={overrideModal.close} />}
    </Card>
  );
}

function StrategyCard({ device, manage }: { device: DeviceDetail; manage: boolean }) {
  const [deciding, strategyModal] = useDisclosure(false);
  const { strategy } = device;
  const eligibility = device.aemEligibility;
  return (
    <Card>
      <Title order={2} size="h4" mb="md">
        Maintenance strategy
      </Title>
      <DataList labelWidth={120} withDivider>
        <Field label="Strategy" value={<Text size="sm" fw={600}>{MAINTENANCE_STRATEGY_LABELS[strategy.strategy]}</Text>} />
        <Field label="Decided by" value={strategy.decidedBy ?? <Text span size="sm" c="dimmed">Not decided yet (default)</Text>} />
        <Field label="Decided" value={<DateTime value={strategy.decidedAt} />} />
        {strategy.reason && <Field label="Basis" value={<Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{strategy.reason}</Text>} />}
      </DataList>
      <Stack gap={4} mt="md" data-testid="aem-eligibility-summary">
        <Text size="sm" fw={500}>
          AEM eligibility
        </Text>
        {eligibility.eligible ? (
          <>
            <Text size="sm" c="teal">
              AEM is allowed: no exclusion applies (CMS S&C 14-07).
            </Text>
            {eligibility.decisionMustState.length > 0 && (
              <Text size="xs" c="dimmed">
                To decide for AEM: {eligibility.decisionMustState.map((reason) => reason.message).join('; ')}.
              </Text>
            )}
          </>
        ) : (
          <>
            <Text size="sm" c="orange">
              AEM is not allowed:
            </Text>
            <List size="sm" spacing={2} c="dimmed">
              {eligibility.reasons.map((reason) => (
                <List.Item key={reason.code}>{reason.message}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
      {manage && (
        <>
          <Group mt="md">
            <Button variant="default" size="xs" leftSection={<IconTool size={15} />} onClick={strategyModal.open}>
              Decide strategy
            </Button>
          </Group>
          <StrategyModal key={device.version} device={device} opened={deciding} onClose={strategyModal.close} />
        </>
      )}
    </Card>
  );
}

/** The device's risk (EM number, high risk, override) and its maintenance strategy with AEM eligibility. */
export function RiskStrategyTab({ device }: { device: DeviceDetail }) {
  const can = useCan();
  const manage = can('risk.manage', { facilityId: device.facility.id });
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <RiskCard device={device} manage={manage} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <StrategyCard device={device} manage={manage} />
      </Grid.Col>
    </Grid>
  );
}
