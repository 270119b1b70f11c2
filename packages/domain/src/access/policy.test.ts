import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles.ts';
import { may, PERMISSIONS, type Action } from './policy.ts';

describe('may', () => {
  it('lets the auditor read everything and change nothing', () => {
    const auditor = { role: 'auditor' as const, facilityIds: null };
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      expect(may(auditor, action), action).toBe(action.endsWith('.read'));
    }
  });

  it('keeps user management to admins', () => {
    for (const role of ROLES) {
      expect(may({ role, facilityIds: null }, 'user.manage')).toBe(role === 'admin');
    }
  });

  it('confines a facility-scoped user to their facilities', () => {
    const manager = { role: 'htm_manager' as const, facilityIds: ['f1'] };
    expect(may(manager, 'facility.manage', { facilityId: 'f1' })).toBe(true);
    expect(may(manager, 'facility.manage', { facilityId: 'f2' })).toBe(false);
    expect(may({ ...manager, facilityIds: null }, 'facility.manage', { facilityId: 'f2' })).toBe(true);
  });
});
