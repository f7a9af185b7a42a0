import { WrongPinError, type Keyring } from './keyring.ts';
import type { KeyRequest, KeyResponse } from './keyProtocol.ts';

/** One request to a fresh key worker, which ends with it: no PIN stays in a long-lived worker. */
function ask(request: KeyRequest): Promise<Extract<KeyResponse, { ok: true }>> {
  const worker = new Worker(new URL('./keyWorker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<KeyResponse>) => {
      worker.terminate();
      if (data.ok) resolve(data);
      else reject(data.wrongPin ? new WrongPinError() : new Error('key worker failed'));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });
}

export async function createKeyringInWorker(pin: string): Promise<{ keyring: Keyring; dataKey: Uint8Array }> {
  const { keyring, dataKey } = await ask({ kind: 'create', pin });
  if (!keyring) throw new Error('key worker returned no keyring');
  return { keyring, dataKey };
}

export async function unwrapInWorker(pin: string, keyring: Keyring): Promise<Uint8Array> {
  return (await ask({ kind: 'unwrap', pin, keyring })).dataKey;
}
