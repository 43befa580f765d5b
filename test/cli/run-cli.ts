// Runs the real CLI in-process against a temporary SQLite file and captures its output.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'shinchoku-cli-'));
  return {
    dir,
    database: join(dir, 'data', 'shinchoku.db'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['node', 'shinchoku', ...args], env, {
    out: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
  });
  return { code, stdout, stderr };
}
