import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../appEnv.ts';
import { ApiError } from '../http.ts';
import { findDeviceByToken } from './deviceTokens.ts';

/** Authenticates `Authorization: Bearer <device token>`; a revoked or unknown token is a 401. */
export const requireDevice = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  const device = match?.[1] ? await findDeviceByToken(c.var.store, match[1]) : null;
  if (!device) throw new ApiError(401, 'unauthorized', 'Sign in again: this device is not signed in.');
  c.set('device', device);
  await next();
});
