import { z } from 'zod';
import { DEVICE_AUDIT_ACTIONS } from './auditEvents.ts';

/**
 * What the audit log records. `record_changed` / `change_rejected` come from the pushed mutations;
 * the device actions (src/protocol/auditEvents.ts) are what tablets record and send themselves.
 */
export const AUDIT_ACTIONS = [
  'signed_in',
  'signed_out',
  'password_changed',
  'records_pulled',
  'history_viewed',
  'settings_changed',
  'device_revoked',
  'wipe_ordered',
  'device_wiped',
  'audit_viewed',
  'weekly_list_viewed',
  'user_added',
  'user_changed',
  'retention_run',
  'record_changed',
  'change_rejected',
  ...DEVICE_AUDIT_ACTIONS,
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  /** When the server stored it (for a tablet's own event: when it arrived). */
  at: z.string(),
  /** A tablet's own event: the tablet's clock when it happened (display only); else null. */
  deviceAt: z.string().nullable(),
  action: AuditAction,
  /** The user's name and username (null: an action with no signed-in user). */
  user: z.object({ name: z.string(), username: z.string() }).nullable(),
  deviceId: z.string().nullable(),
  entity: z.string().nullable(),
  recordId: z.string().nullable(),
  /** Codes and counts (field names changed, records pulled), never values. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Filters of GET /api/audit; `format=csv` answers a file for download instead of JSON. */
export const AuditQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  action: AuditAction.optional(),
  username: z.string().max(100).optional(),
  deviceId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
