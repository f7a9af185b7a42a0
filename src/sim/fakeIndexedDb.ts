import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';

/**
 * Runs the client's Dexie code in Node on fake-indexeddb (an in-memory IndexedDB). Dexie reads the
 * IndexedDB globals once, when it is first imported, so they are set on Dexie itself: this works
 * whatever was imported first.
 */
export function useFakeIndexedDb(): void {
  Dexie.dependencies.indexedDB = indexedDB;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
}
