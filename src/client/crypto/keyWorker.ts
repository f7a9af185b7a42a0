import { createKeyring, unwrapKeyring, WrongPinError } from './keyring.ts';
import type { KeyRequest, KeyResponse } from './keyProtocol.ts';

// PBKDF2 with 600,000 iterations runs here, off the main thread, so the PIN screen stays responsive.
self.onmessage = async ({ data }: MessageEvent<KeyRequest>) => {
  let response: KeyResponse;
  try {
    if (data.kind === 'create') {
      const { keyring, dataKey } = await createKeyring(data.pin);
      response = { ok: true, keyring, dataKey };
    } else {
      response = { ok: true, dataKey: await unwrapKeyring(data.pin, data.keyring) };
    }
  } catch (error) {
    response = { ok: false, wrongPin: error instanceof WrongPinError };
  }
  self.postMessage(response, { transfer: response.ok ? [response.dataKey.buffer] : [] });
};
