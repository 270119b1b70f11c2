import { Center, EmptyState, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

interface PageStateProps {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  color?: MantineColor;
  actions?: ReactNode;
}

/** A whole page that is a message (not found, not allowed, crashed); its title is the page's heading. */
export function PageState({ icon, title, description, color, actions }: PageStateProps) {
  return (
    <Center mih="60vh" p="md">
      <EmptyState variant="light" color={color} size="lg" maw={560}>
        <EmptyState.Indicator>{icon}</EmptyState.Indicator>
        <EmptyState.Title order={1}>{title}</EmptyState.Title>
        <EmptyState.Description>{description}</EmptyState.Description>
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Center>
  );
}
