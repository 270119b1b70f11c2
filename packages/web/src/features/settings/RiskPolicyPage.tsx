import { Alert, Badge, Button, Card, Grid, Group, NumberInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconInfoCircle, IconRestore } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { riskScoreRange, RISK_COMPONENT_KEYS, type RiskComponent } from '@openhtm/domain';
import { isApiError } from '../../app/api/problem';
import { useCan } from '../../app/auth/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DetailSkeleton } from '../../components/DetailSkeleton';
import { ErrorState } from '../../components/ErrorState';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { DEVICE_TYPES_KEY } from '../device-types/api';
import { resetRiskPolicy, RISK_POLICY_KEY, riskPolicyQuery, saveRiskPolicy, type RiskPolicySetting } from './api';
import { draftOf, pathOfPointer, policyOf, problemsOf, type PolicyDraft } from './policy-draft';
import { PointTableCard } from './PointTableCard';
import { RiskPolicyExamples } from './RiskPolicyExamples';

/** The tenant's Fennigkoh–Smith weights and thresholds, checked by the domain's validateRiskPolicy as they are typed. */
export function RiskPolicyPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const { data: setting, error, isPending, refetch } = useQuery(riskPolicyQuery);
  const [draft, setDraft] = useState<PolicyDraft | null>(null);
  const [resetting, resetModal] = useDisclosure(false);

  useEffect(() => {
    if (setting) setDraft(draftOf(setting.policy));
  }, [setting]);

  const saved = (next: RiskPolicySetting, message: string) => {
    queryClient.setQueryData(RISK_POLICY_KEY, next);
    void queryClient.invalidateQueries({ queryKey: DEVICE_TYPES_KEY });
    void queryClient.invalidateQueries({ queryKey: ['devices'] });
    notifySuccess(message, 'Device types and devices are scored with it from now on.');
  };
  const save = useMutation({
    mutationFn: ({ version, draft: d }: { version: number; draft: PolicyDraft }) => saveRiskPolicy(version, policyOf(d)!),
    onSuccess: (next) => saved(next, 'Risk policy saved'),
  });
  const reset = useMutation({
    mutationFn: resetRiskPolicy,
    onSuccess: (next) => {
      saved(next, 'Default risk policy restored');
      resetModal.close();
    },
  });

  if (isPending || (setting && !draft)) return <DetailSkeleton />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!draft) return null;

  const manage = can('risk.manage');
  const problems = problemsOf(draft);
  // Server field errors (e.g. after another user's change) join the client's, by the same dotted path.
  if (isApiError(save.error)) for (const e of save.error.fieldErrors) problems[pathOfPointer(e.path)] ??= e.message;
  const policy = policyOf(draft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(setting.policy);
  const range = policy ? riskScoreRange(policy.points) : null;
  const update = (change: (d: PolicyDraft) => void) => {
    const next = JSON.parse(JSON.stringify(draft)) as PolicyDraft;
    change(next);
    setDraft(next);
    if (save.error) save.reset();
  };

  return (
    <>
      <PageHeader
        title="Risk policy"
        description="How the equipment management (EM) number is computed: EM = function + physical risk + maintenance requirement + incident history. Devices at or above the inclusion threshold are in the scheduled-maintenance program."
        badges={setting.isDefault ? <Badge variant="light">Default</Badge> : <Badge variant="light" color="grape">Customised</Badge>}
        actions={
          manage && (
            <Button variant="default" leftSection={<IconRestore size={16} />} onClick={resetModal.open} disabled={setting.isDefault}>
              Reset to default
            </Button>
          )
        }
      />
      {!manage && (
        <Alert variant="light" icon={<IconInfoCircle size={18} />} mb="lg">
          You can read the policy; changing it needs the risk management permission.
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (policy) save.mutate({ version: setting.version, draft });
        }}
      >
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <Card>
                <Stack gap="sm">
                  <TextInput label="Policy name" value={draft.name} onChange={(e) => update((d) => void (d.name = e.currentTarget.value))} error={problems.name} readOnly={!manage} />
                  <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
                    <NumberInput
                      label="Inclusion threshold"
                      description="In the scheduled-maintenance program from this EM number"
                      value={draft.inclusionThreshold}
                      onChange={(v) => update((d) => void (d.inclusionThreshold = v))}
                      error={problems.inclusionThreshold}
                      readOnly={!manage}
                      miw={200}
                    />
                    <NumberInput
                      label="High-risk threshold"
                      description="High-risk from this EM number"
                      value={draft.highRiskThreshold}
                      onChange={(v) => update((d) => void (d.highRiskThreshold = v))}
                      error={problems.highRiskThreshold}
                      readOnly={!manage}
                      miw={200}
                    />
                  </Group>
                  {range && (
                    <Text size="xs" c="dimmed">
                      These point tables give EM numbers from {range.min} to {range.max}.
                    </Text>
                  )}
                  <Switch
                    label="Life-support equipment is always high-risk"
                    description="Required by The Joint Commission (EC.02.04.01)"
                    checked={draft.options.lifeSupportForcesHighRisk}
                    onChange={(e) => update((d) => void (d.options.lifeSupportForcesHighRisk = e.currentTarget.checked))}
                    disabled={!manage}
                  />
                  <Switch
                    label="Equipment critical for infection control is always high-risk"
                    checked={draft.options.infectionControlForcesHighRisk}
                    onChange={(e) => update((d) => void (d.options.infectionControlForcesHighRisk = e.currentTarget.checked))}
                    disabled={!manage}
                  />
                </Stack>
              </Card>
              {(Object.keys(RISK_COMPONENT_KEYS) as RiskComponent[]).map((component) => (
                <PointTableCard
                  key={component}
                  component={component}
                  points={draft.points[component]}
                  defaults={setting.defaultPolicy.points[component] as Record<string, number>}
                  errors={problems}
                  readOnly={!manage}
                  onChange={(key, value) => update((d) => void (d.points[component][key] = value))}
                />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg" pos="sticky" top={80}>
              <RiskPolicyExamples policy={policy} saved={setting.policy} />
              {manage && (
                <Card>
                  <Stack gap="sm">
                    {!policy && (
                      <Text size="sm" c="red" role="status">
                        {Object.keys(problems).length === 1 ? 'One value needs fixing' : `${Object.keys(problems).length} values need fixing`} before the policy can be saved.
                      </Text>
                    )}
                    <FormError
                      error={save.error}
                      onReload={() => {
                        save.reset();
                        void refetch();
                      }}
                    />
                    <Group justify="flex-end" gap="sm">
                      <Button variant="default" disabled={!dirty || save.isPending} onClick={() => setDraft(draftOf(setting.policy))}>
                        Discard changes
                      </Button>
                      <Button type="submit" loading={save.isPending} disabled={!dirty || !policy}>
                        Save policy
                      </Button>
                    </Group>
                  </Stack>
                </Card>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
      <ConfirmModal
        opened={resetting}
        onClose={resetModal.close}
        onConfirm={() => reset.mutate(setting.version)}
        title="Return to the default policy?"
        confirmLabel="Reset to default"
        mutation={reset}
      >
        <Text size="sm">
          The Fennigkoh–Smith default weights and a threshold of {setting.defaultPolicy.inclusionThreshold} replace this organisation’s policy. Device types and
          devices are scored with it from then on.
        </Text>
      </ConfirmModal>
    </>
  );
}
