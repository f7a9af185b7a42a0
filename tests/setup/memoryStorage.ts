/**
 * A minimal in-memory localStorage for Node, for the modules that keep state there (the keyring,
 * the wrong-PIN count). Import it before those modules.
 */
export const memoryStorage = new Map<string, string>();
globalThis.localStorage = {
  getItem: (k: string) => memoryStorage.get(k) ?? null,
  setItem: (k: string, v: string) => void memoryStorage.set(k, v),
  removeItem: (k: string) => void memoryStorage.delete(k),
} as Storage;
