import { Mutation, type MutationResult } from '../../protocol/sync.ts';
import type { DeviceContext } from '../auth/deviceTokens.ts';
import type { Sql, Store } from '../store/store.ts';

/**
 * Applies one pushed mutation in its own transaction and records its outcome.
 * Invariants:
 * - idempotent: a mutation id seen before returns the stored result and changes nothing;
 * - a mutation is either applied or stored as rejected (with a reason) — never dropped;
 * - data, the municipality version, the mutation record and the device's lastClientSeq commit together.
 */
export async function applyMutation(
  store: Store,
  device: DeviceContext,
  raw: { id: string; clientSeq: number },
): Promise<MutationResult> {
  return store.transaction(async (tx) => {
    const [seen] = await tx.query<{ device_id: string; status: Status; version: number | null; reason: string | null }>(
      'SELECT device_id, status, version, reason FROM mutations WHERE id = $1',
      [raw.id],
    );
    if (seen) {
      // Another device's mutation id: acknowledge as rejected, never touch its record.
      if (seen.device_id !== device.deviceId) return resultOf(raw.id, 'rejected', null, 'duplicate_id');
      return resultOf(raw.id, seen.status, seen.version, seen.reason);
    }
    const outcome = await tryApply(tx, device, raw);
    await tx.query(
      `INSERT INTO mutations (id, municipality_id, device_id, client_seq, status, version, reason, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        raw.id,
        device.municipalityId,
        device.deviceId,
        raw.clientSeq,
        outcome.status,
        outcome.version,
        outcome.reason,
        raw,
      ],
    );
    await tx.query('UPDATE devices SET last_client_seq = GREATEST(last_client_seq, $2) WHERE id = $1', [
      device.deviceId,
      raw.clientSeq,
    ]);
    return resultOf(raw.id, outcome.status, outcome.version, outcome.reason);
  });
}

type Status = 'applied' | 'rejected';
type Outcome =
  { status: 'applied'; version: number; reason: null } | { status: 'rejected'; version: null; reason: string };

const reject = (reason: string): Outcome => ({ status: 'rejected', version: null, reason });

async function tryApply(tx: Sql, device: DeviceContext, raw: unknown): Promise<Outcome> {
  const parsed = Mutation.safeParse(raw);
  if (!parsed.success) return reject('invalid');
  const m = parsed.data;
  const [row] = await tx.query<{ municipality_id: string }>(
    'SELECT municipality_id FROM residents WHERE id = $1 FOR UPDATE',
    [m.entityId],
  );
  // Another municipality's record is indistinguishable from a missing one.
  if (row && row.municipality_id !== device.municipalityId) return reject('not_found');
  if (!row && (m.fields.givenName === undefined || m.fields.familyName === undefined)) {
    return reject('incomplete_new_record');
  }
  const [counter] = await tx.query<{ version: number }>(
    'UPDATE municipalities SET version = version + 1 WHERE id = $1 RETURNING version',
    [device.municipalityId],
  );
  const version = Number(counter?.version);
  await tx.query(
    `INSERT INTO residents (id, municipality_id, data, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET data = residents.data || EXCLUDED.data, version = EXCLUDED.version, updated_at = now()`,
    [m.entityId, device.municipalityId, m.fields, version],
  );
  return { status: 'applied', version, reason: null };
}

function resultOf(id: string, status: Status, version: number | null, reason: string | null): MutationResult {
  return {
    id,
    status,
    ...(version !== null ? { version: Number(version) } : {}),
    ...(reason !== null ? { reason } : {}),
  };
}
