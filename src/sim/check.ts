import { SYNCED_TABLES, type SyncedRow } from '../client/db/database.ts';
import { getMeta } from '../client/db/meta.ts';
import type { ApiRequester } from '../client/net/api.ts';
import { jsonEqual, type JsonValue } from '../domain/sync/json.ts';
import type { Entity } from '../protocol/entities.ts';
import { fetchHistory, type ServerState } from './serverState.ts';
import type { Tablet, Write } from './tablet.ts';

const ENTITY_OF_TABLE: Record<(typeof SYNCED_TABLES)[number], Entity> = {
  residents: 'resident',
  mappings: 'mapping',
  places: 'place',
  plannedSessions: 'plannedSession',
};
/** Local bookkeeping on a stored row, not fields (RESERVED_FIELDS in src/protocol/entities.ts). */
const BOOKKEEPING = new Set(['id', 'versions', 'updatedAt']);
/** How many differences to describe; the count says the rest. */
const MAX_PROBLEMS = 20;

/**
 * Converged: every tablet holds exactly the server's records (fields as stored; bookkeeping ignored),
 * has pulled up to the server's last version, and sees every conflict as open or resolved as the
 * server does. Problems name tablets, records and fields, never values (they could be personal data
 * on a real server).
 */
export async function convergenceProblems(tablets: readonly Tablet[], server: ServerState): Promise<string[]> {
  const problems: string[] = [];
  for (const t of tablets) {
    const where = `tablet ${t.index}`;
    const cursor = (await getMeta(t.db, 'cursor')) ?? 0;
    if (cursor !== server.cursor) problems.push(`${where}: cursor ${cursor}, server at ${server.cursor}`);
    const local = new Map<string, { entity: Entity; fields: Record<string, JsonValue> }>();
    for (const table of SYNCED_TABLES) {
      for (const row of await t.db.table<SyncedRow & Record<string, JsonValue>, string>(table).toArray()) {
        local.set(row.id, { entity: ENTITY_OF_TABLE[table], fields: fieldsOf(row) });
      }
    }
    for (const [id, snapshot] of server.records) {
      const mine = local.get(id);
      if (!mine) problems.push(`${where}: lacks ${snapshot.entity} ${id}`);
      else if (mine.entity !== snapshot.entity) problems.push(`${where}: holds ${id} as a ${mine.entity}`);
      else {
        const differing = differingFields(mine.fields, snapshot.fields as Record<string, JsonValue>);
        if (differing.length) problems.push(`${where}: ${snapshot.entity} ${id} differs in ${differing.join(', ')}`);
      }
    }
    for (const [id, { entity }] of local) {
      if (!server.records.has(id)) problems.push(`${where}: holds ${entity} ${id}, which the server does not`);
    }
    const conflicts = new Map((await t.db.conflicts.toArray()).map((c) => [c.id, c.status]));
    for (const [id, c] of server.conflicts) {
      const status = c.resolution ? 'resolved' : 'open';
      if (conflicts.get(id) !== status)
        problems.push(`${where}: conflict ${id} is ${conflicts.get(id) ?? 'missing'}, not ${status}`);
    }
    if (conflicts.size !== server.conflicts.size) {
      problems.push(`${where}: ${conflicts.size} conflicts, the server ${server.conflicts.size}`);
    }
  }
  return problems;
}

function fieldsOf(row: Record<string, JsonValue>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(row).filter(([k, v]) => !BOOKKEEPING.has(k) && v !== undefined));
}

function differingFields(a: Record<string, JsonValue>, b: Record<string, JsonValue>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((f) => !(f in a) || !(f in b) || !jsonEqual(a[f] as JsonValue, b[f] as JsonValue)).sort();
}

/**
 * Lost: a value a tablet wrote that is neither the field's current value, nor in the field's history,
 * nor the `mine` of a conflict (docs/sync-protocol.md). Values of mutations the server rejected are
 * not counted: they wait on the tablet for a person (and are counted as rejected).
 */
export async function lostWrites(
  writes: readonly Write[],
  rejected: ReadonlySet<string>,
  server: ServerState,
  checker: { api: ApiRequester; token: string },
): Promise<{ lost: number; problems: string[] }> {
  const mineOf = new Map<string, JsonValue[]>();
  for (const c of server.conflicts.values()) {
    const key = `${c.entityId}/${c.field}`;
    mineOf.set(key, [...(mineOf.get(key) ?? []), c.mine as JsonValue]);
  }
  const byRecord = new Map<string, Write[]>();
  for (const w of writes) {
    if (!rejected.has(w.mutationId)) byRecord.set(w.entityId, [...(byRecord.get(w.entityId) ?? []), w]);
  }
  let lost = 0;
  const problems: string[] = [];
  for (const [id, recordWrites] of byRecord) {
    const snapshot = server.records.get(id);
    const entity = recordWrites[0]?.entity ?? 'resident';
    const history = snapshot ? await fetchHistory(checker.api, checker.token, entity, id) : [];
    for (const w of recordWrites) {
      const current = snapshot?.fields[w.field] as JsonValue | undefined;
      const kept =
        (current !== undefined && jsonEqual(current, w.value)) ||
        history.some((h) => h.field === w.field && jsonEqual(h.value as JsonValue, w.value)) ||
        (mineOf.get(`${id}/${w.field}`) ?? []).some((v) => jsonEqual(v, w.value));
      if (kept) continue;
      lost++;
      if (problems.length < MAX_PROBLEMS)
        problems.push(`lost: ${w.entity} ${id} field ${w.field} (mutation ${w.mutationId})`);
    }
  }
  return { lost, problems };
}
