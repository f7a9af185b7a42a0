import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../appEnv.ts';
import { requireAdmin, requireDevice } from '../auth/requireDevice.ts';
import { audit } from '../audit.ts';
import { listDevices, requestWipe, revokeDevice } from '../devices.ts';
import { ApiError } from '../http.ts';

const DeviceId = z.uuid();

/** The administrator's device list: see every sign-in, revoke a lost tablet, order it emptied. */
export function deviceRoutes() {
  return new Hono<AppEnv>()
    .use(requireDevice, requireAdmin('Only an administrator manages devices.'))
    .get('/', async (c) => c.json(await listDevices(c.var.store, c.var.device.municipalityId)))
    .post('/:id/revoke', async (c) => {
      const id = deviceParam(c.req.param('id'));
      if (!(await revokeDevice(c.var.store, c.var.device.municipalityId, id))) throw notFound();
      await audit(c.var.store, c.var.device, 'device_revoked', { detail: { deviceId: id } });
      return c.body(null, 204);
    })
    .post('/:id/wipe', async (c) => {
      const id = deviceParam(c.req.param('id'));
      if (!(await requestWipe(c.var.store, c.var.device.municipalityId, id))) throw notFound();
      await audit(c.var.store, c.var.device, 'wipe_ordered', { detail: { deviceId: id } });
      return c.body(null, 204);
    });
}

function deviceParam(raw: string): string {
  const parsed = DeviceId.safeParse(raw);
  // A malformed id names no device: the same answer as a missing one.
  if (!parsed.success) throw notFound();
  return parsed.data;
}

const notFound = () => new ApiError(404, 'not_found', 'No such live device in this municipality.');
