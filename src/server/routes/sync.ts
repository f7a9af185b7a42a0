import { Hono } from 'hono';
import { PushRequest, type PushResponse } from '../../protocol/sync.ts';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../protocol/version.ts';
import type { AppEnv } from '../appEnv.ts';
import { requireDevice } from '../auth/requireDevice.ts';
import { ApiError, readJson } from '../http.ts';
import { applyMutation } from '../sync/applyMutation.ts';

export function syncRoutes() {
  return new Hono<AppEnv>().use(requireDevice).post('/push', async (c) => {
    const body = await readJson(c, PushRequest);
    if (!SUPPORTED_PROTOCOL_VERSIONS.includes(body.protocol)) {
      throw new ApiError(
        426,
        'protocol_unsupported',
        `Protocol ${body.protocol} is not supported (this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}). Update the app.`,
      );
    }
    const device = c.var.device;
    if (body.deviceId !== device.deviceId) {
      throw new ApiError(400, 'bad_request', 'deviceId does not match the device token.');
    }
    const results = [];
    // In order, one transaction each: a failure part-way leaves earlier mutations committed and acknowledged.
    for (const m of body.mutations) results.push(await applyMutation(c.var.store, device, m));
    const [row] = await c.var.store.query<{ last_client_seq: number }>(
      'SELECT last_client_seq FROM devices WHERE id = $1',
      [device.deviceId],
    );
    const response: PushResponse = { results, lastClientSeq: Number(row?.last_client_seq ?? 0) };
    return c.json(response);
  });
}
