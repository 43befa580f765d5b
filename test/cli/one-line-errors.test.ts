// Every failure a person can cause on the command line is one line, from
// the catalogue, in SHINCHOKU_LANG: no stack trace, no English beside Japanese.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => {
  ws.cleanup();
});

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('an unreachable database', () => {
  const down = 'postgres://bot:pw@127.0.0.1:9/shinchoku';
  const commands: string[][] = [['plan'], ['import', BUNDLED_YAML], ['preview', '--from', '2020-07-01', '--to', '2020-07-02'], ['digest', '--date', '2020-09-07'], ['outbox'], ['start']];

  it.each(commands)('is one catalogued line with the fix on `%s`', async (...args) => {
    const run = await cli(args, { DATABASE_URL: down });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^エラー: データベース \(PostgreSQL\) postgres:\/\/bot:\*\*\*@127\.0\.0\.1:9\/shinchoku を使えません \(ECONNREFUSED\) → DATABASE_URL の接続先/)]);
    expect(run.stderr).not.toContain(':pw@');
  });

  it('speaks English when asked', async () => {
    const run = await cli(['plan'], { DATABASE_URL: down, SHINCHOKU_LANG: 'en' });
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^error: The database \(PostgreSQL\) .* cannot be used \(ECONNREFUSED\) → Check host/)]);
  });
});

describe("commander's own errors", () => {
  it('are the catalogue’s, in Japanese by default', async () => {
    const env = { DATABASE_URL: ws.database };
    const missing = await cli(['preview', '--from', '2020-07-01'], env);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual([expect.stringMatching(/^エラー: オプション --to <date> を指定してください。 shinchoku --help/)]);
    const unknownOption = await cli(['plan', '--jsn'], env);
    expect(lines(unknownOption.stderr)).toEqual([expect.stringMatching(/^エラー: 「--jsn」というオプションはありません。 もしかして --json \?/)]);
    const unknownCommand = await cli(['pln'], env);
    expect(lines(unknownCommand.stderr)).toEqual([expect.stringMatching(/^エラー: 「pln」というコマンドはありません。 もしかして plan \?/)]);
    const missingArgument = await cli(['import'], env);
    expect(lines(missingArgument.stderr)).toEqual([expect.stringMatching(/^エラー: 引数 file を指定してください。/)]);
    for (const run of [missing, unknownOption, unknownCommand, missingArgument]) expect(run.stderr).not.toMatch(/required option|unknown option|unknown command|missing required/);
  });

  it('quote only a short prefix of a huge unknown command', async () => {
    const run = await cli(['x'.repeat(200_000)], { DATABASE_URL: ws.database });
    expect(run.code).toBe(1);
    expect(run.stderr.length).toBeLessThan(300);
    expect(run.stderr).toContain(`「${'x'.repeat(40)}…」`);
  });
});

describe('settings errors', () => {
  it('are in Japanese in a Japanese session, naming every bad setting', async () => {
    const run = await cli(['plan'], { DATABASE_URL: ws.database, PORT: 'eighty', REMINDER_TIME: '9時', SLACK_APP_TOKEN: 'xapp-1' });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/^エラー: 設定に誤りがあります \(\.env か環境変数を確認してください\): /);
    expect(run.stderr).toContain('REMINDER_TIME: 24時間制の HH:MM で指定してください');
    expect(run.stderr).toContain('SLACK_APP_TOKEN には SLACK_BOT_TOKEN');
    expect(run.stderr).toMatch(/PORT: \S/);
    expect(run.stderr).not.toMatch(/invalid settings|must be|Invalid input/);
  });
});
