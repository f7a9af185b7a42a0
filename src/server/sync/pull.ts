import type { JsonValue } from '../../domain/sync/json.ts';
import type { Role } from '../../protocol/auth.ts';
import { ENTITIES, type Entity } from '../../protocol/entities.ts';
import { readableEntities } from '../../protocol/permissions.ts';
import type { MunicipalitySettings } from '../../protocol/settings.ts';
import type { ConflictRecord, PullResponse, RecordSnapshot } from '../../protocol/sync.ts';
import type { DeviceContext } from '../auth/deviceTokens.ts';
import { settingsOf, type SettingsColumns } from '../settings.ts';
import { prepared, type Sql } from '../store/store.ts';
import { fieldVersions, type FieldMeta } from './storedRecord.ts';

const PULL_HEAD = prepared(
  'pull_head',
  `SELECT m.version, m.deadline_days, m.tablet_purge_days, m.retention_days, m.auto_lock_minutes, d.last_client_seq
     FROM municipalities m, devices d WHERE m.id = $1 AND d.id = $2`,
);

const PULL_RECORDS = prepared(
  'pull_records',
  `SELECT entity, id, version, fields, field_meta FROM records
    WHERE municipality_id = $1 AND version > $2 AND version <= $3
      AND ($5::jsonb IS NULL OR entity IN (SELECT jsonb_array_elements_text($5::jsonb)))
    ORDER BY version LIMIT $4`,
);

const PULL_CONFLICTS = prepared(
  'pull_conflicts',
  `SELECT c.id, c.entity, c.record_id, c.field, c.base, c.base_version, c.theirs, c.theirs_version, c.mine,
        c.created_at, c.version, c.resolved_value, c.resolved_at,
        tu.name AS theirs_by, mu.name AS mine_by, ru.name AS resolved_by
     FROM conflicts c
     LEFT JOIN users tu ON tu.id = c.theirs_user_id
     LEFT JOIN users mu ON mu.id = c.mine_user_id
     LEFT JOIN users ru ON ru.id = c.resolved_by
    WHERE c.municipality_id = $1 AND c.version > $2 AND c.version <= $3 
      AND ($4::jsonb IS NULL OR c.entity IN (SELECT jsonb_array_elements_text($4::jsonb)))
    ORDER BY c.version, c.id`,
);

/**
 * One page of what changed in the device's municipality after `cursor`.
 *
 * The municipality version V is read FIRST and everything else is bounded by it. Versions are taken
 * under the municipality row lock and that lock is held to commit, so once V is visible every version
 * up to V is committed: the page is complete up to its cursor, and a later change (even to a record
 * of this page) has a version above V and comes with the next pull. No transaction is needed.
 */
export async function pullChanges(
  sql: Sql,
  device: DeviceContext,
  cursor: number,
  limit: number,
): Promise<PullResponse> {
  const [head] = await sql.query<{ version: number; last_client_seq: number } & SettingsColumns>(PULL_HEAD, [
    device.municipalityId,
    device.deviceId,
  ]);
  const current = Number(head?.version ?? 0);
  const lastClientSeq = Number(head?.last_client_seq ?? 0);
  const settings: MunicipalitySettings = settingsOf(head);
  // A cursor from the future (a restore from backup, another server): the client starts over from 0.
  if (cursor > current)
    return { reset: true, cursor: 0, more: false, lastClientSeq, records: [], conflicts: [], settings };

  const only = onlyEntity(device.role);
  const rows = await sql.query<RecordRow>(PULL_RECORDS, [device.municipalityId, cursor, current, limit + 1, only]);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  // Record versions are unique in a municipality (one mutation stamps one record), so the last one
  // returned bounds the page exactly.
  const upTo = more ? Number(page[page.length - 1]?.version) : current;
  const conflicts = await sql.query<ConflictRow>(PULL_CONFLICTS, [device.municipalityId, cursor, upTo, only]);
  return {
    reset: false,
    cursor: upTo,
    more,
    lastClientSeq,
    records: page.map(toSnapshot),
    conflicts: conflicts.map(toConflict),
    settings,
  };
}

/**
 * The entities a role's pull is limited to (a JSON list, one parameter, so the statements stay
 * prepared), or null for all (src/protocol/permissions.ts).
 */
function onlyEntity(role: Role): string | null {
  const readable = readableEntities(role);
  return readable.length === ENTITIES.length ? null : JSON.stringify(readable);
}

interface RecordRow {
  entity: Entity;
  id: string;
  version: number;
  fields: Record<string, JsonValue>;
  field_meta: FieldMeta;
}

function toSnapshot(row: RecordRow): RecordSnapshot {
  return {
    entity: row.entity,
    id: row.id,
    version: Number(row.version),
    fields: row.fields,
    fieldVersions: fieldVersions(row.field_meta),
  };
}

interface ConflictRow {
  id: string;
  entity: Entity;
  record_id: string;
  field: string;
  base: JsonValue;
  base_version: number;
  theirs: JsonValue;
  theirs_version: number;
  mine: JsonValue;
  created_at: Date | string;
  version: number;
  resolved_value: JsonValue;
  resolved_at: Date | string | null;
  theirs_by: string | null;
  mine_by: string | null;
  resolved_by: string | null;
}

function toConflict(row: ConflictRow): ConflictRecord {
  return {
    id: row.id,
    entity: row.entity,
    entityId: row.record_id,
    field: row.field,
    base: row.base ?? null,
    baseVersion: Number(row.base_version),
    theirs: row.theirs,
    theirsVersion: Number(row.theirs_version),
    theirsBy: row.theirs_by,
    mine: row.mine,
    mineBy: row.mine_by ?? '',
    createdAt: isoTime(row.created_at),
    version: Number(row.version),
    resolution:
      row.resolved_at === null
        ? null
        : { value: row.resolved_value ?? null, by: row.resolved_by ?? '', at: isoTime(row.resolved_at) },
  };
}

const isoTime = (t: Date | string): string => new Date(t).toISOString();
