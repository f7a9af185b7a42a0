import { mount } from 'svelte';
import { initI18n } from './i18n/i18n.svelte.ts';
import { appUpdates } from './pwa/updates.svelte.ts';
import App from './ui/App.svelte';
import { session } from './ui/state/session.svelte.ts';
import './ui/styles.css';

// Start reading the stored session at once; it loads Dexie in parallel with i18n and the first paint.
const sessionLoaded = session.load();
await initI18n();
mount(App, { target: document.getElementById('app')! });
await sessionLoaded;
// The service worker is not needed for the first paint; register it after.
void appUpdates.register();
