import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/problem';

/** Retries network hiccups and server errors, never a refusal (4xx): asking again will not change the answer. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) => (isApiError(error) && error.status < 500 ? false : failureCount < 2),
      },
      mutations: { retry: false },
    },
  });
}
