#!/usr/bin/env node
// The `shinchoku` command. It runs the TypeScript sources directly through
// tsx, so `npx shinchoku …` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);
