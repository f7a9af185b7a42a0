import { canWrite } from '../../protocol/permissions.ts';
import { Mutation, upgradeMutationV1, type MutationResult } from '../../protocol/sync.ts';
import type { Sql, Store } from '../store/store.ts';
import { loadForMutation, type SeenMutation } from './loadRecord.ts';
import { planMutation } from './planMutation.ts';
import type { SyncWriter } from './storedRecord.ts';
import { withoutNul } from './withoutNul.ts';
import { RecordRaceError, holdWriteLock, writeStamped, writeUnstamped, type MutationRow } from './writeMutation.ts';

/**
 * Applies one pushed mutation and records its outcome (docs/sync-protocol.md), in one transaction.
 * Invariants:
 * - idempotent: a mutation id seen before from the same client, or from the same user on another
 *   client (their changes brought back from an export after a forgotten PIN), returns the stored
 *   result and changes nothing; from anyone else it is rejected as `duplicate_id` and touches nothing;
 * - a mutation is applied or stored as rejected (with a reason), never dropped;
 * - the record, its history and conflicts, the municipality version, the mutation row and the device's
 *   lastClientSeq commit together.
 *
 * Two statements per mutation, no BEGIN/COMMIT: one read (decided on in Node.js), then one write that
 * is its own transaction and only lands if the record is still as read (optimistic). A lost race —
 * the record changed in between, or the same mutation was in flight twice — is decided again inside a
 * transaction holding the municipality's write lock, which cannot lose.
 *
 * An applied mutation that wrote nothing (every value was already the server's) takes no version, so
 * its result has none.
 *
 * Also returns the device's lastClientSeq as the mutation's statements saw it, so a push needs no
 * statement of its own to answer with it.
 */
export async function applyMutation(
  store: Store,
  writer: SyncWriter,
  raw: { id: string; clientSeq: number },
  protocol: number,
): Promise<Applied> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt === 1) return await decideAndWrite(store, writer, raw, protocol);
      return await store.transaction(async (tx) => {
        await holdWriteLock(tx, writer.municipalityId);
        return decideAndWrite(tx, writer, raw, protocol);
      });
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isLostRace(err)) throw err;
    }
  }
}

export interface Applied {
  result: MutationResult;
  lastClientSeq: number;
}

/** One optimistic try and two under the lock (the second only for a record created in another municipality). */
const MAX_ATTEMPTS = 3;

async function decideAndWrite(
  sql: Sql,
  writer: SyncWriter,
  raw: { id: string; clientSeq: number },
  protocol: number,
): Promise<Applied> {
  const safe = withoutNul(raw);
  const parsed = safe.hadNul ? null : Mutation.safeParse(protocol === 1 ? upgradeMutationV1(raw) : raw);
  const m = parsed?.success ? parsed.data : null;
  const { seen, record, open, lastClientSeq } = await loadForMutation(
    sql,
    raw.id,
    m?.entityId ?? null,
    writer.deviceId,
  );
  if (seen) return { result: storedResult(raw.id, seen, writer), lastClientSeq };

  const row: MutationRow = { id: raw.id, clientSeq: raw.clientSeq, payload: safe.value };
  const reject = async (reason: string): Promise<Applied> => ({
    lastClientSeq: await writeUnstamped(sql, writer, row, { status: 'rejected', reason }),
    result: { id: raw.id, status: 'rejected', reason },
  });
  if (!m) return reject('invalid');
  if (!canWrite(writer.role, m.entity)) return reject('forbidden');
  // Another municipality's record is indistinguishable from a missing one.
  if (record && record.municipalityId !== writer.municipalityId) return reject('not_found');

  const plan = planMutation(m, record, open, writer.clientId);
  if (plan.kind === 'reject') return reject(plan.reason);
  if (plan.kind === 'unchanged') {
    return {
      lastClientSeq: await writeUnstamped(sql, writer, row, { status: 'applied', reason: null }),
      result: { id: raw.id, status: 'applied' },
    };
  }
  const target = { entity: m.entity, entityId: m.entityId, expectedVersion: record ? record.version : null };
  const written = await writeStamped(sql, writer, target, plan, row);
  const conflicted = plan.conflicts.map((c) => c.field);
  return {
    lastClientSeq: written.lastClientSeq,
    result: { id: raw.id, status: 'applied', version: written.version, ...(conflicted.length ? { conflicted } : {}) },
  };
}

function storedResult(id: string, seen: SeenMutation, writer: SyncWriter): MutationResult {
  // Another user's id (or another municipality's): say nothing about it and touch nothing. The same
  // user's from another client is theirs: an export of unsynced changes re-queued on a new tablet.
  const theirs = seen.clientId === writer.clientId || seen.userId === writer.userId;
  if (!theirs || seen.municipalityId !== writer.municipalityId) {
    return { id, status: 'rejected', reason: 'duplicate_id' };
  }
  return {
    id,
    status: seen.status,
    ...(seen.version !== null ? { version: Number(seen.version) } : {}),
    ...(seen.conflicted?.length ? { conflicted: seen.conflicted } : {}),
    ...(seen.reason !== null ? { reason: seen.reason } : {}),
  };
}

/** unique_violation: the same mutation id was recorded meanwhile (in flight twice); then it is `seen`. */
const UNIQUE_VIOLATION = '23505';

function isLostRace(err: unknown): boolean {
  if (err instanceof RecordRaceError) return true;
  return typeof err === 'object' && err !== null && 'code' in err && err.code === UNIQUE_VIOLATION;
}
