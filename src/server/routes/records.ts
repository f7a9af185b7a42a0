import { Hono } from 'hono';
import { z } from 'zod';
import type { JsonValue } from '../../domain/sync/json.ts';
import { ENTITIES } from '../../protocol/entities.ts';
import { canRead } from '../../protocol/permissions.ts';
import type { RecordHistoryResponse } from '../../protocol/history.ts';
import type { AppEnv } from '../appEnv.ts';
import { requireDevice } from '../auth/requireDevice.ts';
import { ApiError } from '../http.ts';
import { audit } from '../audit.ts';

const RecordParams = z.object({ entity: z.enum(ENTITIES), id: z.uuid() });

interface HistoryRow {
  field: string;
  value: JsonValue;
  version: number;
  by: string | null;
  at: Date | string;
}

/** Read access to synced records beyond what pull gives: the history of every field. */
export function recordRoutes() {
  return new Hono<AppEnv>().use(requireDevice).get('/:entity/:id/history', async (c) => {
    const params = RecordParams.safeParse(c.req.param());
    // A malformed id or an unknown entity names no record: the same answer as a missing one.
    if (!params.success) throw notFound();
    const { entity, id } = params.data;
    if (!canRead(c.var.device.role, entity))
      throw new ApiError(403, 'forbidden', 'This role does not read these records.');
    const { municipalityId } = c.var.device;
    const store = c.var.store;
    // Tenant isolation: another municipality's record is indistinguishable from a missing one.
    const [record] = await store.query('SELECT 1 FROM records WHERE id = $1 AND municipality_id = $2 AND entity = $3', [
      id,
      municipalityId,
      entity,
    ]);
    if (!record) throw notFound();
    await audit(store, c.var.device, 'history_viewed', { entity, recordId: id });
    const rows = await store.query<HistoryRow>(
      `SELECT h.field, h.value, h.version, u.name AS by, h.at
         FROM field_history h LEFT JOIN users u ON u.id = h.user_id
        WHERE h.record_id = $1 AND h.municipality_id = $2
        ORDER BY h.version, h.field`,
      [id, municipalityId],
    );
    const body: RecordHistoryResponse = rows.map((r) => ({
      field: r.field,
      value: r.value,
      version: Number(r.version),
      by: r.by,
      at: new Date(r.at).toISOString(),
    }));
    return c.json(body);
  });
}

const notFound = () => new ApiError(404, 'not_found', 'No such record.');
