import { Box, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { LogoMark } from '../../app/shell/LogoMark';

const POINTS = [
  'Every medical device, from acquisition to disposal',
  'Scheduled maintenance and compliance you can show a surveyor',
  'Recalls and cybersecurity, triaged with clinical engineering',
];

/** The left half of the sign-in page on wide screens. */
export function BrandPanel() {
  return (
    <Box
      visibleFrom="md"
      p={48}
      style={{
        flex: '0 0 44%',
        maxWidth: 620,
        color: 'white',
        background: 'linear-gradient(155deg, var(--mantine-color-brand-8) 0%, var(--mantine-color-brand-9) 55%, #022c36 100%)',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
      }}
    >
      <Group gap="sm">
        <LogoMark size={40} inverted />
        <Text fw={700} size="xl">
          OpenHTM
        </Text>
      </Group>
      <Stack gap="xl" maw={440}>
        <Title order={2} fz={32} lh={1.2} c="white">
          Healthcare technology management for clinical engineering teams
        </Title>
        <List spacing="sm" icon={<ThemeIcon size={22} radius="xl" color="white" variant="white"><IconCheck size={14} color="var(--mantine-color-brand-8)" /></ThemeIcon>}>
          {POINTS.map((point) => (
            <List.Item key={point}>
              <Text c="rgba(255,255,255,0.9)">{point}</Text>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Text size="xs" c="rgba(255,255,255,0.65)">
        Open source · Apache-2.0
      </Text>
    </Box>
  );
}
