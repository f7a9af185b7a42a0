import { prepared, type Sql } from '../store/store.ts';
import type { StoredRecord } from './storedRecord.ts';

/** A mutation id already recorded, with the result it got. */
export interface SeenMutation {
  municipalityId: string;
  clientId: string;
  /** The user whose device pushed it. */
  userId: string;
  status: 'applied' | 'rejected';
  version: number | null;
  reason: string | null;
  conflicted: string[] | null;
}

export interface OpenConflict {
  id: string;
  field: string;
}

export interface MutationContext {
  seen: SeenMutation | null;
  record: StoredRecord | null;
  /** The record's unresolved conflicts. */
  open: OpenConflict[];
  /** The highest clientSeq recorded for the device (what a push answers with). */
  lastClientSeq: number;
}

const LOAD_FOR_MUTATION = prepared(
  'load_for_mutation',
  `SELECT
     (SELECT jsonb_build_object('municipalityId', m.municipality_id, 'clientId', m.client_id, 'userId', d.user_id,
                                'status', m.status, 'version', m.version, 'reason', m.reason,
                                'conflicted', to_jsonb(m.conflicted))
        FROM mutations m JOIN devices d ON d.id = m.device_id WHERE m.id = $1) AS seen,
     (SELECT jsonb_build_object('municipalityId', r.municipality_id, 'entity', r.entity, 'fields', r.fields,
                                'fieldMeta', r.field_meta, 'version', r.version)
        FROM records r WHERE r.id = $2) AS record,
     (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'field', c.field)), '[]'::jsonb)
        FROM conflicts c WHERE c.record_id = $2 AND c.resolved_at IS NULL) AS open,
     (SELECT d.last_client_seq FROM devices d WHERE d.id = $3) AS last_client_seq`,
);

/**
 * Everything a mutation is decided on, in one statement (so one snapshot): the earlier outcome of its
 * id, the record it targets and the record's open conflicts. Nothing is locked: the write checks that
 * the record still has the version read here (see writeMutation.ts).
 */
export async function loadForMutation(
  tx: Sql,
  mutationId: string,
  recordId: string | null,
  deviceId: string,
): Promise<MutationContext> {
  const [row] = await tx.query<{
    seen: SeenMutation | null;
    record: StoredRecord | null;
    open: OpenConflict[];
    last_client_seq: number | null;
  }>(LOAD_FOR_MUTATION, [mutationId, recordId, deviceId]);
  return {
    seen: row?.seen ?? null,
    record: row?.record ?? null,
    open: row?.open ?? [],
    lastClientSeq: Number(row?.last_client_seq ?? 0),
  };
}
