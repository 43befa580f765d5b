import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
const EXAMPLE_DIRECTORY = new URL('../../config/directory.example.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let slack: FakeSlackApi;
beforeEach(async () => {
  ws = tempWorkspace();
  slack = await startFakeSlackApi({ tokens: ['xoxb-good'] });
});
afterEach(async () => {
  await slack.stop();
  ws.cleanup();
});

const failing = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('✗'));

describe('shinchoku doctor', () => {
  it('passes every check on a healthy setup', async () => {
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: EXAMPLE_DIRECTORY, SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: slack.url };
    await cli(['import', BUNDLED_YAML], env);
    const run = await cli(['doctor'], env);
    // The example directory leaves 総務部管財課 out on purpose.
    expect(failing(run.stdout)).toEqual(['✗ チャンネルが設定されていない担当課: 総務部管財課 (お知らせは取りまとめチャンネルに届きます)']);
    expect(run.stdout).toMatch(/✓ Slack に接続できます/);
    expect(run.code).toBe(1);
  });

  it('prints one failing line with its fix for a bad token, an unmapped division and an unreachable database', async () => {
    const env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: EXAMPLE_DIRECTORY, SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: 'test-secret', SLACK_API_URL: slack.url };
    await cli(['import', BUNDLED_YAML], env);
    const run = await cli(['doctor'], env);
    expect(run.code).toBe(1);
    expect(failing(run.stdout)).toHaveLength(2);
    expect(run.stdout).toMatch(/✗ Slack に接続できません: invalid_auth\n {4}→ SLACK_BOT_TOKEN/);
    expect(run.stdout).toMatch(/✗ チャンネルが設定されていない担当課: 総務部管財課.*\n {4}→ /);

    const down = await cli(['doctor'], { ...env, DATABASE_URL: 'postgres://bot:pw@127.0.0.1:1/shinchoku', SLACK_BOT_TOKEN: 'xoxb-good' });
    expect(down.code).toBe(1);
    expect(failing(down.stdout)).toEqual([expect.stringMatching(/^✗ データベース \(PostgreSQL\) postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/shinchoku を使えません/)]);
    expect(down.stdout).not.toContain(':pw@');
  });

  it('reports malformed settings as its first check', async () => {
    const run = await cli(['doctor'], { DATABASE_URL: ws.database, PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^✗ 設定に誤りがあります: .*PORT/);
  });
});
