import type { ApiRequester } from '../client/net/api.ts';
import { RecordHistoryResponse } from '../protocol/history.ts';
import { PullResponse, type ConflictRecord, type RecordSnapshot } from '../protocol/sync.ts';
import { PROTOCOL_VERSION } from '../protocol/version.ts';

/** Everything the server holds for the municipality, as a fresh pull from cursor 0 shows it. */
export interface ServerState {
  cursor: number;
  records: Map<string, RecordSnapshot>;
  conflicts: Map<string, ConflictRecord>;
}

const PAGE = 1000;

/** Pulls from cursor 0 with raw protocol requests (not the client code the check is about). */
export async function pullEverything(api: ApiRequester, token: string): Promise<ServerState> {
  const state: ServerState = { cursor: 0, records: new Map(), conflicts: new Map() };
  for (;;) {
    const query = new URLSearchParams({
      protocol: String(PROTOCOL_VERSION),
      cursor: String(state.cursor),
      limit: String(PAGE),
    });
    const page = await api(`sync/pull?${query}`, PullResponse, { token });
    if (page.reset) throw new Error('the server reset a pull from cursor 0');
    for (const r of page.records) state.records.set(r.id, r);
    for (const c of page.conflicts) state.conflicts.set(c.id, c);
    state.cursor = page.cursor;
    if (!page.more) return state;
  }
}

export function fetchHistory(api: ApiRequester, token: string, entity: string, id: string) {
  return api(`records/${entity}/${id}/history`, RecordHistoryResponse, { token });
}
