import { Hono, type Context } from 'hono';
import {
  PullQuery,
  PushRequest,
  type MutationResult,
  type PullResponse,
  type PushResponse,
} from '../../protocol/sync.ts';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../protocol/version.ts';
import { readableEntities } from '../../protocol/permissions.ts';
import type { AppEnv } from '../appEnv.ts';
import { requireDevice } from '../auth/requireDevice.ts';
import { ApiError, readJson, readQuery } from '../http.ts';
import { applyMutation } from '../sync/applyMutation.ts';
import { pullChanges } from '../sync/pull.ts';
import { audit } from '../audit.ts';
import type { Sql } from '../store/store.ts';

/** Pull arrived with protocol 2; a protocol-1 tablet only ever pushed. */
const PULL_PROTOCOL_VERSIONS = SUPPORTED_PROTOCOL_VERSIONS.filter((v) => v >= 2);

/** The writer recorded for migrated data of unknown origin (002_sync.sql): no client may claim it. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export function syncRoutes() {
  return new Hono<AppEnv>()
    .use(requireDevice)
    .post('/push', async (c) => {
      const body = await readJson(c, PushRequest);
      requireProtocol(body.protocol, SUPPORTED_PROTOCOL_VERSIONS);
      const device = c.var.device;
      if (body.deviceId !== device.deviceId) {
        throw new ApiError(400, 'bad_request', 'deviceId does not match the device token.');
      }
      const writer = { ...device, clientId: writerId(body, device.deviceId) };
      // In clientSeq order (the order the user worked), one transaction each: a failure part-way leaves
      // earlier mutations committed and acknowledged. Results go back in request order.
      const order = body.mutations.map((m, i) => ({ m, i })).sort((a, b) => a.m.clientSeq - b.m.clientSeq);
      const results: MutationResult[] = new Array<MutationResult>(body.mutations.length);
      // Each mutation's statements also read the device's lastClientSeq (which only ever rises), so the
      // answer needs no statement of its own.
      let lastClientSeq = body.mutations.length ? 0 : await readLastClientSeq(c.var.store, device.deviceId);
      for (const { m, i } of order) {
        const applied = await applyMutation(c.var.store, writer, m, body.protocol);
        results[i] = applied.result;
        lastClientSeq = Math.max(lastClientSeq, applied.lastClientSeq);
      }
      const response: PushResponse = { results, lastClientSeq };
      return json(c, response);
    })
    .get('/pull', async (c) => {
      const query = readQuery(c, PullQuery);
      requireProtocol(query.protocol, PULL_PROTOCOL_VERSIONS);
      if (readableEntities(c.var.device.role).length === 0) {
        throw new ApiError(403, 'forbidden', 'This role does not read records.');
      }
      const page = await pullChanges(c.var.store, c.var.device, query.cursor, query.limit);
      // Who read which records: one row per page that carried any (an empty poll reads nothing).
      if (page.records.length) {
        await audit(c.var.store, c.var.device, 'records_pulled', {
          detail: { records: page.records.length, upToVersion: page.cursor },
        });
      }
      return json(c, page);
    });
}

/**
 * A JSON answer with its Content-Length. The compress middleware only applies its size threshold when
 * the length is known; without it every answer went through a gzip stream, and most pushes are one
 * tablet's one mutation, whose ~150-byte answer cost more CPU to compress than any other part of the
 * request. Larger answers (batches, pull pages) are still compressed.
 */
function json(c: Context<AppEnv>, body: PushResponse | PullResponse): Response {
  const text = JSON.stringify(body);
  return c.body(text, 200, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
}

async function readLastClientSeq(sql: Sql, deviceId: string): Promise<number> {
  const [row] = await sql.query<{ last_client_seq: number }>('SELECT last_client_seq FROM devices WHERE id = $1', [
    deviceId,
  ]);
  return Number(row?.last_client_seq ?? 0);
}

/** Whose mutation stream this is: it decides idempotency and "the same client" in the merge. */
function writerId(body: PushRequest, deviceId: string): string {
  // A protocol-1 tablet had no client id: its stream is its device.
  if (body.protocol < 2) return deviceId;
  if (!body.clientId || body.clientId === NIL_UUID) {
    throw new ApiError(400, 'bad_request', `Protocol ${body.protocol} needs a clientId.`);
  }
  return body.clientId;
}

function requireProtocol(protocol: number, supported: readonly number[]): void {
  if (supported.includes(protocol)) return;
  throw new ApiError(
    426,
    'protocol_unsupported',
    `Protocol ${protocol} is not supported here (this server speaks ${supported.join(', ')}). Update the app.`,
  );
}
