#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: one package, no separate build of the
// server. Only the web app is built (by `npm start`, with Vite).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
