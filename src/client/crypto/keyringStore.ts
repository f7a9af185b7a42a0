import type { Keyring } from './keyring.ts';

/**
 * The keyring lives beside the database, in localStorage: it is not secret, and it must be readable
 * before the database can be opened. Removed with the database (sign-out, remote wipe, forgotten PIN).
 */
const KEY = 'kartlegg.keyring';

export function loadKeyring(): Keyring | null {
  const text = localStorage.getItem(KEY);
  return text ? (JSON.parse(text) as Keyring) : null;
}

export function saveKeyring(keyring: Keyring): void {
  localStorage.setItem(KEY, JSON.stringify(keyring));
}

export function removeKeyring(): void {
  localStorage.removeItem(KEY);
}
