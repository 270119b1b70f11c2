import { ActionIcon, Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPencil, IconPhone, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { VendorContact, VendorDetail } from './api';
import { ContactModal } from './ContactModal';

/** The people to call at a vendor. */
export function ContactsCard({ vendor, manage }: { vendor: VendorDetail; manage: boolean }) {
  const [editing, setEditing] = useState<{ contact: VendorContact | null } | null>(null);
  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          Contacts
        </Title>
        {manage && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditing({ contact: null })}>
            Add contact
          </Button>
        )}
      </Group>
      {vendor.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contacts yet. Add the service engineer and account manager to call.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {vendor.contacts.map((contact) => (
            <Paper key={contact.id} withBorder p="md" radius="md">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {contact.name}
                  </Text>
                  {contact.role && (
                    <Text size="xs" c="dimmed">
                      {contact.role}
                    </Text>
                  )}
                </Stack>
                {manage && (
                  <ActionIcon variant="subtle" color="gray" aria-label={`Change ${contact.name}`} onClick={() => setEditing({ contact })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                )}
              </Group>
              <Stack gap={4} mt="sm">
                {contact.phone && (
                  <Anchor href={`tel:${contact.phone.replace(/\s/g, '')}`} size="sm">
                    <IconPhone size={14} style={{ verticalAlign: 'middle', marginRight: 6 }} />
                    {contact.phone}
                  </Anchor>
                )}
                {contact.email && (
                  <Anchor href={`mailto:${contact.email}`} size="sm" style={{ wordBreak: 'break-all' }}>
                    <IconMail size={14} style={{ verticalAlign: 'middle', marginRight: 6 }} />
                    {contact.email}
                  </Anchor>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {manage && <ContactModal vendorId={vendor.id} contact={editing?.contact ?? null} opened={editing !== null} onClose={() => setEditing(null)} />}
    </Card>
  );
}
