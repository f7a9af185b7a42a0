import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../appEnv.ts';
import { canAdminister } from '../../protocol/permissions.ts';
import { ApiError } from '../http.ts';
import { findDeviceByToken } from './deviceTokens.ts';

/**
 * Authenticates `Authorization: Bearer <device token>`; a revoked or unknown token is a 401. A device
 * an administrator ordered emptied gets 410 `wipe_requested` (the app deletes its local data, tells
 * the user and confirms), except on the routes of requireDeviceEvenIfWiping.
 */
const authenticate = (allowWiping: boolean) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(c.req.header('authorization') ?? '');
    const device = match?.[1] ? await findDeviceByToken(c.var.store, match[1]) : null;
    if (!device) throw new ApiError(401, 'unauthorized', 'Sign in again: this device is not signed in.');
    if (device.wipeRequested && !allowWiping) {
      throw new ApiError(410, 'wipe_requested', 'An administrator has ordered this device emptied of its data.');
    }
    c.set('device', device);
    await next();
  });

export const requireDevice = authenticate(false);
/**
 * Only for the calls a device ordered emptied still makes: POST /api/auth/wiped, and the audit events
 * it sends just before it empties itself.
 */
export const requireDeviceEvenIfWiping = authenticate(true);

/** After requireDevice: only an administrator passes; any other role gets 403 with this message. */
export const requireAdmin = (message: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!canAdminister(c.var.device.role)) throw new ApiError(403, 'forbidden', message);
    await next();
  });
