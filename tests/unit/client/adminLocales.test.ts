import { describe, expect, it } from 'vitest';
import en from '../../../src/client/i18n/locales/admin/en.json';
import nb from '../../../src/client/i18n/locales/admin/nb.json';
import nn from '../../../src/client/i18n/locales/admin/nn.json';
import { AUDIT_ACTIONS } from '../../../src/protocol/audit.ts';
import { MunicipalitySettings } from '../../../src/protocol/settings.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the administrator screen’s strings', () => {
  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of nb', (_, locale) => {
    expect(keys(locale).sort()).toEqual(keys(nb).sort());
  });

  // Built from codes at run time (t(`admin.audit.actions.${action}`)), so no literal check finds them.
  it('names every action of the audit log', () => {
    const known = new Set(keys(nb));
    expect(AUDIT_ACTIONS.map((a) => `admin.audit.actions.${a}`).filter((k) => !known.has(k))).toEqual([]);
  });

  // Also built from codes: the screens' status line, a device's state and the confirmations.
  it('has every status, device state and confirmation the screens show', () => {
    const known = new Set(keys(nb));
    const wanted = [
      ...['saved', 'invalid', 'revoked', 'wipeOrdered', 'offline', 'forbidden', 'failed'].map(
        (s) => `admin.status.${s}`,
      ),
      ...['active', 'revoked', 'wipeRequested', 'wiped'].map((s) => `admin.devices.states.${s}`),
      ...['revoke', 'wipe'].map((a) => `admin.devices.confirm.${a}`),
    ];
    expect(wanted.filter((k) => !known.has(k))).toEqual([]);
  });

  it('labels and explains every municipality setting', () => {
    const known = new Set(keys(nb));
    const wanted = Object.keys(MunicipalitySettings.shape).flatMap((k) => [
      `admin.settings.${k}`,
      `admin.settings.${k}Hint`,
    ]);
    expect(wanted.filter((k) => !known.has(k))).toEqual([]);
  });
});
