// `shinchoku --version`: what an operator quotes when reporting a problem.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

it('prints the package version and the Node.js it runs on, and exits 0', async () => {
  const run = await cli(['--version'], {});
  expect(run).toEqual({ code: 0, stdout: `shinchoku ${version} (Node.js ${process.version})\n`, stderr: '' });
  expect((await cli(['-V'], {})).stdout).toBe(run.stdout);
});

it('answers even when the settings are broken, which is when it is asked for', async () => {
  const run = await cli(['--version'], { REMINDER_TIME: '25:00' });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`shinchoku ${version}`);
});

it('is listed in the help, described in the session language', async () => {
  const run = await cli(['--help'], { SHINCHOKU_LANG: 'ja' });
  expect(run.stdout).toMatch(/-V, --version\s+バージョン \(shinchoku と Node\.js\) を表示する/);
});
