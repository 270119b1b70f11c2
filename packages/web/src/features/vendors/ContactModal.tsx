import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormError } from '../../components/FormError';
import { notifySuccess } from '../../components/notify';
import { applyServerErrors } from '../../components/server-errors';
import { createContact, deleteContact, updateContact, VENDORS_KEY, type ContactInput, type VendorContact } from './api';
import { maxLength, orNull, validateOptionalEmail, validatePhone, validateRequiredName } from './validation';

type Values = Record<keyof ContactInput, string>;

interface ContactModalProps {
  vendorId: string;
  /** The contact to change, or null to add one. */
  contact: VendorContact | null;
  opened: boolean;
  onClose: () => void;
}

/** Adds, changes or removes a person to call at a vendor. */
export function ContactModal(props: ContactModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={<Text fw={600}>{props.contact ? 'Change the contact' : 'Add a contact'}</Text>} size="lg">
      {props.opened && <ContactForm key={props.contact ? `${props.contact.id}:${props.contact.version}` : 'new'} {...props} />}
    </Modal>
  );
}

function ContactForm({ vendorId, contact, onClose }: ContactModalProps) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: contact?.name ?? '', role: contact?.role ?? '', phone: contact?.phone ?? '', email: contact?.email ?? '' },
    validateInputOnChange: true,
    validate: { name: validateRequiredName('contact'), role: maxLength(100), phone: validatePhone, email: validateOptionalEmail },
  });
  const done = (title: string, detail?: string) => {
    void queryClient.invalidateQueries({ queryKey: VENDORS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    notifySuccess(title, detail);
    onClose();
  };
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: ContactInput = { name: values.name.trim(), role: orNull(values.role), phone: orNull(values.phone), email: orNull(values.email) };
      return contact ? updateContact(contact, body) : createContact(vendorId, body);
    },
    onSuccess: (saved) => done(contact ? 'Contact saved' : 'Contact added', saved.name),
    onError: (error) => applyServerErrors(form, error),
  });
  const remove = useMutation({ mutationFn: () => deleteContact(contact!), onSuccess: () => done('Contact removed', contact?.name) });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Name" placeholder="Sam Ortiz" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Role" placeholder="Field service engineer" {...form.getInputProps('role')} />
          <TextInput label="Phone" type="tel" placeholder="+1 555 0100" {...form.getInputProps('phone')} />
          <TextInput label="E-mail address" type="email" placeholder="sam.ortiz@vendor.com" {...form.getInputProps('email')} />
        </SimpleGrid>
        <FormError error={save.error ?? remove.error} onReload={onClose} />
        <Group justify="space-between">
          {contact ? (
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending} disabled={save.isPending}>
              Remove contact
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {contact ? 'Save' : 'Add contact'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
