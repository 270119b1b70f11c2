import { Grid, Stack } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { PageHeader } from '../PageHeader';

interface DetailPageProps extends ComponentProps<typeof PageHeader> {
  /** The record's own card, usually its form; full width unless there is an `aside`. */
  main: ReactNode;
  /** A narrow card beside `main` (facts at a glance); below it on smaller screens. */
  aside?: ReactNode;
  /** The screen size from which `aside` stands beside `main`: `lg` where the form needs the room. */
  splitFrom?: 'md' | 'lg';
  /** Full-width sections below, in order (related records, then the history). */
  children?: ReactNode;
}

/** The frame of a record's page: header, the record's card with an optional aside, then full-width sections. */
export function DetailPage({ main, aside, splitFrom = 'md', children, ...header }: DetailPageProps) {
  return (
    <>
      <PageHeader {...header} />
      <Stack gap="lg">
        {aside ? (
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, [splitFrom]: 8 }}>{main}</Grid.Col>
            <Grid.Col span={{ base: 12, [splitFrom]: 4 }}>{aside}</Grid.Col>
          </Grid>
        ) : (
          main
        )}
        {children}
      </Stack>
    </>
  );
}
