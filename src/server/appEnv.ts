import type { DeviceContext } from './auth/deviceTokens.ts';
import type { Store } from './store/store.ts';

/** What every request handler can read from `c.var`. */
export interface AppEnv {
  Variables: {
    store: Store;
    /** Set by `requireDevice` on authenticated routes. */
    device: DeviceContext;
  };
}
