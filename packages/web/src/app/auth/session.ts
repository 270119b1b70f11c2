import { useQuery, type QueryClient } from '@tanstack/react-query';
import { may, type Action, type Role } from '@openhtm/domain';
import { api, configureApiClient, setCsrfToken } from '../api/client';
import { isApiError } from '../api/problem';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  active: boolean;
  allFacilities: boolean;
  facilityIds: string[];
  lastLoginAt: string | null;
  version: number;
}

export interface Session {
  user: SessionUser;
  tenant: { id: string; slug: string; name: string };
  csrfToken: string;
  permissions: string[];
}

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api<Session>('/v1/auth/session', { quietUnauthenticated: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function signIn(queryClient: QueryClient, email: string, password: string): Promise<Session> {
  const session = await api<Session>('/v1/auth/login', { method: 'POST', body: { email, password }, quietUnauthenticated: true });
  setCsrfToken(session.csrfToken);
  // Whatever a previous, expired session left in the cache belongs to someone else.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
  return session;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api<void>('/v1/auth/logout', { method: 'POST', quietUnauthenticated: true });
  } finally {
    setCsrfToken(null);
    queryClient.setQueryData(SESSION_KEY, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  }
}

/** Wires the API client to the session cache: a fresh CSRF token on demand, sign-out when the server says 401. */
export function connectApiClient(queryClient: QueryClient): void {
  configureApiClient({
    refreshCsrf: async () => {
      const session = await fetchSession();
      queryClient.setQueryData(SESSION_KEY, session);
      return session?.csrfToken ?? null;
    },
    onUnauthenticated: () => {
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in session; only for components rendered inside the signed-in area. */
export function useSession(): Session {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useSession() used outside the signed-in area');
  return data;
}

/**
 * What the signed-in user may do. The server's permission list is the authority; `may` adds the facility
 * scope when the check concerns one facility's record.
 */
export function useCan(): (action: Action, resource?: { facilityId?: string | null }) => boolean {
  const { user, permissions } = useSession();
  const actor = { role: user.role, facilityIds: user.allFacilities ? null : user.facilityIds };
  return (action, resource) => permissions.includes(action) && may(actor, action, resource);
}
