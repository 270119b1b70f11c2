import { Button, Card, DataList, Grid, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../app/api/problem';
import { useCan } from '../../app/auth/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { DateTime } from '../../components/DateTime';
import { DetailSkeleton } from '../../components/DetailSkeleton';
import { ErrorState } from '../../components/ErrorState';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { deleteVendor, updateVendor, vendorQuery, VENDORS_KEY, type VendorDetail, type VendorInput } from './api';
import { ContactsCard } from './ContactsCard';
import { VendorForm } from './VendorForm';

const BREADCRUMBS = [{ label: 'Vendors', to: '/vendors' }];

function changesOf(vendor: VendorDetail, values: VendorInput): Partial<VendorInput> {
  const changes: Partial<VendorInput> = {};
  for (const key of Object.keys(values) as Array<keyof VendorInput>) if (values[key] !== vendor[key]) Object.assign(changes, { [key]: values[key] });
  return changes;
}

export function VendorDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, deleteModal] = useDisclosure(false);
  const { data: vendor, error, isPending, refetch } = useQuery(vendorQuery(id));

  const save = useMutation({
    mutationFn: ({ current, values }: { current: VendorDetail; values: VendorInput }) => updateVendor(current, changesOf(current, values)),
    onSuccess: (saved) => {
      // The answer to a change has no contacts: keep the ones on screen, then read them again.
      queryClient.setQueryData(vendorQuery(saved.id).queryKey, (current) => (current ? { ...current, ...saved } : current));
      void queryClient.invalidateQueries({ queryKey: VENDORS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      notifySuccess('Vendor saved', `${saved.name} is up to date.`);
    },
  });
  const remove = useMutation({
    mutationFn: deleteVendor,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: VENDORS_KEY });
      notifySuccess('Vendor deleted');
      navigate('/vendors');
    },
  });

  if (isPending) return <DetailSkeleton />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) {
      return <NotFoundState title="This vendor does not exist" description="The link may be wrong, or the vendor was deleted." backTo="/vendors" backLabel="All vendors" />;
    }
    return <ErrorState error={error} onRetry={() => void refetch()} />;
  }
  const manage = can('reference.manage');

  return (
    <>
      <PageHeader
        breadcrumbs={BREADCRUMBS}
        title={vendor.name}
        description={vendor.accountNumber ? `Account ${vendor.accountNumber}` : undefined}
        actions={
          manage && (
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={deleteModal.open}>
              Delete
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Vendor
            </Title>
            <VendorForm
              vendor={vendor}
              submitLabel="Save changes"
              pending={save.isPending}
              error={save.error}
              readOnly={!manage}
              onSubmit={(values) => save.mutate({ current: vendor, values })}
              onReload={() => {
                save.reset();
                void refetch();
              }}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card>
            <Title order={2} size="h4" mb="md">
              Record
            </Title>
            <DataList orientation="vertical" gap="md">
              <Field label="Contacts" value={vendor.contacts.length} />
              <Field label="Added" value={<DateTime value={vendor.createdAt} />} />
              <Field label="Last changed" value={<DateTime value={vendor.updatedAt} relative />} />
            </DataList>
          </Card>
        </Grid.Col>
        <Grid.Col span={12}>
          <ContactsCard vendor={vendor} manage={manage} />
        </Grid.Col>
        {can('audit.read') && (
          <Grid.Col span={12}>
            <Card>
              <Title order={2} size="h4" mb={4}>
                History
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                Changes to this vendor, newest first.
              </Text>
              <RecordHistory entity="vendor" entityId={vendor.id} />
            </Card>
          </Grid.Col>
        )}
      </Grid>
      <ConfirmModal
        opened={deleting}
        onClose={() => {
          remove.reset();
          deleteModal.close();
        }}
        onConfirm={() => remove.mutate(vendor)}
        title="Delete this vendor?"
        confirmLabel="Delete vendor"
        danger
        pending={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">{vendor.name} and its {vendor.contacts.length} contacts will be removed. A vendor that devices name cannot be deleted.</Text>
      </ConfirmModal>
    </>
  );
}
