/**
 * The unwrapped data key, in memory only while the app is unlocked: the raw bytes for the synchronous
 * cipher inside transactions, and a non-extractable WebCrypto key for bulk reads. Locking zeroes the
 * bytes and drops both.
 */
let raw: Uint8Array | null = null;
let webKey: CryptoKey | null = null;

export class LockedError extends Error {
  constructor() {
    super('the local data is locked');
  }
}

export async function setDataKey(bytes: Uint8Array): Promise<void> {
  clearDataKey();
  raw = bytes;
  webKey = await crypto.subtle.importKey('raw', bytes as BufferSource, 'AES-GCM', false, ['decrypt']);
}

export function clearDataKey(): void {
  raw?.fill(0);
  raw = null;
  webKey = null;
}

export function isUnlocked(): boolean {
  return raw !== null;
}

export function rawDataKey(): Uint8Array {
  if (!raw) throw new LockedError();
  return raw;
}

export function webDataKey(): CryptoKey {
  if (!webKey) throw new LockedError();
  return webKey;
}
