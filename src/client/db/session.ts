import type { KartleggDb } from './database.ts';
import { deleteMeta, getMeta, setMeta, type MetaValues } from './meta.ts';

export type StoredSession = MetaValues['session'];

export const loadSession = (db: KartleggDb) => getMeta(db, 'session');
export const saveSession = (db: KartleggDb, s: StoredSession) => setMeta(db, 'session', s);
export const forgetSession = (db: KartleggDb) => deleteMeta(db, 'session');
