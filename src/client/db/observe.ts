import { liveQuery } from 'dexie';
import type { KartleggDb } from './database.ts';

/**
 * Runs `query` now and again whenever the tables it read change (in this tab or another), calling
 * `onValue` with each result. Returns the function that stops observing.
 */
export function observe<T>(
  db: KartleggDb,
  query: (db: KartleggDb) => Promise<T>,
  onValue: (value: T) => void,
): () => void {
  const subscription = liveQuery(() => query(db)).subscribe({ next: onValue, error: () => undefined });
  return () => subscription.unsubscribe();
}
