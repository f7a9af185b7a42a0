import { auditSystem } from './audit.ts';
import { holdWriteLock } from './sync/writeMutation.ts';
import type { Sql, Store } from './store/store.ts';

/** What one municipality's run found (and, unless a dry run, erased). Counts and ids only. */
export interface RetentionOutcome {
  municipalityId: string;
  municipalityName: string;
  retentionDays: number;
  /** Residents whose data is (or would be) erased, and their mapping records. */
  residents: number;
  mappings: number;
  /** Residents past the retention days but kept because one of their records has an open conflict. */
  heldByConflicts: number;
}

export interface RetentionOptions {
  dryRun?: boolean;
  /** Only this municipality (its id); all when absent. */
  municipalityId?: string;
}

/** The writer of an erasure: no client (the nil UUID), so no tablet's later change counts as its own. */
const NO_CLIENT = '00000000-0000-0000-0000-000000000000';

/**
 * Residents whose every live mapping is complete, the latest completion (when the `status` field got
 * its current value, from field_history) longer ago than the municipality's retention days.
 * `held`: one of the resident's records has an open conflict (a person has yet to decide: not erased).
 * A resident already erased has no live mapping left, so it is never found again.
 */
const DUE = `
WITH maps AS (
  SELECT r.fields->>'residentId' AS resident_id,
         r.fields->'deleted' = 'true'::jsonb AS deleted,
         r.fields->'status' = '"complete"'::jsonb AS complete,
         coalesce(h.at, r.updated_at) AS completed_at
    FROM records r
    LEFT JOIN field_history h ON h.record_id = r.id AND h.field = 'status'
         AND h.version = (r.field_meta->'status'->>'v')::bigint
   WHERE r.municipality_id = $1 AND r.entity = 'mapping'
),
due AS (
  SELECT resident_id
    FROM maps
   WHERE resident_id IS NOT NULL
   GROUP BY resident_id
  HAVING count(*) FILTER (WHERE deleted IS NOT TRUE) > 0
     AND bool_and(deleted IS TRUE OR complete IS TRUE)
     AND max(completed_at) FILTER (WHERE deleted IS NOT TRUE) < $2::timestamptz - make_interval(days => $3::int)
)
SELECT d.resident_id,
       EXISTS (SELECT 1 FROM records r JOIN conflicts c ON c.record_id = r.id AND c.resolved_at IS NULL
                WHERE r.municipality_id = $1
                  AND ((r.entity = 'mapping' AND r.fields->>'residentId' = d.resident_id)
                    OR (r.entity = 'resident' AND r.id::text = d.resident_id))) AS held
  FROM due d
 ORDER BY d.resident_id`;

/** Every record of the given residents: the resident itself and all its mappings (deleted ones too). */
const TARGETS = `
SELECT id, entity FROM records
 WHERE municipality_id = $1
   AND ((entity = 'mapping' AND fields->>'residentId' = ANY (SELECT jsonb_array_elements_text($2::jsonb)))
     OR (entity = 'resident' AND id::text = ANY (SELECT jsonb_array_elements_text($2::jsonb))))
 ORDER BY id`;

/**
 * Each erased record becomes a tombstone with a version of its own (pull pages by record version,
 * unique in a municipality): `deleted: true`, plus a mapping's `residentId` (an id, so tablets can still
 * group the tombstones). Every other field is gone.
 */
const ERASE_RECORDS = `
UPDATE records r
   SET fields = jsonb_build_object('deleted', true)
                || jsonb_strip_nulls(jsonb_build_object('residentId', CASE WHEN r.entity = 'mapping' THEN r.fields->'residentId' END)),
       field_meta = jsonb_build_object('deleted', jsonb_build_object('v', t.version, 'w', $3::uuid))
                || jsonb_strip_nulls(jsonb_build_object('residentId', CASE WHEN r.entity = 'mapping' THEN r.field_meta->'residentId' END)),
       version = t.version,
       updated_at = now()
  FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, version bigint)
 WHERE r.id = t.id AND r.municipality_id = $1`;

/** Values of the erased records in history: all but `residentId` (an id) go; the erasure is recorded. */
const ERASE_HISTORY = `
DELETE FROM field_history h
 USING jsonb_to_recordset($2::jsonb) AS t(id uuid, version bigint)
 WHERE h.record_id = t.id AND h.municipality_id = $1 AND h.field <> 'residentId'`;

const RECORD_ERASURE = `
INSERT INTO field_history (record_id, field, version, municipality_id, entity, value, client_id)
SELECT t.id, 'deleted', t.version, $1, r.entity, 'true'::jsonb, $3::uuid
  FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, version bigint)
  JOIN records r ON r.id = t.id`;

/** Their conflicts hold values too (base, theirs, mine, the resolution); only resolved ones are left. */
const ERASE_CONFLICTS = `
DELETE FROM conflicts c
 USING jsonb_to_recordset($2::jsonb) AS t(id uuid, version bigint)
 WHERE c.record_id = t.id AND c.municipality_id = $1`;

/**
 * The pushed mutations are the idempotency record and the audit trail of changes: they stay, with the
 * field names they changed and their outcome, but their values go (protocol 2's `changes[f].value`,
 * protocol 1's `fields[f]`).
 */
const ERASE_MUTATION_VALUES = `
UPDATE mutations m
   SET payload = m.payload
       || CASE WHEN jsonb_typeof(m.payload->'changes') = 'object' THEN jsonb_build_object('changes',
            (SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN jsonb_typeof(e.value) = 'object'
                                                         THEN e.value - 'value' ELSE 'null'::jsonb END), '{}'::jsonb)
               FROM jsonb_each(m.payload->'changes') AS e)) ELSE '{}'::jsonb END
       || CASE WHEN jsonb_typeof(m.payload->'fields') = 'object' THEN jsonb_build_object('fields',
            (SELECT coalesce(jsonb_object_agg(k, 'null'::jsonb), '{}'::jsonb)
               FROM jsonb_object_keys(m.payload->'fields') AS k)) ELSE '{}'::jsonb END
 WHERE m.municipality_id = $1
   AND m.payload->>'entityId' IN (SELECT t.id::text FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, version bigint))`;

/**
 * Erases the data of residents whose mapping has been complete for longer than their municipality's
 * retention days (docs/retention.md), one transaction per municipality, holding that municipality's
 * write lock (sync pushes wait; pulls do not). A dry run only counts. Returns counts, never values.
 */
export async function runRetention(
  store: Store,
  { dryRun = false, municipalityId }: RetentionOptions = {},
  now = new Date(),
): Promise<RetentionOutcome[]> {
  const municipalities = await store.query<{ id: string; name: string; retention_days: number }>(
    `SELECT id, name, retention_days FROM municipalities WHERE ($1::uuid IS NULL OR id = $1) ORDER BY name`,
    [municipalityId ?? null],
  );
  const outcomes: RetentionOutcome[] = [];
  for (const m of municipalities) {
    const days = Number(m.retention_days);
    const run = async (sql: Sql) => {
      const due = await sql.query<{ resident_id: string; held: boolean }>(DUE, [m.id, now.toISOString(), days]);
      const erase = due.filter((d) => !d.held).map((d) => d.resident_id);
      const targets = erase.length
        ? await sql.query<{ id: string; entity: string }>(TARGETS, [m.id, JSON.stringify(erase)])
        : [];
      const outcome: RetentionOutcome = {
        municipalityId: m.id,
        municipalityName: m.name,
        retentionDays: days,
        residents: targets.filter((t) => t.entity === 'resident').length,
        mappings: targets.filter((t) => t.entity === 'mapping').length,
        heldByConflicts: due.length - erase.length,
      };
      if (!dryRun && targets.length) {
        await eraseRecords(sql, m.id, targets);
        // In the same transaction: the trail says what the run erased (counts only, no one named).
        await auditSystem(sql, m.id, 'retention_run', {
          residents: outcome.residents,
          mappings: outcome.mappings,
          heldByConflicts: outcome.heldByConflicts,
          retentionDays: days,
        });
      }
      return outcome;
    };
    outcomes.push(
      dryRun
        ? await run(store)
        : await store.transaction(async (tx) => {
            await holdWriteLock(tx, m.id);
            return run(tx);
          }),
    );
  }
  return outcomes;
}

/** Stamps each target with the next version and erases its values everywhere they are kept. */
async function eraseRecords(sql: Sql, municipalityId: string, targets: readonly { id: string }[]): Promise<void> {
  const [row] = await sql.query<{ version: number }>(
    'UPDATE municipalities SET version = version + $2 WHERE id = $1 RETURNING version',
    [municipalityId, targets.length],
  );
  const top = Number(row?.version);
  const first = top - targets.length + 1;
  const stamped = JSON.stringify(targets.map((t, i) => ({ id: t.id, version: first + i })));
  await sql.query(ERASE_RECORDS, [municipalityId, stamped, NO_CLIENT]);
  await sql.query(ERASE_HISTORY, [municipalityId, stamped]);
  await sql.query(RECORD_ERASURE, [municipalityId, stamped, NO_CLIENT]);
  await sql.query(ERASE_CONFLICTS, [municipalityId, stamped]);
  await sql.query(ERASE_MUTATION_VALUES, [municipalityId, stamped]);
}
