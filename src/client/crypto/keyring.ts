/**
 * The data key wrapped by a key derived from the mapper's PIN. Not secret (it is what a thief of the
 * tablet gets): without the PIN the wrapped key is useless, except to a guesser who pays 600,000
 * PBKDF2-SHA-256 iterations per guess. Pure WebCrypto: runs in the key worker (keyWorker.ts), and in
 * Node for the tests.
 */
export interface Keyring {
  version: 1;
  /** base64 of 16 random bytes. */
  salt: string;
  iterations: number;
  /** base64 of the 12-byte IV of the wrapping. */
  iv: string;
  /** base64 of the AES-GCM encryption of the 32 raw key bytes under the PIN-derived key. */
  wrappedKey: string;
}

export const PBKDF2_ITERATIONS = 600_000;
const WRAP_AAD = new TextEncoder().encode('kartlegg/keyring/v1');

export class WrongPinError extends Error {
  constructor() {
    super('wrong PIN');
  }
}

export const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Wraps the given data key (a new random one by default) under the PIN. */
export async function createKeyring(
  pin: string,
  dataKey = crypto.getRandomValues(new Uint8Array(32)),
  iterations = PBKDF2_ITERATIONS,
): Promise<{ keyring: Keyring; dataKey: Uint8Array }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: WRAP_AAD },
    await pinKey(pin, salt, iterations),
    dataKey as BufferSource,
  );
  const keyring: Keyring = {
    version: 1,
    salt: toBase64(salt),
    iterations,
    iv: toBase64(iv),
    wrappedKey: toBase64(new Uint8Array(wrapped)),
  };
  return { keyring, dataKey };
}

/** The raw data key; WrongPinError when the PIN does not open the keyring (GCM's tag fails). */
export async function unwrapKeyring(pin: string, keyring: Keyring): Promise<Uint8Array> {
  const key = await pinKey(pin, fromBase64(keyring.salt), keyring.iterations);
  try {
    const raw = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(keyring.iv), additionalData: WRAP_AAD },
      key,
      fromBase64(keyring.wrappedKey) as BufferSource,
    );
    return new Uint8Array(raw);
  } catch {
    throw new WrongPinError();
  }
}
