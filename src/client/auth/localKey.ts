import { clearDataKey, setDataKey } from '../crypto/dataKey.ts';
import { createKeyringInWorker, unwrapInWorker } from '../crypto/keyWorkerClient.ts';
import { loadKeyring, saveKeyring } from '../crypto/keyringStore.ts';
import { clearWrongPins, recordWrongPin, waitSeconds } from '../crypto/pinDelay.ts';
import { WrongPinError } from '../crypto/keyring.ts';
import {
  closeLocalDatabase,
  database,
  deleteLocalDatabase,
  loadSession,
  saveSession,
  type StoredSession,
} from '../db/index.ts';

/** The performance measure of an unlock with the PIN, from the click to the database open. */
export const UNLOCK_MEASURE = 'kartlegg:unlock';

/** The shortest PIN accepted: 6 digits. */
export const MIN_PIN_LENGTH = 6;

export const isValidPin = (pin: string) => new RegExp(`^[0-9]{${MIN_PIN_LENGTH},}$`).test(pin);

/** A wrong PIN, or a try before the wait is over: `waitSeconds` says how long until the next. */
export class PinRefusedError extends Error {
  constructor(readonly waitSeconds: number) {
    super('PIN refused');
  }
}

/**
 * Makes a new data key under the chosen PIN and opens the database with it. `fresh`: a new sign-in on
 * a tablet with no keyring, where whatever local database exists holds nothing unsynced (signing out
 * requires an empty outbox) and is deleted; without it (a tablet from before encryption) the
 * database's v3 upgrade seals its rows with the new key. Returns the stored session.
 */
export async function choosePin(pin: string, signedIn: StoredSession | null): Promise<StoredSession | null> {
  if (!isValidPin(pin)) throw new Error('invalid PIN');
  if (signedIn) await deleteLocalDatabase();
  const { keyring, dataKey } = await createKeyringInWorker(pin);
  setDataKey(dataKey);
  const db = database();
  if (signedIn) await saveSession(db, signedIn);
  // Saved last: a keyring always belongs to a database that holds rows sealed with its key.
  saveKeyring(keyring);
  clearWrongPins();
  return signedIn ?? (await loadSession(db)) ?? null;
}

/** Unwraps the data key with the PIN (in a worker) and opens the database. */
export async function unlock(pin: string): Promise<StoredSession | null> {
  const wait = waitSeconds();
  if (wait > 0) throw new PinRefusedError(wait);
  const keyring = loadKeyring();
  if (!keyring) throw new Error('no keyring');
  let dataKey: Uint8Array;
  try {
    dataKey = await unwrapInWorker(pin, keyring);
  } catch (error) {
    if (!(error instanceof WrongPinError)) throw error;
    recordWrongPin();
    throw new PinRefusedError(waitSeconds());
  }
  clearWrongPins();
  setDataKey(dataKey);
  return (await loadSession(database())) ?? null;
}

/** Closes the database and forgets the key. Every edit is already committed, so nothing is lost. */
export function lock(): void {
  closeLocalDatabase();
  clearDataKey();
}
