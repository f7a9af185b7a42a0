import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    svelte(),
    VitePWA({
      // Never swap the app under an open form: the user accepts the update (see pwa/updates.svelte.ts).
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['apple-touch-icon.png'],
      manifest: {
        name: 'Kartlegg – kompetansekartlegging',
        short_name: 'Kartlegg',
        description: 'Kompetansekartlegging av beboere i asylmottak, også uten nett.',
        lang: 'nb',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole app shell and every lazily loaded chunk (other languages, screens) work offline.
        // PNG icons and the manifest are added by the plugin itself (from `manifest` and includeAssets).
        globPatterns: ['**/*.{js,css,html,svg,woff2,json}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // Take control on first install so the very first visit is already offline-capable;
        // updates still wait for the user (no skipWaiting).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        advancedChunks: {
          // The small modules the sign-in page shares with lazy screens (session state, the keyring
          // check, the language picker…) in one chunk rather than one request and wrapper each.
          groups: [
            {
              name: 'shell',
              test: /src\/client\/(ui\/state\/(session|deviceWipe|unsavedForms)\.svelte\.ts|crypto\/keyringStore\.ts|ui\/LanguagePicker\.svelte)/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
});
