import { Card, DataList, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useCan } from '../../app/auth/session';
import { DateTime } from '../DateTime';
import { Field } from '../Field';

/** A titled card of a record's page. */
export function SectionCard({ title, description, children }: { title: ReactNode; description?: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <Title order={2} size="h4" mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}

interface RecordCardProps {
  record: { createdAt: string; updatedAt: string };
  title?: string;
  /** `horizontal` for a full-width card: labels beside their values. */
  orientation?: 'vertical' | 'horizontal';
  /** Facts of this kind of record, listed before when it was added and last changed. */
  children?: ReactNode;
}

/** Facts about a record and when it was added and last changed. */
export function RecordCard({ record, title = 'Record', orientation = 'vertical', children }: RecordCardProps) {
  const layout = orientation === 'vertical' ? ({ orientation, gap: 'md' } as const) : ({ orientation, labelWidth: 140 } as const);
  return (
    <SectionCard title={title}>
      <DataList {...layout}>
        {children}
        <Field label="Added" value={<DateTime value={record.createdAt} />} />
        <Field label="Last changed" value={<DateTime value={record.updatedAt} relative />} />
      </DataList>
    </SectionCard>
  );
}

/** A record's audit trail (`RecordHistory`), for users who may read it; `of` names the record, e.g. "this model". */
export function HistoryCard({ of, children }: { of: string; children: ReactNode }) {
  const can = useCan();
  if (!can('audit.read')) return null;
  return (
    <SectionCard title="History" description={`Changes to ${of}, newest first.`}>
      {children}
    </SectionCard>
  );
}
