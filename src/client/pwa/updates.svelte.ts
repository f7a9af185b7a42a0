import { unsavedForms } from '../ui/state/unsavedForms.svelte.ts';

/**
 * The service worker's lifecycle as the UI sees it (workbox-window via vite-plugin-pwa, prompt mode).
 * A waiting update is applied only when the user asks and no form holds unsaved input.
 */
class AppUpdates {
  needRefresh = $state(false);
  offlineReady = $state(false);
  /** Another tab opened a newer database schema; this tab's connection is closed and must reload. */
  databaseUpgraded = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  async register(): Promise<void> {
    window.addEventListener('kartlegg:db-upgraded', () => (this.databaseUpgraded = true));
    if (!('serviceWorker' in navigator)) return;
    const { registerSW } = await import('virtual:pwa-register');
    this.#update = registerSW({
      onNeedRefresh: () => (this.needRefresh = true),
      onOfflineReady: () => (this.offlineReady = true),
      // Look for a new version every hour while the app stays open.
      onRegisteredSW: (_url, registration) => {
        if (registration) setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
      },
    });
  }

  get blocked(): boolean {
    return unsavedForms.any;
  }

  async apply(): Promise<void> {
    if (this.blocked || !this.#update) return;
    await this.#update(true);
  }

  dismiss(): void {
    this.needRefresh = false;
    this.offlineReady = false;
  }
}

export const appUpdates = new AppUpdates();
