import { addMunicipality, addUser } from './accounts.ts';
import { randomSecret } from './auth/passwords.ts';
import type { Store } from './store/store.ts';

export interface FirstLogin {
  municipality: string;
  username: string;
  password: string;
}

/**
 * On the very first start (no user at all) creates a municipality and an admin with a random
 * password, and returns it so the caller can print it once. It is never stored in clear or logged
 * again. Runs in one transaction so two instances starting together cannot both create one.
 */
export async function ensureFirstAdmin(store: Store, municipalityName: string): Promise<FirstLogin | null> {
  return store.transaction(async (tx) => {
    await tx.query('LOCK TABLE users IN EXCLUSIVE MODE');
    const any = await tx.query('SELECT 1 FROM users LIMIT 1');
    if (any.length) return null;
    const municipality = await addMunicipality(tx, municipalityName);
    const password = randomSecret(12);
    await addUser(tx, {
      municipalityId: municipality.id,
      username: 'admin',
      name: 'Administrator',
      password,
      role: 'admin',
      mustChangePassword: true,
    });
    return { municipality: municipality.name, username: 'admin', password };
  });
}
