import { ROLE_LABELS, ROLES } from '@openhtm/domain';

/** The roles as Select options, in the order of DOMAIN.md §1. */
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
