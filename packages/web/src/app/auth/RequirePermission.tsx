import type { ReactNode } from 'react';
import type { Action } from '@openhtm/domain';
import { ForbiddenPage } from '../../features/errors/ForbiddenPage';
import { useCan } from './session';

/** Renders a page only for users whose role may perform `action`; others see why not. */
export function RequirePermission({ action, children }: { action: Action; children: ReactNode }) {
  const can = useCan();
  return can(action) ? children : <ForbiddenPage />;
}
