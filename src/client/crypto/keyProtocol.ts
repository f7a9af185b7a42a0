import type { Keyring } from './keyring.ts';

export type KeyRequest = { kind: 'create'; pin: string } | { kind: 'unwrap'; pin: string; keyring: Keyring };

export type KeyResponse = { ok: true; dataKey: Uint8Array; keyring?: Keyring } | { ok: false; wrongPin: boolean };
