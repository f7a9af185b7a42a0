import type { DeviceAuditEventInput } from '../../protocol/auditEvents.ts';
import { database, recordAuditEvent } from '../db/index.ts';
import { syncStatus } from './state/syncStatus.svelte.ts';

/** Events whose write failed, kept (with their time) to be written before the next one. */
const unwritten: { event: DeviceAuditEventInput; at: number }[] = [];

/**
 * Records one of the tablet's own audit events (an export, a print, an opened mapping), sealed in
 * IndexedDB, and asks for a sync soon. Await it before the action's screen says done. It never
 * throws: the user's action must not fail because its audit row could not be written. A failed
 * write is kept in memory and tried again with the next event (only a reload loses it), and is
 * reported in the console by its action code alone, never its content.
 */
export async function noteAuditEvent(event: DeviceAuditEventInput, now = Date.now()): Promise<void> {
  unwritten.push({ event, at: now });
  const batch = unwritten.splice(0);
  try {
    const db = database();
    while (batch.length > 0) {
      const next = batch[0]!;
      await recordAuditEvent(db, next.event, next.at);
      batch.shift();
    }
    syncStatus.changed();
  } catch (error) {
    unwritten.unshift(...batch);
    console.warn(`Audit event not recorded yet: ${event.action}`, error instanceof Error ? error.name : '');
  }
}
