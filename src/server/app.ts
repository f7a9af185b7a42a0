import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './appEnv.ts';
import { ApiError, errorBody, RetryLaterError } from './http.ts';
import { IpLimiter } from './auth/ipLimiter.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { recordRoutes } from './routes/records.ts';
import { settingsRoutes } from './routes/settings.ts';
import { deviceRoutes } from './routes/devices.ts';
import { userRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { syncRoutes } from './routes/sync.ts';
import { weeklyListRoutes } from './routes/weeklyList.ts';
import { staticRoutes } from './staticRoutes.ts';
import type { Store } from './store/store.ts';

export interface AppOptions {
  store: Store;
  version: string;
  /** The built PWA (dist/); omitted in API-only tests. */
  staticDir?: string | undefined;
  /** Where unexpected errors are reported; the client only ever sees a generic message. */
  onError?: (err: unknown) => void;
  /** Take the client's address from X-Forwarded-For (behind one trusted reverse proxy). */
  trustProxy?: boolean;
  /** Wrong sign-ins per address; one per app unless a test passes its own. */
  loginLimiter?: IpLimiter;
}

/**
 * Request bodies are refused (413) beyond what a route can need: a push carries up to 500 mutations
 * of fields of at most 4 KB each; every other body is a small form. Checked before the body is read.
 */
const PUSH_BODY_MAX = 16 * 1024 * 1024;
const BODY_MAX = 64 * 1024;
const tooLarge = () => {
  throw new ApiError(413, 'payload_too_large', 'The request body is too large.');
};
const pushBodyLimit = bodyLimit({ maxSize: PUSH_BODY_MAX, onError: tooLarge });
const otherBodyLimit = bodyLimit({ maxSize: BODY_MAX, onError: tooLarge });
const limitBody: MiddlewareHandler = (c, next) =>
  (c.req.path === '/api/sync/push' ? pushBodyLimit : otherBodyLimit)(c, next);

export function createApp(options: AppOptions) {
  const app = new Hono<AppEnv>();
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Svelte sets inline style attributes (transitions, dynamic widths).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use(compress());
  app.use(async (c, next) => {
    c.set('store', options.store);
    await next();
  });

  // Middleware before routes: Hono runs handlers in registration order.
  const api = new Hono<AppEnv>()
    .use(async (c, next) => {
      await next();
      c.header('Cache-Control', 'no-store');
    })
    .use(limitBody)
    .route('/health', healthRoutes(options.version))
    .route(
      '/auth',
      authRoutes({ limiter: options.loginLimiter ?? new IpLimiter(), trustProxy: options.trustProxy ?? false }),
    )
    .route('/sync', syncRoutes())
    .route('/records', recordRoutes())
    .route('/settings', settingsRoutes())
    .route('/devices', deviceRoutes())
    .route('/users', userRoutes())
    .route('/audit', auditRoutes())
    .route('/weekly-list', weeklyListRoutes());
  app.route('/api', api);
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API route.');
  });
  if (options.staticDir) app.route('/', staticRoutes(options.staticDir));

  app.notFound((c) => c.json(errorBody(new ApiError(404, 'not_found', 'Not found.')), 404));
  app.onError((err, c) => {
    if (err instanceof RetryLaterError) c.header('Retry-After', String(err.retryAfter));
    if (err instanceof ApiError) return c.json(errorBody(err), err.status);
    options.onError?.(err);
    return c.json(errorBody(new ApiError(500, 'internal', 'Something went wrong on the server.')), 500);
  });
  return app;
}
