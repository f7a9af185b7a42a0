import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import { PullResponse } from '../../protocol/sync.ts';
import { getMeta, setMeta } from '../db/index.ts';
import { ApiRequestError } from '../net/api.ts';
import { applyServerChanges, resetLocalCopy } from './applyServerChanges.ts';
import type { SyncTarget } from './syncTarget.ts';

const PAGE_SIZE = 500;

/** Pulls every change since the stored cursor, page by page. Returns how many records arrived. */
export async function pullChanges({ db, session, api, onProgress }: SyncTarget): Promise<number> {
  let cursor = (await getMeta(db, 'cursor')) ?? 0;
  let received = 0;
  let resets = 0;
  for (;;) {
    onProgress?.({ phase: 'pull', done: received, total: null });
    const query = new URLSearchParams({
      protocol: String(PROTOCOL_VERSION),
      cursor: String(cursor),
      limit: String(PAGE_SIZE),
    });
    const page = await api(`sync/pull?${query}`, PullResponse, { token: session.token });
    if (page.reset) {
      // A second reset in one run means the server keeps forgetting: stop rather than loop.
      if (resets++ > 0) throw new ApiRequestError(500, 'server', 'The server reset the sync cursor twice.');
      await resetLocalCopy(db);
      cursor = 0;
      continue;
    }
    await applyServerChanges(db, page);
    // The municipality's settings ride along with every page; the import uses them offline later.
    if (page.settings) {
      const { deadlineDays, tabletPurgeDays, autoLockMinutes } = page.settings;
      if (deadlineDays !== undefined) await setMeta(db, 'deadlineDays', deadlineDays);
      if (tabletPurgeDays !== undefined) await setMeta(db, 'tabletPurgeDays', tabletPurgeDays);
      if (autoLockMinutes !== undefined) await setMeta(db, 'autoLockMinutes', autoLockMinutes);
    }
    received += page.records.length;
    cursor = page.cursor;
    if (!page.more) return received;
  }
}
