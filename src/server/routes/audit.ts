import { Hono } from 'hono';
import { AuditQuery } from '../../protocol/audit.ts';
import { AuditEventsRequest, type AuditEventsResponse } from '../../protocol/auditEvents.ts';
import { toCsv } from '../../domain/csv.ts';
import type { AppEnv } from '../appEnv.ts';
import { audit, auditDeviceEvents, readAudit } from '../audit.ts';
import { requireAdmin, requireDevice, requireDeviceEvenIfWiping } from '../auth/requireDevice.ts';
import { readJson, readQuery } from '../http.ts';

/**
 * Every signed-in device sends its own events (POST /events: who is taken from its token); the
 * administrator reads, filters and exports the audit trail, and reading it is itself audited.
 * A device ordered emptied may still send its events, just before it empties itself: they are the
 * record of what it did before it was lost. Sending events reads nothing.
 */
export function auditRoutes() {
  return new Hono<AppEnv>()
    .post('/events', requireDeviceEvenIfWiping, async (c) => {
      const { events } = await readJson(c, AuditEventsRequest);
      await auditDeviceEvents(c.var.store, c.var.device, events);
      const response: AuditEventsResponse = { acknowledged: events.map((e) => e.id) };
      return c.json(response);
    })
    .get('/', requireDevice, requireAdmin('Only an administrator reads the audit log.'), async (c) => {
      const { device, store } = c.var;
      const query = readQuery(c, AuditQuery);
      const entries = await readAudit(store, device.municipalityId, query);
      await audit(store, device, 'audit_viewed', { detail: { format: query.format, entries: entries.length } });
      if (query.format === 'json') return c.json(entries);
      const csv = toCsv(
        ['tidspunkt', 'handling', 'bruker', 'brukernavn', 'enhet', 'type', 'post', 'detaljer', 'enhetstid'],
        entries.map((e) => [
          e.at,
          e.action,
          e.user?.name ?? null,
          e.user?.username ?? null,
          e.deviceId,
          e.entity,
          e.recordId,
          e.detail ? JSON.stringify(e.detail) : null,
          e.deviceAt,
        ]),
      );
      return c.body(csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        // Named by time only: no municipality or person in the file name.
        'Content-Disposition': `attachment; filename="kartlegg-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      });
    });
}
