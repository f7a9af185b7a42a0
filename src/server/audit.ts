import type { AuditAction, AuditEntry, AuditQuery } from '../protocol/audit.ts';
import type { DeviceAuditAction, DeviceAuditEvent } from '../protocol/auditEvents.ts';
import type { DeviceContext } from './auth/deviceTokens.ts';
import type { Sql } from './store/store.ts';

/** One audit row for an action of a signed-in device. `detail`: codes and counts only. */
export async function audit(
  sql: Sql,
  device: Pick<DeviceContext, 'municipalityId' | 'userId' | 'deviceId'>,
  action: Exclude<AuditAction, 'record_changed' | 'change_rejected' | 'retention_run' | DeviceAuditAction>,
  target: { entity?: string; recordId?: string; detail?: Record<string, unknown> } = {},
): Promise<void> {
  await sql.query(
    `INSERT INTO audit_log (municipality_id, user_id, device_id, action, entity, record_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      device.municipalityId,
      device.userId,
      device.deviceId,
      action,
      target.entity ?? null,
      target.recordId ?? null,
      target.detail === undefined ? null : JSON.stringify(target.detail),
    ],
  );
}

/**
 * A tablet's own events (validated, strict: codes, counts and ids only), stamped with the sending
 * device's municipality, user and device. One statement: all stored or none. An event id stored
 * before (a retry, whichever device token carries it) is skipped, never stored twice or moved.
 */
export async function auditDeviceEvents(
  sql: Sql,
  device: Pick<DeviceContext, 'municipalityId' | 'userId' | 'deviceId'>,
  events: readonly DeviceAuditEvent[],
): Promise<void> {
  const rows = events.map((e) => ({
    id: e.id,
    at: e.at,
    action: e.action,
    entity: 'entity' in e ? e.entity : null,
    record_id: 'recordId' in e ? e.recordId : null,
    detail: 'detail' in e ? e.detail : null,
  }));
  await sql.query(
    `INSERT INTO audit_log (municipality_id, user_id, device_id, action, entity, record_id, detail, event_id, device_at)
     SELECT $1, $2, $3, e.action, e.entity, e.record_id, e.detail, e.id, e.at
       FROM jsonb_to_recordset($4::jsonb)
         AS e(id uuid, at timestamptz, action text, entity text, record_id uuid, detail jsonb)
     ON CONFLICT (event_id) DO NOTHING`,
    [device.municipalityId, device.userId, device.deviceId, JSON.stringify(rows)],
  );
}

/** One audit row for what the server does by itself (a retention run): no user, no device. */
export async function auditSystem(
  sql: Sql,
  municipalityId: string,
  action: 'retention_run',
  detail: Record<string, unknown>,
): Promise<void> {
  await sql.query(`INSERT INTO audit_log (municipality_id, action, detail) VALUES ($1, $2, $3)`, [
    municipalityId,
    action,
    JSON.stringify(detail),
  ]);
}

interface Row {
  at: Date | string;
  device_at: Date | string | null;
  action: AuditAction;
  user_name: string | null;
  username: string | null;
  device_id: string | null;
  entity: string | null;
  record_id: string | null;
  detail: Record<string, unknown> | null;
}

/**
 * The municipality's audit trail, newest first: the audit log and the pushed mutations (a change or a
 * rejected change, with the names of the fields it touched — not their values) in one list.
 */
export async function readAudit(sql: Sql, municipalityId: string, q: AuditQuery): Promise<AuditEntry[]> {
  const rows = await sql.query<Row>(
    `WITH trail AS (
       SELECT a.at, a.device_at, a.action, a.user_id, a.device_id, a.entity, a.record_id, a.detail
         FROM audit_log a WHERE a.municipality_id = $1
       UNION ALL
       SELECT m.received_at, NULL::timestamptz,
              CASE WHEN m.status = 'applied' THEN 'record_changed' ELSE 'change_rejected' END,
              d.user_id, m.device_id, m.payload->>'entity',
              CASE WHEN (m.payload->>'entityId') ~ '^[0-9a-fA-F-]{36}$' THEN (m.payload->>'entityId')::uuid END,
              jsonb_strip_nulls(jsonb_build_object(
                'fields', (SELECT jsonb_agg(k ORDER BY k) FROM jsonb_object_keys(
                             CASE WHEN jsonb_typeof(m.payload->'changes') = 'object' THEN m.payload->'changes'
                                  ELSE '{}'::jsonb END) AS k),
                'reason', m.reason))
         FROM mutations m JOIN devices d ON d.id = m.device_id
        WHERE m.municipality_id = $1
     )
     SELECT t.at, t.device_at, t.action, u.name AS user_name, u.username, t.device_id, t.entity, t.record_id, t.detail
       FROM trail t LEFT JOIN users u ON u.id = t.user_id
      WHERE ($2::timestamptz IS NULL OR t.at >= $2)
        AND ($3::timestamptz IS NULL OR t.at < $3)
        AND ($4::text IS NULL OR t.action = $4)
        AND ($5::text IS NULL OR lower(u.username) = lower($5))
        AND ($6::uuid IS NULL OR t.device_id = $6)
      ORDER BY t.at DESC
      LIMIT $7`,
    [municipalityId, q.from ?? null, q.to ?? null, q.action ?? null, q.username ?? null, q.deviceId ?? null, q.limit],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    deviceAt: r.device_at === null ? null : new Date(r.device_at).toISOString(),
    action: r.action,
    user: r.user_name === null || r.username === null ? null : { name: r.user_name, username: r.username },
    deviceId: r.device_id,
    entity: r.entity,
    recordId: r.record_id,
    detail: r.detail,
  }));
}
