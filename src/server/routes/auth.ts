import { Hono } from 'hono';
import {
  ChangePasswordRequest,
  type ChangePasswordResponse,
  LoginRequest,
  type LoginResponse,
  type Role,
} from '../../protocol/auth.ts';
import { uuidv7 } from '../../domain/uuidv7.ts';
import type { AppEnv } from '../appEnv.ts';
import { hashToken, newDeviceToken } from '../auth/deviceTokens.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { requireDevice, requireDeviceEvenIfWiping } from '../auth/requireDevice.ts';
import { markWiped } from '../devices.ts';
import { audit } from '../audit.ts';
import { ApiError, readJson, RetryLaterError } from '../http.ts';
import { clientAddress } from '../clientAddress.ts';
import type { IpLimiter } from '../auth/ipLimiter.ts';
import { clearFailures, lockedForSeconds, recordFailure } from '../auth/loginLockout.ts';

const lockedError = (seconds: number) =>
  new RetryLaterError('locked', 'Too many wrong passwords for this username: wait before trying again.', seconds);

interface UserRow {
  id: string;
  name: string;
  role: Role;
  municipality_id: string;
  password_hash: string;
  must_change_password: boolean;
  deactivated: boolean;
}

export interface AuthOptions {
  limiter: IpLimiter;
  trustProxy: boolean;
}

export function authRoutes({ limiter, trustProxy }: AuthOptions) {
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await readJson(c, LoginRequest);
      const store = c.var.store;
      const address = clientAddress(c, trustProxy);
      const blocked = limiter.blockedForSeconds(address);
      if (blocked) throw new RetryLaterError('rate_limited', 'Too many wrong sign-ins from this network.', blocked);
      const locked = await lockedForSeconds(store, body.username);
      if (locked) throw lockedError(locked);
      const [user] = await store.query<UserRow>(
        `SELECT id, name, role, municipality_id, password_hash, must_change_password, deactivated_at IS NOT NULL AS deactivated
           FROM users WHERE lower(username) = lower($1)`,
        [body.username],
      );
      const ok = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), body.password);
      if (!user || !ok) {
        limiter.recordFailure(address);
        const lock = await recordFailure(store, body.username);
        if (lock) throw lockedError(lock);
        throw new ApiError(401, 'invalid_credentials', 'Wrong username or password.');
      }
      await clearFailures(store, body.username);
      // Said only to whoever knows the password, so it tells nobody else that the account exists.
      if (user.deactivated) {
        throw new ApiError(403, 'deactivated', 'This account is deactivated: ask your administrator.');
      }

      // Each sign-in enrols a new device with its own revocable token.
      const token = newDeviceToken();
      const deviceId = uuidv7();
      await store.query(
        `INSERT INTO devices (id, user_id, municipality_id, token_hash, label, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, now())`,
        [deviceId, user.id, user.municipality_id, hashToken(token), body.deviceLabel ?? null],
      );
      await audit(store, { municipalityId: user.municipality_id, userId: user.id, deviceId }, 'signed_in');
      const response: LoginResponse = {
        token,
        deviceId,
        user: { id: user.id, name: user.name, role: user.role, municipalityId: user.municipality_id },
        mustChangePassword: user.must_change_password,
      };
      return c.json(response);
    })
    .post('/password', requireDevice, async (c) => {
      const body = await readJson(c, ChangePasswordRequest);
      const store = c.var.store;
      const [user] = await store.query<Pick<UserRow, 'password_hash'>>(
        'SELECT password_hash FROM users WHERE id = $1',
        [c.var.device.userId],
      );
      if (!user || !(await verifyPassword(user.password_hash, body.currentPassword))) {
        throw new ApiError(403, 'invalid_credentials', 'The current password is wrong.');
      }
      await store.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [
        c.var.device.userId,
        await hashPassword(body.newPassword),
      ]);
      await audit(store, c.var.device, 'password_changed');
      const response: ChangePasswordResponse = { changed: true };
      return c.json(response);
    })
    .post('/wiped', requireDeviceEvenIfWiping, async (c) => {
      await markWiped(c.var.store, c.var.device.deviceId);
      await audit(c.var.store, c.var.device, 'device_wiped');
      return c.body(null, 204);
    })
    .post('/logout', requireDevice, async (c) => {
      await c.var.store.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [c.var.device.deviceId]);
      await audit(c.var.store, c.var.device, 'signed_out');
      return c.body(null, 204);
    });
}
