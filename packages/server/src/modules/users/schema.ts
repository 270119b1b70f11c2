import { Type, type Static } from 'typebox';
import { ROLES, type Role } from '@openhtm/domain';
import { PageQuery } from '../../http/pagination.ts';

export const RoleSchema = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES], description: 'Role of the user' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
const Uuid = Type.String({ format: 'uuid' });

export const UserOut = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    active: Type.Boolean(),
    allFacilities: Type.Boolean(),
    facilityIds: Type.Array(Uuid, { description: 'Facilities the user is limited to; empty when allFacilities' }),
    lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { $id: 'User' },
);
export type UserOut = Static<typeof UserOut>;

export const UserListQuery = Type.Evaluate(Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of the name or e-mail address' })),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
  }),
]));
export type UserListQuery = Static<typeof UserListQuery>;

export const UserCreate = Type.Object(
  {
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
    password: Type.String({ minLength: 10, maxLength: 200 }),
    allFacilities: Type.Optional(Type.Boolean({ default: true })),
    facilityIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserUpdate = Type.Object(
  {
    email: Type.Optional(Email),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    active: Type.Optional(Type.Boolean()),
    allFacilities: Type.Optional(Type.Boolean()),
    facilityIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserUpdate = Static<typeof UserUpdate>;

export const PasswordReset = Type.Object(
  { password: Type.String({ minLength: 10, maxLength: 200 }) },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Uuid });
