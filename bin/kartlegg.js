#!/usr/bin/env node
// The `kartlegg` command. The CLI is TypeScript run through tsx's loader, so the server needs no
// separate build step; only the PWA is built (by `kartlegg serve` when dist/ is missing or stale).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
