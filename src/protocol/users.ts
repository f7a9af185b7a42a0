import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, Role } from './auth.ts';

/** The fields of an account a refusal can name (`issues[].path`, AccountError's field). */
export const USER_FIELDS = ['username', 'name', 'role', 'receptionCentre', 'password'] as const;
export type UserField = (typeof USER_FIELDS)[number];

/** One account as the administrator's users screen lists it: never a password hash. */
export const UserSummary = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: Role,
  /** Only a `mottak` user has one: the centre whose weekly list it reads. */
  receptionCentre: z.string().nullable(),
  /** The password was set by an administrator: the user chooses a new one at the next sign-in. */
  mustChangePassword: z.boolean(),
  /** Too many wrong passwords: sign-in is refused for a while (an administrator may clear it). */
  lockedOut: z.boolean(),
  deactivated: z.boolean(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserList = z.array(UserSummary);

const Name = z.string().trim().min(1).max(200);
const Centre = z.string().trim().min(1).max(200);

/** POST /api/users: a new account, which must choose its own password at the first sign-in. */
export const NewUserRequest = z.strictObject({
  username: z.string().trim().min(2).max(100),
  name: Name.optional(),
  role: Role,
  /** Required for `mottak`, refused for every other role. */
  receptionCentre: Centre.optional(),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
});
export type NewUserRequest = z.infer<typeof NewUserRequest>;

export const NewUserResponse = z.object({ id: z.uuid() });

/**
 * PATCH /api/users/:id: what to change, at least one thing. `receptionCentre: null` clears it (a role
 * other than `mottak` clears it by itself). `resetPassword` sets a new temporary password, answered
 * once; the user must change it at the next sign-in.
 */
export const UserUpdate = z
  .strictObject({
    name: Name.optional(),
    role: Role.optional(),
    receptionCentre: Centre.nullable().optional(),
    resetPassword: z.literal(true).optional(),
    clearLockout: z.literal(true).optional(),
    deactivated: z.boolean().optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: 'Nothing to change.' });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserUpdateResponse = z.object({
  user: UserSummary,
  /** Only after resetPassword: shown to the administrator once, never stored in clear. */
  temporaryPassword: z.string().optional(),
});
export type UserUpdateResponse = z.infer<typeof UserUpdateResponse>;
