#!/usr/bin/env node
// The `boardpack` command. It runs the TypeScript sources through tsx so that `npx boardpack`
// works right after `npm ci` on a fresh clone, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
await main();
