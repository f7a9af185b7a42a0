import type { Entity } from '../../protocol/entities.ts';
import { prepared, type Sql } from '../store/store.ts';
import type { Plan } from './planMutation.ts';
import type { SyncWriter } from './storedRecord.ts';

/** The mutation as it is recorded: its key, its place in the client's stream, and the body as received. */
export interface MutationRow {
  id: string;
  clientSeq: number;
  payload: unknown;
}

/** The record changed (or was created) after the mutation was decided on it: decide again. */
export class RecordRaceError extends Error {}

/**
 * Everything a changing mutation writes, as ONE statement, which is its own transaction (or part of the
 * caller's after a lost race). The municipality row lock taken by `v` is therefore held only while
 * PostgreSQL runs this statement and commits, never while Node.js is busy elsewhere: that lock
 * serialises a municipality's writes, so its hold time bounds their throughput.
 *
 * The record is written only if it still has the version the mutation was decided on (`$16`; -1 for a
 * record that did not exist). ON CONFLICT checks that against the latest committed row, whatever the
 * snapshot. Every other part joins `rec`, so when the record changed meanwhile nothing at all is
 * written except the version counter (an unused version: versions increase, they need not be
 * contiguous), and the caller decides again. Lock order: municipality, record, device — the same in
 * every writing statement and in `holdWriteLock`, so they cannot deadlock one another.
 */
const WRITE_STAMPED = prepared(
  'write_stamped',
  `
WITH v AS (
  UPDATE municipalities SET version = version + 1 WHERE id = $1 RETURNING version
),
rec AS (
  INSERT INTO records AS r (id, municipality_id, entity, fields, field_meta, version)
  SELECT $2, $1, $3, $4::jsonb,
         $5::jsonb || coalesce((SELECT jsonb_object_agg(f, jsonb_build_object('v', v.version, 'w', $7::uuid))
                                  FROM jsonb_object_keys($6::jsonb) AS f), '{}'::jsonb),
         v.version
    FROM v
  ON CONFLICT (id) DO UPDATE
    SET fields = EXCLUDED.fields, field_meta = EXCLUDED.field_meta, version = EXCLUDED.version, updated_at = now()
    WHERE r.version = $16 AND r.municipality_id = $1
  RETURNING r.version
),
hist AS (
  INSERT INTO field_history (record_id, field, version, municipality_id, entity, value, mutation_id, device_id,
                             user_id, client_id)
  SELECT $2, a.key, rec.version, $1, $3, a.value, $10, $11, $12, $7 FROM rec, jsonb_each($6::jsonb) AS a
),
conf AS (
  INSERT INTO conflicts (id, municipality_id, entity, record_id, field, base, base_version, theirs, theirs_version,
                         theirs_user_id, mine, mine_user_id, mine_mutation_id, version)
  SELECT (c->>'id')::uuid, $1, $3, $2, c->>'field',
         (SELECT h.value FROM field_history h
           WHERE h.record_id = $2 AND h.field = c->>'field' AND h.version = (c->>'baseVersion')::bigint),
         (c->>'baseVersion')::bigint, c->'theirs', (c->>'theirsVersion')::bigint,
         (SELECT h.user_id FROM field_history h
           WHERE h.record_id = $2 AND h.field = c->>'field' AND h.version = (c->>'theirsVersion')::bigint),
         c->'mine', $12, $10, rec.version
    FROM rec, jsonb_array_elements($8::jsonb) AS c
),
res AS (
  UPDATE conflicts AS k
     SET resolved_value = s.value, resolved_by = $12, resolved_at = now(), resolution_mutation_id = $10,
         version = rec.version
    FROM rec, jsonb_each($9::jsonb) AS s
   WHERE k.id = s.key::uuid AND k.municipality_id = $1 AND k.record_id = $2 AND k.resolved_at IS NULL
),
mut AS (
  INSERT INTO mutations (id, municipality_id, device_id, client_id, client_seq, status, version, conflicted, payload)
  SELECT $10, $1, $11, $7, $13, 'applied', rec.version, $14::text[], $15::jsonb FROM rec
),
dev AS (
  UPDATE devices SET last_client_seq = GREATEST(last_client_seq, $13) FROM rec WHERE devices.id = $11
  RETURNING devices.last_client_seq
)
SELECT version, (SELECT last_client_seq FROM dev) AS last_client_seq FROM rec`,
);

/** What a stamped write answers: the version that stamped it, and the device's lastClientSeq after it. */
export interface Written {
  version: number;
  lastClientSeq: number;
}

/** Applies a 'write' plan. */
export async function writeStamped(
  tx: Sql,
  writer: SyncWriter,
  target: { entity: Entity; entityId: string; expectedVersion: number | null },
  plan: Extract<Plan, { kind: 'write' }>,
  mutation: MutationRow,
): Promise<Written> {
  const conflicts = plan.conflicts.map((c) => ({
    id: c.id,
    field: c.field,
    baseVersion: c.baseVersion,
    theirs: c.theirs.value,
    theirsVersion: c.theirs.version,
    mine: c.mine,
  }));
  const [row] = await tx.query<{ version: number; last_client_seq: number | null }>(WRITE_STAMPED, [
    writer.municipalityId,
    target.entityId,
    target.entity,
    JSON.stringify(plan.fields),
    JSON.stringify(plan.fieldMeta),
    JSON.stringify(plan.applied),
    writer.clientId,
    JSON.stringify(conflicts),
    JSON.stringify(plan.resolutions),
    mutation.id,
    writer.deviceId,
    writer.userId,
    mutation.clientSeq,
    plan.conflicts.length ? plan.conflicts.map((c) => c.field) : null,
    JSON.stringify(mutation.payload),
    // A new record has no version to match: a row that appeared meanwhile is never overwritten.
    target.expectedVersion ?? -1,
  ]);
  if (!row) throw new RecordRaceError('the record changed after the mutation was decided');
  return { version: Number(row.version), lastClientSeq: Number(row.last_client_seq ?? 0) };
}

const WRITE_UNSTAMPED = prepared(
  'write_unstamped',
  `
WITH dev AS (
  UPDATE devices SET last_client_seq = GREATEST(last_client_seq, $5) WHERE id = $3 RETURNING last_client_seq
),
mut AS (
  INSERT INTO mutations (id, municipality_id, device_id, client_id, client_seq, status, reason, payload)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
)
SELECT last_client_seq FROM dev`,
);

/**
 * Records a mutation that changed nothing (rejected, or every value already held) without taking a
 * version. Deciding it on a snapshot is safe: it is as if it ran just before any later change.
 * Returns the device's lastClientSeq.
 */
export async function writeUnstamped(
  tx: Sql,
  writer: SyncWriter,
  mutation: MutationRow,
  outcome: { status: 'applied'; reason: null } | { status: 'rejected'; reason: string },
): Promise<number> {
  const [row] = await tx.query<{ last_client_seq: number }>(WRITE_UNSTAMPED, [
    mutation.id,
    writer.municipalityId,
    writer.deviceId,
    writer.clientId,
    mutation.clientSeq,
    outcome.status,
    outcome.reason,
    JSON.stringify(mutation.payload),
  ]);
  return Number(row?.last_client_seq ?? 0);
}

/**
 * Takes the municipality's write lock (the one `UPDATE municipalities` takes) until commit: after a
 * lost race the mutation is decided and written under it, so it cannot lose again. Rare, so holding
 * the lock across Node.js round trips is acceptable there.
 */
export async function holdWriteLock(tx: Sql, municipalityId: string): Promise<void> {
  await tx.query('SELECT 1 FROM municipalities WHERE id = $1 FOR NO KEY UPDATE', [municipalityId]);
}
