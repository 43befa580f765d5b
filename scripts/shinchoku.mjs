#!/usr/bin/env node
// The `shinchoku` command. It runs the TypeScript sources directly through
// tsx, so `npx shinchoku …` works right after `npm ci` with no build step.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings may live in .env (README, "Slack app"); what the environment
// already sets wins. process.loadEnvFile exists from Node 20.12 on.
if (existsSync('.env') && typeof process.loadEnvFile === 'function') process.loadEnvFile('.env');

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv);
