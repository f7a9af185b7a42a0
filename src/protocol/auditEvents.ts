import { z } from 'zod';

/**
 * What a tablet records of its own and sends to the audit log with the next sync (POST
 * /api/audit/events): exports, prints and downloads, opened mappings, unlocks and locks. Each
 * action has its exact shape, strict, so an event can carry nothing but codes, counts, a week's date
 * and a record's opaque id — never a name, an answer or any other value. The server adds who
 * (municipality, user, device) from the device token, never from the body.
 */
export const DEVICE_AUDIT_ACTIONS = [
  'unsynced_exported',
  'mapping_exported',
  'mapping_viewed',
  'sheet_printed',
  'weekly_list_printed',
  'weekly_list_downloaded',
  'interpreter_orders_printed',
  'interpreter_orders_downloaded',
  'app_unlocked',
  'app_locked',
] as const;
export type DeviceAuditAction = (typeof DEVICE_AUDIT_ACTIONS)[number];

/** Why the app locked: the header's button, idle minutes, back after being hidden, resident mode left. */
export const LOCK_REASONS = ['button', 'idle', 'hidden', 'resident_mode'] as const;

const Count = z.number().int().min(0).max(1_000_000);
/** The Monday of the week a list is for: a calendar day, it names no one. */
const Week = z.iso.date();
/** A mapping, by its random id (UUIDv7), never by whose it is. */
const MappingRecord = { entity: z.literal('mapping'), recordId: z.uuid() };
const Base = {
  /** UUIDv7 made on the tablet: the idempotency key (a retried send stores nothing twice). */
  id: z.uuid(),
  /**
   * The tablet's clock when it happened: shown beside the server's time, orders nothing. Not before
   * 1970 (no clock of this app's is; and PostgreSQL has no year 0, which the ISO pattern allows).
   */
  at: z.iso.datetime({ offset: true }).refine((at) => Date.parse(at) >= 0, 'before 1970'),
};
const WeeklyList = z.strictObject({ week: Week, rows: Count });
const InterpreterOrders = z.strictObject({ week: Week, orders: Count });

export const DeviceAuditEvent = z.discriminatedUnion('action', [
  z.strictObject({ ...Base, action: z.literal('unsynced_exported'), detail: z.strictObject({ changes: Count }) }),
  z.strictObject({ ...Base, action: z.literal('mapping_exported'), ...MappingRecord }),
  z.strictObject({ ...Base, action: z.literal('mapping_viewed'), ...MappingRecord }),
  z.strictObject({
    ...Base,
    action: z.literal('sheet_printed'),
    ...MappingRecord,
    detail: z.strictObject({ sheet: z.enum(['imdi', 'resident']) }),
  }),
  z.strictObject({ ...Base, action: z.literal('weekly_list_printed'), detail: WeeklyList }),
  z.strictObject({ ...Base, action: z.literal('weekly_list_downloaded'), detail: WeeklyList }),
  z.strictObject({ ...Base, action: z.literal('interpreter_orders_printed'), detail: InterpreterOrders }),
  z.strictObject({ ...Base, action: z.literal('interpreter_orders_downloaded'), detail: InterpreterOrders }),
  z.strictObject({ ...Base, action: z.literal('app_unlocked') }),
  z.strictObject({
    ...Base,
    action: z.literal('app_locked'),
    detail: z.strictObject({ reason: z.enum(LOCK_REASONS) }),
  }),
]);
export type DeviceAuditEvent = z.infer<typeof DeviceAuditEvent>;

/** An event as the app records it: the id and the time are added then. */
export type DeviceAuditEventInput = WithoutIdAndTime<DeviceAuditEvent>;
/** Omit over each member of a union (Omit of the union itself would lose the per-action shapes). */
type WithoutIdAndTime<E> = E extends unknown ? Omit<E, 'id' | 'at'> : never;

/** At most this many events per request (well inside the 64 KB body limit). */
export const AUDIT_EVENTS_MAX = 100;

export const AuditEventsRequest = z.strictObject({
  events: z.array(DeviceAuditEvent).min(1).max(AUDIT_EVENTS_MAX),
});
export type AuditEventsRequest = z.infer<typeof AuditEventsRequest>;

/** Every id of the request, stored now or by an earlier try: the tablet may forget them. */
export const AuditEventsResponse = z.object({ acknowledged: z.array(z.uuid()) });
export type AuditEventsResponse = z.infer<typeof AuditEventsResponse>;
