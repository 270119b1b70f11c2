import { Grid, Skeleton, Stack } from '@mantine/core';

/** The shape of a record page while it loads. */
export function DetailSkeleton() {
  return (
    <Stack gap="lg" aria-busy aria-label="Loading">
      <Stack gap={8}>
        <Skeleton height={12} width={80} />
        <Skeleton height={28} width={260} />
        <Skeleton height={12} width={180} />
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Skeleton height={260} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Skeleton height={200} radius="md" />
        </Grid.Col>
      </Grid>
      <Skeleton height={160} radius="md" />
    </Stack>
  );
}
