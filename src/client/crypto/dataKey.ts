/**
 * The unwrapped data key, in memory only while the app is unlocked: the raw bytes for the synchronous
 * cipher inside transactions (src/client/crypto/sealing.ts). Locking zeroes the bytes and drops them.
 */
let raw: Uint8Array | null = null;

export class LockedError extends Error {
  constructor() {
    super('the local data is locked');
  }
}

export function setDataKey(bytes: Uint8Array): void {
  clearDataKey();
  raw = bytes;
}

export function clearDataKey(): void {
  raw?.fill(0);
  raw = null;
}

export function isUnlocked(): boolean {
  return raw !== null;
}

export function rawDataKey(): Uint8Array {
  if (!raw) throw new LockedError();
  return raw;
}
