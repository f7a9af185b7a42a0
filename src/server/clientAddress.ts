import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The address a request came from, for rate limits only (never logged). Behind one trusted reverse
 * proxy the socket is the proxy's, so the client is the last X-Forwarded-For entry (the one the proxy
 * added; earlier entries are whatever the client claimed). Requests made in-process (tests) have no
 * socket: 'local'.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
