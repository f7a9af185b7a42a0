#!/usr/bin/env node
// Runs a TypeScript script with tsx's loader: `node bin/tsx.js scripts/x.ts [args]`.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('Usage: node bin/tsx.js <script.ts> [args]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...args];
await import(pathToFileURL(resolve(script)).href);
