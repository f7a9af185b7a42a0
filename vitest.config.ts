import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so unit and server tests load neither Svelte nor the PWA plugin.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
    environment: 'node',
    // PGlite's initdb takes seconds on a cold start.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'Europe/Oslo' },
    setupFiles: ['tests/setup/dataKey.ts'],
  },
});
