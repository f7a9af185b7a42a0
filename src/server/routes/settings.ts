import { Hono } from 'hono';
import { SettingsUpdate } from '../../protocol/settings.ts';
import type { AppEnv } from '../appEnv.ts';
import { requireAdmin, requireDevice } from '../auth/requireDevice.ts';
import { readJson } from '../http.ts';
import { audit } from '../audit.ts';
import { readSettings, updateSettings } from '../settings.ts';

/** The municipality's settings: every signed-in device reads them; only an administrator changes them. */
export function settingsRoutes() {
  return new Hono<AppEnv>()
    .use(requireDevice)
    .get('/', async (c) => c.json(await readSettings(c.var.store, c.var.device.municipalityId)))
    .put('/', requireAdmin('Only an administrator can change the municipality’s settings.'), async (c) => {
      const update = await readJson(c, SettingsUpdate);
      const settings = await updateSettings(c.var.store, c.var.device.municipalityId, update);
      await audit(c.var.store, c.var.device, 'settings_changed', { detail: update });
      return c.json(settings);
    });
}
