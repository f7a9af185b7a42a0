import { recordChange } from '../client/db/changes.ts';
import { openDatabase, tableOf, type KartleggDb, type OutboxRow } from '../client/db/database.ts';
import { saveSession, type StoredSession } from '../client/db/session.ts';
import { ApiRequestError, createApi, type ApiRequester } from '../client/net/api.ts';
import { syncOnce } from '../client/sync/syncOnce.ts';
import type { JsonValue } from '../domain/sync/json.ts';
import { LoginResponse } from '../protocol/auth.ts';
import type { Entity } from '../protocol/entities.ts';

/** The kinds of record the simulated users write (places and sessions are not simulated). */
export type SimEntity = Extract<Entity, 'resident' | 'mapping'>;
import type { Network } from './network.ts';

export interface Credentials {
  username: string;
  password: string;
}

/** One value a tablet wrote with recordChange: the lost-check looks for each of them on the server. */
export interface Write {
  entity: Entity;
  entityId: string;
  field: string;
  value: JsonValue;
  mutationId: string;
}

/**
 * A virtual tablet: its own IndexedDB (fake-indexeddb), its own network, and the app's real code for
 * changes (recordChange) and sync (syncOnce → pushPending, pullChanges). Like the app, it keeps its
 * database, client id and outbox when it has to sign in again.
 */
export class Tablet {
  readonly db: KartleggDb;
  readonly api: ApiRequester;
  session: StoredSession | null = null;
  readonly writes: Write[] = [];
  /** Records this tablet knows, in the order it learnt of them: what its user can pick to edit. */
  readonly known: Record<SimEntity, string[]> = { resident: [], mapping: [] };
  private readonly knownIds = new Set<string>();
  /** A sync run is going on (the app runs one at a time) / another was asked for meanwhile. */
  syncing = false;
  syncAgain = false;
  signIns = 0;

  constructor(
    readonly index: number,
    dbName: string,
    private readonly credentials: Credentials,
    readonly network: Network,
    serverUrl: string,
  ) {
    // Each virtual tablet seals its rows under a key of its own, as a real one does after its PIN.
    const key = crypto.getRandomValues(new Uint8Array(32));
    this.db = openDatabase(dbName, () => key);
    this.api = createApi(network.fetch, `${serverUrl}/api/`);
  }

  /**
   * Signs in (enrolling a new device, as every sign-in does) and stores the session; false when the
   * server could not be reached. As in the app, signing in again keeps the database, the client id
   * and the outbox, and only the same user may take the database over.
   */
  async signIn(): Promise<boolean> {
    let response: LoginResponse;
    try {
      response = await this.api('auth/login', LoginResponse, {
        method: 'POST',
        body: { ...this.credentials, deviceLabel: `kartlegg sim tablet ${this.index}` },
      });
    } catch (err) {
      if (err instanceof ApiRequestError && err.status !== 401 && err.status !== 400) return false;
      throw err;
    }
    if (this.session && this.session.user.id !== response.user.id) throw new Error('signed in as another user');
    const session: StoredSession = {
      token: response.token,
      deviceId: response.deviceId,
      user: response.user,
      username: this.credentials.username,
      mustChangePassword: response.mustChangePassword,
    };
    await saveSession(this.db, session);
    this.session = session;
    this.signIns++;
    return true;
  }

  /**
   * One sync run, as the app's loop makes it: push the outbox, pull until up to date. A network or
   * server error only ends the run (the loop would retry later); a 401 makes the user sign in again
   * and sync once more, as the app's "sign in again" does. Returns what syncOnce returned, or null.
   */
  async sync(retryAfterSignIn = true): Promise<{ pushed: number; pulled: number } | null> {
    if (!this.session && !(await this.signIn())) return null;
    const session = this.session;
    if (!session) return null;
    try {
      return await syncOnce({ db: this.db, session, api: this.api });
    } catch (err) {
      if (!(err instanceof ApiRequestError)) throw err;
      if (err.status === 401) {
        this.session = null;
        if (retryAfterSignIn && (await this.signIn())) return this.sync(false);
      }
      return null;
    } finally {
      await this.learnRecords();
    }
  }

  /** recordChange, logging each value written. */
  async change(entity: SimEntity, entityId: string, values: Record<string, JsonValue>): Promise<OutboxRow> {
    const row = await recordChange(this.db, entity, entityId, values);
    this.logWrites(row);
    this.know(entity, entityId);
    return row;
  }

  logWrites(row: OutboxRow): void {
    for (const [field, { value }] of Object.entries(row.changes)) {
      this.writes.push({ entity: row.entity, entityId: row.entityId, field, value, mutationId: row.mutationId });
    }
  }

  know(entity: SimEntity, id: string): void {
    if (this.knownIds.has(id)) return;
    this.knownIds.add(id);
    this.known[entity].push(id);
  }

  /**
   * Learns the records a pull brought. New ones are taken in the order of their server version, not
   * of their (partly random) ids, so that the run stays the same for the same seed.
   */
  private async learnRecords(): Promise<void> {
    for (const entity of ['resident', 'mapping'] as const) {
      const table = tableOf(this.db, entity);
      const ids = (await table.toCollection().primaryKeys()).filter((id) => !this.knownIds.has(id));
      if (ids.length === 0) continue;
      const fresh = (await table.bulkGet(ids))
        .flatMap((r) => (r ? [{ id: r.id, version: Math.max(0, ...Object.values(r.versions)) }] : []))
        .sort((a, b) => a.version - b.version);
      for (const r of fresh) this.know(entity, r.id);
    }
  }
}
