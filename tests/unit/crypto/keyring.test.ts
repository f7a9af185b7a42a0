import { describe, expect, it } from 'vitest';
import { createKeyring, PBKDF2_ITERATIONS, unwrapKeyring, WrongPinError } from '../../../src/client/crypto/keyring.ts';

describe('keyring', () => {
  it('wraps a random 256-bit key that only the right PIN unwraps', async () => {
    const { keyring, dataKey } = await createKeyring('246810');
    expect(keyring.iterations).toBe(PBKDF2_ITERATIONS);
    expect(dataKey).toHaveLength(32);
    expect(JSON.stringify(keyring)).not.toContain('246810');
    expect(await unwrapKeyring('246810', keyring)).toEqual(dataKey);
    await expect(unwrapKeyring('246811', keyring)).rejects.toBeInstanceOf(WrongPinError);
  });

  it('gives two keyrings of one PIN different salts and keys', async () => {
    const a = await createKeyring('135790', undefined, 1000);
    const b = await createKeyring('135790', undefined, 1000);
    expect(a.keyring.salt).not.toBe(b.keyring.salt);
    expect(a.dataKey).not.toEqual(b.dataKey);
  });
});
