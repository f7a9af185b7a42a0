import { gcm } from '@noble/ciphers/aes.js';
import { SEALED } from './clearFields.ts';

/**
 * A sealed row part: a 12-byte random IV followed by the AES-GCM-256 ciphertext and its 16-byte tag,
 * of the JSON of the fields. The additional data binds it to its table and primary key, so a sealed
 * value copied onto another row (or table) fails to open instead of showing the wrong person's data.
 *
 * Two implementations of the same standard cipher: `seal`/`open` are synchronous (audited pure-JS
 * AES-GCM, @noble/ciphers), because they run inside IndexedDB transactions, which commit as soon as
 * the code awaits anything that is not IndexedDB (WebCrypto included); `openAsync` opens the same
 * bytes with WebCrypto (native, much faster) for reads outside any transaction.
 */
export const IV_BYTES = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function additionalData(table: string, primaryKey: unknown): Uint8Array {
  return encoder.encode(`kartlegg/v1/${table}/${JSON.stringify(primaryKey ?? null)}`);
}

export function seal(key: Uint8Array, value: unknown, aad: Uint8Array): Uint8Array {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  return withIv(iv, gcm(key, iv, aad).encrypt(encoder.encode(JSON.stringify(value))));
}

/** The stored layout: the IV, then the ciphertext with its tag. */
function withIv(iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const out = new Uint8Array(IV_BYTES + ciphertext.length);
  out.set(iv);
  out.set(ciphertext, IV_BYTES);
  return out;
}

/** Throws when the bytes were altered, or sealed under another key, table or primary key. */
export function open(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): unknown {
  const plain = gcm(key, sealed.subarray(0, IV_BYTES), aad).decrypt(sealed.subarray(IV_BYTES));
  return JSON.parse(decoder.decode(plain));
}

/** The data key for WebCrypto, for sealing and opening outside any IndexedDB transaction. */
export function webKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * `seal` with WebCrypto, of JSON text the caller has already made: the same layout, for large values
 * outside any IndexedDB transaction. `openAsync` opens it.
 */
export async function sealJsonAsync(key: CryptoKey, json: string, aad: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad as BufferSource },
    key,
    encoder.encode(json),
  );
  return withIv(iv, new Uint8Array(ciphertext));
}

/** A row as stored: its clear fields, and every other field in one sealed part. */
export function sealStoredRow(
  key: Uint8Array,
  table: string,
  clear: ReadonlySet<string>,
  primaryKey: unknown,
  row: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  for (const field of Object.keys(row)) {
    if (clear.has(field)) out[field] = row[field];
    else hidden[field] = row[field];
  }
  out[SEALED] = seal(key, hidden, additionalData(table, primaryKey));
  return out;
}

/**
 * A row as stored, opened: its sealed fields, then its clear fields over them (a fresh object:
 * JSON.parse made it). A row without a sealed part (written before encryption) is returned as it is.
 * What the encryption middleware does on every read, and what opening an export does to its rows.
 */
export function openStoredRow(key: Uint8Array, table: string, primaryKey: unknown, stored: object): object {
  if (!(SEALED in stored)) return stored;
  const row = stored as Record<string, unknown>;
  const opened = open(key, row[SEALED] as Uint8Array, additionalData(table, primaryKey)) as Record<string, unknown>;
  for (const field of Object.keys(row)) if (field !== SEALED) opened[field] = row[field];
  return opened;
}

/** `open` with WebCrypto: for reads outside any IndexedDB transaction. */
export async function openAsync(key: CryptoKey, sealed: Uint8Array, aad: Uint8Array): Promise<unknown> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES) as BufferSource, additionalData: aad as BufferSource },
    key,
    sealed.subarray(IV_BYTES) as BufferSource,
  );
  return JSON.parse(decoder.decode(plain));
}
