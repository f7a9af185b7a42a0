/** Kept after the wipe (no personal data), so the sign-in screen can say why it is empty, even after a reload. */
const WIPED_KEY = 'kartlegg.wiped';

/**
 * A remote wipe an administrator ordered (a lost tablet): `wiping` while the local database is being
 * deleted (the screen says so instead of showing any data), `done` until someone signs in again.
 * Tiny and import-free: the app shell reads it on the critical path.
 */
class DeviceWipe {
  phase = $state<'none' | 'wiping' | 'done'>(localStorage.getItem(WIPED_KEY) === '1' ? 'done' : 'none');

  begin(): void {
    this.phase = 'wiping';
  }

  finish(): void {
    localStorage.setItem(WIPED_KEY, '1');
    this.phase = 'done';
  }

  /** Someone signed in again: the notice has been seen. */
  acknowledge(): void {
    localStorage.removeItem(WIPED_KEY);
    this.phase = 'none';
  }
}

export const deviceWipe = new DeviceWipe();
