import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { DEVICE_AUDIT_ACTIONS, LOCK_REASONS } from '../../src/protocol/auditEvents.ts';
import { ROLES } from '../../src/protocol/auth.ts';
import { addUser } from '../../src/server/accounts.ts';
import { login, PASSWORD, postJson, seedWithAdmin } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

/**
 * Every API route with arbitrary input, as a signed-in administrator (the role that reaches every
 * route but the reception centre's own, which a `mottak` user is sent to): never a 500, never a
 * stack trace or an internal message in the answer.
 */
const ROUTES: { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; path: (id: string) => string; asMottak?: true }[] = [
  { method: 'POST', path: () => '/api/auth/login' },
  { method: 'POST', path: () => '/api/auth/password' },
  { method: 'POST', path: () => '/api/sync/push' },
  { method: 'GET', path: () => '/api/sync/pull' },
  { method: 'GET', path: (id) => `/api/records/resident/${id}/history` },
  { method: 'GET', path: () => '/api/settings' },
  { method: 'PUT', path: () => '/api/settings' },
  { method: 'GET', path: () => '/api/devices' },
  { method: 'POST', path: (id) => `/api/devices/${id}/revoke` },
  { method: 'GET', path: () => '/api/users' },
  { method: 'POST', path: () => '/api/users' },
  { method: 'PATCH', path: (id) => `/api/users/${id}` },
  { method: 'GET', path: () => '/api/audit' },
  { method: 'POST', path: () => '/api/audit/events' },
  { method: 'GET', path: () => '/api/weekly-list', asMottak: true },
];

// Only the PGlite store: the same code runs on PostgreSQL, and the point here is the handlers.
const [pglite] = storeCases();

describe.each(pglite ? [pglite] : [])('fuzzing every route on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  it('answers arbitrary bodies, queries and ids without a 500 or a leak', async () => {
    const ctx = await seedWithAdmin(getStore());
    const mottak = `mottak.${ctx.municipality.id.slice(-8)}`;
    await addUser(getStore(), {
      municipalityId: ctx.municipality.id,
      username: mottak,
      password: PASSWORD,
      role: 'mottak',
      receptionCentre: 'Fjellheim mottak',
    });
    const tokens = { admin: ctx.admin.token, mottak: (await login(ctx.app, mottak)).token };
    const [mapper] = await getStore().query<{ id: string }>('SELECT id FROM users WHERE username = $1', [ctx.username]);
    const query = fc.dictionary(
      fc.constantFrom('protocol', 'cursor', 'limit', 'from', 'to', 'action', 'username', 'deviceId', 'format', 'x'),
      fc.oneof(fc.string(), fc.integer().map(String), fc.constant('2'), fc.constant('2026-12-01')),
    );
    const id = fc.oneof(
      fc.uuid(),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.constant(uuidv7()),
      fc.constant(mapper!.id),
    );
    // Bodies near the users routes' shapes, so their values reach the account rules and the SQL.
    const account = fc.dictionary(
      fc.constantFrom(
        'username',
        'name',
        'role',
        'receptionCentre',
        'password',
        'resetPassword',
        'clearLockout',
        'deactivated',
      ),
      fc.oneof(fc.string({ maxLength: 30 }), fc.boolean(), fc.constant(null), fc.constantFrom(...ROLES)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        id,
        query,
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 200 }), account),
        async (route, recordId, params, body) => {
          const search = new URLSearchParams(params).toString();
          const res = await ctx.app.request(`${route.path(recordId)}${search ? `?${search}` : ''}`, {
            method: route.method,
            headers: {
              authorization: `Bearer ${route.asMottak ? tokens.mottak : tokens.admin}`,
              'content-type': 'application/json',
            },
            ...(route.method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          const text = await res.text();
          expect(res.status, `${route.method} ${route.path(recordId)} ${text}`).toBeLessThan(500);
          expect(text).not.toMatch(/\n\s+at |node_modules|src\/server/);
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
    expect(ctx.errors).toEqual([]);
  });

  it('stores or refuses device audit events of every shape, never a 500: the values reach the SQL', async () => {
    const ctx = await seedWithAdmin(getStore());
    const text = fc.string({ maxLength: 20 });
    const anyDate = fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    const count = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer(), fc.double());
    const week = fc.oneof(
      anyDate.map((d) => d.toISOString().slice(0, 10)),
      text,
    );
    const mapping = { entity: fc.constant('mapping'), recordId: fc.oneof(fc.uuid(), fc.constant(uuidv7())) };
    const shapes: Record<(typeof DEVICE_AUDIT_ACTIONS)[number], Record<string, fc.Arbitrary<unknown>>> = {
      unsynced_exported: { detail: fc.record({ changes: count }) },
      mapping_exported: mapping,
      mapping_viewed: mapping,
      sheet_printed: { ...mapping, detail: fc.record({ sheet: fc.oneof(fc.constantFrom('imdi', 'resident'), text) }) },
      weekly_list_printed: { detail: fc.record({ week, rows: count }) },
      weekly_list_downloaded: { detail: fc.record({ week, rows: count }) },
      interpreter_orders_printed: { detail: fc.record({ week, orders: count }) },
      interpreter_orders_downloaded: { detail: fc.record({ week, orders: count }) },
      app_unlocked: {},
      app_locked: { detail: fc.record({ reason: fc.constantFrom(...LOCK_REASONS) }) },
    };
    const event = fc.constantFrom(...DEVICE_AUDIT_ACTIONS).chain((action) =>
      fc.record({
        id: fc.oneof(fc.uuid(), fc.constant(uuidv7())),
        at: fc.oneof(
          anyDate.map((d) => d.toISOString()),
          fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59-14:00', '1970-01-01T00:00:00+01:00'),
        ),
        action: fc.constant(action),
        ...shapes[action],
      }),
    );
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 5 }), async (events) => {
        const res = await postJson(ctx.app, '/api/audit/events', { events }, ctx.tablet.token);
        const body = await res.text();
        expect([200, 400], body).toContain(res.status);
        if (res.status === 200) stored++;
      }),
      { numRuns: 300, seed: 20261124 },
    );
    // The generator is near enough to the shapes that many requests pass validation and are stored.
    expect(stored).toBeGreaterThan(20);
    expect(ctx.errors).toEqual([]);
  });
});
