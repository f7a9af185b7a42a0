import { z } from 'zod';

export const ROLES = ['kartlegger', 'lesebruker', 'admin', 'mottak'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  /** A label for the device list (e.g. the browser), never personal data. */
  deviceLabel: z.string().max(200).optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionUser = z.object({
  id: z.string().uuid(),
  name: z.string(),
  role: Role,
  municipalityId: z.string().uuid(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({
  /** The device token: shown once, stored hashed on the server, revocable. */
  token: z.string(),
  deviceId: z.string().uuid(),
  user: SessionUser,
  /** The password was set by someone else (the first start, an admin): choose a new one now. */
  mustChangePassword: z.boolean(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MIN_PASSWORD_LENGTH = 10;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ChangePasswordResponse = z.object({ changed: z.literal(true) });
export type ChangePasswordResponse = z.infer<typeof ChangePasswordResponse>;
