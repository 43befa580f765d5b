// `shinchoku --help` is the first thing an operator reads: every line of it,
// and of every sub-command's help, is in the session's language.
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

const env = { DATABASE_URL: ':memory:' };
const JAPANESE = /[\u3040-\u30FF\u4E00-\u9FFF]/;

/** The sub-commands the main help lists, nested ones (outbox retry) included. */
async function commands(): Promise<string[][]> {
  const main = await cli(['--help'], { ...env, SHINCHOKU_LANG: 'en' });
  const names = [...main.stdout.matchAll(/^ {2}([a-z][a-z-]*)(?= )/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
  const nested: string[][] = [];
  for (const name of names) {
    const help = await cli([name, '--help'], { ...env, SHINCHOKU_LANG: 'en' });
    for (const sub of help.stdout.split('Commands:')[1]?.matchAll(/^ {2}([a-z][a-z-]*)(?= )/gm) ?? []) if (sub[1] !== 'help') nested.push([name, sub[1]!]);
  }
  return [...names.map((name) => [name]), ...nested];
}

/** The description column of every option, argument and command line of a help text. */
function descriptions(help: string): string[] {
  return help
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.replace(/^ {2}\S.*?\s{2,}/, ''));
}

describe('shinchoku --help', () => {
  it('is Japanese by default: headings, every description, commander’s own words', async () => {
    const main = await cli(['--help'], env);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^使い方: shinchoku/);
    expect(main.stdout).toContain('コマンド:');
    expect(main.stdout).not.toMatch(/Usage:|Options:|Commands:|display help/);

    const all = await commands();
    expect(all.map((c) => c.join(' '))).toEqual(expect.arrayContaining(['import', 'preview', 'start', 'outbox retry']));
    for (const command of all) {
      const help = await cli([...command, '--help'], env);
      expect(help.code, command.join(' ')).toBe(0);
      expect(help.stdout, command.join(' ')).toMatch(/^使い方:/);
      expect(help.stdout, command.join(' ')).not.toMatch(/\(default:|Usage:|Options:|Arguments:/);
      for (const description of descriptions(help.stdout)) expect(description, `${command.join(' ')}: ${description}`).toMatch(JAPANESE);
    }
  });

  it('is English with SHINCHOKU_LANG=en, defaults shown as commander would', async () => {
    const help = await cli(['teams-package', '--help'], { ...env, SHINCHOKU_LANG: 'en' });
    expect(help.stdout).toMatch(/^Usage: shinchoku teams-package/);
    expect(help.stdout).toContain('(default: 1.0.0)');
    expect(help.stdout).not.toMatch(JAPANESE);
  });

  it('names a CLI error in the session language, prefix included', async () => {
    const run = await cli(['import'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^エラー: /);
    expect((await cli(['import'], { ...env, SHINCHOKU_LANG: 'en' })).stderr).toMatch(/^error: /);
  });
});
