import { mount } from 'svelte';
import { initI18n } from './i18n/i18n.svelte.ts';
import { appUpdates } from './pwa/updates.svelte.ts';
import App from './ui/App.svelte';
import './ui/styles.css';

// The local database opens only after the PIN (the PIN screen is a lazy chunk), so neither the sign-in
// nor the PIN screen waits for Dexie. The public information page never opens it at all.
await initI18n();
mount(App, { target: document.getElementById('app')! });
// The service worker (and its precache downloads) must not compete with the first paint.
if (document.readyState === 'complete') void appUpdates.register();
else window.addEventListener('load', () => void appUpdates.register(), { once: true });
