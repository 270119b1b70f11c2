import type { User } from '../../db/schema.ts';
import type { UserOut } from './schema.ts';

export function presentUser(user: User, facilityIds: string[]): UserOut {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    active: user.active,
    allFacilities: user.all_facilities,
    facilityIds: user.all_facilities ? [] : facilityIds,
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    lockedUntil: user.locked_until && user.locked_until > new Date() ? user.locked_until.toISOString() : null,
    createdAt: user.created_at.toISOString(),
    updatedAt: user.updated_at.toISOString(),
    version: user.version,
  };
}
