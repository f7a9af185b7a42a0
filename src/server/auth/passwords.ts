import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's second recommended setting (m = 19 MiB, t = 2, p = 1): the library default.
 * The parameters travel inside the hash string, so they can be raised later without a migration.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the username is unknown, so a wrong
 * username takes as long as a wrong password and usernames cannot be probed by timing.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomSecret(16));
  return decoyHash;
}

/** URL-safe random text from the platform CSPRNG. */
export function randomSecret(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Buffer.from(buf).toString('base64url');
}
