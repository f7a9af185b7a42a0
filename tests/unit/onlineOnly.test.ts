import { describe, expect, it } from 'vitest';
import { ROLES } from '../../src/protocol/auth.ts';
import { isOnlineOnly } from '../../src/protocol/onlineOnly.ts';
import { readableEntities } from '../../src/protocol/permissions.ts';

describe('isOnlineOnly', () => {
  it.each(ROLES)('%s: online only exactly when the role reads no synced record', (role) => {
    expect(isOnlineOnly(role)).toBe(readableEntities(role).length === 0);
  });
});
