import { Alert, Box, Button, Center, Group, Loader, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLogin2 } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { fieldErrorsOf, messageOf } from '../../app/api/problem';
import { signIn, useSessionQuery } from '../../app/auth/session';
import { LogoMark } from '../../app/shell/LogoMark';
import { validateEmail } from '../users/validation';
import { BrandPanel } from './BrandPanel';

/** Only paths inside the app, so that a crafted link cannot send someone elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validateInputOnChange: true,
    validate: {
      email: validateEmail,
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const mutation = useMutation({
    mutationFn: (values: { email: string; password: string }) => signIn(queryClient, values.email.trim(), values.password),
    onSuccess: () => navigate(next, { replace: true }),
    onError: (error) => {
      const fields = fieldErrorsOf(error);
      const known = Object.fromEntries(Object.entries(fields).filter(([field]) => field === 'email' || field === 'password'));
      if (Object.keys(known).length) form.setErrors(known);
      form.setFieldValue('password', '');
    },
  });

  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (session.data) return <Navigate to={next} replace />;

  return (
    <Box style={{ display: 'flex', minHeight: '100vh' }}>
      <BrandPanel />
      <Center style={{ flex: 1 }} p={{ base: 'md', sm: 'xl' }} bg="var(--mantine-color-body)">
        <Stack w="100%" maw={400} gap="lg">
          <Group gap="sm" hiddenFrom="md">
            <LogoMark size={36} />
            <Text fw={700} size="xl">
              OpenHTM
            </Text>
          </Group>
          <div>
            <Title order={1} fz={26}>
              Sign in
            </Title>
            <Text c="dimmed" size="sm" mt={4}>
              Use the e-mail address your organisation registered for you.
            </Text>
          </div>
          <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" shadow="xs">
            <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
              <Stack>
                {mutation.error && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" title="Sign-in failed">
                    {messageOf(mutation.error)}
                  </Alert>
                )}
                <TextInput label="E-mail address" type="email" autoComplete="username" placeholder="you@hospital.org" autoFocus {...form.getInputProps('email')} />
                <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
                <Button type="submit" fullWidth loading={mutation.isPending} leftSection={<IconLogin2 size={18} />} mt="xs">
                  Sign in
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            Forgot your password? Your OpenHTM administrator can reset it.
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
