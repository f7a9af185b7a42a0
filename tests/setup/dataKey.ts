import { setDataKey } from '../../src/client/crypto/dataKey.ts';

// Every test that opens the app's database does so unlocked, so every row it writes goes through the
// encryption middleware like on a tablet.
setDataKey(crypto.getRandomValues(new Uint8Array(32)));
