import { mount } from 'svelte';
import { initI18n } from './i18n/i18n.svelte.ts';
import { appUpdates } from './pwa/updates.svelte.ts';
import App from './ui/App.svelte';
import { isPublicInfoPage } from './ui/publicInfoPage.ts';
import { session } from './ui/state/session.svelte.ts';
import './ui/styles.css';

// A stored session loads Dexie in parallel with i18n; with none, the sign-in screen paints first.
// The public information page never opens the local database, even on a signed-in tablet.
const sessionLoaded = isPublicInfoPage(location.pathname) ? Promise.resolve() : session.load();
await initI18n();
mount(App, { target: document.getElementById('app')! });
await sessionLoaded;
// The service worker (and its precache downloads) must not compete with the first paint.
if (document.readyState === 'complete') void appUpdates.register();
else window.addEventListener('load', () => void appUpdates.register(), { once: true });
