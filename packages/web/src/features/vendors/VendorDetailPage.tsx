import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { DeleteRecordButton } from '../../components/detail/DeleteRecordButton';
import { HistoryCard, RecordCard, SectionCard } from '../../components/detail/DetailCards';
import { DetailPage } from '../../components/detail/DetailPage';
import { RecordLoader } from '../../components/detail/RecordLoader';
import { changedFields, saveFormProps, useSaveRecord } from '../../components/detail/record-save';
import { Field } from '../../components/Field';
import { RecordHistory } from '../audit/RecordHistory';
import { NotFoundState } from '../errors/NotFoundPage';
import { deleteVendor, updateVendor, vendorQuery, VENDORS_KEY, type VendorDetail, type VendorInput } from './api';
import { ContactsCard } from './ContactsCard';
import { VendorForm } from './VendorForm';

const BREADCRUMBS = [{ label: 'Vendors', to: '/vendors' }];

export function VendorDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const query = useQuery(vendorQuery(id));
  const save = useSaveRecord({
    update: (current: VendorDetail, values: VendorInput) => updateVendor(current, changedFields<VendorInput>(current, values)),
    recordKey: (saved) => vendorQuery(saved.id).queryKey,
    listKey: VENDORS_KEY,
    notice: (saved) => ['Vendor saved', `${saved.name} is up to date.`],
  });
  const manage = can('reference.manage');
  const notFound = <NotFoundState title="This vendor does not exist" description="The link may be wrong, or the vendor was deleted." backTo="/vendors" backLabel="All vendors" />;

  return (
    <RecordLoader query={query} notFound={notFound}>
      {(vendor) => (
        <DetailPage
          breadcrumbs={BREADCRUMBS}
          title={vendor.name}
          description={vendor.accountNumber ? `Account ${vendor.accountNumber}` : undefined}
          actions={
            manage && (
              <DeleteRecordButton record={vendor} noun="vendor" remove={deleteVendor} list={{ queryKey: VENDORS_KEY, path: '/vendors' }}>
                {vendor.name} and its {vendor.contacts.length} contacts will be removed. A vendor that devices name cannot be deleted.
              </DeleteRecordButton>
            )
          }
          main={
            <SectionCard title="Vendor">
              <VendorForm vendor={vendor} readOnly={!manage} {...saveFormProps(save, vendor, () => void query.refetch())} />
            </SectionCard>
          }
          aside={
            <RecordCard record={vendor}>
              <Field label="Contacts" value={vendor.contacts.length} />
            </RecordCard>
          }
        >
          <ContactsCard vendor={vendor} manage={manage} />
          <HistoryCard of="this vendor">
            <RecordHistory entity="vendor" entityId={vendor.id} />
          </HistoryCard>
        </DetailPage>
      )}
    </RecordLoader>
  );
}
