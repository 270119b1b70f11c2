import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { ErrorState } from '../../components/ErrorState';
import { useSessionQuery } from './session';

/** The signed-in area: visitors without a session are sent to the login page, which brings them back afterwards. */
export function RequireSession() {
  const location = useLocation();
  const { data: session, isPending, error, refetch } = useSessionQuery();
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading your session" />
      </Center>
    );
  }
  if (error) {
    return (
      <Center h="100vh" p="md">
        <ErrorState error={error} onRetry={() => void refetch()} title="OpenHTM cannot reach the server" />
      </Center>
    );
  }
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
